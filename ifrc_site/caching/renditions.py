"""Image renditions made when a page is published, so that no reader waits for one: on the
task queue, so that the editor who publishes does not wait either.

The specs here are those `templates/components/picture.html` asks for (a test keeps the two in
step). On publish, every image a page shows gets the sizes it is shown at: its hero picture the
hero (or wide) sizes and the card sizes used when listed; pictures in the body the card and
wide sizes.
"""

from django.conf import settings

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

from django_tasks import task
from PIL import (
    AvifImagePlugin,  # noqa: F401  (register the encoders wrapped below)
    WebPImagePlugin,  # noqa: F401
)
from PIL import Image as PILImage

SPECS = {
    "hero": "format-{avif,webp,jpeg} fill-{480x270,800x450,1200x675,1600x900}-c100",
    "wide": "format-{avif,webp,jpeg} width-{480,800,1200}",
    "portrait": "format-{avif,webp,jpeg} fill-{160x160,320x320}-c100",
    "card": "format-{avif,webp,jpeg} fill-{320x200,480x300,720x450}-c100",
}


def encode_with(format_name, option, value):
    """Pictures in `format_name` ("AVIF" or "WEBP") encoded with Pillow's `option` at `value`
    unless a caller asks otherwise: AVIF's "speed" (settings.AVIF_ENCODING_SPEED) and WebP's
    "method" (settings.WEBP_ENCODING_METHOD). Wagtail passes Pillow only a quality, and Pillow
    encodes AVIF at speed 6 and WebP with method 4 unless told otherwise. Quicker is larger:
    AVIF at 8 takes a third of the processor time and comes out 10% larger, at 10 a tenth of
    the time and 37% larger; WebP with method 2 takes less than half and comes out 7% larger.
    The two plugins are imported on their own above (10 to 13 ms): PILImage.init() would load
    every format's, another 33 to 43 ms at each process start."""
    for registry in (PILImage.SAVE, PILImage.SAVE_ALL):
        save = registry.get(format_name)
        if save is None:
            continue  # a Pillow built without this format
        save = getattr(save, "encoder", save)

        def save_with(image, fp, filename, save=save):
            image.encoderinfo.setdefault(option, value)
            return save(image, fp, filename)

        save_with.encoder = save
        registry[format_name] = save_with


def expanded(role):
    return Filter.expand_spec(SPECS[role])


def stream_image_ids(data):
    """Ids of every image chosen in raw StreamField data (ImageBlock values)."""
    if isinstance(data, dict):
        if "image" in data and "decorative" in data and isinstance(data["image"], int):
            yield data["image"]
        for value in data.values():
            yield from stream_image_ids(value)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from stream_image_ids(item)


def images_of(page):
    """(image, roles) for every image the page shows."""
    Image = get_image_model()
    roles = {}
    hero = getattr(page, "hero_image_id", None)
    if hero:
        big = (
            "wide"
            if hasattr(page, "dateline_place") or hasattr(page, "consent_recorded")
            else "hero"
        )
        roles.setdefault(hero, set()).update({big, "card"})
    listing = getattr(page, "listing_image_id", None)
    if listing:
        roles.setdefault(listing, set()).add("card")
    body = getattr(page, "body", None)
    if body is not None:
        for image_id in stream_image_ids(list(body.raw_data)):
            roles.setdefault(image_id, set()).update({"card", "wide"})
    images = Image.objects.in_bulk(roles)
    return [(images[pk], roles[pk]) for pk in roles if pk in images]


def make_renditions(page):
    for image, roles in images_of(page):
        specs = [spec for role in sorted(roles) for spec in expanded(role)]
        image.get_renditions(*specs)


@task()
def make_page_renditions(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        make_renditions(page.specific)


def queue_every_page():
    """Queue the renditions of every live page: after the sizes above change, after a database
    is restored without its renditions, or for content loaded without publishing's tasks.
    Returns how many pages were queued."""
    ids = list(Page.objects.live().exclude(depth=1).values_list("pk", flat=True))
    for page_id in ids:
        make_page_renditions.enqueue(page_id)
    return len(ids)


def page_published(sender, instance, **kwargs):
    if getattr(settings, "WARM_RENDITIONS_ON_PUBLISH", True):
        make_page_renditions.enqueue(instance.pk)

"""Renditions are made on publish, match the template's sizes, and render with dimensions."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.template import Context, Template

from wagtail.images.models import Filter

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from ifrc_site.caching.renditions import SPECS, encode_with, expanded, make_renditions
from resources.models import CaseStudyPage

pytestmark = pytest.mark.django_db


def test_specs_match_the_picture_template():
    template = (Path(settings.BASE_DIR) / "templates/components/picture.html").read_text()
    used = set(re.findall(r"\{% picture image (format-\S+ \S+) ", template))
    assert used == set(SPECS.values())


def test_publishing_makes_every_rendition_the_page_shows(immunization_page, client):
    from wagtail.images import get_image_model

    rendition_model = get_image_model().get_rendition_model()
    rendition_model.objects.all().delete()
    caches["renditions"].clear()
    # Everything the page shows has been published: itself and the case studies it lists.
    for page in [immunization_page, *CaseStudyPage.objects.live().specific()]:
        make_renditions(page)
    hero = immunization_page.hero_image
    made = set(hero.renditions.values_list("filter_spec", flat=True))
    assert set(expanded("hero")) | set(expanded("card")) <= made
    # Rendering the page now makes no new rendition: no reader waits for one.
    before = rendition_model.objects.count()
    assert client.get(immunization_page.url).status_code == 200
    assert rendition_model.objects.count() == before


def test_pictures_have_dimensions_lazy_loading_and_modern_formats(client, immunization_page):
    soup = BeautifulSoup(client.get(immunization_page.url).content, "lxml")
    pictures = soup.select("main picture")
    assert len(pictures) >= 8
    for picture in pictures:
        img = picture.find("img")
        assert img.has_attr("width") and img.has_attr("height")
        assert img.has_attr("srcset") and img.has_attr("sizes")
        # AVIF first, then WebP: a browser takes the first source whose type it reads.
        sources = picture.find_all("source")
        assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
        assert all(source["srcset"].count("w,") >= 1 for source in sources)
        assert all(".avif " in part for part in sources[0]["srcset"].split(","))
    hero = soup.select_one(".page-hero img")
    assert hero["loading"] == "eager" and hero["fetchpriority"] == "high"
    below = soup.select(".activity-card img")
    assert below and all(img["loading"] == "lazy" for img in below)


def test_showing_a_page_again_writes_nothing_to_the_rendition_cache(
    client, immunization_page, settings, monkeypatch
):
    """The renditions a page shows are read from the cache on the next rendering, not written
    back to it picture by picture (Wagtail 8.0 did, see ifrc_site.models.RenditionCache)."""
    settings.PAGE_CACHE_SECONDS = 0  # render the page each time
    url = immunization_page.url
    client.get(url)  # the renditions go into the cache
    writes = []
    renditions_cache = caches["renditions"]
    for method in ("set", "set_many", "add"):
        original = getattr(renditions_cache, method)

        def counting(*args, _original=original, _method=method, **kwargs):
            writes.append(_method)
            return _original(*args, **kwargs)

        monkeypatch.setattr(renditions_cache, method, counting)
    response = client.get(url)
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "lxml").select("picture source[srcset]")
    assert writes == []


def test_the_picture_tag_makes_its_filters_once_and_renders_as_wagtails(
    immunization_page, monkeypatch
):
    """`{% picture %}` (site_tags) makes its filters when the template is compiled, not at each
    rendering, and writes what Wagtail's own tag writes."""
    image = immunization_page.hero_image
    tag = '{% picture image format-{webp,jpeg} width-{480,800} sizes="100vw" alt="" %}'
    ours = Template("{% load site_tags %}" + tag)
    wagtails = Template("{% load wagtailimages_tags %}" + tag)
    made = []
    original_init = Filter.__init__

    def counting_init(self, *args, **kwargs):
        made.append(kwargs.get("spec", args[0] if args else None))
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(Filter, "__init__", counting_init)
    first = ours.render(Context({"image": image}))
    again = ours.render(Context({"image": image}))
    assert made == [], f"filters made while rendering: {made}"
    assert first == again == wagtails.render(Context({"image": image}))
    assert made, "Wagtail's own tag makes them at each rendering"
    assert first.count("<source") == 1 and 'type="image/webp"' in first


def encoded(picture, format_name, **options):
    output = io.BytesIO()
    picture.save(output, format_name, quality=60, **options)
    return output.getvalue()


@pytest.mark.parametrize(
    "format_name, option, setting, default, quickest",
    [
        ("AVIF", "speed", "AVIF_ENCODING_SPEED", 6, 10),
        ("WEBP", "method", "WEBP_ENCODING_METHOD", 4, 0),
    ],
)
def test_pictures_are_encoded_with_the_effort_the_settings_give(
    format_name, option, setting, default, quickest
):
    """Wagtail hands Pillow only a quality: AVIF_ENCODING_SPEED and WEBP_ENCODING_METHOD reach
    the encoders through encode_with(), which the site calls when it starts."""
    picture = Image.radial_gradient("L").convert("RGB").resize((320, 200))
    Image.init()  # every format's plugin loaded, as the first picture a process opens does
    configured = getattr(settings, setting)
    assert encoded(picture, format_name) == encoded(picture, format_name, **{option: configured})
    try:
        for value in (default, quickest):
            encode_with(format_name, option, value)
            assert encoded(picture, format_name) == encoded(picture, format_name, **{option: value})
        encode_with(format_name, option, default)
        assert encoded(picture, format_name) != encoded(picture, format_name, **{option: quickest})
        # Asked again, the value replaces the last one rather than wrapping it.
        assert getattr(Image.SAVE[format_name], "encoder", None) is not None
        assert not hasattr(Image.SAVE[format_name].encoder, "encoder")
    finally:
        encode_with(format_name, option, configured)

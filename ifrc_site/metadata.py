"""What search engines and social apps read about a page: its description, its canonical
address, the picture a shared link shows, its breadcrumbs and its structured data (JSON-LD).

Page types say what they are through two hooks, both optional: `structured_data(request,
context)` returns the page's main schema.org item (`BasePage` gives a `WebPage`), and
`card_summary` / `card_image` (ListingFieldsMixin) give the description and the picture. The
template tags in `templatetags/site_tags.py` put it in the page's head; the renditions are those
publishing already makes (`caching/renditions.py`), so no reader waits for one.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.images.models import SourceImageIOError

from ifrc_site.caching.pagecache import fragment
from ifrc_site.queries import language_of, page_is_shown

DESCRIPTION_LENGTH = 200
# The sharing picture: the largest JPEG of a size the page already shows (made on publish).
SHARE_SPECS = {
    "hero": "format-jpeg|fill-1200x675-c100",
    "wide": "format-jpeg|width-1200",
    "card": "format-jpeg|fill-720x450-c100",
}
# Open Graph names a locale with its territory.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES", "ar": "ar_AR"}
# A listing's canonical address keeps its page number and drops every filter.
CANONICAL_PARAMETERS = ("page",)


def full_url(page, request):
    """The page's address on the host the reader asked (as the hreflang links give it)."""
    return request.build_absolute_uri(page.get_url(request))


def first_paragraph(page):
    """The text of the first paragraph of the page's body, if it has one."""
    body = getattr(page, "body", None)
    for block in body or ():
        if block.block_type in ("intro", "paragraph"):
            text = " ".join(strip_tags(getattr(block.value, "source", str(block.value))).split())
            if text:
                return text
    return ""


def description(page):
    """The page's search description, else its summary, else its strapline or introduction,
    else its first paragraph."""
    if page is None:
        return ""
    text = (
        getattr(page, "search_description", "")
        or getattr(page, "card_summary", "")
        or getattr(page, "strapline", "")
        or getattr(page, "intro", "")
        or first_paragraph(page)
    )
    return Truncator(" ".join(str(text).split())).chars(DESCRIPTION_LENGTH)


def canonical_url(request, page):
    """The page's own full address, with a listing's page number and no filters."""
    if page is None:
        base = request.build_absolute_uri(request.path)
    else:
        base = full_url(page, request)
    kept = [
        (name, request.GET[name])
        for name in CANONICAL_PARAMETERS
        if request.GET.get(name, "").isdigit() and request.GET[name] != "1"
    ]
    if not kept:
        return base
    return base + "?" + "&".join(f"{name}={value}" for name, value in kept)


def share_choice(page):
    """(image id, rendition spec) of the picture a shared link to the page shows: its main
    (hero) picture, else its listing picture; (None, None) without either."""
    hero = getattr(page, "hero_image_id", None)
    if hero:
        return hero, SHARE_SPECS.get(
            getattr(page, "hero_picture_size", "hero"), SHARE_SPECS["card"]
        )
    listing = getattr(page, "listing_image_id", None)
    if listing:
        return listing, SHARE_SPECS["card"]
    return None, None


def share_image(page):
    """(rendition, image) of the picture a shared link to the page shows, or None (also when
    the picture's original file is missing: the page still renders)."""
    image_id, spec = share_choice(page)
    if image_id is None:
        return None
    is_hero = image_id == getattr(page, "hero_image_id", None)
    image = page.hero_image if is_hero else page.listing_image
    try:
        return image.get_rendition(spec), image
    except SourceImageIOError:
        return None


def share_picture(page):
    """{url, width, height, alt}: the sharing picture as the page's head shows it, kept once
    per content generation (no query on a page served again), or None."""

    def compute():
        found = share_image(page)
        if found is None:
            return None
        rendition, image = found
        alt = "" if getattr(image, "decorative", False) else image.alt_for(language)
        return {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt,
        }

    image_id, spec = share_choice(page)
    if image_id is None:
        return None
    language = translation.get_language()
    key = ("share-picture", image_id, spec, language)
    # The head's tags and the JSON-LD both ask: one cache lookup per page and request.
    remembered = getattr(page, "_share_picture", None)
    if remembered is None or remembered[0] != key:
        page._share_picture = (key, fragment(key, compute))
    return page._share_picture[1]


def organization(request, name):
    """The International Federation (`name`, from the site settings), publisher of every page."""
    return {
        "@type": "Organization",
        "@id": request.build_absolute_uri("/#organization"),
        "name": name,
        "alternateName": "IFRC",
        "url": request.build_absolute_uri("/"),
        "logo": request.build_absolute_uri(static("favicon.svg")),
    }


def breadcrumbs(page, request):
    """[(title, url)] from the language's home page down to the page, or [] on a home page.

    Kept once per content generation (the visible breadcrumbs and the JSON-LD read it)."""
    if page is None or page.depth <= 2:
        return []

    def compute():
        trail = [
            (ancestor.title, ancestor.get_url(request))
            for ancestor in page.get_ancestors().filter(depth__gte=2)
            if page_is_shown(ancestor)
        ]
        return [*trail, (page.title, page.get_url(request))]

    return fragment(("breadcrumbs", page.pk, request.get_host()), compute)


def breadcrumb_list(page, request):
    trail = breadcrumbs(page, request)
    if not trail:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": title,
                "item": request.build_absolute_uri(url),
            }
            for position, (title, url) in enumerate(trail, start=1)
        ],
    }


def web_page(page, request, kind="WebPage"):
    """The schema.org item every page is at least: its name, address, language, description."""
    item = {
        "@type": kind,
        "@id": full_url(page, request) + "#page",
        "url": full_url(page, request),
        "name": page.seo_title or page.title,
        "inLanguage": language_of(page),
        "isPartOf": {"@id": request.build_absolute_uri("/#website")},
        "publisher": {"@id": request.build_absolute_uri("/#organization")},
    }
    text = description(page)
    if text:
        item["description"] = text
    if page.last_published_at:
        item["dateModified"] = page.last_published_at.isoformat()
    share = share_picture(page)
    if share:
        item["image"] = request.build_absolute_uri(share["url"])
    return item


def graph(page, request, context, organisation_name):
    """Every item of the page's one JSON-LD script."""
    items = [
        organization(request, organisation_name),
        {
            "@type": "WebSite",
            "@id": request.build_absolute_uri("/#website"),
            "name": settings.WAGTAIL_SITE_NAME,
            "url": request.build_absolute_uri("/"),
            "publisher": {"@id": request.build_absolute_uri("/#organization")},
        },
    ]
    if page is not None:
        make = getattr(page, "structured_data", None)
        main = make(request, context) if make else web_page(page, request)
        items.extend(main if isinstance(main, list) else [main])
        crumbs = breadcrumb_list(page, request)
        if crumbs:
            items.append(crumbs)
    return {"@context": "https://schema.org", "@graph": items}


def place(city, country_code):
    """A schema.org Place: a city or area, and its country (ISO 3166-1 alpha-2)."""
    item = {"@type": "Place", "name": city}
    if country_code:
        item["address"] = {
            "@type": "PostalAddress",
            "addressLocality": city,
            "addressCountry": country_code,
        }
    return item

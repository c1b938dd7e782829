"""Template tags for the pieces every page shares: navigation, languages, dates, documents."""

from django import template
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import get_language_info, ngettext

from wagtail.models import Page, Site

from ifrc_site.cache import fragment
from ifrc_site.queries import active_locale, localized, public

register = template.Library()


def _home_page(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return fragment(("home", site.pk, active_locale().pk), lambda: localized(site.root_page))


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _home_page(request)
    current = context.get("page")
    pages = []
    if home is not None:
        pages = fragment(
            ("menu", home.pk),
            lambda: list(public(home.get_children().live().in_menu(), request)),
        )
    items = [
        {"page": item, "active": current is not None and current.path.startswith(item.path)}
        for item in pages
    ]
    return {"home": home, "items": items, "request": request}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation where there is one, else to that
    language's home page. Each link is labelled in its own language."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    key = ("languages", getattr(page, "pk", None) or request.path, current)
    return fragment(key, lambda: _language_links(request, page, current))


def _language_links(request, page, current):
    site = Site.find_for_request(request)
    keys = {site.root_page.translation_key} if site is not None else set()
    if isinstance(page, Page) and page.pk:
        keys.add(page.translation_key)
    # One query for the page's translations and the home page of every language.
    translations, homes = {}, {}
    for other in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
        code = other.locale.language_code
        if isinstance(page, Page) and other.translation_key == page.translation_key:
            translations[code] = other
        if site is not None and other.translation_key == site.root_page.translation_key:
            homes[code] = other
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is not None:
            with translation.override(code):
                url = target.get_url(request)
        else:
            url = f"/{code}/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
                "bidi": info["bidi"],
            }
        )
    return {"links": links}


@register.filter
def long_date(value):
    """A date as people write it in the active language: "16 May 2017", "16 mai 2017"."""
    if not value:
        return ""
    return formats.date_format(value, "j F Y")


@register.filter
def short_date(value):
    """A compact numeric date in the active language's order: "18/09/2020"."""
    if not value:
        return ""
    return formats.date_format(value, "SHORT_DATE_FORMAT")


THREE_G_BITS_PER_SECOND = 750_000  # a slow but usable 3G connection


@register.filter
def download_time(size):
    """How long a file of `size` bytes takes on a 3G connection: "about 12 seconds"."""
    if not size:
        return ""
    seconds = max(1, round(size * 8 / THREE_G_BITS_PER_SECOND))
    if seconds < 90:
        return ngettext("about %(n)d second on 3G", "about %(n)d seconds on 3G", seconds) % {
            "n": seconds
        }
    minutes = round(seconds / 60)
    return ngettext("about %(n)d minute on 3G", "about %(n)d minutes on 3G", minutes) % {
        "n": minutes
    }

"""Template tags for the pieces every page shares: navigation, languages, dates, documents."""

from django import template
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import get_language_info

from wagtail.models import Page, Site

register = template.Library()


def _home_page(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _home_page(request)
    current = context.get("page")
    items = []
    if home is not None:
        for item in home.get_children().live().public().in_menu():
            active = current is not None and current.path.startswith(item.path)
            items.append({"page": item, "active": active})
    # Page titles of a home page not yet translated are in that page's language.
    lang = ""
    if home is not None and home.locale.language_code != translation.get_language():
        lang = home.locale.language_code
    return {"home": home, "items": items, "lang": lang, "request": request}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation where there is one, else to that
    language's home page. Each link is labelled in its own language."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    homes = {}
    site = Site.find_for_request(request)
    if site is not None:
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home
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

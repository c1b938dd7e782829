"""Template tags for the pieces every page shares: navigation, languages, dates, documents."""

import datetime
import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext, ngettext

from wagtail.images.templatetags import wagtailimages_tags
from wagtail.models import Page, Site

from ifrc_site import metadata
from ifrc_site.caching.pagecache import fragment, fragments, low_data
from ifrc_site.i18n import is_out_of_date, live_translations, page_url_in_language, source_page
from ifrc_site.page_layout import page_layout as split_body
from ifrc_site.queries import active_locale, localized, page_is_shown, public

register = template.Library()


class PictureNode(wagtailimages_tags.PictureNode):
    """Wagtail's `{% picture %}`, with its filters made once, when the template is compiled.

    Wagtail makes them again at every rendering, and each one works out its operations anew
    (parsing the spec, reading each operation's signature): a sixth of a page's time where a
    page shows a dozen pictures in eight sizes each. A filter holds only its spec and those
    operations, read-only once made, so one set serves every rendering and thread.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = super().get_filters()

    def get_filters(self):
        return self.filters


@register.tag
def picture(parser, token):
    """`{% picture image format-{avif,webp,jpeg} width-{480,800} ... %}`, as Wagtail's reads it."""
    node = wagtailimages_tags.image(parser, token)
    return PictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


class ReadersFragmentNode(template.Node):
    def __init__(self, nodelist, page, name, vary=None):
        self.nodelist, self.page, self.name, self.vary = nodelist, page, name, vary

    def render(self, context):
        page = self.page.resolve(context)
        readers = _readers_key(context)
        vary = self.vary.resolve(context) if self.vary else ""
        if readers is None or not isinstance(page, Page) or page.pk is None or vary is None:
            return self.nodelist.render(context)
        key = ("readers-fragment", self.name, page.pk, page.live_revision_id, *readers, vary)
        return fragment(key, lambda: str(self.nodelist.render(context)))


def _readers_key(context):
    """What a part shown to readers depends on beyond the content: the language, the low-data
    mode and the host. None where it must be rendered afresh: for editors (signed in), in
    previews and outside a request."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or request.user.is_authenticated:
        return None
    return (translation.get_language(), low_data(request), request.get_host())


@register.simple_tag(takes_context=True)
def card_items(context, items, template_name, name):
    """`{% card_items stories "components/news_card.html" "story" %}`: each item's card in a
    list item, the card rendered with the item as `name`.

    A card shows what was published and nothing of the reader, so each is rendered once per
    content generation (as `readers_fragment` is) and a listing's dozen come from the cache in
    one round trip: rendering them was most of a listing page's time. Kept by the template,
    the item and what `_readers_key` names; editors and previews get them afresh.
    """
    items = list(items)
    card = context.template.engine.get_template(template_name)

    def render(index):
        with context.render_context.push_state(card, isolated_context=False):
            with context.push({name: items[index]}):
                return card.render(context)

    readers = _readers_key(context)
    if readers is None:
        cards = [render(index) for index in range(len(items))]
    else:
        parts = [("card", template_name, item._meta.label, item.pk, *readers) for item in items]
        cards = fragments(parts, render)
    return mark_safe("".join(f"<li>{card}</li>" for card in cards))  # rendered templates


@register.simple_tag
def page_layout(stream):
    """`{% page_layout page.body as layout %}`: the body's sections, and its blocks for the
    main and side columns (ifrc_site/page_layout.py)."""
    return split_body(stream)


@register.tag
def readers_fragment(parser, token):
    """`{% readers_fragment page "body" %}...{% endreaders_fragment %}`: a part of a page that
    is the same for every reader, rendered once per content generation.

    A programme or home page's body is most of its work (its blocks load the pages, documents
    and pictures they show, its automatic sections their latest items), and it changes only
    when something is published, which starts a new generation. The part is kept by its name,
    the page and its live revision, the language, the low-data mode and the host. Editors (signed
    in) and previews always get it rendered afresh. What the part reads must be the same for
    every reader of that page: no token, nothing from the query string but what `vary` names.

    `{% readers_fragment page "filters" filters.fragment_key %}`: a part that also depends on
    something else (a listing's filters in use), kept for each value of `vary`; rendered
    afresh where `vary` is None.
    """
    bits = token.split_contents()
    if len(bits) not in (3, 4):
        raise template.TemplateSyntaxError(f'Usage: {{% {bits[0]} page "name" [vary] %}}')
    nodelist = parser.parse(("endreaders_fragment",))
    parser.delete_first_token()
    vary = parser.compile_filter(bits[3]) if len(bits) == 4 else None
    return ReadersFragmentNode(nodelist, parser.compile_filter(bits[1]), bits[2].strip("\"'"), vary)


def _home_page(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return fragment(("home", site.pk, active_locale().pk), lambda: localized(site.root_page))


def _page_translations(context):
    """The live versions of the page being shown, by language; worked out once per request."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return None, {}
    request = context["request"]
    cache = request.__dict__.setdefault("_page_translations", {})
    if page.pk not in cache:
        cache[page.pk] = fragment(("translations", page.pk), lambda: live_translations(page))
    return page, cache[page.pk]


def content_language(page):
    """The language code of a page shown in another language's interface (a page not yet
    translated), or "" when it is in the interface's language, as nearly always. The locale
    is only read in that rare case: comparing ids costs no query."""
    if not isinstance(page, Page) or page.locale_id == active_locale().pk:
        return ""
    return page.locale.language_code


@register.inclusion_tag("components/content_language.html")
def content_language_attributes(page):
    """`lang` and `dir` for an element holding a page's content, when they differ from the
    interface's."""
    code = content_language(page)
    return {"code": code, "bidi": bool(code) and get_language_info(code)["bidi"]}


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
    return {"home": home, "items": items, "lang": content_language(home), "request": request}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation where there is one, else to that
    language's home page. Each link is labelled in its own language, and goes through the
    view that remembers the reader's choice. Worked out once per content generation."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    key = ("languages", getattr(page, "pk", None) or request.path, current)
    return fragment(key, lambda: _language_links(context, current))


def _language_links(context, current):
    request = context["request"]
    _page, translations = _page_translations(context)
    homes = {}
    site = Site.find_for_request(request)
    if site is not None:
        homes = live_translations(site.root_page)
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        url = page_url_in_language(target, request, code) if target else f"/{code}/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": capfirst(info["name_local"]),
                "url": url,
                "href": reverse("choose_language", args=[code]) + "?" + urlencode({"next": url}),
                "is_translation": code in translations,
                "current": code == current,
                "bidi": info["bidi"],
            }
        )
    return {"links": links}


@register.inclusion_tag("components/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel="alternate" hreflang> for every live version of the page, and x-default: the
    page in the default language, or the address that picks a language for the reader."""
    request = context["request"]
    _page, translations = _page_translations(context)
    if not translations:
        return {"links": []}
    links = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url = page_url_in_language(translations[code], request, code)
            links.append({"hreflang": code, "href": request.build_absolute_uri(url)})
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        x_default = page_url_in_language(default, request, settings.LANGUAGE_CODE)
    else:
        x_default = "/"
    links.append({"hreflang": "x-default", "href": request.build_absolute_uri(x_default)})
    return {"links": links}


@register.simple_tag(takes_context=True)
def footer_links(context):
    """`{% footer_links as links %}`: the footer's links from the site settings, then the
    privacy and terms of use pages, each as `{"href", "text"}` in the reader's language; a page
    readers may not open is left out. Worked out once per content generation and language."""
    request = context["request"]
    site = Site.find_for_request(request)
    site_settings = context.get("site_settings")
    if site is None or site_settings is None:
        return []

    def links():
        found = []
        for block in site_settings.footer_links:
            if block.value.href:
                found.append({"href": block.value.href, "text": block.value.label})
        for page in (site_settings.privacy_page, site_settings.terms_page):
            # The reader's language where that version is live, else the page chosen.
            shown = localized(page) if page is not None else None
            if shown is not None and page_is_shown(shown):
                found.append({"href": shown.url, "text": shown.title})
        return found

    return fragment(("footer-links", site.pk, translation.get_language()), links)


@register.inclusion_tag("components/translation_notice.html", takes_context=True)
def translation_notice(context):
    """A short note on a translation published before the English page was last updated."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return {}
    source = fragment(("source-page", page.pk), lambda: source_page(page))
    if not is_out_of_date(page, source):
        return {}
    request = context["request"]
    return {
        "source": source,
        "source_url": page_url_in_language(source, request, settings.LANGUAGE_CODE),
        "source_language": settings.LANGUAGE_CODE,
        "updated": source.last_published_at,
    }


@register.filter
def long_date(value):
    """A date as people write it in the active language: "16 May 2017", "16 mai 2017",
    "16 de mayo de 2017"."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATE_FORMAT")


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


@register.filter
def download_cue(document):
    """What a reader wants to know before opening a document: "PDF, 6 KB, about 1 second on
    3G". The format is isolated (see Resource.format_label), so that the cue reads in order on
    right-to-left pages too."""
    label, time = document.format_label, download_time(document.file_size)
    if not time:
        return label
    # Translators: joins the parts of a document's description, "PDF, 6 KB" and then
    # "PDF, 6 KB, about 1 second on 3G"; use your language's list separator.
    return format_html(gettext("{first}, {second}"), first=label, second=time)


@register.filter
def interface_text(value):
    """A setting's text in the reader's language when it is one the site translates (the
    organisation's name as first set, for example); otherwise the text as the editor wrote it."""
    return gettext(value) if value else ""


@register.filter
def language_attrs(language_code):
    """` lang="en" dir="ltr"` for text in another language than the page's; "" otherwise."""
    if not language_code or language_code == translation.get_language():
        return ""
    try:
        bidi = translation.get_language_info(language_code)["bidi"]
    except KeyError:
        return format_html(' lang="{}"', language_code)
    direction = "rtl" if bidi else "ltr"
    return format_html(' lang="{}" dir="{}"', language_code, direction)


@register.simple_tag
def image_alt(image, alt=None):
    """A picture's alt text in the language being served.

    `alt` is what a block says (the alt text chosen with the picture). When it is the picture's
    own default alt text, or empty, the picture's alt text in the reader's language is used;
    alt text the page's editor wrote for this page is kept. A decorative picture has none.
    """
    if not image or getattr(image, "decorative", False):
        return ""
    if alt and alt != image.default_alt_text:
        return alt
    return image.alt_for(translation.get_language())


# What search engines and social apps read (ifrc_site/metadata.py) -----------------------------

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.inclusion_tag("components/page_metadata.html", takes_context=True)
def page_metadata(context):
    """Description, canonical link, Open Graph and Twitter card, and the page's one JSON-LD
    script (data, not code: the CSP does not run it)."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    site_settings = context.get("site_settings")
    organisation = interface_text(getattr(site_settings, "organisation_name", "")) or "IFRC"
    share = metadata.share_picture(page) if page is not None else None
    data = metadata.graph(page, request, context, organisation)
    return {
        "title": (page.seo_title or page.title) if page is not None else "",
        "description": metadata.description(page),
        "canonical": metadata.canonical_url(request, page) if page is not None else "",
        "og_type": getattr(page, "og_type", "website"),
        "locale": metadata.OG_LOCALES.get(translation.get_language(), "en_GB"),
        "site_name": organisation,
        "image": request.build_absolute_uri(share["url"]) if share else "",
        "image_width": share["width"] if share else None,
        "image_height": share["height"] if share else None,
        "image_alt": share["alt"] if share else "",
        "json_ld": mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)),
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The way down from the language's home page, on every page below it."""
    page = context.get("page")
    if not isinstance(page, Page):
        return {"trail": []}
    return {"trail": metadata.breadcrumbs(page, context["request"])}


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context):
    """Plain links that share the page: by e-mail, on WhatsApp, or copied."""
    page = context["page"]
    return {"title": page.title, "url": metadata.full_url(page, context["request"])}

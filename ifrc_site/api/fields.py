"""How the partner API writes the values that are not plain columns.

Content models name these in their `api_fields` (`APIField("body", serializer=...)`). This
module is imported by models, so it imports nothing of Wagtail's API views (they need every app
loaded): only Django REST framework's fields and Wagtail's URL helpers.
"""

import functools
import re

from django.conf import settings
from django.template import engines

from wagtail.api.utils import get_base_url, get_full_url
from wagtail.models import Page

from rest_framework.fields import Field

from ifrc_site.queries import page_is_shown

STREAM_TEMPLATE = (
    "{% load wagtailcore_tags %}{% for block in value %}{% include_block block %}{% endfor %}"
)
# Addresses of this site in rendered HTML ("/en/news/...", "/media/images/..."), made absolute
# for partners who show the HTML on their own sites. Protocol-relative ("//host") ones are left.
SITE_ADDRESS = re.compile(r'(\s(?:href|src|poster)=")(/(?!/)[^"]*)"')
SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


def absolute_addresses(html, base_url):
    """`html` with the site's own addresses (starting with a single "/") made absolute."""
    if not base_url:
        return html

    def one(address):
        address = address.strip()
        return base_url + address if address.startswith("/") and address[1:2] != "/" else address

    html = SITE_ADDRESS.sub(lambda match: f'{match[1]}{base_url}{match[2]}"', html)
    return SRCSET.sub(
        lambda match: '{}{}"'.format(
            match[1], ", ".join(one(part) for part in match[2].split(",") if part.strip())
        ),
        html,
    )


def django_request(request):
    """The Django request under a REST framework one."""
    return getattr(request, "_request", request)


class ObjectField(Field):
    """A read-only value worked out from the whole object rather than one attribute."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


@functools.cache
def _stream_template():
    return engines["django"].from_string(STREAM_TEMPLATE)


class RenderedStreamField(ObjectField):
    """A StreamField as readers see it on the page: HTML, each block through its own template,
    with the same context (the page and the request), so that hidden documents and links to
    hidden pages are left out exactly as on the page. The page serializer has already switched
    to the page's language."""

    def __init__(self, field_name="body", **kwargs):
        self.stream_field_name = field_name
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = django_request(self.context["request"])
        html = _stream_template().render(
            {"value": getattr(page, self.stream_field_name), "page": page, "self": page},
            request=request,
        )
        return absolute_addresses(html.strip(), get_base_url(request))


class CountriesField(Field):
    """One country or several, always as a list of ISO codes with names:
    `[{"code": "GR", "name": "Greece"}]`."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        items = [value] if hasattr(value, "code") else list(value)  # one Country, or several
        return [{"code": item.code, "name": str(item.name)} for item in items if item]


class ProgrammesField(Field):
    """The programme pages an item belongs to (a many-to-many field or a single page), as their
    id, slug (what the `programme` filter takes) and title. A programme page readers cannot see
    is left out."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        pages = value.all() if hasattr(value, "all") else [value]
        return [
            {"id": page.pk, "slug": page.slug, "title": page.title}
            for page in pages
            if page_is_shown(page)
        ]


class TranslationsField(ObjectField):
    """The same page in the site's other languages, only those the API itself would show: its
    id, language, title and both addresses. One query (detail views only)."""

    def to_representation(self, page):
        request = self.context["request"]
        router = self.context["router"]
        shown = self.context["base_queryset"]
        others = (
            shown.filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        detail_url = router.get_object_detail_urlpath
        return [
            {
                "id": other.pk,
                "language": other.locale.language_code,
                "title": other.title,
                "detail_url": get_full_url(request, detail_url(Page, other.pk)),
                "html_url": other.full_url,
            }
            for other in others
        ]


class AbsoluteFileUrlField(ObjectField):
    """The address of an image's original file, absolute (Wagtail's own gives a path)."""

    def to_representation(self, image):
        return get_full_url(self.context["request"], image.file.url)


class AltTextsField(ObjectField):
    """A picture's alt text in each language of the site (the default where it has none)."""

    def to_representation(self, image):
        return {code: image.alt_for(code) for code, _name in settings.LANGUAGES}

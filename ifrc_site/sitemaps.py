"""The sitemaps: an index at /sitemap.xml, one sitemap of pages per language, and those the
content apps register (the resource library's documents, resources/apps.py).

Each page's entry names its translations (`xhtml:link` hreflang alternates, itself included)
and the picture a shared link shows (`image:image`). Every sitemap keeps the rule of every other
door: pages through `queries.public()` (no draft, private or expired page), and each page type's
own `get_sitemap_urls` (a case study marked "do not syndicate" lists nothing).
"""

from django.conf import settings
from django.http import Http404

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_views
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Locale, Page

from . import metadata
from .queries import public

TEMPLATE = "sitemaps/sitemap.xml"
_registered = {}


def register_sitemap(name, sitemap_class):
    """Add a section to the sitemap index (a content app's `ready()`)."""
    _registered[name] = sitemap_class


class PagesSitemap(Sitemap):
    """Every live public page of one language (`language`), with its translations."""

    language = settings.LANGUAGE_CODE

    def items(self):
        root = self.get_wagtail_site().root_page
        locale = Locale.objects.filter(language_code=self.language).first()
        home = root.get_translation_or_none(locale) if locale else None
        if home is None:
            return Page.objects.none()
        pages = home.get_descendants(inclusive=True).live()
        return public(pages, self.request).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates(pages)
        pictures = self._pictures(pages)
        urls = []
        for item in pages:
            own = item.get_full_url(self.request)
            for info in item.get_sitemap_urls(self.request):
                if info["location"] == own:
                    # On the host the crawler asked, as the pages' own hreflang links say.
                    info["location"] = metadata.full_url(item, self.request)
                versions = alternates.get(item.translation_key, [])
                info["alternates"] = versions if len(versions) > 1 else []
                info["images"] = pictures.get(item.pk, [])
                urls.append(info)
        lastmods = {info.get("lastmod") for info in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _alternates(self, pages):
        """{translation_key: [{lang_code, location}]}: the versions a sitemap lists, in the
        order of settings.LANGUAGES (one query per page type among them)."""
        keys = {page.translation_key for page in pages}
        versions = (
            public(Page.objects.live().filter(translation_key__in=keys), self.request)
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )
        order = [code for code, _name in settings.LANGUAGES]
        found = {}
        for version in versions:
            if not version.get_sitemap_urls(self.request):
                continue
            code = version.locale.language_code
            found.setdefault(version.translation_key, []).append(
                {"lang_code": code, "location": metadata.full_url(version, self.request)}
            )
        for entries in found.values():
            entries.sort(key=lambda entry: order.index(entry["lang_code"]))
        return found

    def _pictures(self, pages):
        """{page id: [picture URL]}: the sharing picture of each page, as publishing made it
        (one query for all of them)."""
        wanted = {}
        for item in pages:
            image_id, spec = metadata.share_choice(item)
            if image_id:
                wanted[item.pk] = (image_id, Filter(spec=spec).spec)
        if not wanted:
            return {}
        Rendition = get_image_model().get_rendition_model()
        renditions = {
            (rendition.image_id, rendition.filter_spec): rendition.url
            for rendition in Rendition.objects.filter(
                image_id__in={image_id for image_id, _spec in wanted.values()},
                filter_spec__in={spec for _id, spec in wanted.values()},
            )
        }
        return {
            pk: [self.request.build_absolute_uri(renditions[key])]
            for pk, key in wanted.items()
            if key in renditions
        }


def sections():
    """{name: Sitemap class}: a sitemap of pages per language, then the registered ones."""
    found = {
        f"pages-{code}": type(f"PagesSitemap_{code}", (PagesSitemap,), {"language": code})
        for code, _name in settings.LANGUAGES
    }
    found.update(_registered)
    return found


def sitemap_index(request):
    return wagtail_views.index(request, sections(), sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    sitemap = sections().get(section)
    if sitemap is None:
        raise Http404("No such sitemap")
    return wagtail_views.sitemap(request, {section: sitemap}, template_name=TEMPLATE)

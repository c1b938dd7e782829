"""The public page cache, and purging it (and a CDN in front) whenever content changes.

Anonymous GET requests for pages, listings and feeds are answered from the configured cache
(local memory in each process by default, Redis shared by all processes when REDIS_URL is set).
Every entry belongs to a *generation*; any change that readers can see (a page published,
unpublished, moved or deleted; a document, image, snippet or setting saved) starts a new
generation, so the very next request renders afresh everywhere. A whole-site purge is cheap,
is always correct for listings, feeds and programme pages that show an item, and publishing is
rare next to reading.

Editors (anyone with a session), previews (under /admin/), non-GET requests and responses that
set cookies never read or fill the cache.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import http_date

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
LOW_DATA_COOKIE = "lowdata"
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/django-admin/")


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def browser_cache_seconds():
    return getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60)


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = int(time.time() * 1000)
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


def fragment(parts, compute):
    """A value computed once per content generation and shared by every request and process:
    menus, the automatic sections of programme pages, site settings. Purged with the pages."""
    timeout = getattr(settings, "FRAGMENT_CACHE_SECONDS", 600)
    if timeout <= 0:
        return compute()
    raw = "|".join(str(part) for part in parts)
    key = f"fragment:{generation()}:{hashlib.sha256(raw.encode()).hexdigest()}"
    try:
        entry = cache.get(key)
    except Exception:
        logger.warning("Fragment cache unavailable", exc_info=True)
        return compute()
    if entry is not None:
        return entry[0]
    value = compute()
    try:
        # Kept in a tuple, so that None (no translation source, no home page) is cached too.
        cache.set(key, (value,), timeout)
    except Exception:
        logger.warning("Fragment cache unavailable", exc_info=True)
    return value


def purge_all(reason=""):
    """Start a new generation: every cached page is rendered afresh on its next request."""
    cache.set(GENERATION_KEY, int(time.time() * 1000), timeout=None)
    logger.info("Page cache purged: %s", reason)


def low_data(request):
    return request.COOKIES.get(LOW_DATA_COOKIE) == "1"


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(NEVER_CACHED_PREFIXES)
        and page_cache_seconds() > 0
    )


def _cache_key(request, gen):
    variant = "low" if low_data(request) else "full"
    raw = f"{request.get_host()}|{request.get_full_path()}|{variant}"
    return f"pagecache:{gen}:{hashlib.sha256(raw.encode('utf-8', 'surrogateescape')).hexdigest()}"


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _public_cache_control(request):
    if low_data(request):
        return f"private, max-age={browser_cache_seconds()}"
    value = f"public, max-age={browser_cache_seconds()}"
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        value += f", s-maxage={page_cache_seconds()}"
    return value


class PageCacheMiddleware:
    """Serve anonymous readers from the cache; fill it on a miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        try:
            key = _cache_key(request, generation())
            entry = cache.get(key)
        except Exception:  # an unreachable cache must not take the site down
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return self._from_entry(entry, request)
        response = self.get_response(request)
        if _cacheable_response(response):
            response["Cache-Control"] = _public_cache_control(request)
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["Last-Modified"] = http_date()
            headers = {
                name: value
                for name, value in response.items()
                if name.lower() not in ("set-cookie", "content-length")
            }
            try:
                cache.set(
                    key, (response.status_code, headers, response.content), page_cache_seconds()
                )
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
            response["X-Page-Cache"] = "miss"
        return response

    def _from_entry(self, entry, request):
        status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


# Purging ---------------------------------------------------------------------------------------


def dependent_pages():
    """Pages that show other content: home, programme, listing and section pages."""
    from wagtail.models import Page

    from news.models import NewsIndexPage
    from resources.models import CaseStudyIndexPage, CaseStudySectionPage, ResourceIndexPage

    from .models import HomePage, programme_page_models

    types = (
        HomePage,
        NewsIndexPage,
        ResourceIndexPage,
        CaseStudyIndexPage,
        CaseStudySectionPage,
        *programme_page_models(),
    )
    return Page.objects.live().type(*types).specific()


def purge_cdn(pages=()):
    """Ask the CDN (when one is configured) to drop the changed pages and the pages that list
    them. Filtered listings (query strings) expire by themselves after `s-maxage`."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    purge_pages_from_cache([*pages, *dependent_pages()])


def content_changed(sender, instance=None, **kwargs):
    from wagtail.models import Page

    purge_all(f"{sender.__name__} changed")
    if isinstance(instance, Page):
        purge_cdn([instance])
    else:
        purge_cdn()


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from resources.models import Resource

    from .models import NationalSociety, SiteImage, SiteSettings
    from .renditions import page_published as make_renditions_on_publish

    page_published.connect(make_renditions_on_publish, dispatch_uid="renditions-published")
    page_published.connect(content_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="pagecache-moved")

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page) and instance.live:
            content_changed(sender, instance)

    post_delete.connect(page_deleted, dispatch_uid="pagecache-page-deleted", weak=False)
    for model in (
        Resource,
        SiteImage,
        NationalSociety,
        SiteSettings,
        PageViewRestriction,
        Site,
        Locale,
    ):
        post_save.connect(
            content_changed, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}"
        )
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"pagecache-del-{model.__name__}"
        )

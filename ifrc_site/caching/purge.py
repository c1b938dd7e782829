"""Purging on change: a new page cache generation, and the CDN (when one is configured) told
which addresses to drop.

The new generation is started at once, in the request that made the change: every app server
renders afresh from its next request. Where the change is part of a transaction, another starts
when it commits: a page or fragment made by another request in between, from the data as it
was before the commit, would otherwise be kept for the whole generation (a page just made
private still served to everyone). The addresses for the CDN are worked out here, while the
pages exist; Wagtail's frontend cache sends them from the task queue, so that an editor never
waits on the CDN.

Which pages show other content (home, programme and listing pages) and which models change
what readers see are registered here by the apps that own them, in their `ready()`; the
receivers that call `content_changed` are connected in each app's `signals.py`.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page

from .pagecache import purge_all

_dependent_page_types = []


def register_dependent_pages(*models):
    """Page types that list or show other content: sent to the CDN on every change."""
    for model in models:
        if model not in _dependent_page_types:
            _dependent_page_types.append(model)


def dependent_pages():
    """The live pages of every registered type that shows other content."""
    return Page.objects.live().type(*_dependent_page_types).specific()


def purge_cdn(pages=()):
    """Ask the CDN (when one is configured) to drop the changed pages and the pages that list
    them. Filtered listings (query strings) expire by themselves after `s-maxage`."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    purge_pages_from_cache([*pages, *dependent_pages()])


def next_page_expiry():
    """When the next live page passes its expiry time and leaves the listings."""
    pages = Page.objects.live().filter(expire_at__gt=timezone.now())
    return pages.aggregate(next=Min("expire_at"))["next"]


def purge_on_commit(reason):
    """One new generation when the current transaction commits, however many changes it
    makes (a bulk action, the demo's hundreds of saves). A purge already waiting for the commit
    covers this change too: Django drops the waiting ones of a savepoint rolled back, and a
    change made inside one rolls back with it."""
    connection = transaction.get_connection()
    if any(getattr(func, "purges_page_cache", False) for _, func, _ in connection.run_on_commit):
        return

    def purge():
        purge_all(f"{reason}, committed")

    purge.purges_page_cache = True
    transaction.on_commit(purge)


def content_changed(sender, instance=None, **kwargs):
    """A signal receiver: something readers can see changed."""
    reason = f"{sender.__name__} changed"
    purge_all(reason)
    if transaction.get_connection().in_atomic_block:
        purge_on_commit(reason)
    if isinstance(instance, Page):
        purge_cdn([instance])
    else:
        purge_cdn()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        content_changed(sender, instance)

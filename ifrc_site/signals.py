"""Every signal receiver of the foundation, connected once by `IfrcSiteConfig.ready()`.

The content apps connect theirs in their own `signals.py` the same way.
"""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    PageViewRestriction,
    Site,
)
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from .caching import renditions
from .caching.pagecache import register_schedule, settings_changed
from .caching.purge import content_changed, next_page_expiry, page_deleted
from .editorial import roles
from .i18n import point_copy_at_its_language
from .models import NationalSociety, SiteImage, SiteSettings
from .queries import forget_locales


def purge_when_saved(*models):
    """Start a new page cache generation whenever one of these is saved or deleted."""
    for model in models:
        name = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-save-{name}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-del-{name}")


def connect():
    # Pages: publishing makes the renditions readers will ask for, then purges.
    page_published.connect(renditions.page_published, dispatch_uid="renditions-published")
    page_published.connect(content_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="pagecache-moved")
    post_delete.connect(page_deleted, dispatch_uid="pagecache-page-deleted")
    register_schedule(next_page_expiry)
    purge_when_saved(
        SiteImage,
        NationalSociety,
        SiteSettings,
        PageViewRestriction,
        # Which documents readers may see depends on their collection (resources/models.py).
        Collection,
        CollectionViewRestriction,
        Site,
        Locale,
    )

    setting_changed.connect(settings_changed, dispatch_uid="pagecache-settings-changed")
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="queries-locales-saved")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="queries-locales-deleted")
    copy_for_translation_done.connect(
        point_copy_at_its_language, dispatch_uid="i18n-point-copy-at-its-language"
    )
    post_save.connect(
        roles.national_society_saved,
        sender=NationalSociety,
        dispatch_uid="roles-national-society-saved",
    )

"""Template variables every page needs."""

from wagtail.models import Site

from .caching.pagecache import fragment, low_data
from .models import SiteSettings


def reading_mode(request):
    """`low_data`: the visitor asked for pages without images and video."""
    return {"low_data": low_data(request)}


def site_settings(request):
    """`site_settings`: the header and footer settings, read once per content generation."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_settings": SiteSettings()}
    return {
        "site_settings": fragment(("site-settings", site.pk), lambda: SiteSettings.for_site(site))
    }

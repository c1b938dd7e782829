"""The admin's hooks for who may see and do what: choosers, explorer, admin API, reports and
dashboard narrowed to each role (the rules themselves are in `permissions.py`). Registered by
importing this module from ifrc_site/wagtail_hooks.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .admin_views import ConfinedDocumentsAPIViewSet, ConfinedImagesAPIViewSet
from .dashboard import panels_for
from .permissions import can_see_whole_tree, chooser_pages_for, media_visible_to, own_part
from .reports import (
    ContentHealthMenuItem,
    ContentHealthView,
    OutOfDateTranslationsMenuItem,
    OutOfDateTranslationsView,
)


@hooks.register("register_admin_urls")
def register_out_of_date_translations_urls():
    return [
        path(
            "reports/out-of-date-translations/",
            OutOfDateTranslationsView.as_view(),
            name="out_of_date_translations",
        ),
        path(
            "reports/out-of-date-translations/results/",
            OutOfDateTranslationsView.as_view(results_only=True),
            name="out_of_date_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_out_of_date_translations_menu_item():
    return OutOfDateTranslationsMenuItem(
        _("Out-of-date translations"),
        reverse("out_of_date_translations"),
        name="out-of-date-translations",
        icon_name="globe",
        order=1150,
    )


@hooks.register("register_admin_urls")
def register_content_health_urls():
    return [
        path("reports/content-health/", ContentHealthView.as_view(), name="content_health"),
        path(
            "reports/content-health/results/",
            ContentHealthView.as_view(results_only=True),
            name="content_health_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_content_health_menu_item():
    return ContentHealthMenuItem(
        _("Content health"),
        reverse("content_health"),
        name="content-health",
        icon_name="warning",
        order=1140,
    )


@hooks.register("construct_page_chooser_queryset")
def page_chooser_hides_other_drafts(pages, request):
    return chooser_pages_for(request.user, pages)


@hooks.register("construct_image_chooser_queryset")
def image_chooser_shows_own_collections(images, request):
    return media_visible_to(request.user, images)


# After Wagtail's own registration of the endpoints, which these replace.
@hooks.register("construct_admin_api", order=100)
def admin_api_shows_own_collections(router):
    """The admin API lists and opens only the images and documents of the user's collections
    (permissions.media_visible_to), as the choosers do."""
    router.register_endpoint("documents", ConfinedDocumentsAPIViewSet)
    router.register_endpoint("images", ConfinedImagesAPIViewSet)


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_only_own_sections(parent_page, pages, request):
    """A society editor's permissions span their section in every language, so Wagtail's
    explorer would start at the root and list other societies' pages; show them only the pages
    on the way to their sections and inside them (editorial/admin_views.py guards the
    explorer's own address the same way)."""
    if request.user.is_superuser:
        return pages
    return pages.filter(own_part(request.user))


@hooks.register("construct_reports_menu")
def page_types_report_only_for_staff(request, menu_items):
    """Page types usage names the latest page of every type, site-wide: not for society
    editors (its address refuses them too, see editorial/admin_views.py)."""
    if not can_see_whole_tree(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# The dashboard --------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def dashboard_panels_for_each_role(request, panels):
    """What waits for communications staff, and for a National Society's editors (see
    editorial/dashboard.py), next to Wagtail's own panels."""
    panels.extend(panels_for(request.user))

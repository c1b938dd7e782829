"""Admin hooks of the site-wide app."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page

from .permissions import chooser_pages_for
from .reports import OutOfDateTranslationsMenuItem, OutOfDateTranslationsView


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


@hooks.register("construct_page_chooser_queryset")
def page_chooser_hides_other_drafts(pages, request):
    return chooser_pages_for(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_only_own_sections(parent_page, pages, request):
    """A society editor's permissions span their section in every language, so Wagtail's
    explorer would start at the root and list other societies' pages; show them only the pages
    on the way to their sections and inside them."""
    user = request.user
    if user.is_superuser:
        return pages
    roots = Page.objects.filter(group_permissions__group__user=user).distinct()
    query = Q()
    for root in roots:
        ancestors = [root.path[:end] for end in range(Page.steplen, len(root.path), Page.steplen)]
        query |= Q(path__startswith=root.path) | Q(path__in=ancestors)
    return pages.filter(query) if query else pages.none()

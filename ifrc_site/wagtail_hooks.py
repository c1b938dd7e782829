"""Wagtail's hooks of the foundation: the page gate at Wagtail's own doors (serving, rich-text
links) and the background tasks report; the admin's hooks for each role are in
`editorial/hooks.py`, registered by the import below."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from .editorial import hooks as editorial_hooks  # noqa: F401  (registers the admin's hooks)
from .ops.reports import BackgroundTasksMenuItem, BackgroundTasksView
from .queries import page_is_shown

# Pages readers may see: the rule of ifrc_site/queries.py `public()` at the other doors ------


@hooks.register("before_serve_page")
def refuse_expired_pages(page, request, serve_args, serve_kwargs):
    """A page past its expiry time is a 404 at once, not only once `publish_scheduled` has
    unpublished it."""
    if not page_is_shown(page):
        raise Http404("No page here.")


class LivePageLinkHandler(PageLinkHandler):
    """Rich-text links to pages: a link to a page that is unpublished or past its expiry time is
    rendered as its plain link text, as Wagtail does for a deleted page."""

    @classmethod
    def get_many(cls, attrs_list):
        return [
            page if page is not None and page_is_shown(page) else None
            for page in super().get_many(attrs_list)
        ]


# After Wagtail's own registration of the "page" link type, which this one replaces.
@hooks.register("register_rich_text_features", order=100)
def register_live_page_links(features):
    features.register_link_type(LivePageLinkHandler)


# The background tasks report, for administrators --------------------------------------------


@hooks.register("register_admin_urls")
def register_background_tasks_report_urls():
    return [
        path("reports/background-tasks/", BackgroundTasksView.as_view(), name="background_tasks"),
        path(
            "reports/background-tasks/results/",
            BackgroundTasksView.as_view(results_only=True),
            name="background_tasks_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_background_tasks_menu_item():
    return BackgroundTasksMenuItem(
        _("Background tasks"),
        reverse("background_tasks"),
        name="background-tasks",
        icon_name="cogs",
        order=1190,
    )

"""Guards in front of two of Wagtail's admin views, for National Society editors.

A society's editors may edit its case-study section in every language, so the part of the tree
they may explore starts at the root. Wagtail's explorer then opens any page by its id and shows
its title and its translations; its page types report names the latest page of every type. For
people who cannot see the whole tree, the explorer opens only the pages on the way to their
sections and inside them (others send them to the explorer's start), and the report is refused.
The addresses are Wagtail's own; `ifrc_site/urls.py` routes them here first.
"""

from functools import wraps

from django.shortcuts import redirect

from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

from .permissions import can_see_whole_tree, own_part


def only_own_part(view):
    @wraps(view)
    def guarded(request, parent_page_id, **kwargs):
        user = request.user
        if (
            not can_see_whole_tree(user)
            and Page.objects.filter(pk=parent_page_id).exists()
            and not Page.objects.filter(own_part(user), pk=parent_page_id).exists()
        ):
            return redirect("wagtailadmin_explore_root")
        return view(request, parent_page_id=parent_page_id, **kwargs)

    return require_admin_access(guarded)


def only_whole_tree(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not can_see_whole_tree(request.user):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


explore = only_own_part(
    page_viewset_registry.as_view("index", parent_page_id_kwarg="parent_page_id")
)
explore_results = only_own_part(
    page_viewset_registry.as_view("index_results", parent_page_id_kwarg="parent_page_id")
)
page_types_usage = only_whole_tree(PageTypesUsageReportView.as_view())
page_types_usage_results = only_whole_tree(PageTypesUsageReportView.as_view(results_only=True))

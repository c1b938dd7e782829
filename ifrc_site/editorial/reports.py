"""Admin reports for editors: translations published before their English page changed, and
the content health report (editorial/health.py)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView, ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..i18n import out_of_date_translations
from . import health
from .permissions import can_see_whole_tree


class OutOfDateTranslationsView(PageReportView):
    """Every live translation whose English page was published after it, newest change first,
    limited to the pages the editor may change."""

    results_template_name = "ifrc_site/reports/out_of_date_translations_results.html"
    page_title = _("Out-of-date translations")
    header_icon = "globe"
    index_url_name = "out_of_date_translations"
    index_results_url_name = "out_of_date_translations_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {
        "locale.language_code": _("Language"),
        "last_published_at": _("Translation published"),
        "source_published_at": _("English page published"),
    }
    list_export = ["title", "locale.language_code", "last_published_at", "source_published_at"]

    def get_filename(self):
        return f"out-of-date-translations-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = out_of_date_translations().filter(pk__in=editable.values("pk"))
        return super().get_queryset()


class OutOfDateTranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


class ContentHealthView(ReportView):
    """Every problem the content health checks find, of one kind (`?kind=`) or all, each with
    a link to where it is fixed; for communications staff and administrators."""

    results_template_name = "ifrc_site/reports/content_health_results.html"
    page_title = _("Content health")
    header_icon = "warning"
    index_url_name = "content_health"
    index_results_url_name = "content_health_results"
    paginate_by = 100
    export_headings = {
        "kind_label": _("Problem"),
        "title": _("Item"),
        "detail": _("Detail"),
        "edit_url": _("Where to fix it"),
    }
    list_export = ["kind_label", "title", "detail", "edit_url"]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_whole_tree(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"content-health-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        kind = self.request.GET.get("kind")
        return health.problems(kind if kind in health.KINDS else None)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["kinds"] = health.KINDS
        context["kind"] = self.request.GET.get("kind", "")
        return context


class ContentHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_whole_tree(request.user)

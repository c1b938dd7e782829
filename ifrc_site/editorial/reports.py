"""An admin report for editors: translations published before their English page changed."""

import datetime

from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..i18n import out_of_date_translations


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

"""An admin report for communications staff: help points by the date they were last checked,
the oldest first, so that the ones readers are warned about get a call first."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView

from ifrc_site.editorial.permissions import can_see_whole_tree

from .models import HelpPointPage


class HelpPointsByVerificationView(PageReportView):
    results_template_name = "migration/reports/help_points_results.html"
    page_title = _("Help points by last verified date")
    header_icon = "time"
    index_url_name = "help_points_by_verification"
    index_results_url_name = "help_points_by_verification_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {
        "national_society.name": _("National Society"),
        "country.code": _("Country"),
        "last_verified_on": _("Last verified on"),
        "verified_by": _("Verified by"),
    }
    list_export = [
        "title",
        "national_society.name",
        "country.code",
        "last_verified_on",
        "verified_by",
        "phone",
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_whole_tree(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"help-points-by-verification-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = (
            HelpPointPage.objects.filter(locale__language_code="en")
            .select_related("national_society")
            .order_by("last_verified_on", "title")
        )
        return super().get_queryset()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["stale_before"] = timezone.localdate() - HelpPointPage.STALE_AFTER
        return context


class HelpPointsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_whole_tree(request.user)

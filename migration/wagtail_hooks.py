"""Admin hooks of the migrants' help directory: the report of help points to check again."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .reports import HelpPointsByVerificationView, HelpPointsMenuItem


@hooks.register("register_admin_urls")
def register_help_points_report_urls():
    return [
        path(
            "reports/help-points-by-verification/",
            HelpPointsByVerificationView.as_view(),
            name="help_points_by_verification",
        ),
        path(
            "reports/help-points-by-verification/results/",
            HelpPointsByVerificationView.as_view(results_only=True),
            name="help_points_by_verification_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_help_points_menu_item():
    return HelpPointsMenuItem(
        _("Help points to check"),
        reverse("help_points_by_verification"),
        name="help-points-by-verification",
        icon_name="time",
        order=1160,
    )

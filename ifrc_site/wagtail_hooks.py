from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

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

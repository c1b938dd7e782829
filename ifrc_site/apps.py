from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IfrcSiteConfig(AppConfig):
    name = "ifrc_site"
    verbose_name = _("Site")

    def ready(self):
        from .cache import connect_signals

        connect_signals()
        from . import i18n  # noqa: F401  (connects the copy-for-translation receiver)

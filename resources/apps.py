from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from ifrc_site.cache import register_schedule


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resources")

    def ready(self):
        # Models can be imported only once the app registry is ready.
        from .models import next_document_change

        register_schedule(next_document_change)

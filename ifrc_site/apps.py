from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class IfrcSiteConfig(AppConfig):
    name = "ifrc_site"
    verbose_name = _("Site")

    def ready(self):
        # Imported here, not at the top: these modules load models, which only exist once
        # every app is loaded.
        from . import signals
        from .caching.purge import register_dependent_pages
        from .caching.renditions import encode_with
        from .editorial.permissions import register_media_policies
        from .models import HomePage, programme_page_models

        signals.connect()
        encode_with("AVIF", "speed", settings.AVIF_ENCODING_SPEED)
        encode_with("WEBP", "method", settings.WEBP_ENCODING_METHOD)
        register_media_policies()
        register_dependent_pages(HomePage, *programme_page_models())

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def next_document_change():
    """When the next document's go-live or expiry time comes: the library and the pages that
    list documents change then, with nothing saved."""
    from django.db.models import Min
    from django.utils import timezone

    from .models import Resource

    now = timezone.now()
    times = (
        Resource.objects.filter(**{f"{field}__gt": now}).aggregate(next=Min(field))["next"]
        for field in ("go_live_at", "expire_at")
    )
    return min((value for value in times if value is not None), default=None)


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resources")

    def ready(self):
        from ifrc_site.cache import register_schedule

        register_schedule(next_document_change)

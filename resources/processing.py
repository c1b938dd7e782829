"""Where a document is in its reading after upload (resources/tasks.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Processing(models.TextChoices):
    READY = "ready", _("Ready")
    PENDING = "pending", _("Processing…")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Could not be processed")

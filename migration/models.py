"""The Migration programme page."""

from django.utils.translation import gettext_lazy as _

from ifrc_site.models import ProgrammePage


class MigrationPage(ProgrammePage):
    """Humanitarian and protection work with migrants and displaced people."""

    class Meta:
        verbose_name = _("Migration programme page")

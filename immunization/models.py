"""The Immunization programme page."""

from django.utils.translation import gettext_lazy as _

from ifrc_site.models import ProgrammePage


class ImmunizationPage(ProgrammePage):
    """Vaccination work with communities, from routine immunization to outbreak response."""

    class Meta:
        verbose_name = _("Immunization programme page")

"""The help directory's content health check (ifrc_site/editorial/health.py): help points and
hotlines whose details nobody has checked for six months."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ifrc_site.editorial.health import Problem, page_edit_url, register_check

from .models import HelpPointPage


def help_points_not_verified():
    stale_before = timezone.localdate() - HelpPointPage.STALE_AFTER
    pages = HelpPointPage.objects.live().filter(last_verified_on__lt=stale_before)
    for page in pages.only("pk", "title", "last_verified_on").order_by("last_verified_on"):
        yield Problem(
            "help_point_unverified",
            page.title,
            _("last verified %(date)s") % {"date": page.last_verified_on},
            page_edit_url(page.pk),
        )


def register():
    register_check(
        "help_point_unverified",
        _lazy("Help point not verified for 6 months"),
        help_points_not_verified,
    )

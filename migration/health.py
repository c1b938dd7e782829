"""The help directory's content health check (ifrc_site/editorial/health.py): help points and
hotlines whose details nobody has checked for six months."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ifrc_site.editorial.health import Problem, page_edit_url, register_check
from ifrc_site.reviews import due_pages

from .models import HelpPointPage


def help_points_not_verified():
    """The help points due for review (`ifrc_site.reviews.due_pages`: last verified longer ago
    than `HelpPointPage.STALE_AFTER`)."""
    for page in due_pages(models=[HelpPointPage]):
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

"""Guidance that stays current: pages with a "last reviewed" date and an owner.

Programme pages and standard pages carry the day someone last checked them and who looks after
them (a user, or a group); readers see "Last reviewed: 12 March 2026" at the foot of the page.
`manage.py send_review_reminders` (monthly, from cron) e-mails each owner the pages that are due:
not reviewed for REVIEW_AFTER_MONTHS (12), or never since they were first published. Help
points have their own, stricter check (`HelpPointPage.last_verified_on`).
"""

import datetime
from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


def review_after_months():
    return getattr(settings, "REVIEW_AFTER_MONTHS", 12)


class ReviewedMixin(models.Model):
    last_reviewed_on = models.DateField(
        _("last reviewed on"),
        null=True,
        blank=True,
        help_text=_(
            "The day someone last checked that this page is still right. Readers see it at "
            "the foot of the page; the owner is reminded when it is a year old."
        ),
    )
    review_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who is reminded to review the page."),
    )
    review_group = models.ForeignKey(
        Group,
        verbose_name=_("owning group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Or a group, whose members are all reminded."),
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("last_reviewed_on"),
                FieldPanel("review_owner"),
                FieldPanel("review_group"),
            ],
            heading=_("Review"),
        )
    ]

    class Meta:
        abstract = True


def reviewed_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewedMixin) and issubclass(model, Page)
    ]


def due_pages(today=None):
    """Live pages not reviewed within REVIEW_AFTER_MONTHS, or never since first published."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=round(review_after_months() * 30.44))
    cutoff_time = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    due = []
    for model in reviewed_page_models():
        due += list(
            model.objects.live()
            .filter(
                Q(last_reviewed_on__lt=cutoff)
                | Q(last_reviewed_on__isnull=True, first_published_at__lt=cutoff_time)
            )
            .select_related("review_owner", "review_group", "locale")
        )
    return sorted(due, key=lambda page: (page.last_reviewed_on or datetime.date.min, page.pk))


def recipients(page):
    """The e-mail addresses of a page's owner and of its group's active members."""
    people = []
    if page.review_owner and page.review_owner.is_active:
        people.append(page.review_owner)
    if page.review_group:
        people += list(page.review_group.user_set.filter(is_active=True))
    return {person.email for person in people if person.email}


def send_reminders(today=None):
    """One e-mail to each owner, listing their pages that are due with a link to edit each.
    Returns (e-mails sent, pages due, pages due with no owner to tell)."""
    by_address, unowned = defaultdict(list), 0
    pages = due_pages(today)
    for page in pages:
        addresses = recipients(page)
        if not addresses:
            unowned += 1
        for address in addresses:
            by_address[address].append(page)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for address, owned in sorted(by_address.items()):
        lines = [
            f"- {page.title} ({page.locale.language_code}), last reviewed "
            f"{page.last_reviewed_on or 'never'}: "
            f"{base}{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
            for page in owned
        ]
        send_mail(
            subject=f"{len(owned)} page(s) to review on {settings.WAGTAIL_SITE_NAME}",
            message=(
                "These pages have not been reviewed for "
                f"{review_after_months()} months. Please check that each is still right, "
                'then set its "last reviewed on" date (in its Review panel) and publish.\n\n'
                + "\n".join(lines)
                + "\n"
            ),
            from_email=None,
            recipient_list=[address],
        )
    return len(by_address), len(pages), unowned

"""Guidance that stays current: pages with a "last reviewed" date and an owner.

Programme pages and standard pages carry the day someone last checked them and who looks after
them (a user, or a group); readers see "Last reviewed: 12 March 2026" at the foot of the page.
Help points have owners too, and their own date and period: "last verified", six months
(`HelpPointPage`). `manage.py send_review_reminders` (monthly, from cron) e-mails each owner the
pages that are due: not reviewed within their period (REVIEW_AFTER_MONTHS, 12, for the others),
or never since they were first published.
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


class OwnedMixin(models.Model):
    """Who is reminded to review a page: a user, or a group's members. A model says which of
    its dates is the review date (`review_date_field`) and how long a review holds
    (`review_period()`)."""

    review_date_field = "last_reviewed_on"
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

    owner_panels = [FieldPanel("review_owner"), FieldPanel("review_group")]

    class Meta:
        abstract = True

    @classmethod
    def review_period(cls):
        return datetime.timedelta(days=round(review_after_months() * 30.44))

    @property
    def reviewed_on(self):
        return getattr(self, self.review_date_field)


class ReviewedMixin(OwnedMixin):
    last_reviewed_on = models.DateField(
        _("last reviewed on"),
        null=True,
        blank=True,
        help_text=_(
            "The day someone last checked that this page is still right. Readers see it at "
            "the foot of the page; the owner is reminded when it is a year old."
        ),
    )
    review_panels = [
        MultiFieldPanel(
            [FieldPanel("last_reviewed_on"), *OwnedMixin.owner_panels],
            heading=_("Review"),
        )
    ]

    class Meta:
        abstract = True


def reviewed_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, OwnedMixin) and issubclass(model, Page)
    ]


def due_pages(today=None, models=None):
    """Live pages (of `models`, else every page type with owners) whose review date is older
    than their period, or which have none and were first published longer ago than that."""
    today = today or timezone.localdate()
    due = []
    for model in reviewed_page_models() if models is None else models:
        cutoff = today - model.review_period()
        cutoff_time = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
        field = model.review_date_field
        due += list(
            model.objects.live()
            .filter(
                Q(**{f"{field}__lt": cutoff})
                | Q(**{f"{field}__isnull": True, "first_published_at__lt": cutoff_time})
            )
            .select_related("review_owner", "review_group", "locale")
        )
    return sorted(due, key=lambda page: (page.reviewed_on or datetime.date.min, page.pk))


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
            f"{page.reviewed_on or 'never'}: "
            f"{base}{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
            for page in owned
        ]
        send_mail(
            subject=f"{len(owned)} page(s) to review on {settings.WAGTAIL_SITE_NAME}",
            message=(
                "These pages have not been reviewed for a while. Please check that each is "
                'still right, then set its "last reviewed on" date (for a help point: "last '
                'verified on") and publish.\n\n' + "\n".join(lines) + "\n"
            ),
            from_email=None,
            recipient_list=[address],
        )
    return len(by_address), len(pages), unowned

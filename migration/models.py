"""The Migration programme page and the directory of help points and hotlines.

The directory is made of pages, so that it is translated, revised, approved and scheduled like
the rest of the site: a help finder under the Migration page of each language, a section per
National Society under it (where that society's editors write, as in its case-study section),
and help points in the sections. Society editors' rights and the approval workflow come from
the registries of `ifrc_site.editorial.roles` (see MigrationConfig.ready()).
"""

import datetime
import json

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from django_countries import countries
from django_countries.fields import CountryField

from ifrc_site.caching.pagecache import fragment
from ifrc_site.editorial.forms import LocalisedPageForm
from ifrc_site.models import BasePage, NationalSociety, ProgrammePage, SocietySectionChildMixin
from ifrc_site.queries import public
from ifrc_site.reviews import OwnedMixin
from ifrc_site.security.policy import allow_self

from . import hours, offline
from .blocks import SpecialDaysBlock, WeeklyHoursBlock
from .directory import (
    KIND_ORDER,
    SERVICE_LABELS,
    SERVICES,
    HelpPointKind,
    LanguageCodesField,
    MessagingApp,
    language_name,
    normalise_phone,
    phone_display,
    validate_language_codes,
    validate_phone,
    validate_services,
    validate_time_zone,
)
from .finder import cards, finder_context, poster_context


class MigrationPage(ProgrammePage):
    """Humanitarian and protection work with migrants and displaced people."""

    subpage_types = ["migration.HelpFinderPage"]

    class Meta:
        verbose_name = _("Migration programme page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Kept once per content generation, as the page's automatic sections are: the query
        # count of a programme page stays what it was before the finder.
        context["help_finder"] = fragment(("help-finder", self.pk), self._help_finder)
        return context

    def _help_finder(self):
        """The help finder's address and title (its page object would work its address out
        again at every request), or None."""
        finder = public(HelpFinderPage.objects.live(), self).child_of(self).first()
        return None if finder is None else {"url": finder.url, "title": finder.title}


# Pages -------------------------------------------------------------------------------------


class HelpFinderPage(RoutablePageMixin, BasePage):
    """Where readers find a help point or hotline by country, city, service and language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["migration.MigrationPage"]
    subpage_types = ["migration.HelpPointSectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help finder")

    def help_points(self, request):
        return list(
            public(HelpPointPage.objects.live(), request)
            .descendant_of(self)
            .select_related("national_society")
        )

    @path("")
    def finder(self, request):
        response = self.render(request, context_overrides=finder_context(self, request))
        # "Near me" asks the browser where the visitor is; the answer never leaves the browser.
        return allow_self(response, "geolocation")

    @path("service-worker/")
    def service_worker(self, request):
        return offline.service_worker(self)

    @path("manifest/")
    def manifest(self, request):
        return offline.manifest(self)

    @path("offline/")
    def offline_page(self, request):
        return self.render(request, template="migration/help_finder_offline.html")

    @path("poster/<str:country>/")
    def poster(self, request, country):
        context = poster_context(self, request, country)
        return self.render(
            request,
            context_overrides=context,
            template="migration/help_finder_poster.html",
        )


class HelpPointSectionPage(BasePage):
    """One National Society's help points, where its editors write."""

    national_society = models.ForeignKey(
        NationalSociety,
        verbose_name=_("National Society"),
        on_delete=models.PROTECT,
        related_name="help_point_sections",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("national_society")]

    parent_page_types = ["migration.HelpFinderPage"]
    subpage_types = ["migration.HelpPointPage"]

    class Meta:
        verbose_name = _("National Society help points")

    @property
    def card_summary(self):
        return self.listing_summary or _(
            "Help points and hotlines of the %(society)s for people on the move."
        ) % {"society": self.national_society.name}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        points = public(HelpPointPage.objects.live(), request).child_of(self)
        context["cards"] = cards(points.select_related("national_society"))
        return context


class HelpPointPageForm(LocalisedPageForm):
    """The society is that of the section; services are ticked, languages typed as codes."""

    services = forms.MultipleChoiceField(
        label=_("Services"),
        choices=SERVICES,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = LanguageCodesField(
        label=_("Languages spoken"),
        help_text=_("Two-letter ISO 639-1 codes separated by commas, e.g. ar, fa, fr, en."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        section = self.parent_page.specific if self.parent_page else None
        society_id = getattr(section, "national_society_id", None)
        if society_id:
            self.instance.national_society_id = society_id

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "")
        return normalise_phone(value) if value else value

    def clean_second_phone(self):
        value = self.cleaned_data.get("second_phone", "")
        return normalise_phone(value) if value else value

    def clean_messaging_number(self):
        value = self.cleaned_data.get("messaging_number", "")
        return normalise_phone(value) if value else value

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind")
        if kind in (HelpPointKind.HOTLINE, HelpPointKind.MOBILE_TEAM) and not cleaned_data.get(
            "phone"
        ):
            self.add_error("phone", _("A hotline or mobile team needs a phone number."))
        if cleaned_data.get("messaging_number") and not cleaned_data.get("messaging_app"):
            self.add_error("messaging_app", _("Say which app the messaging number is on."))
        latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
        if (latitude is None) != (longitude is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return cleaned_data


class HelpPointPage(OwnedMixin, SocietySectionChildMixin, BasePage):
    """A help point, hotline, mobile team or online service of a National Society."""

    national_society = models.ForeignKey(
        NationalSociety,
        verbose_name=_("National Society"),
        on_delete=models.PROTECT,
        related_name="help_points",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=HelpPointKind.choices, default=HelpPointKind.HELP_POINT
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city or area"), max_length=120, blank=True)
    services = models.JSONField(_("services"), default=list, validators=[validate_services])
    phone = models.CharField(
        _("phone number"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=_("International form: +30 210 123 4567."),
    )
    second_phone = models.CharField(
        _("second phone number"), max_length=32, blank=True, validators=[validate_phone]
    )
    messaging_number = models.CharField(
        _("messaging number"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=_("A WhatsApp or Signal number, if any."),
    )
    messaging_app = models.CharField(
        _("messaging app"), max_length=10, choices=MessagingApp.choices, blank=True
    )
    weekly_hours = StreamField(
        WeeklyHoursBlock(), verbose_name=_("weekly opening hours"), blank=True
    )
    special_days = StreamField(
        SpecialDaysBlock(), verbose_name=_("holidays and special days"), blank=True
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("The place's time zone, e.g. Europe/Athens, Africa/Tunis, Asia/Dhaka."),
    )
    languages = models.JSONField(
        _("languages spoken"), default=list, validators=[validate_language_codes]
    )
    address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    details = models.TextField(_("more information"), blank=True)
    last_verified_on = models.DateField(_("last verified on"))
    verified_by = models.CharField(_("verified by"), max_length=120)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("national_society", read_only=True),
                FieldPanel("kind"),
                FieldPanel("country"),
                FieldPanel("city"),
                FieldPanel("services"),
                FieldPanel("languages"),
            ],
            heading=_("Who, where and what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("second_phone"),
                FieldPanel("messaging_number"),
                FieldPanel("messaging_app"),
            ],
            heading=_("Phone numbers"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Times are the place's local time. A closing time earlier than the "
                        "opening time means open past midnight; 00:00 to 00:00 means open 24 "
                        "hours. A special day replaces that day's weekly hours."
                    )
                ),
                FieldPanel("time_zone"),
                FieldPanel("weekly_hours"),
                FieldPanel("special_days"),
            ],
            heading=_("Opening hours"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("latitude"), FieldPanel("longitude")],
            heading=_("Address"),
        ),
        FieldPanel("details"),
        MultiFieldPanel(
            [FieldPanel("last_verified_on"), FieldPanel("verified_by"), *OwnedMixin.owner_panels],
            heading=_("Verification"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("city"),
        index.SearchField("address"),
        index.FilterField("last_verified_on"),
    ]

    section_model = HelpPointSectionPage
    parent_page_types = ["migration.HelpPointSectionPage"]
    subpage_types = []
    base_form_class = HelpPointPageForm

    STALE_AFTER = datetime.timedelta(days=183)
    # Its owners are reminded when it is stale (ifrc_site/reviews.py).
    review_date_field = "last_verified_on"

    @classmethod
    def review_period(cls):
        return cls.STALE_AFTER

    class Meta:
        verbose_name = _("help point or hotline")
        verbose_name_plural = _("help points and hotlines")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["card"] = cards([self])[0]
        context["finder"] = self.get_parent().get_parent()
        return context

    # What the cards show ---------------------------------------------------------------

    @cached_property
    def slots(self):
        return hours.stored_slots(self.weekly_hours.raw_data)

    @cached_property
    def special(self):
        return hours.stored_special_days(self.special_days.raw_data)

    def status(self, now=None):
        return hours.status_at(now or timezone.now(), self.slots, self.special, self.time_zone)

    def next_change(self, now=None):
        return hours.next_change(now or timezone.now(), self.slots, self.special, self.time_zone)

    @property
    def service_labels(self):
        return [SERVICE_LABELS[s] for s in self.services if s in SERVICE_LABELS]

    @property
    def language_names(self):
        return [language_name(code) for code in self.languages]

    @property
    def phone_label(self):
        return phone_display(self.phone)

    @property
    def second_phone_label(self):
        return phone_display(self.second_phone)

    @property
    def messaging_label(self):
        return phone_display(self.messaging_number)

    @property
    def messaging_digits(self):
        return self.messaging_number.lstrip("+")

    @property
    def country_name(self):
        return countries.name(self.country.code)

    def is_stale(self, today=None):
        today = today or timezone.localdate()
        return today - self.last_verified_on > self.STALE_AFTER

    @property
    def card_summary(self):
        if self.listing_summary or self.details:
            return self.listing_summary or self.details
        return _("%(kind)s of the %(society)s, %(country)s: %(services)s.") % {
            "kind": self.get_kind_display(),
            "society": self.national_society.name,
            "country": self.country_name,
            "services": pgettext("between the items of a list", ", ").join(
                str(label) for label in self.service_labels
            ),
        }

    @property
    def map_url(self):
        """A link out to OpenStreetMap (no tiles on our pages), only with coordinates."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )

    @property
    def geo_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return f"geo:{self.latitude},{self.longitude}"

    @property
    def sort_key(self):
        return (KIND_ORDER.get(self.kind, 9), self.city.lower(), self.title.lower())


def next_help_point_change():
    """The next time any live help point's "open now" status may change (the page cache's
    schedule), or None without help points."""
    now = timezone.now()
    schedules = {}
    for weekly, special, zone in HelpPointPage.objects.live().values_list(
        "weekly_hours", "special_days", "time_zone"
    ):
        # A help point and its translations keep the same hours: each schedule is read once.
        weekly, special = list(weekly.raw_data), list(special.raw_data)
        key = (json.dumps([weekly, special], sort_keys=True, default=str), zone)
        schedules.setdefault(key, (weekly, special, zone))
    times = [
        hours.next_change(now, hours.stored_slots(weekly), hours.stored_special_days(special), zone)
        for weekly, special, zone in schedules.values()
    ]
    return min(times, default=None)

"""The resource library (documents with their type, date and language) and case studies."""

import logging
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Min, Q
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.permissions import policy_registry
from wagtail.search import index

import django_filters
from django_countries.fields import CountryField
from rest_framework.fields import CharField

from ifrc_site.api.fields import (
    CountriesField,
    ProgrammesField,
    RenderedStreamField,
    TranslationsField,
)
from ifrc_site.blocks import BaseStreamBlock
from ifrc_site.caching.pagecache import fragment
from ifrc_site.editorial.forms import LocalisedPageForm
from ifrc_site.listing import ListingFilterSet, paginate
from ifrc_site.models import (
    BasePage,
    NationalSociety,
    SocietySectionChildMixin,
    private_collection_ids,
    programme_page_choices,
    society_collection_ids,
)
from ifrc_site.queries import public

from .pdf import read_pdf, remembered_details

logger = logging.getLogger(__name__)

# Documents ---------------------------------------------------------------------------------


class ResourceType(models.TextChoices):
    REPORT = "report", _("Report")
    ASSESSMENT = "assessment", _("Assessment")
    POSTER = "poster", _("Poster")
    GUIDELINE = "guideline", _("Guideline")
    POLICY = "policy", _("Policy")
    CASE_STUDY = "case_study", _("Case study")
    TOOLKIT = "toolkit", _("Toolkit")


def file_size_label(size):
    """A file size the way readers expect it: "6.42 MB", "512 KB"."""
    if size is None:
        return ""
    if size >= 1024 * 1024:
        return _("%(size)s MB") % {"size": formats.number_format(round(size / (1024 * 1024), 2), 2)}
    return _("%(size)s KB") % {"size": formats.number_format(max(1, round(size / 1024)), 0)}


class ResourceQuerySet(DocumentQuerySet):
    """The one rule of who may see a document, used by every door that leads to one.

    - `released()`: documents that exist for the public at this moment: past their go-live
      time (if any), not yet expired, and not in a National Society's own collection (what a
      society's editors upload stays out until communications staff move it into a library
      collection).
    - `listed()`: those of them that public pages may list or link to: also none from a
      private collection (one with a view restriction), whose readers sign in or give a
      password at the document's own address instead.
    """

    def released(self):
        now = timezone.now()
        return (
            self.filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
            .exclude(collection__in=society_collection_ids())
        )

    def listed(self):
        """Documents readers may see in the library and on pages, newest first."""
        return (
            self.released()
            .exclude(collection__in=private_collection_ids())
            .order_by(*Resource.newest_first)
        )


def next_document_change():
    """When the next document's go-live or expiry time comes: the library and the pages that
    list documents change then, with nothing saved (the page cache's schedule, see apps.py)."""
    now = timezone.now()
    times = (
        Resource.objects.filter(**{f"{field}__gt": now}).aggregate(next=Min(field))["next"]
        for field in ("go_live_at", "expire_at")
    )
    return min((value for value in times if value is not None), default=None)


class Resource(AbstractDocument):
    """A document of the resource library: a report, an assessment, a poster...

    On upload the library records the file's size and format and, for a PDF, its page count,
    a thumbnail of the first page and its text, so that search finds words inside it.
    """

    resource_type = models.CharField(
        _("type"),
        max_length=20,
        choices=ResourceType.choices,
        default=ResourceType.REPORT,
        help_text=_(
            "Readers see this above the document's title (“Report”, “Poster”); the library "
            "can be filtered by it."
        ),
    )
    publication_date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "Readers see this date with the document, and the library lists the newest first. "
            "Leave empty to use the day it was uploaded."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_(
            "Readers see this as the document's language; the library can be filtered by it."
        ),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_(
            "A few sentences that readers see under the title where a page lists the document. "
            "Search finds its words too."
        ),
    )
    go_live_at = models.DateTimeField(
        _("go-live date/time"),
        null=True,
        blank=True,
        help_text=_(
            "Readers can find and open the document from this moment. Leave empty to release "
            "it as soon as it is saved."
        ),
    )
    expire_at = models.DateTimeField(
        _("expiry date/time"),
        null=True,
        blank=True,
        help_text=_(
            "Readers can no longer find or open the document from this moment. Leave empty to "
            "keep it."
        ),
    )
    programmes = models.ManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",
        limit_choices_to=programme_page_choices,
        verbose_name=_("programmes"),
        help_text=_(
            "The programmes the document is about. Readers find it when they filter the library "
            "by one of them, in every language."
        ),
    )
    countries = CountryField(
        _("countries"),
        multiple=True,
        blank=True,
        help_text=_(
            "The countries the document is about. Readers find it when they filter the library "
            "by one of them, or by their region."
        ),
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to="documents/thumbnails", blank=True, editable=False
    )
    extracted_text = models.TextField(_("text of the document"), blank=True, editable=False)

    objects = ResourceQuerySet.as_manager()

    admin_form_fields = (
        *Document.admin_form_fields,
        "resource_type",
        "publication_date",
        "language",
        "summary",
        "programmes",
        "countries",
        "go_live_at",
        "expire_at",
    )
    # The widgets are those of the admin form (forms.ResourceForm.Meta): Wagtail's document
    # forms do not read `admin_form_widgets`.
    # Titles weigh what page titles weigh in Wagtail (boost 2; documents' default is 10), so that
    # documents and pages rank on equal terms in the site search; a title still counts far more
    # than the summary or the text.
    search_fields = [
        *(
            field
            for field in AbstractDocument.search_fields
            if not (isinstance(field, index.SearchField) and field.field_name == "title")
        ),
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.SearchField("extracted_text"),
        index.FilterField("resource_type"),
        index.FilterField("language"),
        index.FilterField("publication_date"),
        # The gate's own fields (ResourceQuerySet), so that search keeps it too.
        index.FilterField("go_live_at"),
        index.FilterField("expire_at"),
    ]

    newest_first = ("-publication_date", "-created_at", "-pk")

    # The partner API (ifrc_site/api/, docs/api.md): never the uploader, the text read from the
    # file or the go-live and expiry times, only what the library shows.
    api_fields = [
        APIField("resource_type"),
        APIField("language"),
        APIField("date"),
        APIField("publication_date"),
        APIField("summary"),
        APIField("file_extension"),
        APIField("file_size"),
        APIField("page_count"),
        APIField("countries", serializer=CountriesField()),
        APIField("programmes", serializer=ProgrammesField()),
    ]
    api_listing_fields = ("resource_type", "language", "date", "file_size", "page_count")
    api_filters = {
        "programme": "programmes__translation_key",
        "country": "countries",
        "language": "language",
        "type": "resource_type",
        "date": ("publication_date", "created_at"),  # as `date` reads them
    }
    api_prefetch = ("programmes",)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def _set_document_file_metadata(self):
        # Wagtail calls this whenever a new file is uploaded: learn what we can from it.
        super()._set_document_file_metadata()
        self.read_file_details()

    def read_file_details(self):
        """Page count, text and thumbnail from a PDF; other formats get an icon instead."""
        self.page_count, self.extracted_text = None, ""
        if self.thumbnail:
            self.thumbnail.delete(save=False)
        if self.file_extension != "pdf":
            return
        # The upload form has read the PDF already (resources/validators.py); a file saved
        # otherwise is read here.
        details = remembered_details(self.file)
        if details is None:
            self.file.seek(0)
            details = read_pdf(self.file.read())
            self.file.seek(0)
        if details is None:
            return
        self.page_count, self.extracted_text = details.page_count, details.text
        if details.thumbnail:
            # A name nobody can guess from the document's: a thumbnail shows the first page,
            # and a web server in front may serve media without asking the site.
            name = f"{secrets.token_urlsafe(16)}.webp"
            self.thumbnail.save(name, ContentFile(details.thumbnail), save=False)

    @property
    def format_label(self):
        """ "PDF, 6.42 MB", "PDF, 6,42 Mo": the format isolated, so that it reads in order on
        right-to-left pages too."""
        name = format_html("<bdi>{}</bdi>", self.file_extension.upper())
        size = file_size_label(self.file_size)
        if not size:
            return name
        # The same joining words as the download cue's (site_tags.download_cue).
        return format_html(str(_("{first}, {second}")), first=name, second=size)

    @property
    def date(self):
        return self.publication_date or self.created_at.date()

    # The gate (see ResourceQuerySet) -------------------------------------------------------

    @classmethod
    def unlisted_ids(cls):
        """Ids of the documents that public pages must not show or link to: embargoed,
        expired, unapproved or private ones. Usually few; kept once per content generation
        (a go-live or expiry time passing starts a new one), so blocks and rich-text links
        check any number of documents without a query each."""
        return fragment(
            ("unlisted-documents",),
            lambda: frozenset(
                cls.objects.exclude(pk__in=cls.objects.listed().values("pk")).values_list(
                    "pk", flat=True
                )
            ),
        )

    def may_be_served_to(self, user):
        """Whether the document's own address may send the file to this reader: when it is
        released (a private collection then asks for its password or login, as Wagtail does),
        or to an editor who may choose or change it in the admin (to check it before release)."""
        return Resource.objects.released().filter(pk=self.pk).exists() or self.is_editable_by(user)

    def may_be_shown_to(self, user):
        """Whether a public page or file derived from the document (its thumbnail) may be
        shown: when it is listed, or to an editor who may choose or change it."""
        return self.pk not in Resource.unlisted_ids() or self.is_editable_by(user)

    def is_editable_by(self, user):
        if not user.is_authenticated:
            return False
        return policy_registry.get_by_type(Resource).user_has_any_permission_for_instance(
            user, ["change", "choose"], self
        )


# Library listing ---------------------------------------------------------------------------


class ResourceFilterSet(ListingFilterSet):
    programme_lookup = "programmes__translation_key"
    countries_field = "countries"
    date_field = "publication_date"

    type = django_filters.ChoiceFilter(
        field_name="resource_type",
        label=_("Type"),
        empty_label=_("All types"),
        choices=ResourceType.choices,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), empty_label=_("All languages"), choices=settings.LANGUAGES
    )


class ResourceIndexPage(BasePage):
    """The resource library: every document, filterable by type, programme, language and year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        HelpPanel(_("Documents are added in Documents; this page lists them by itself.")),
    ]

    parent_page_types = ["ifrc_site.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = Resource.objects.listed()
        filters = ResourceFilterSet(request.GET, documents, locale=self.locale)
        documents = filters.qs if filters.is_valid() else documents.none()
        context["filters"] = filters
        context["documents"] = paginate(request, documents)
        return context


# Case studies ------------------------------------------------------------------------------


class CaseStudyFilterSet(ListingFilterSet):
    programme_lookup = "programme__translation_key"
    countries_field = "country"
    date_field = "date"


class CaseStudyIndexPage(BasePage):
    """Case studies from every National Society, filterable by programme and country."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["ifrc_site.HomePage"]
    subpage_types = ["resources.CaseStudySectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case study listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        case_studies = (
            public(CaseStudyPage.objects.live(), request)
            .descendant_of(self)
            .select_related(*CaseStudyPage.listing_related)
            .prefetch_related(*CaseStudyPage.listing_prefetch)
            .order_by(*CaseStudyPage.newest_first)
        )
        filters = CaseStudyFilterSet(request.GET, case_studies, locale=self.locale)
        case_studies = filters.qs if filters.is_valid() else case_studies.none()
        context["filters"] = filters
        context["case_studies"] = paginate(request, case_studies)
        return context


class CaseStudySectionPage(BasePage):
    """One National Society's own part of the case studies, where its editors write."""

    national_society = models.ForeignKey(
        NationalSociety,
        verbose_name=_("National Society"),
        on_delete=models.PROTECT,
        related_name="case_study_sections",
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("national_society"), FieldPanel("intro")]

    parent_page_types = ["resources.CaseStudyIndexPage"]
    subpage_types = ["resources.CaseStudyPage"]

    class Meta:
        verbose_name = _("National Society case studies")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        case_studies = (
            public(CaseStudyPage.objects.live(), request)
            .child_of(self)
            .select_related(*CaseStudyPage.listing_related)
            .prefetch_related(*CaseStudyPage.listing_prefetch)
            .order_by(*CaseStudyPage.newest_first)
        )
        context["case_studies"] = paginate(request, case_studies)
        return context


class CaseStudyPageForm(LocalisedPageForm):
    """A case study belongs to the National Society whose section it is written in; the form
    shows that society and takes none from what is sent (see CaseStudyPage.save)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        section = self.parent_page.specific if self.parent_page else None
        society_id = getattr(section, "national_society_id", None)
        if society_id:
            self.instance.national_society_id = society_id

    def clean(self):
        cleaned_data = super().clean()
        if self.goes_forward() and not cleaned_data.get("consent_recorded"):
            self.add_error("consent_recorded", CaseStudyPage.consent_required_message())
        return cleaned_data

    def goes_forward(self):
        """Whether the button pressed submits, resubmits, approves or publishes the page, rather
        than saving a draft, requesting changes or cancelling the review (see the page editor's
        create and edit views for the names the buttons send)."""
        if any(
            self.data.get(name)
            for name in ("action-publish", "action-submit", "action-restart-workflow")
        ):
            return True
        return bool(self.data.get("action-workflow-action")) and (
            self.data.get("workflow-action-name") == "approve"
        )


class CaseStudyPage(SocietySectionChildMixin, BasePage):
    """A National Society's account of its work in one country and programme."""

    date = models.DateField(_("date"))
    country = CountryField(_("country"))
    national_society = models.ForeignKey(
        NationalSociety,
        verbose_name=_("National Society"),
        on_delete=models.PROTECT,
        related_name="case_studies",
    )
    programme = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=programme_page_choices,
    )
    summary = models.TextField(_("summary"), max_length=400)
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("caption"), max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    consent_recorded = models.BooleanField(
        _("consent recorded"),
        default=False,
        help_text=_(
            "Tick only when every identifiable person shown or named has given informed "
            "consent, and the consent forms are on file."
        ),
    )
    do_not_syndicate = models.BooleanField(
        _("do not syndicate"),
        default=False,
        help_text=_("Keep this case study off feeds and partner sites."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("national_society", read_only=True),
                FieldPanel("country"),
                FieldPanel("programme"),
                FieldPanel("date"),
            ],
            heading=_("Who, where and what"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Photo")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("consent_recorded"), FieldPanel("do_not_syndicate")],
            heading=_("Safeguarding"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    # The partner API (ifrc_site/api/, docs/api.md); which case studies it shows at all is
    # `syndicated` (registered in apps.py).
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("countries", serializer=CountriesField(source="country")),
        APIField("programmes", serializer=ProgrammesField(source="programme")),
        APIField(
            "national_society", serializer=CharField(source="national_society.name", read_only=True)
        ),
        APIField("language", serializer=CharField(source="locale.language_code", read_only=True)),
        APIField("body", serializer=RenderedStreamField()),
        APIField("translations", serializer=TranslationsField()),
    ]
    api_listing_fields = (
        "date",
        "summary",
        "countries",
        "programmes",
        "national_society",
        "language",
    )
    api_filters = {"programme": "programme__translation_key", "country": "country", "date": "date"}
    api_prefetch = ("programme", "national_society")

    section_model = CaseStudySectionPage
    parent_page_types = ["resources.CaseStudySectionPage"]
    subpage_types = []
    base_form_class = CaseStudyPageForm

    listing_related = ("hero_image", "listing_image", "national_society")
    listing_prefetch = ("hero_image__renditions",)
    newest_first = ("-date", "-pk")
    hero_picture_size = "wide"

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    @staticmethod
    def consent_required_message():
        return _(
            "Tick “consent recorded” before submitting, approving or publishing this case study: "
            "every identifiable person shown or named must have given informed consent."
        )

    def publish(self, revision, *args, log_action=True, **kwargs):
        """Refuse to put a case study live, or schedule it, without recorded consent.

        The page editor already refuses (CaseStudyPageForm); this also covers an approval from
        the dashboard, `publish_scheduled` and the shell. The refusal is a PermissionDenied, so
        that a view it escapes from answers 403 rather than 500, and the approval it ends is
        rolled back with the rest of the transaction.
        """
        if not revision.as_object().consent_recorded:
            if log_action == "wagtail.publish.scheduled":
                # Scheduled before consent became a condition: drop the schedule, so that the
                # command goes on with the other pages and does not try this one again.
                logger.warning(
                    "Not publishing case study pk=%s revision_id=%s: consent is not recorded.",
                    self.pk,
                    revision.pk,
                )
                type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
                return None
            raise PublishPagePermissionError(str(self.consent_required_message()))
        return super().publish(revision, *args, log_action=log_action, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.do_not_syndicate:
            return []
        return super().get_sitemap_urls(request)

    @classmethod
    def syndicated(cls, queryset=None):
        """The case studies that feeds and partner sites may carry: not those marked
        "do not syndicate", nor any without recorded consent. Liveness and privacy are left to
        the caller (`live()`, `ifrc_site.queries.public`)."""
        if queryset is None:
            queryset = cls.objects.all()
        return queryset.filter(do_not_syndicate=False, consent_recorded=True)

    @property
    def card_summary(self):
        return self.listing_summary or self.summary

    @property
    def card_image(self):
        return self.hero_image

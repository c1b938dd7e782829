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
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry
from wagtail.search import index

import django_filters
from django_countries.fields import CountryField

from ifrc_site.blocks import BaseStreamBlock
from ifrc_site.caching.pagecache import fragment
from ifrc_site.editorial.forms import LocalisedPageForm
from ifrc_site.listing import ListingFilterSet, paginate
from ifrc_site.models import (
    BasePage,
    NationalSociety,
    SocietySectionChildMixin,
    programme_page_choices,
)
from ifrc_site.queries import public
from ifrc_site.syndication import FeedListingMixin

from .feeds import CaseStudyFeed, ResourceFeed
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


# Written as lists of collection ids, which search backends can filter on as well as querysets;
# each kept once per content generation (saving a society, collection or restriction starts one).


def society_collection_ids():
    """The National Societies' own collections, whose documents await approval."""
    return fragment(
        ("society-collections",),
        lambda: list(
            NationalSociety.objects.exclude(collection=None).values_list("collection", flat=True)
        ),
    )


def private_collection_ids():
    """Collections with a view restriction, and those inside them."""

    def compute():
        paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        query = Q(pk__in=[])
        for path in paths:
            query |= Q(path__startswith=path)
        return list(Collection.objects.filter(query).values_list("pk", flat=True)) if paths else []

    return fragment(("private-collections",), compute)


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


class ResourceIndexPage(FeedListingMixin, BasePage):
    """The resource library: every document, filterable by type, programme, language and year,
    with RSS and Atom feeds of the same filtered documents (`feed/rss/?type=report`)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        HelpPanel(_("Documents are added in Documents; this page lists them by itself.")),
    ]

    parent_page_types = ["ifrc_site.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    feed_class = ResourceFeed

    class Meta:
        verbose_name = _("resource library")

    def filtered_items(self, request):
        # The library's rule: only documents readers may see (ResourceQuerySet.listed).
        documents = Resource.objects.listed()
        filters = ResourceFilterSet(request.GET, documents, locale=self.locale)
        return filters, (filters.qs if filters.is_valid() else documents.none())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters, documents = self.filtered_items(request)
        context["filters"] = filters
        context["documents"] = paginate(request, documents)
        return context


# Case studies ------------------------------------------------------------------------------


class CaseStudyFilterSet(ListingFilterSet):
    programme_lookup = "programme__translation_key"
    countries_field = "country"
    date_field = "date"


class CaseStudyIndexPage(FeedListingMixin, BasePage):
    """Case studies from every National Society, filterable by programme and country, with RSS
    and Atom feeds of those that may be syndicated (`feed/atom/?country=PK`)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["ifrc_site.HomePage"]
    subpage_types = ["resources.CaseStudySectionPage"]
    max_count_per_parent = 1
    feed_class = CaseStudyFeed

    class Meta:
        verbose_name = _("case study listing")

    def filtered_items(self, request):
        case_studies = (
            public(CaseStudyPage.objects.live(), request)
            .descendant_of(self)
            .select_related(*CaseStudyPage.listing_related)
            .prefetch_related(*CaseStudyPage.listing_prefetch)
            .order_by(*CaseStudyPage.newest_first)
        )
        filters = CaseStudyFilterSet(request.GET, case_studies, locale=self.locale)
        return filters, (filters.qs if filters.is_valid() else case_studies.none())

    def feed_items(self, items):
        # Feeds carry only what may be syndicated: never "do not syndicate", nor without consent.
        return CaseStudyPage.syndicated(items)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters, case_studies = self.filtered_items(request)
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

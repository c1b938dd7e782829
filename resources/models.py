"""The resource library (documents with their type, date and language) and case studies."""

import os

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.search import index

import django_filters
from django_countries.fields import CountryField

from ifrc_site.blocks import BaseStreamBlock
from ifrc_site.forms import LocalisedPageForm
from ifrc_site.listing import ListingFilterSet, paginate
from ifrc_site.models import BasePage, NationalSociety, programme_page_choices
from ifrc_site.queries import public

from .pdf import read_pdf

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
    def listed(self):
        """Documents readers may see in the library, newest first.

        Only those live now (past their go-live time, if any, and not yet expired), and none
        from a National Society's own collection: what a society's editors upload stays out of
        the library until communications staff move it into a library collection.
        """
        now = timezone.now()
        return (
            self.filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
            .filter(collection__national_societies__isnull=True)
            .order_by(*Resource.newest_first)
        )


class Resource(AbstractDocument):
    """A document of the resource library: a report, an assessment, a poster...

    On upload the library records the file's size and format and, for a PDF, its page count,
    a thumbnail of the first page and its text, so that search finds words inside it.
    """

    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, default=ResourceType.REPORT
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    summary = models.TextField(_("summary"), blank=True)
    go_live_at = models.DateTimeField(
        _("go-live date/time"),
        null=True,
        blank=True,
        help_text=_("Listed in the library from this moment. Leave empty to list it at once."),
    )
    expire_at = models.DateTimeField(
        _("expiry date/time"),
        null=True,
        blank=True,
        help_text=_("Taken off the library's listings at this moment. Leave empty to keep it."),
    )
    programmes = models.ManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",
        limit_choices_to=programme_page_choices,
        verbose_name=_("programmes"),
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
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
    admin_form_widgets = {"programmes": forms.CheckboxSelectMultiple}
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
        self.file.seek(0)
        details = read_pdf(self.file.read())
        self.file.seek(0)
        if details is None:
            return
        self.page_count, self.extracted_text = details.page_count, details.text
        if details.thumbnail:
            name = os.path.splitext(os.path.basename(self.file.name))[0] + ".webp"
            self.thumbnail.save(name, ContentFile(details.thumbnail), save=False)

    @property
    def format_label(self):
        """ "pdf (6.42 MB)", "pdf (6,42 Mo)": the format isolated, so that it reads in order on
        right-to-left pages too."""
        return format_html(
            "<bdi>{}</bdi> ({})", self.file_extension, file_size_label(self.file_size)
        )

    @property
    def date(self):
        return self.publication_date or self.created_at.date()


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


class CaseStudyPage(BasePage):
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

    def save(self, *args, **kwargs):
        # The society is always that of the section the page is in, whatever a form, a revision
        # or a move says: a society's editors cannot write in another's name.
        if self.path and self.depth > 1:
            parent_path = self.path[: -self.steplen]
            section = CaseStudySectionPage.objects.filter(path=parent_path)
            society_id = section.values_list("national_society_id", flat=True).first()
            if society_id:
                self.national_society_id = society_id
        return super().save(*args, **kwargs)

    @property
    def card_summary(self):
        return self.listing_summary or self.summary

    @property
    def card_image(self):
        return self.hero_image

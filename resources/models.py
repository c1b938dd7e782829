"""The resource library (documents with their type, date and language) and case studies."""

import logging
import mimetypes
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Min, Q
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.permissions import policy_registry
from wagtail.search import index

import django_filters
from django_countries.fields import CountryField
from rest_framework.fields import CharField

from ifrc_site import metadata
from ifrc_site.api.fields import (
    CountriesField,
    ProgrammesField,
    RenderedStreamField,
    TranslationsField,
)
from ifrc_site.blocks import BaseStreamBlock
from ifrc_site.caching.pagecache import fragment
from ifrc_site.editorial.forms import LocalisedPageForm
from ifrc_site.listing import ListingFilterSet, listing_key, paginate
from ifrc_site.models import (
    BasePage,
    NationalSociety,
    SocietySectionChildMixin,
    private_collection_ids,
    programme_page_choices,
    society_collection_ids,
)
from ifrc_site.queries import public
from ifrc_site.syndication import FeedListingMixin

from .accessibility import accessibility_problems
from .feeds import CaseStudyFeed, ResourceFeed
from .pdf import read_stored_pdf
from .processing import Processing
from .tasks import process_document
from .text_version import render_pages, text_version_bytes
from .validators import pdf_refusal_message

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


def library_url(language):
    """The library's address in a language (its page there, else the default language's);
    kept once per content generation, and in each process's memory (every card asks)."""

    def find():
        libraries = ResourceIndexPage.objects.live().select_related("locale")
        by_language = {library.locale.language_code: library for library in libraries}
        library = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
        return library.url if library else ""

    return fragment(("library-url", language), find)


def file_size_label(size):
    """A file size the way readers expect it: "6.42 MB", "512 KB"."""
    if size is None:
        return ""
    if size >= 1024 * 1024:
        return _("%(size)s MB") % {"size": formats.number_format(round(size / (1024 * 1024), 2), 2)}
    return _("%(size)s KB") % {"size": formats.number_format(max(1, round(size / 1024)), 0)}


class ResourceQuerySet(DocumentQuerySet):
    """The one rule of who may see a document, used by every door that leads to one.

    - `released()`: documents that exist for the public at this moment: read and found sound
      after upload (`Processing.READY`), past their go-live time (if any), not yet expired, and
      not in a National Society's own collection (what a society's editors upload stays out
      until communications staff move it into a library collection).
    - `listed()`: those of them that public pages may list or link to: also none from a
      private collection (one with a view restriction), whose readers sign in or give a
      password at the document's own address instead.
    """

    def released(self):
        now = timezone.now()
        return (
            self.filter(processing=Processing.READY)
            .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
            .exclude(collection__in=society_collection_ids())
        )

    def listed(self):
        """Documents readers may see in the library and on pages, newest first; without their
        text (kept for search, often longer than the rest of the row), read only if asked for."""
        return (
            self.released()
            .exclude(collection__in=private_collection_ids())
            .order_by(*Resource.newest_first)
            .defer("extracted_text", "text_version", "accessibility")
        )

    def with_date(self):
        """Each document's `Resource.date` worked out in SQL, as `shown_date` (read as a date:
        the site search reads thousands, where the upload's time would cost a datetime each)."""
        return self.annotate(shown_date=Coalesce("publication_date", TruncDate("created_at")))

    def in_groups(self, keys):
        """The documents of these resources, each given by its key (`group_key`: the original's
        id): the originals and their language versions.

        Looked up as two lists of ids, by id and by original: asked for as one condition on
        either column, SQLite read the whole table (22 ms at 20,000 documents), its statistics
        counting the many documents without an original as one group.
        """
        keys = list(keys) if not hasattr(keys, "resolve_expression") else keys
        members = (
            Resource.objects.filter(pk__in=keys)
            .values("pk")
            .union(Resource.objects.filter(original_id__in=keys).values("pk"))
        )
        return self.filter(pk__in=members)

    def one_per_resource(self, language):
        """One document per resource: of a group of language versions (see
        `Resource.original`), only the version that stands for it.

        That is the version in `language` if the group has one readers may see, else the
        original, else the oldest version readers may see. Call it on `listed()`: the versions
        it chooses from are those `listed()` lets through, so a hidden version never stands for
        its group.

        The few versions that do not stand for theirs are left out by id (`Resource.
        not_standing_ids`). Asked in SQL for each document ("is it its group's first?"), the
        question made PostgreSQL expect almost no document to pass, so it read and checked
        every one and sorted them all (10 ms at 2,000 documents, growing with the library)
        instead of reading a page's dozen through the order's index.
        """
        hidden = Resource.not_standing_ids(language)
        return self.exclude(pk__in=hidden) if hidden else self


def next_document_change():
    """When the next document's go-live or expiry time comes: the library and the pages that
    list documents change then, with nothing saved (the page cache's schedule, see apps.py)."""
    now = timezone.now()
    times = (
        Resource.objects.filter(**{f"{field}__gt": now}).aggregate(next=Min(field))["next"]
        for field in ("go_live_at", "expire_at")
    )
    return min((value for value in times if value is not None), default=None)


class _LanguageVersions:
    """The language versions of a batch of documents (`Resource.attach_language_versions`),
    looked up for all of them at the first ask."""

    def __init__(self, documents):
        self.documents = documents
        self.found = None

    def of(self, document):
        if self.found is None:
            self.found = self._look_up()
        return self.found.get(document.pk, ([], []))

    def _look_up(self):
        documents = self.documents
        if not documents:
            return {}
        groups = {}
        versions = Resource.objects.listed().in_groups(
            {document.group_key for document in documents}
        )
        for version in versions.order_by():
            groups.setdefault(version.group_key, []).append(version)
        order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
        found = {}
        for document in documents:
            others = [
                version
                for version in groups.get(document.group_key, [])
                if version.pk != document.pk and version.language != document.language
            ]
            others.sort(key=lambda version: (order.get(version.language, len(order)), version.pk))
            present = {document.language, *(version.language for version in others)}
            missing = [(code, name) for code, name in settings.LANGUAGES if code not in present]
            found[document.pk] = (others, missing)
        return found


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
    # New rows get their state from the upload (`schedule_processing`); documents stored before
    # processing moved to the background were read at upload, and are ready.
    processing = models.CharField(
        _("processing"),
        max_length=10,
        choices=Processing.choices,
        default=Processing.READY,
        # In the table too: rows the previous release writes, which knows nothing of it.
        db_default=Processing.READY,
        editable=False,
    )
    # What the reading found (resources/tasks.py): the text version readers may open instead
    # of the PDF (`text_version_size`: its bytes), and the accessibility checks with the number
    # of problems they show (`accessibility.py`).
    text_version = models.JSONField(_("text version"), null=True, blank=True, editable=False)
    text_version_size = models.PositiveIntegerField(null=True, blank=True, editable=False)
    accessibility = models.JSONField(
        _("accessibility checks"), null=True, blank=True, editable=False
    )
    accessibility_problems = models.PositiveSmallIntegerField(
        _("accessibility problems"), null=True, blank=True, editable=False
    )
    processing_problem = models.CharField(
        _("processing problem"),
        max_length=300,
        blank=True,
        default="",
        db_default="",
        editable=False,
    )
    original = models.ForeignKey(
        "self",
        verbose_name=_("language version of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="versions",
        help_text=_(
            "If this document is a translation of another one in the library, choose the "
            "original here. Readers then see the resource once, with links to each language "
            "(one document per language)."
        ),
    )

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
        "original",
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
        index.FilterField("processing"),
        # The documents list's accessibility filter, with a search.
        index.FilterField("accessibility_problems"),
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
        # The library's order, and its type and language filters in that order
        # (tests/test_listing_indexes.py).
        indexes = [
            models.Index(
                fields=["-publication_date", "-created_at", "-id"], name="resource_newest_first"
            ),
            models.Index(
                fields=["resource_type", "-publication_date", "-created_at", "-id"],
                name="resource_by_type",
            ),
            models.Index(
                fields=["language", "-publication_date", "-created_at", "-id"],
                name="resource_by_language",
            ),
        ]

    # What the background reading of the file writes (`read_file_details`): a save of the other
    # fields, from a form loaded before the reading ended, leaves them as they are.
    PROCESSED_FIELDS = (
        "processing",
        "processing_problem",
        "page_count",
        "extracted_text",
        "thumbnail",
        "text_version",
        "text_version_size",
        "accessibility",
        "accessibility_problems",
    )

    def _set_document_file_metadata(self):
        # Wagtail calls this whenever a new file is uploaded: its details are read once it is
        # stored, in the background.
        super()._set_document_file_metadata()
        self.schedule_processing()

    def schedule_processing(self):
        """Forget what was learnt from the previous file; a PDF is read after the next save."""
        self.page_count, self.extracted_text, self.processing_problem = None, "", ""
        self.text_version = self.text_version_size = None
        self.accessibility = self.accessibility_problems = None
        if self.thumbnail:
            self.thumbnail.delete(save=False)
        pdf = self.file_extension == "pdf"
        self.processing = Processing.PENDING if pdf else Processing.READY
        self._process_after_save = pdf

    def save(self, *args, **kwargs):
        process = getattr(self, "_process_after_save", False)
        if not process and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in self.PROCESSED_FIELDS
            ]
        super().save(*args, **kwargs)
        if process:
            self._process_after_save = False
            # Queued in the same transaction: the worker sees the task once the document is
            # committed. Where tasks run at once (no worker), it is read now; either way this
            # object then holds what is stored.
            process_document.enqueue(self.pk)
            self.refresh_from_db(fields=self.PROCESSED_FIELDS)

    @property
    def text_version_url(self):
        """The text version's address under the library in the reader's language (None where
        there is no text version, or no library)."""
        if not self.text_version_size:
            return None
        library = library_url(translation.get_language())
        return f"{library}{self.pk}/text/" if library else None

    @property
    def text_language(self):
        """The language of the text version: the one the PDF declares, when it is one of the
        site's (the file knows its text best), else the document's."""
        declared = ((self.accessibility or {}).get("language") or "").split("-")[0].lower()
        return declared if declared in dict(settings.LANGUAGES) else self.language

    @property
    def text_version_label(self):
        return file_size_label(self.text_version_size)

    @property
    def accessibility_label(self):
        """For editors' list of documents: "3 problems", "No problems", or nothing (not a PDF,
        or not read yet)."""
        count = self.accessibility_problems
        if count is None:
            return ""
        if count == 0:
            return _("No problems")
        return ngettext("%(count)s problem", "%(count)s problems", count) % {"count": count}

    def accessibility_warnings(self):
        return accessibility_problems(self)

    @property
    def checks_label(self):
        """For editors' list of documents: where the reading is until it is done, then what
        the accessibility check found."""
        return self.processing_label or self.accessibility_label

    @property
    def processing_label(self):
        """For editors: nothing once the document is ready, else where its reading is."""
        return "" if self.processing == Processing.READY else self.get_processing_display()

    def processing_note(self):
        """For editors, on the document's page: why readers do not see it (yet)."""
        if self.processing == Processing.PENDING:
            return _(
                "Processing… The page count, the text for search and the thumbnail are being "
                "read from the file. Readers see the document once this is done."
            )
        if self.processing == Processing.REFUSED:
            return pdf_refusal_message(self.processing_problem)
        if self.processing == Processing.FAILED:
            return _(
                "The file could not be read after several attempts (%(problem)s). Readers do "
                "not see the document. Upload the file again, or ask the site's administrators."
            ) % {"problem": self.processing_problem}
        return ""

    def read_now(self):
        """Read the file here and now, with no task: for content made in bulk by a command,
        saved without `save()`. Raises as `read_file_details` does."""
        self._process_after_save = False
        self.read_file_details()
        self.processing, self.processing_problem = Processing.READY, ""

    def read_file_details(self):
        """Page count, text and thumbnail from the stored file, if it is a PDF. Raises
        PdfRefused when the file is not acceptable, OSError (or the storage's error) when it
        could not be read."""
        self.page_count, self.extracted_text = None, ""
        self.text_version = self.text_version_size = None
        self.accessibility = self.accessibility_problems = None
        if self.thumbnail:
            self.thumbnail.delete(save=False)
        if self.file_extension != "pdf":
            return
        details = read_stored_pdf(self.file)
        self.page_count, self.extracted_text = details.page_count, details.text
        if any(details.pages):
            self.text_version = details.pages
            self.text_version_size = text_version_bytes(details.pages)
        if details.checks is not None:
            self.accessibility = details.checks
            self.accessibility_problems = len(accessibility_problems(self))
        if details.thumbnail:
            # A name nobody can guess from the document's: a thumbnail shows the first page,
            # and a web server in front may serve media without asking the site.
            name = f"{secrets.token_urlsafe(16)}.webp"
            self.thumbnail.save(name, ContentFile(details.thumbnail), save=False)

    def structured_data(self, request):
        """The document as schema.org sees it: a Report, or a DigitalDocument."""
        item = {
            "@type": "Report" if self.resource_type == "report" else "DigitalDocument",
            "name": self.title,
            "url": request.build_absolute_uri(self.url),
            "inLanguage": self.language,
            "encodingFormat": mimetypes.guess_type(self.file.name)[0] or "application/octet-stream",
        }
        if self.summary:
            item["description"] = self.summary
        if self.file_size:
            item["contentSize"] = f"{self.file_size} B"
        if self.page_count:
            item["numberOfPages"] = self.page_count
        if self.date:
            item["datePublished"] = self.date.isoformat()
        return item

    # Language versions -----------------------------------------------------------------------

    @property
    def group_key(self):
        """The id of the original of this document's group of language versions."""
        return self.original_id or self.pk

    def clean(self):
        # Every check, each adding its errors: the multiple upload drops the file's own
        # complaint while the file awaits its details (forms.ResourceForm._update_errors), and
        # the grouping must be checked all the same.
        errors = {}
        for check in (super().clean, self.clean_original, self.clean_language_against_versions):
            try:
                check()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def clean_original(self):
        """A group of language versions is one original and the documents that name it, with
        at most one document per language: no version of a version, no circles."""
        original = self.original
        if original is None:
            return
        if self.pk and original.pk == self.pk:
            raise ValidationError(
                {"original": _("A document cannot be a language version of itself.")}
            )
        if original.original_id is not None:
            raise ValidationError(
                {
                    "original": _(
                        "“%(chosen)s” is itself a language version of another document. Choose "
                        "the original it names instead."
                    )
                    % {"chosen": original.title}
                }
            )
        if self.pk and self.versions.exists():
            raise ValidationError(
                {
                    "original": _(
                        "Other documents are language versions of this one, so it cannot be a "
                        "version of another. Make them versions of the other document first."
                    )
                }
            )
        siblings = Resource.objects.filter(Q(pk=original.pk) | Q(original=original))
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        if siblings.filter(language=self.language).exists():
            raise ValidationError(
                {
                    "original": _(
                        "This resource already has a version in %(language)s: each language "
                        "has one document. Change this document's language, or the other's."
                    )
                    % {"language": self.get_language_display()}
                }
            )

    def clean_language_against_versions(self):
        """An original whose language changes must not take that of one of its versions."""
        if self.pk and self.original_id is None:
            if self.versions.filter(language=self.language).exists():
                raise ValidationError(
                    {
                        "language": _(
                            "A language version of this document is already in %(language)s: "
                            "each language has one document."
                        )
                        % {"language": self.get_language_display()}
                    }
                )

    @classmethod
    def attach_language_versions(cls, documents):
        """Give each document `other_versions` (the versions of its resource in other
        languages that readers may see, in the site's order of languages) and
        `missing_languages` (the site's languages, as (code, name), it has no version in).

        One query for any number of documents, made when the first of them is asked (a card
        already rendered and kept asks nothing: `card_items`). Only what `listed()` lets
        through is linked or counted: a hidden version is as good as missing.
        """
        documents = [document for document in documents if document is not None]
        batch = _LanguageVersions(documents)
        for document in documents:
            document._language_versions = batch
        return documents

    @property
    def other_versions(self):
        return self._versions_of_batch()[0]

    @property
    def missing_languages(self):
        return self._versions_of_batch()[1]

    def _versions_of_batch(self):
        """(other versions, missing languages): none where the document was not given them
        (a card that shows no languages)."""
        batch = getattr(self, "_language_versions", None)
        return ([], []) if batch is None else batch.of(self)

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
        """The publication date, else the day of the upload in the site's time zone (in SQL:
        `ResourceQuerySet.with_date`)."""
        return self.publication_date or timezone.localdate(self.created_at)

    # The gate (see ResourceQuerySet) -------------------------------------------------------

    @classmethod
    def not_standing_ids(cls, language):
        """Ids of the documents readers may see that do not stand for their resource in
        `language` (`ResourceQuerySet.one_per_resource`): the other versions of translated
        resources, a few. Kept once per content generation, as `unlisted_ids`."""

        def find():
            originals = cls.objects.filter(original__isnull=False).values("original_id")
            members = (
                cls.objects.listed()
                .filter(Q(original__isnull=False) | Q(pk__in=originals))
                .order_by()
                .values_list("pk", "original_id", "language")
            )
            groups = {}
            for pk, original, version_language in members:
                groups.setdefault(original or pk, []).append((pk, original, version_language))
            hidden = set()
            for versions in groups.values():
                standing = min(
                    versions,
                    key=lambda version: (
                        version[2] != language,
                        version[1] is not None,
                        version[0],
                    ),
                )
                hidden.update(version[0] for version in versions if version is not standing)
            return frozenset(hidden)

        return fragment(("documents-not-standing", language), find)

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

    @path("<int:document_id>/text/", name="text_version")
    def text_version_view(self, request, document_id):
        """A PDF's text version, under the library in the reader's language, in the document's
        own language; only where its thumbnail may be shown (`Resource.may_be_shown_to`)."""
        document = Resource.objects.defer("extracted_text").filter(pk=document_id).first()
        if (
            document is None
            or not document.text_version
            or not document.may_be_shown_to(request.user)
        ):
            raise Http404("No text version here.")
        return self.render(
            request,
            template="resources/text_version.html",
            context_overrides={"document": document, "pages": render_pages(document.text_version)},
        )

    def filtered_items(self, request):
        # The library's rule: only documents readers may see (ResourceQuerySet.listed).
        filters = ResourceFilterSet(request.GET, Resource.objects.listed(), locale=self.locale)
        if not filters.is_valid():
            return filters, Resource.objects.none()
        # Each resource once, as its version in the language filtered by, else the reader's:
        # so the language filter finds a resource by any of its versions.
        language = filters.form.cleaned_data.get("language") if filters.is_bound else None
        filters.queryset = filters.queryset.one_per_resource(language or translation.get_language())
        return filters, filters.qs

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters, documents = self.filtered_items(request)
        context["filters"] = filters
        context["documents"] = page = paginate(
            request, documents, count_key=listing_key(self, filters)
        )
        page.object_list = Resource.attach_language_versions(page.object_list)
        return context

    def structured_data(self, request, context):
        """A CollectionPage whose parts are the documents on this page of the library."""
        item = metadata.web_page(self, request, kind="CollectionPage")
        documents = context.get("documents") or []
        if documents:
            item["hasPart"] = [document.structured_data(request) for document in documents]
        return item


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

    def below(self, pages):
        """The case studies of `pages` that this listing lists: those below it.

        Where it is the only case study listing in its language (as on a single site), they
        are asked for as "in its language", the same pages: PostgreSQL then expects as many
        case studies as there are, and reads a page's dozen through the order's index. Asked
        for as "below it" (a path prefix), it expected one in twenty, so it read and sorted
        every one (3.4 ms at 500 case studies, growing with them)."""
        alone = fragment(
            ("case-study-listings", self.locale_id),
            lambda: CaseStudyIndexPage.objects.filter(locale_id=self.locale_id).count() == 1,
        )
        return pages.filter(locale_id=self.locale_id) if alone else pages.descendant_of(self)

    def filtered_items(self, request):
        case_studies = (
            self.below(public(CaseStudyPage.objects.live(), request))
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
        context["case_studies"] = paginate(
            request, case_studies, count_key=listing_key(self, filters)
        )
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

    @property
    def card_summary(self):
        return (
            self.listing_summary
            or self.intro
            or _("Case studies by the %(society)s.") % {"society": self.national_society.name}
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        case_studies = (
            public(CaseStudyPage.objects.live(), request)
            .child_of(self)
            .select_related(*CaseStudyPage.listing_related)
            .prefetch_related(*CaseStudyPage.listing_prefetch)
            .order_by(*CaseStudyPage.newest_first)
        )
        context["case_studies"] = paginate(request, case_studies, count_key=listing_key(self))
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
        # The listing's order, and its country filter in that order (tests/test_listing_indexes.py).
        indexes = [
            models.Index(fields=["-date", "-page_ptr"], name="case_study_newest_first"),
            models.Index(fields=["country", "-date", "-page_ptr"], name="case_study_by_country"),
        ]

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

    og_type = "article"

    def structured_data(self, request, context):
        """An Article written by the National Society, about a place."""
        item = metadata.web_page(self, request, kind="Article")
        item.update(
            {
                "headline": self.title[:110],
                "datePublished": self.date.isoformat(),
                "author": {"@type": "Organization", "name": self.national_society.name},
                "contentLocation": {"@type": "Country", "name": self.country.name},
                "mainEntityOfPage": item["url"],
            }
        )
        return item

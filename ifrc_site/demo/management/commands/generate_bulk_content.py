"""Add thousands of news stories, documents and case studies to the demo site, for load tests.

    manage.py load_demo_content
    manage.py generate_bulk_content --stories 10000 --documents 2000 --case-studies 500

Items are numbered and marked (slugs `bulk-story-00001`, `bulk-case-study-00001`, files
`documents/bulk-document-00001.txt`), so running the command again only adds the numbers that
are missing: the same arguments add nothing the second time.

For speed, pages are written straight into the tree (no revisions, no validation, no
per-page search indexing or reference indexing) and documents with one insert per batch; the
new items are then added to the search index in batches. A few documents are real PDFs, read
like an upload (text, page count, thumbnail); the others are plain text files whose text is
also their `extracted_text`.
"""

import datetime
import hashlib
import re
import time
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

from ifrc_site.demo import bulk
from ifrc_site.demo.media import make_pdf
from ifrc_site.models import HomePage
from immunization.models import ImmunizationPage
from migration.models import MigrationPage
from news.models import NewsIndexPage, NewsStoryPage
from resources.models import CaseStudyIndexPage, CaseStudyPage, CaseStudySectionPage, Resource

STORY_PREFIX = "bulk-story-"
CASE_STUDY_PREFIX = "bulk-case-study-"
DOCUMENT_PREFIX = "bulk-document-"
DOCUMENT_FOLDER = "documents"
PDF_EVERY = 250  # one document in this many is a real PDF
BATCH = 500


def numbered(prefix, names):
    """The item numbers found in names such as "bulk-story-00042"."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    found = set()
    for name in names:
        match = pattern.search(name)
        if match:
            found.add(int(match.group(1)))
    return found


def rich_text(paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def published_at(date):
    return datetime.datetime.combine(date, datetime.time(9, 0), tzinfo=datetime.UTC)


@contextmanager
def indexing_paused(models):
    """No search or reference index updates on save; the command indexes in bulk afterwards."""
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
            post_delete.connect(post_delete_signal_handler, sender=model)


class TreeAppender:
    """Adds pages as the last children of one parent, working out tree paths itself.

    Treebeard's `add_child` looks up the last child and updates the parent for every page;
    here that happens once per parent.
    """

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        self.added = 0

    def add(self, page):
        self.step += 1
        page.path = Page._get_path(self.parent.path, self.parent.depth + 1, self.step)
        page.depth = self.parent.depth + 1
        page.numchild = 0
        page.locale_id = self.parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page._cached_parent_obj = self.parent
        page._is_site_root = False
        page.save(clean=False)
        self.added += 1
        return page

    def finish(self):
        if self.added:
            Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.added)
            self.parent.numchild += self.added
            self.added = 0


class Command(BaseCommand):
    help = (
        "Add numbered news stories, documents and case studies to the demo site for load "
        "tests (run load_demo_content first; running again adds only what is missing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=10_000, help="news stories (10000)")
        parser.add_argument("--documents", type=int, default=2_000, help="documents (2000)")
        parser.add_argument(
            "--case-studies", type=int, default=500, help="case studies (500)", dest="case_studies"
        )

    def handle(self, *args, **options):
        for name in ("stories", "documents", "case_studies"):
            if options[name] < 0:
                raise CommandError(f"--{name.replace('_', '-')} cannot be negative.")
        self.verbose = options["verbosity"] >= 1
        started = time.monotonic()
        self.find_demo_site()
        created = {}
        with indexing_paused([NewsStoryPage, CaseStudyPage, Resource]):
            created[NewsStoryPage] = self.stories(options["stories"])
            created[CaseStudyPage] = self.case_studies(options["case_studies"])
            created[Resource] = self.documents(options["documents"])
        self.index(created)
        total = sum(len(pks) for pks in created.values())
        if total:
            self.analyze()
            self.say(
                self.style.SUCCESS(
                    f"Bulk content: {len(created[NewsStoryPage])} stories, "
                    f"{len(created[Resource])} documents and {len(created[CaseStudyPage])} case "
                    f"studies added in {time.monotonic() - started:.1f} s."
                )
            )
        else:
            self.say("Bulk content is already there; nothing to add.")

    def say(self, message):
        if self.verbose:
            self.stdout.write(message)

    def find_demo_site(self):
        locale = Locale.get_default()
        home = HomePage.objects.filter(locale=locale).first()
        news = NewsIndexPage.objects.child_of(home).first() if home else None
        case_studies = CaseStudyIndexPage.objects.child_of(home).first() if home else None
        sections = (
            list(CaseStudySectionPage.objects.child_of(case_studies).order_by("path"))
            if case_studies
            else []
        )
        programmes = {
            "migration": MigrationPage.objects.filter(locale=locale).first(),
            "immunization": ImmunizationPage.objects.filter(locale=locale).first(),
        }
        if not (news and sections and all(programmes.values())):
            raise CommandError("The demo site is missing: run `manage.py load_demo_content` first.")
        self.news, self.sections, self.programmes = news, sections, programmes

    def missing(self, wanted, existing):
        return [number for number in range(1, wanted + 1) if number not in existing]

    def progress(self, what, done, total, started):
        if done == total or done % 2000 == 0:
            self.say(f"  {what}: {done}/{total} ({time.monotonic() - started:.0f} s)")

    # Pages ---------------------------------------------------------------------------------

    def stories(self, wanted):
        slugs = NewsStoryPage.objects.filter(slug__startswith=STORY_PREFIX).values_list(
            "slug", flat=True
        )
        numbers = self.missing(wanted, numbered(STORY_PREFIX, slugs))
        created, links, started = [], [], time.monotonic()
        Link = NewsStoryPage.programmes.through
        for start in range(0, len(numbers), BATCH):
            with transaction.atomic():
                appender = TreeAppender(Page.objects.get(pk=self.news.pk))
                for number in numbers[start : start + BATCH]:
                    item = bulk.story(number)
                    page = appender.add(
                        NewsStoryPage(
                            title=item.title,
                            slug=f"{STORY_PREFIX}{number:05d}",
                            date=item.date,
                            city=item.place,
                            country=item.country,
                            summary=item.summary,
                            body=[{"type": "paragraph", "value": rich_text(item.paragraphs)}],
                            first_published_at=published_at(item.date),
                            last_published_at=published_at(item.date),
                        )
                    )
                    created.append(page.pk)
                    links.append(
                        Link(newsstorypage_id=page.pk, page_id=self.programmes[item.programme].pk)
                    )
                appender.finish()
                Link.objects.bulk_create(links)
                links = []
            self.progress("stories", len(created), len(numbers), started)
        return created

    def case_studies(self, wanted):
        slugs = CaseStudyPage.objects.filter(slug__startswith=CASE_STUDY_PREFIX).values_list(
            "slug", flat=True
        )
        numbers = self.missing(wanted, numbered(CASE_STUDY_PREFIX, slugs))
        created, started = [], time.monotonic()
        for start in range(0, len(numbers), BATCH):
            with transaction.atomic():
                appenders = {}
                for number in numbers[start : start + BATCH]:
                    item = bulk.case_study(number)
                    section = self.sections[number % len(self.sections)]
                    if section.pk not in appenders:
                        appenders[section.pk] = TreeAppender(Page.objects.get(pk=section.pk))
                    page = appenders[section.pk].add(
                        CaseStudyPage(
                            title=item.title,
                            slug=f"{CASE_STUDY_PREFIX}{number:05d}",
                            date=item.date,
                            country=item.country,
                            national_society_id=section.national_society_id,
                            programme=self.programmes[item.programme],
                            summary=item.summary,
                            body=[{"type": "paragraph", "value": rich_text(item.paragraphs)}],
                            consent_recorded=True,
                            first_published_at=published_at(item.date),
                            last_published_at=published_at(item.date),
                        )
                    )
                    created.append(page.pk)
                for appender in appenders.values():
                    appender.finish()
            self.progress("case studies", len(created), len(numbers), started)
        return created

    # Documents -----------------------------------------------------------------------------

    def documents(self, wanted):
        names = Resource.objects.filter(file__contains=DOCUMENT_PREFIX).values_list(
            "file", flat=True
        )
        numbers = self.missing(wanted, numbered(DOCUMENT_PREFIX, names))
        created, started = [], time.monotonic()
        Link = Resource.programmes.through
        for start in range(0, len(numbers), BATCH):
            with transaction.atomic():
                documents, programmes = [], []
                for number in numbers[start : start + BATCH]:
                    item = bulk.document(number)
                    documents.append(self.document(number, item))
                    programmes.append(self.programmes[item.programme].pk)
                Resource.objects.bulk_create(documents)
                Link.objects.bulk_create(
                    Link(resource_id=document.pk, page_id=page_id)
                    for document, page_id in zip(documents, programmes, strict=True)
                )
                created.extend(document.pk for document in documents)
            self.progress("documents", len(created), len(numbers), started)
        return created

    def document(self, number, item):
        name = f"{DOCUMENT_PREFIX}{number:05d}"
        document = Resource(
            title=item.title,
            resource_type=item.resource_type,
            publication_date=item.date,
            language="en",
            summary=item.summary,
            countries=item.countries,
        )
        if number % PDF_EVERY == 1:
            # A real PDF, read as an upload would be: text, page count and thumbnail.
            sections, current = [], None
            for paragraph in item.paragraphs:
                if paragraph in bulk.DOCUMENT_SECTIONS:
                    current = (paragraph, [])
                    sections.append(current)
                else:
                    current[1].append(paragraph)
            data = make_pdf(item.title, item.summary, item.date.strftime("%d %B %Y"), sections)
            document.file.save(f"{name}.pdf", ContentFile(data), save=False)
            document._set_document_file_metadata()
            # Stored with bulk_create, which calls no save(): read here rather than queued.
            document.read_now()
            return document
        text = "\n\n".join(item.paragraphs)
        data = text.encode()
        document.file.name = default_storage.save(
            f"{DOCUMENT_FOLDER}/{name}.txt", ContentFile(data)
        )
        document.file_size = len(data)
        document.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's own choice)
        document.extracted_text = text
        return document

    def analyze(self):
        """Refresh the database's table statistics, as after any bulk load.

        Until then PostgreSQL plans queries on the new rows from the sizes it knew before,
        and may read a whole table where an index would serve.
        """
        started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.say(f"  table statistics refreshed ({time.monotonic() - started:.0f} s)")

    # Search index --------------------------------------------------------------------------

    def index(self, created):
        """Index the new items in batches: far quicker than one item per save."""
        started = time.monotonic()
        backends = list(get_search_backends(with_auto_update=True))
        for model, pks in created.items():
            queryset = model.objects.all()
            for start in range(0, len(pks), BATCH):
                objects = list(queryset.filter(pk__in=pks[start : start + BATCH]))
                for backend in backends:
                    backend.add_bulk(model, objects)
        if any(created.values()):
            self.say(f"  search index updated ({time.monotonic() - started:.0f} s)")

"""Build the demo site: home, both programme pages, news, the resource library and case studies.

Idempotent: whatever already exists (found by slug or title) is kept as it is, so a second run
adds nothing and leaves editors' changes alone. The text, in English and in translation, is that
of ifrc_site/demo/data/; pictures and PDFs are generated on this machine.
"""

import datetime
import io
import secrets
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import override_settings

from wagtail.models import Locale, Page, Site

from django_tasks import task_backends

from ifrc_site.demo import data
from ifrc_site.demo.media import make_pdf, make_picture
from ifrc_site.demo.pages import overlay_stream, page_fields
from ifrc_site.editorial import roles
from ifrc_site.models import (
    DEMONSTRATION_NOTICE,
    HomePage,
    NationalSociety,
    SiteImage,
    SiteSettings,
    StandardPage,
)
from immunization.models import ImmunizationPage
from migration.blocks import WEEKDAYS
from migration.directory import normalise_phone
from migration.models import HelpFinderPage, HelpPointPage, HelpPointSectionPage, MigrationPage
from news.models import NewsIndexPage, NewsStoryPage
from resources.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudySectionPage,
    Resource,
    ResourceIndexPage,
)


def credentials_file():
    """Where the demo's logins are written (settings.DEMO_CREDENTIALS_FILE)."""
    return Path(settings.DEMO_CREDENTIALS_FILE)


# When the demo's programme pages were last checked (readers see it at their foot).
REVIEWED_ON = {
    "migration": datetime.date(2026, 3, 12),
    "immunization": datetime.date(2026, 6, 2),
    "privacy": datetime.date(2026, 9, 1),
    "terms": datetime.date(2026, 9, 1),
}


@dataclass
class Refs:
    """What has been created so far, for the page builders to point at."""

    images: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    societies: dict = field(default_factory=dict)


def phone_or_blank(text):
    return normalise_phone(text) if text else ""


def coordinate(value):
    """A latitude or longitude from the YAML's float, as the decimal the field keeps."""
    return None if value is None else Decimal(str(value))


def parse_date(text):
    return datetime.date.fromisoformat(text)


@contextmanager
def background_work_once_at_the_end():
    """The background work that each save queues (search index, references index, purges),
    held back while the demo is built, then done once per object: a page saved, published and
    translated is indexed once, as it ends up, not after each step."""
    held = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    # Renditions are left out (a minute's work for the whole demo): readers' first visits make
    # them, or `manage.py make_renditions` makes them all.
    with override_settings(TASKS=held, WARM_RENDITIONS_ON_PUBLISH=False):
        yield
        queued = list(task_backends["default"].results)
    done = set()
    with transaction.atomic():
        for result in queued:
            key = (result.task.module_path, repr(result.args), repr(sorted(result.kwargs.items())))
            if key not in done:
                done.add(key)
                result.task.call(*result.args, **result.kwargs)


def paragraphs(texts):
    """The body of a story or case study: its paragraphs as one rich text block."""
    return [{"type": "paragraph", "value": data.rich(*texts)}]


class Command(BaseCommand):
    help = "Load the demo content (safe to run again: nothing is duplicated)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo even though DEBUG is off (for a staging or benchmark copy).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "DEBUG is off: the demo content and its admin login are for development. "
                "Pass --allow-production to load them anyway."
            )
        self.created = 0
        self.verbose = options["verbosity"] >= 2
        self.site_data = data.load("site")
        with background_work_once_at_the_end(), transaction.atomic():
            self.locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
            refs = Refs()
            home = self.home_page(refs)
            self.programme_shells(home, refs)
            self.listing_pages(home, refs)
            self.standard_pages(home, refs)
            self.pictures(refs)
            self.documents(refs)
            self.national_societies(refs)
            self.news_stories(refs)
            self.case_studies(refs)
            self.programme_pages(home, refs)
            self.translations(home, refs)
            self.help_points(refs)
            self.site_settings(home, refs)
        login = self.admin_login()
        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Demo content: {self.created} items created."))
        else:
            self.stdout.write("Demo content is already loaded; nothing to add.")
        self.stdout.write(login)
        self.editorial_roles()

    # Helpers -------------------------------------------------------------------------------

    def note(self, what):
        self.created += 1
        if self.verbose:
            self.stdout.write(f"  created {what}")

    def add_page(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.note(f"page {page.title}")
        return page

    def picture(self, key, picture):
        """The picture drawn for `key` as its data says (theme, variant), with its description."""
        title = f"Demo: {key}"
        image = SiteImage.objects.filter(title=title).first()
        if image is None:
            # 1600 by 1000 pixels, the largest size a page shows, unless the settings ask for
            # less (the tests' do: every rendition of a smaller picture is quicker to make).
            width = getattr(settings, "DEMO_PICTURE_WIDTH", 1600)
            drawing = make_picture(
                key, picture["theme"], picture.get("variant"), width=width, height=width * 5 // 8
            )
            image = SiteImage(
                title=title,
                description=picture["alt"],
                credit=self.site_data["photo_credit"],
                file=ImageFile(io.BytesIO(drawing), name=f"{key}.jpg"),
            )
            image.save()
            self.note(f"picture {key}")
        return image

    # Pages ---------------------------------------------------------------------------------

    def home_page(self, refs):
        home = HomePage.objects.filter(locale=self.locale).first()
        if home is None:
            # Wagtail's placeholder welcome page (and its site) make way for the real home page.
            for page in Page.get_first_root_node().get_children():
                if page.specific_class is Page:
                    Site.objects.filter(root_page=page).delete()
                    page.delete()
            fields = page_fields(data.load("pages")["home"], refs)
            home = HomePage(
                slug="home",
                locale=self.locale,
                hero_image=self.picture("home-hero", self.site_data["pictures"]["home-hero"]),
                **fields,
            )
            self.add_page(Page.get_first_root_node(), home)
        if not Site.objects.exists():
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=self.site_data["site"]["name"],
            )
        return home

    def standard_pages(self, home, refs):
        """The privacy and terms of use pages (pages.yaml), which the footer links to."""
        texts = data.load("pages")
        for slug in ("privacy", "terms"):
            page = StandardPage.objects.child_of(home).filter(slug=slug).first()
            if page is None:
                page = StandardPage(slug=slug, **page_fields(texts[slug], refs))
                page.last_reviewed_on = REVIEWED_ON[slug]
                page.review_group = Group.objects.filter(name=roles.COMMUNICATIONS_GROUP).first()
                self.add_page(home, page)
            refs.pages[slug] = page

    def site_settings(self, home, refs):
        """The footer (site.yaml, footer): set once, on a site whose settings have no contact
        yet; an editor's changes are kept. Marked as a demonstration at the foot of every page."""
        site = Site.objects.get(root_page=home)
        settings_obj = SiteSettings.for_site(site)
        if settings_obj.contact_email:
            return
        footer = self.site_data["footer"]
        settings_obj.contact_email = footer["contact_email"]
        settings_obj.contact_phone = footer["contact_phone"]
        settings_obj.address = footer["address"]
        settings_obj.footer_links = [
            ("link", {"page": Page.objects.get(slug=link["page"], locale=self.locale)})
            for link in footer["links"]
        ]
        settings_obj.privacy_page = refs.pages[footer["privacy_page"]]
        settings_obj.terms_page = refs.pages[footer["terms_page"]]
        settings_obj.notice = DEMONSTRATION_NOTICE
        settings_obj.save()

    def listing_pages(self, home, refs):
        models = {
            "news": NewsIndexPage,
            "resources": ResourceIndexPage,
            "case-studies": CaseStudyIndexPage,
        }
        for slug, texts in self.site_data["listings"].items():
            page = models[slug].objects.child_of(home).first()
            if page is None:
                page = self.add_page(home, models[slug](slug=slug, show_in_menus=True, **texts))
            refs.pages[slug] = page

    def programme_shells(self, home, refs):
        """Programme pages exist before the items that name them; their body comes last.

        Made before the listings, so that the menu shows the programmes first."""
        for model, builder in ((MigrationPage, "migration"), (ImmunizationPage, "immunization")):
            page = model.objects.child_of(home).first()
            refs.pages[builder] = page
            refs.pages[f"{builder}-is-new"] = page is None
            if page is None:
                title = builder.capitalize()
                refs.pages[builder] = self.add_page(
                    home, model(title=title, slug=builder, show_in_menus=True)
                )

    def programme_pages(self, home, refs):
        texts = data.load("pages")
        for slug in ("migration", "immunization"):
            if not refs.pages[f"{slug}-is-new"]:
                continue
            page = refs.pages[slug].specific
            page.refresh_from_db()
            for name, value in page_fields(texts[slug], refs).items():
                setattr(page, name, value)
            page.listing_image = page.hero_image
            # Kept current by communications staff, who are reminded a year after this date.
            page.last_reviewed_on = REVIEWED_ON[slug]
            page.review_group = Group.objects.filter(name=roles.COMMUNICATIONS_GROUP).first()
            page.save_revision().publish()

    def pictures(self, refs):
        for key, picture in self.site_data["pictures"].items():
            refs.images[key] = self.picture(key, picture)

    # Library -------------------------------------------------------------------------------

    def documents(self, refs):
        programmes = {
            "migration": refs.pages["migration"],
            "immunization": refs.pages["immunization"],
        }
        for item in data.load("resources"):
            document = Resource.objects.filter(title=item["title"]).first()
            if document is None:
                pdf = item["pdf"]
                date = parse_date(item["date"])
                content = make_pdf(
                    pdf.get("title", item["title"]),
                    pdf["subtitle"],
                    date.strftime("%d %B %Y").lstrip("0"),
                    data.pairs(pdf["sections"]),
                    kind=pdf.get("kind", "report"),
                    min_pages=pdf.get("min_pages", 1),
                    # The built-in PDF fonts have no Arabic letters: the Arabic editions' PDFs
                    # carry English text, and say so.
                    language="en" if item["language"] == "ar" else item["language"],
                )
                document = Resource(
                    title=item["title"],
                    resource_type=item["resource_type"],
                    publication_date=date,
                    language=item["language"],
                    summary=item["summary"],
                    countries=item.get("countries", []),
                    original=refs.documents[item["version_of"]] if "version_of" in item else None,
                )
                document.file.save(f"{item['slug']}.pdf", ContentFile(content), save=False)
                document._set_document_file_metadata()
                document.save()
                document.programmes.set([programmes[name] for name in item["programmes"]])
                self.note(f"document {item['title']}")
            refs.documents[item["slug"]] = document

    def national_societies(self, refs):
        for item in self.site_data["national_societies"]:
            society = NationalSociety.objects.filter(slug=item["slug"], locale=self.locale).first()
            if society is None:
                society = NationalSociety.objects.create(
                    name=item["name"],
                    slug=item["slug"],
                    country=item["country"],
                    locale=self.locale,
                )
                self.note(f"National Society {item['name']}")
            refs.societies[item["slug"]] = society

    # News and case studies -----------------------------------------------------------------

    def news_stories(self, refs):
        index = refs.pages["news"]
        programmes = {
            "migration": refs.pages["migration"],
            "immunization": refs.pages["immunization"],
        }
        existing = set(NewsStoryPage.objects.child_of(index).values_list("slug", flat=True))
        for item in data.load("news"):
            if item["slug"] in existing:
                continue
            picture = item["image"]
            story = NewsStoryPage(
                title=item["title"],
                slug=item["slug"],
                date=parse_date(item["date"]),
                city=item["city"],
                country=item["country"],
                summary=item["summary"],
                hero_image=self.picture(f"news-{item['slug']}", picture),
                hero_caption=picture["caption"],
                body=paragraphs(item["body"]),
            )
            story.programmes = [programmes[name] for name in item["programmes"]]
            self.add_page(index, story)

    def case_studies(self, refs):
        index = refs.pages["case-studies"]
        programmes = {
            "migration": refs.pages["migration"],
            "immunization": refs.pages["immunization"],
        }
        sections = {
            section.national_society_id: section
            for section in CaseStudySectionPage.objects.child_of(index)
        }
        for item in data.load("case_studies"):
            society = refs.societies[item["national_society"]]
            section = sections.get(society.pk)
            if section is None:
                section = self.add_page(
                    index,
                    CaseStudySectionPage(
                        title=society.name,
                        slug=society.slug,
                        national_society=society,
                        intro=self.site_data["case_study_section_intro"].format(name=society.name),
                    ),
                )
                sections[society.pk] = section
            page = CaseStudyPage.objects.child_of(section).filter(slug=item["slug"]).first()
            if page is None:
                picture = item["image"]
                page = self.add_page(
                    section,
                    CaseStudyPage(
                        title=item["title"],
                        slug=item["slug"],
                        date=parse_date(item["date"]),
                        country=item["country"],
                        national_society=society,
                        programme=programmes[item["programme"]],
                        summary=item["summary"],
                        hero_image=self.picture(f"case-{item['slug']}", picture),
                        hero_caption=picture["caption"],
                        body=paragraphs(item["body"]),
                        consent_recorded=item.get("consent_recorded", False),
                    ),
                )
            refs.pages[f"case-study-{item['slug']}"] = page

    # Translations --------------------------------------------------------------------------

    def translations(self, home, refs):
        """French, Spanish and Arabic (data/translations/): each English page is copied into
        the other language with Wagtail's translation tools (what an editor's "Translate" does),
        given its translated text and published. Whatever already has a translation in a
        language is left as it is; stories and case studies with no translation here stay out of
        that language's listings.
        """
        pages = {**refs.pages, "home": home}
        languages = data.translations()
        for locale in Locale.objects.filter(language_code__in=languages):
            texts = languages[locale.language_code]
            self.translate_societies(refs, locale, texts["national_societies"])
            for key, fields in texts["pages"].items():
                self.translate_page(pages[key], locale, fields)
            stories = NewsStoryPage.objects.filter(locale=self.locale, slug__in=texts["news"])
            for story in stories:
                self.translate_page(story, locale, self.story_fields(texts["news"][story.slug]))
            for slug, fields in texts["case_studies"].items():
                case_study = refs.pages[f"case-study-{slug}"]
                section = case_study.get_parent().specific
                society = section.national_society.get_translation_or_none(locale)
                self.translate_page(
                    section,
                    locale,
                    {
                        "title": society.name if society else section.title,
                        "intro": texts["case_study_section_intro"],
                    },
                )
                self.translate_page(case_study, locale, self.story_fields(fields))

    @staticmethod
    def story_fields(texts):
        """A translated story or case study: its body is its paragraphs, as in English."""
        return {**texts, "body": [{"paragraph": data.rich(*texts["body"])}]}

    def translate_societies(self, refs, locale, names):
        for slug, name in names.items():
            society = refs.societies.get(slug)
            if society is None or society.has_translation(locale):
                continue
            translated = society.copy_for_translation(locale)
            translated.name = name
            translated.save()
            self.note(f"National Society {translated.name}")

    def translate_page(self, page, locale, fields):
        """Copy one page into a language, lay the translated text over the copy, publish it."""
        page = page.specific
        if page.has_translation(locale):
            return page.get_translation(locale)
        translated = page.copy_for_translation(locale).specific
        for name, value in fields.items():
            if name == "body":
                value = overlay_stream(translated.body.raw_data, value)
            setattr(translated, name, value)
        translated.save_revision().publish()
        self.note(f"page {translated.title} ({locale.language_code})")
        return translated

    # The help finder ------------------------------------------------------------------------

    DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

    @classmethod
    def weekly_hours(cls, lines):
        """["mon-fri 09:00-17:00", "daily 08:00-20:00", "24/7"] as the help point's slots."""
        slots = []
        for line in lines:
            if line == "24/7":
                days, opens, closes = list(range(7)), "00:00", "00:00"
            else:
                names, times = line.split()
                opens, closes = times.split("-")
                if names == "daily":
                    days = list(range(7))
                elif "-" in names:
                    first, last = (cls.DAYS.index(name) for name in names.split("-"))
                    days = [day % 7 for day in range(first, last + 1 + (7 if last < first else 0))]
                else:
                    days = [cls.DAYS.index(names)]
            for day in days:
                slots.append(
                    ("slot", {"weekday": WEEKDAYS[day][0], "opens": opens, "closes": closes})
                )
        return slots

    @staticmethod
    def special_days(items):
        return [
            (
                "day",
                {
                    "date": item["date"],
                    "label": item.get("label", ""),
                    "closed": item.get("closed", False),
                    "opens": item.get("opens"),
                    "closes": item.get("closes"),
                },
            )
            for item in items
        ]

    def help_points(self, refs):
        """The help finder under the Migration page, a section per National Society, their
        help points; then each of them in every other language."""
        texts = data.load("help_points")
        migration = refs.pages["migration"]
        finder = HelpFinderPage.objects.child_of(migration).first()
        if finder is None:
            finder = self.add_page(
                migration,
                HelpFinderPage(
                    title=texts["finder"]["title"],
                    slug=texts["finder"]["slug"],
                    intro=texts["finder"]["intro"],
                ),
            )
        sections = {s.national_society_id: s for s in HelpPointSectionPage.objects.child_of(finder)}
        points = []
        for item in texts["help_points"]:
            society = refs.societies[item["national_society"]]
            section = sections.get(society.pk)
            if section is None:
                section = self.add_page(
                    finder,
                    HelpPointSectionPage(
                        title=society.name, slug=society.slug, national_society=society
                    ),
                )
                sections[society.pk] = section
            page = HelpPointPage.objects.child_of(section).filter(slug=item["slug"]).first()
            if page is None:
                page = self.add_page(
                    section,
                    HelpPointPage(
                        title=item["title"],
                        slug=item["slug"],
                        national_society=society,
                        kind=item["kind"],
                        country=item["country"],
                        city=item.get("city", ""),
                        services=item["services"],
                        phone=normalise_phone(item["phone"]),
                        messaging_number=phone_or_blank(item.get("messaging_number")),
                        messaging_app=item.get("messaging_app", ""),
                        weekly_hours=self.weekly_hours(item["hours"]),
                        special_days=self.special_days(item.get("special_days", [])),
                        time_zone=item["time_zone"],
                        languages=item["languages"],
                        address=item.get("address", ""),
                        latitude=coordinate(item.get("latitude")),
                        longitude=coordinate(item.get("longitude")),
                        details=item.get("details", ""),
                        last_verified_on=parse_date(item["last_verified_on"]),
                        verified_by=item["verified_by"],
                    ),
                )
            points.append((page, item))
        for locale in Locale.objects.exclude(pk=self.locale.pk):
            code = locale.language_code
            if code not in texts["finder"]["titles"]:
                continue
            if not migration.has_translation(locale):
                continue
            self.translate_page(
                finder,
                locale,
                {
                    "title": texts["finder"]["titles"][code],
                    "intro": texts["finder"]["intros"][code],
                },
            )
            for section in sections.values():
                society = section.national_society.get_translation_or_none(locale)
                self.translate_page(
                    section, locale, {"title": society.name if society else section.title}
                )
            for page, item in points:
                self.translate_page(page, locale, {"title": item["titles"][code]})

    # People --------------------------------------------------------------------------------

    def admin_login(self):
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.org", password)
            credentials_file().write_text(f"admin {password}\n")
            self.note("user admin")
        if credentials_file().exists():
            username, password = credentials_file().read_text().splitlines()[0].split()
            return f"Admin login: {username} / {password}"
        return "Admin login: admin (password as set earlier; `manage.py changepassword admin`)"

    # Editorial roles -----------------------------------------------------------------------

    def editorial_roles(self):
        """The groups and the approval workflow (editorial.roles), and one demo login per role,
        with its password kept beside the admin's in the git-ignored credentials file."""
        with transaction.atomic():
            communications = roles.setup_roles()
            lines = []
            for person in self.site_data["people"]:
                if person["national_society"] is None:
                    group = communications
                else:
                    society = NationalSociety.objects.get(
                        slug=person["national_society"], locale=self.locale
                    )
                    group = roles.sync_society(society)
                lines.append(self.demo_person(person, group))
        self.stdout.write("Demo logins, one per role:")
        for line in lines:
            self.stdout.write(f"  {line}")

    def demo_person(self, person, group):
        User = get_user_model()
        username = person["username"]
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                person["email"],
                password,
                first_name=person["first_name"],
                last_name=person["last_name"],
            )
            with credentials_file().open("a") as credentials:
                credentials.write(f"{username} {password}\n")
            self.note(f"user {username}")
        user.groups.add(group)
        known = dict(
            line.split(maxsplit=1)
            for line in (
                credentials_file().read_text() if credentials_file().exists() else ""
            ).splitlines()
            if line.strip()
        )
        password = known.get(username, "(password as set earlier)")
        return f"{username} / {password}  ({group.name})"

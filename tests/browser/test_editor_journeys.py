"""Each role's day in the admin, in Chromium, from signing in to what the public then sees.

The journeys run in order and build on each other, as a working day does: communications
staff upload documents and a picture and publish a story; the Migration page gets the new
document; a translator makes the French and Arabic copies; a National Society's editor submits
a case study that staff approve; a site administrator adds a society whose first editor starts
at once; and anyone can reset a password, while repeated failures lock the form with a clear
message. Every admin page a journey passes must log no console error, and axe must find no
serious violation in the forms the project adds or changes.

What the journeys write is committed and removed again when the module ends, so later
browser tests see the demo content as it was.
Screenshots of the main steps go to test-artifacts/screenshots/; `make guide` writes them to
docs/guide/ for the README's editor's guide.
"""

import datetime
import io
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Collection, Page, WorkflowPage

import pytest
from axes.utils import reset as axes_reset
from PIL import Image as PillowImage
from playwright.sync_api import expect

from ifrc_site.demo.media import make_pdf
from ifrc_site.editorial.roles import COMMUNICATIONS_GROUP, LIBRARY_COLLECTION, WORKFLOW_NAME
from ifrc_site.models import NationalSociety, SiteImage
from migration.models import MigrationPage
from news.models import NewsStoryPage
from resources.models import CaseStudyPage, CaseStudySectionPage, Resource

from .support import SCREENSHOTS, Tab, new_context, save_screenshot, serious_violations, sign_in

# The journeys run outside any test transaction: what one journey does must still be there for
# the next, on SQLite too, where the live server shares the test's connection (and would share
# its rollback). The `site` fixture opens the test database for the module; `day` clears up.
pytestmark = [pytest.mark.browser]

GUIDE = os.environ.get("GUIDE_SCREENSHOTS")

STORY = "Red Cross volunteers open a night shelter by the station"
STORY_SUMMARY = "A night shelter with forty beds now opens every evening near the railway station."
STORY_TEXT = "Volunteers serve a hot meal, hand out blankets and help people call their families."
PDF_TITLES = (
    "Night shelter operating guide",
    "Shelter volunteer rota template",
    "Winter assistance assessment 2026",
)
PICTURE_ALT = "Volunteers set up camp beds in a hall with high windows"
PICTURE_ALT_AR = "متطوعون يجهزون أسرّة في قاعة ذات نوافذ عالية"
SOCIETY = "Central African Red Cross Society"
CASE_STUDY = "Listening sessions before the vaccination clinic in Bangui"
CASE_STUDY_TEXT = "Once a week the volunteers hold a listening session before the clinic opens."
NEW_SOCIETY = "Uganda Red Cross Society"
NEW_EDITOR = "wanjiru@example.org"
NEW_EDITOR_USERNAME = NEW_EDITOR


class Day:
    """What the journeys made, for the next journey and for clearing up."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.pdfs = []
        self.picture = None
        self.story = None
        self.users = []
        self.pages = []
        self.images = []


@pytest.fixture(scope="module")
def day(site, tmp_path_factory):
    """The module's people, made here, outside any test's transaction: on PostgreSQL the live
    server's own connection must see them."""
    day = Day(tmp_path_factory.mktemp("journeys"))
    day.staff = person(day, "journey-comms", COMMUNICATIONS_GROUP)
    day.translator = person(day, "journey-translator", COMMUNICATIONS_GROUP)
    society = NationalSociety.objects.get(name=SOCIETY)
    day.society_editor = person(day, "journey-society-editor", society.editor_group)
    day.forgetful = person(day, "journey-forgetful", COMMUNICATIONS_GROUP)
    migration = MigrationPage.objects.get(locale__language_code="en")
    published = migration.live_revision
    yield day
    # Clear up, newest first: pages, then the files they used, then the people.
    for page in reversed(day.pages):
        Page.objects.filter(pk=page.pk).delete()
    if day.story is not None:
        for story in NewsStoryPage.objects.filter(translation_key=day.story.translation_key):
            story.delete()
    Resource.objects.filter(title__in=PDF_TITLES).delete()
    SiteImage.objects.filter(title="Night shelter hall").delete()
    for image in day.images:
        image.delete()
    published.publish(log_action=False)
    for user in day.users:
        user.delete()
    # The lockout journey locked this address out: later tests sign in from it too.
    axes_reset()


@pytest.fixture(scope="module")
def new_society(site, day):
    """A society added the documented way, and its e-mails; removed with all it made."""
    mail.outbox = []
    call_command(
        "add_national_society",
        NEW_SOCIETY,
        "--country",
        "UG",
        "--editor",
        NEW_EDITOR,
        stdout=io.StringIO(),
    )
    society = NationalSociety.objects.get(name=NEW_SOCIETY)
    yield society, list(mail.outbox)
    Page.objects.filter(
        pk__in=CaseStudySectionPage.objects.filter(national_society=society).values("pk")
    ).delete()
    group, collection = society.editor_group, society.collection
    get_user_model().objects.filter(username=NEW_EDITOR_USERNAME).delete()
    society.delete()
    group.delete()
    collection.delete()


def person(day, username, group):
    password = f"{username} has a long browser-test password"
    user = get_user_model().objects.create_user(username, f"{username}@example.org", password)
    user.groups.add(Group.objects.get(name=group) if isinstance(group, str) else group)
    day.users.append(user)
    return user, password


@pytest.fixture
def tab(request, site, browser):
    context = new_context(browser, site, "desktop")
    tab = Tab(context.new_page(), site)
    yield tab
    # Where the journey ended, and the tab's last requests, to see what went wrong when it did.
    save_screenshot(tab, f"last-{request.node.name}")
    (SCREENSHOTS / f"last-{request.node.name}.requests.txt").write_text(
        "\n".join(tab.requests[-40:] + tab.errors)
    )
    context.close()


def shoot(tab, name, part=None):
    """A screenshot of the step, kept with the test artifacts and, for the guide, in docs/:
    the window, or only `part` of the page."""
    path = save_screenshot(tab, f"guide-{name}")
    if GUIDE:
        target = Path(GUIDE) / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shooter = part if part is not None else tab.page
        shooter.screenshot(path=target, animations="disabled", caret="hide")
    return path


def accessible(tab, selector="main"):
    problems = serious_violations(tab, selector)
    assert not problems, "\n".join(problems)


def no_console_errors(tab):
    assert not tab.errors, tab.errors


def write_paragraph(page, text):
    """A "Text" block at the start of the body, typed into the rich text editor."""
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    editor = page.locator(".Draftail-Editor [contenteditable=true]").last
    editor.click()
    page.keyboard.type(text)
    # The editor keeps its content in a hidden field, written a moment after the last key.
    saved = page.locator("input[name^='body-'][name$='-value']").filter(has_text="")
    expect(saved.first).to_have_value(re.compile(re.escape(text)))


def side_panel(page, name):
    """Open a side panel of the page editor ("status", "preview"), unless it is open already:
    the editor remembers the last one open."""
    toggle = page.get_by_role("button", name=f"Toggle {name}")
    page.wait_for_load_state("load")
    # On a busy machine the editor may restore the last open panel after a first click, which
    # closes it again: click until the panel stays open.
    for _attempt in range(3):
        if toggle.get_attribute("aria-expanded") == "true":
            break
        toggle.click()
        try:
            expect(toggle).to_have_attribute("aria-expanded", "true", timeout=5_000)
        except AssertionError:
            continue
    expect(toggle).to_have_attribute("aria-expanded", "true")


def public_text(client, path):
    response = client.get(path)
    return response.status_code, response.content.decode()


# Communications staff ---------------------------------------------------------------------


@pytest.mark.django_db  # (also what has the test database set up when this module runs alone)
def test_the_roles_and_collections_the_journeys_rely_on_exist():
    assert Group.objects.filter(name=COMMUNICATIONS_GROUP).exists()
    assert Collection.objects.filter(name=LIBRARY_COLLECTION, depth=2).exists()
    society = NationalSociety.objects.get(name=SOCIETY)
    assert society.editor_group_id and society.collection_id
    assert CaseStudySectionPage.objects.filter(national_society=society, live=True).exists()
    assert WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).exists()


def test_communications_staff_upload_documents_and_a_picture_then_publish_a_story(
    site, tab, day, client
):
    staff, password = day.staff
    page = tab.page
    sign_in(tab, staff.username, password)

    # Documents › Add a document: three PDFs at once, their details on the same page.
    files = []
    for title in PDF_TITLES:
        path = day.tmp / f"{title.lower().replace(' ', '-')}.pdf"
        path.write_bytes(
            make_pdf(title, "Guideline", "1 December 2026", [("Purpose", [STORY_TEXT])])
        )
        files.append(path)
    tab.open("/admin/documents/")
    page.get_by_role("link", name="Add a document").first.click()
    page.wait_for_url("**/admin/documents/multiple/add/")
    page.set_input_files("input[type=file]", files)
    forms = page.locator("#upload-list li form")
    expect(forms).to_have_count(3)
    accessible(tab)
    for index in range(3):
        # Each file's form leaves the list once its details are saved.
        form = forms.first
        file_name = form.locator("input[name$='-title']").input_value()
        title = next(t for t in PDF_TITLES if t.lower().replace(" ", "-") in file_name)
        form.get_by_label("Title").fill(title)
        form.get_by_label("Type").select_option(label="Guideline")
        form.locator("select[name$='-language']").select_option(label="English")
        form.get_by_role("checkbox", name="Migration").check()
        form.get_by_role("searchbox", name="Filter countries").fill("ital")
        expect(form.get_by_role("checkbox", name="Germany")).to_be_hidden()
        form.get_by_role("checkbox", name="Italy").check()
        if index == 0:
            shoot(tab, "documents-add")
        form.get_by_role("button", name="Update").click()
        expect(forms).to_have_count(2 - index)
    documents = Resource.objects.filter(title__in=PDF_TITLES)
    assert documents.count() == 3
    for document in documents:
        assert document.resource_type == "guideline"
        assert [country.code for country in document.countries] == ["IT"]
        assert document.collection.name == "Library"
        assert [page.slug for page in document.programmes.all()] == ["migration"]
    day.pdfs = list(documents.order_by("title"))

    # Images › Add an image, with its alt text.
    picture = day.tmp / "night-shelter-hall.jpg"
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1200, 800), (180, 60, 50)).save(buffer, "JPEG")
    picture.write_bytes(buffer.getvalue())
    tab.open("/admin/images/")
    page.get_by_role("link", name="Add an image").first.click()
    page.wait_for_url("**/admin/images/multiple/add/")
    page.set_input_files("input[type=file]", [picture])
    form = page.locator("#upload-list li form").first
    form.get_by_label("Title").fill("Night shelter hall")
    form.get_by_label("Alt text", exact=True).fill(PICTURE_ALT)
    accessible(tab)
    form.get_by_role("button", name="Update").click()
    expect(page.locator("#upload-list li form")).to_have_count(0)
    day.picture = SiteImage.objects.get(title="Night shelter hall")
    assert day.picture.default_alt_text == PICTURE_ALT

    # A news story with the picture, a dateline and a programme, added where the page explorer
    # leads: the news listing › Add child page (a news story is the only kind it takes).
    news = Page.objects.get(locale__language_code="en", slug="news")
    tab.open(f"/admin/pages/{news.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.wait_for_url(f"**/admin/pages/add/news/newsstorypage/{news.pk}/**")
    page.get_by_role("textbox", name="Title*", exact=True).fill(STORY)
    page.get_by_role("textbox", name="Place*", exact=True).fill("Milan")
    page.get_by_role("combobox", name="Country*", exact=True).select_option(label="Italy")
    date = page.get_by_role("textbox", name="Date*", exact=True)
    date.fill(datetime.date.today().isoformat())
    date.press("Escape")
    page.get_by_role("textbox", name="Summary*", exact=True).fill(STORY_SUMMARY)
    page.get_by_role("button", name="Choose an image").click()
    page.get_by_label("Search term").fill("Night shelter")
    page.get_by_text("Night shelter hall", exact=True).click()
    page.wait_for_function("document.querySelector('input[name=hero_image]').value")
    write_paragraph(page, STORY_TEXT)
    page.get_by_role("checkbox", name="Migration").check()
    accessible(tab, "form")
    shoot(tab, "news-story-form")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("created")
    story = NewsStoryPage.objects.get(title=STORY)
    day.story = story
    assert not story.live

    # Preview: the side panel shows the story as readers will see it.
    side_panel(page, "preview")
    # (Wagtail swaps a fresh frame in for each update: the newest is the last.)
    preview = page.locator("iframe[title='Preview']").last.content_frame
    expect(preview.get_by_role("heading", level=1)).to_have_text(STORY)

    # Schedule it for tomorrow: it waits, unseen.
    side_panel(page, "status")
    page.get_by_role("button", name="Set schedule").click()
    tomorrow = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    page.get_by_label("Go live date/time").fill(tomorrow)
    # (The date picker stays open over the dialog's button: press it without the pointer.)
    page.get_by_role("button", name="Save schedule").dispatch_event("click")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Schedule to publish").click()
    expect(page.locator(".messages")).to_contain_text("scheduled")
    story.refresh_from_db()
    assert not story.live
    assert story.scheduled_revision is not None
    assert STORY not in public_text(client, "/en/news/")[1]

    # Publish it now instead: a scheduled story is locked until its schedule is cancelled.
    tab.open(f"/admin/pages/{story.pk}/edit/")
    page.get_by_role("button", name="Cancel scheduled publish").click()
    expect(page.locator(".messages")).to_contain_text("unscheduled")
    # The draft keeps its go-live time until it is cleared.
    side_panel(page, "status")
    page.get_by_role("button", name="Edit schedule").dispatch_event("click")
    page.get_by_label("Go live date/time").fill("")
    page.get_by_role("button", name="Save schedule").dispatch_event("click")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")
    story.refresh_from_db()
    assert story.live
    no_console_errors(tab)

    # Readers find it on the news list, its programme page, the feed and in search.
    doors = ("/en/news/", "/en/migration/", "/en/news/feed/rss/", "/en/search/?q=night+shelter")
    for path in doors:
        status, text = public_text(client, path)
        assert status == 200 and STORY in text, path
    # A reader on the programme page follows the story's card to it.
    tab.open("/en/migration/")
    page.get_by_role("link", name=STORY).first.click()
    page.wait_for_url(f"{site}{story.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(STORY)
    expect(page.get_by_text("Milan, Italy").first).to_be_visible()
    expect(page.get_by_text(STORY_TEXT)).to_be_visible()
    assert page.get_by_role("img", name=PICTURE_ALT).is_visible()
    pictures = [image for image in tab.check("images()") if image["alt"] == PICTURE_ALT]
    assert pictures and all(picture["loaded"] for picture in pictures)
    shoot(tab, "news-story-published")

    # Unpublished, it is gone from all four.
    tab.open(f"/admin/pages/{story.pk}/unpublish/")
    page.get_by_role("button", name="Yes, unpublish it").click()
    expect(page.locator(".messages")).to_contain_text("unpublished")
    for path in doors:
        status, text = public_text(client, path)
        assert status == 200 and STORY not in text, path
    assert client.get(story.url).status_code == 404
    no_console_errors(tab)


# The programme page -----------------------------------------------------------------------


def test_staff_add_the_new_document_to_the_migration_page_and_reorder_its_sections(
    site, tab, day, client
):
    assert day.pdfs, "needs the documents of the journey above"
    document = day.pdfs[0]
    staff, password = day.staff
    page = tab.page
    sign_in(tab, staff.username, password)
    migration = MigrationPage.objects.get(locale__language_code="en")
    last_before = migration.body[-1].block_type
    tab.open(f"/admin/pages/{migration.pk}/edit/")

    # A "Related documents" section at the end, with the guide chosen from the library.
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Related documents").click()
    # (The new section, not the chosen documents' list inside it, whose items are children too.)
    section = (
        page.locator("[data-streamfield-child]")
        .filter(has=page.locator(".c-sf-block__type", has_text="Related documents"))
        .last
    )
    section.get_by_role("textbox", name="Section heading").first.fill("Guides for shelter teams")
    # The chooser opens once its listing has arrived.
    with page.expect_response(lambda response: "/admin/documents/chooser/" in response.url) as got:
        section.get_by_role("button", name="Choose a document").first.click()
    assert got.value.status == 200, got.value.status
    chooser = page.get_by_role("dialog")
    chooser.get_by_label("Search term").fill(document.title)
    chooser.get_by_role("link", name=document.title).click()
    expect(section).to_contain_text(document.title)

    # Moved up above the section that was last.
    section.get_by_role("button", name="Move up").first.click()
    accessible(tab, "form")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")
    no_console_errors(tab)

    migration.refresh_from_db()
    types = [block.block_type for block in migration.body]
    assert types[-2:] == ["documents", last_before]

    tab.open("/en/migration/")
    heading = page.get_by_role("heading", name="Guides for shelter teams")
    expect(heading).to_be_visible()
    block = page.locator("section").filter(has=heading).last
    link = block.get_by_role("link", name=document.title, exact=True)
    expect(link).to_have_attribute("href", re.compile(rf"/documents/{document.pk}/"))
    size = round(document.file_size / 1024)
    expect(block).to_contain_text(re.compile(rf"PDF, {size} KB"))
    shoot(tab, "programme-page-documents", block)


# Translators ------------------------------------------------------------------------------


def test_translator_makes_french_and_arabic_copies_of_the_story(site, tab, day, client):
    assert day.story is not None, "needs the story of the first journey"
    translator, password = day.translator
    page = tab.page
    sign_in(tab, translator.username, password)
    story = NewsStoryPage.objects.get(pk=day.story.pk)

    # The story is out again, then translated with the page's "Translate" action.
    tab.open(f"/admin/pages/{story.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")
    tab.open(f"/admin/pages/{story.pk}/edit/")
    header = page.get_by_role("navigation", name="Actions", exact=True)
    header.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Translate").click()
    page.get_by_role("checkbox", name="French").check()
    page.get_by_role("checkbox", name="Arabic").check()
    page.get_by_role("button", name="Submit").click()
    copies = {
        copy.locale.language_code: copy
        for copy in NewsStoryPage.objects.filter(translation_key=story.translation_key)
    }
    assert set(copies) == {"en", "fr", "ar"}

    # A copy still in English is not published without saying so.
    french = copies["fr"]
    tab.open(f"/admin/pages/{french.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("could not be")
    expect(page.get_by_text("still has the same words")).to_be_visible()
    shoot(tab, "translation-unchanged")
    french.refresh_from_db()
    assert not french.live

    texts = {
        "fr": (
            "Des volontaires ouvrent un abri de nuit près de la gare",
            "Un abri de nuit de quarante lits ouvre chaque soir près de la gare.",
        ),
        "ar": (
            "متطوعون يفتحون مأوى ليليًا قرب محطة القطار",
            "مأوى ليلي بأربعين سريرًا يفتح كل مساء قرب محطة القطار.",
        ),
    }
    for language, (title, summary) in texts.items():
        tab.open(f"/admin/pages/{copies[language].pk}/edit/")
        page.get_by_role("textbox", name="Title*", exact=True).fill(title)
        page.get_by_role("textbox", name="Summary*", exact=True).fill(summary)
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Publish").click()
        expect(page.locator(".messages")).to_contain_text("published")
        status, text = public_text(client, f"/{language}/news/")
        assert status == 200 and title in text, language
    no_console_errors(tab)

    # The picture's alt text in Arabic, used by the Arabic page.
    tab.open(f"/admin/images/{day.picture.pk}/")
    page.get_by_role("textbox", name="Alt text in Arabic").fill(PICTURE_ALT_AR)
    accessible(tab, "form")
    shoot(tab, "image-alt-text")
    page.get_by_role("button", name="Save").first.click()
    expect(page.locator(".messages")).to_contain_text("updated")
    arabic = NewsStoryPage.objects.get(pk=copies["ar"].pk)
    tab.open(arabic.url)
    expect(page.get_by_role("img", name=PICTURE_ALT_AR)).to_be_visible()
    tab.open(copies["fr"].specific.url)
    expect(page.get_by_role("img", name=PICTURE_ALT)).to_be_visible()


# A National Society's editor, and the approver ---------------------------------------------


def test_society_editor_submits_a_case_study_that_staff_approve_from_the_dashboard(
    site, tab, day, browser
):
    editor, password = day.society_editor
    society = NationalSociety.objects.get(name=SOCIETY)
    section = CaseStudySectionPage.objects.get(national_society=society, locale__language_code="en")
    page = tab.page
    sign_in(tab, editor.username, password)
    tab.open(f"/admin/pages/{section.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.wait_for_url("**/admin/pages/add/resources/casestudypage/**")
    page.get_by_role("textbox", name="Title*", exact=True).fill(CASE_STUDY)
    page.get_by_role("combobox", name="Country*", exact=True).select_option(
        label="Central African Republic"
    )
    # One choice per programme of the page's language.
    expect(page.get_by_role("radio")).to_have_count(2)
    page.get_by_role("radio", name="Immunization").check()
    date = page.get_by_role("textbox", name="Date*", exact=True)
    date.fill(datetime.date.today().isoformat())
    date.press("Escape")
    page.get_by_role("textbox", name="Summary*", exact=True).fill(
        "Volunteers in Bangui sit down with families to answer their questions about vaccines."
    )

    # The image chooser offers the society's own pictures only; an upload goes to its collection.
    page.get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_label("Search term").fill("migration-callout")
    expect(chooser.get_by_text("Sorry, there are no matches")).to_be_visible()
    chooser.get_by_role("tab", name="Upload").click()
    picture = day.tmp / "listening-session.jpg"
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1000, 700), (40, 110, 120)).save(buffer, "JPEG")
    picture.write_bytes(buffer.getvalue())
    chooser.get_by_label("Title").fill("Listening session in Bangui")
    chooser.get_by_label("Alt text", exact=True).fill("A volunteer talks with three parents")
    chooser.locator("input[type=file]").set_input_files(picture)
    chooser.get_by_role("button", name="Upload").click()
    page.wait_for_function("document.querySelector('input[name=hero_image]').value")
    image = SiteImage.objects.get(title="Listening session in Bangui")
    assert image.collection_id == society.collection_id
    day.images.append(image)

    write_paragraph(page, CASE_STUDY_TEXT)

    # Submitting without recorded consent is refused, with the reason.
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    page.get_by_role("button", name=re.compile("Submit to")).click()
    expect(page.get_by_text("Tick “consent recorded”").first).to_be_visible()
    page.get_by_role("checkbox", name="Consent recorded").check()
    accessible(tab, "form")
    shoot(tab, "case-study-form")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to")).click()
    expect(page.locator(".messages")).to_contain_text("submitted")
    case_study = CaseStudyPage.objects.get(title=CASE_STUDY)
    day.pages.append(case_study)
    assert not case_study.live
    assert case_study.current_workflow_state is not None
    no_console_errors(tab)
    mail.outbox.clear()

    # A member of communications staff approves it from the dashboard.
    staff, staff_password = day.staff
    context = new_context(browser, site, "desktop")
    try:
        approver = Tab(context.new_page(), site)
        sign_in(approver, staff.username, staff_password)
        # Wagtail's "Awaiting your review" list: each row's actions are in its menu.
        row = (
            approver.page.locator("tr")
            .filter(has_text=CASE_STUDY)
            .filter(has=approver.page.get_by_role("button", name="Actions"))
        )
        expect(row).to_have_count(1)
        # The site's own panel lists it too, under "Awaiting your approval".
        expect(approver.page.get_by_role("link", name=CASE_STUDY).first).to_be_visible()
        shoot(approver, "dashboard-awaiting-review")
        row.get_by_role("button", name="Actions").click()
        row.get_by_role("button", name="Approve", exact=True).click()
        # The dashboard comes back with nothing left awaiting approval.
        approver.page.wait_for_load_state()
        expect(
            approver.page.locator("tr")
            .filter(has_text=CASE_STUDY)
            .filter(has=approver.page.get_by_role("button", name="Actions"))
        ).to_have_count(0)
        no_console_errors(approver)
    finally:
        context.close()

    case_study.refresh_from_db()
    assert case_study.live
    tab.open(case_study.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_STUDY)
    expect(page.get_by_text(CASE_STUDY_TEXT)).to_be_visible()
    told = [message for message in mail.outbox if editor.email in message.to]
    assert told and "approved" in told[0].subject.lower(), [m.subject for m in mail.outbox]


# A site administrator adds a society ----------------------------------------------------------


def test_a_new_society_s_first_editor_sets_a_password_and_starts_at_once(site, tab, new_society):
    """`manage.py add_national_society` (the README's way) made the society, its group,
    collection and section, and e-mailed its editor a link to choose a password."""
    society, invitations = new_society
    assert society.editor_group_id and society.collection_id
    section = CaseStudySectionPage.objects.get(national_society=society, locale__language_code="en")
    assert section.live
    (invitation,) = [message for message in invitations if NEW_EDITOR in message.to]
    link = re.search(r"https?://\S+", invitation.body).group(0)
    page = tab.page
    tab.open(urlsplit(link).path)
    new_password = "a passphrase chosen by the new editor"
    page.locator("input[name=new_password1]").fill(new_password)
    page.locator("input[name=new_password2]").fill(new_password)
    page.get_by_role(
        "button", name=re.compile("Reset password|Change password|Set password")
    ).click()
    expect(page.locator("main")).to_contain_text("Password change successful")

    sign_in(tab, NEW_EDITOR_USERNAME, new_password)
    tab.open(f"/admin/pages/{section.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.wait_for_url("**/admin/pages/add/resources/casestudypage/**")
    expect(page.get_by_role("textbox", name="Title*", exact=True)).to_be_visible()
    no_console_errors(tab)


# Anyone -------------------------------------------------------------------------------------


def test_anyone_resets_a_forgotten_password_by_email(site, tab, day):
    user, _password = day.forgetful
    page = tab.page
    tab.open("/admin/login/")
    page.get_by_role("link", name=re.compile("Forgotten")).click()
    page.get_by_label("Email").fill(user.email)
    page.get_by_role("button", name=re.compile("Reset")).click()
    expect(page.locator("main")).to_contain_text("Check your email")
    (message,) = [message for message in mail.outbox if user.email in message.to]
    link = re.search(r"https?://\S+", message.body).group(0)
    tab.open(urlsplit(link).path)
    new_password = "another long passphrase for the browser"
    page.locator("input[name=new_password1]").fill(new_password)
    page.locator("input[name=new_password2]").fill(new_password)
    page.get_by_role("button", name=re.compile("Reset password")).click()
    expect(page.locator("main")).to_contain_text("Password change successful")
    sign_in(tab, user.username, new_password)
    no_console_errors(tab)


def test_repeated_failures_lock_the_login_with_a_clear_message(site, tab, day, settings):
    user, password = day.forgetful
    page = tab.page
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        tab.open("/admin/login/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(f"wrong guess {attempt}")
        page.get_by_role("button", name="Sign in").click()
    # The next attempt, even with the right password, is refused with a page that says why and
    # for how long.
    tab.open("/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    tab.expected_errors.add(f"{site}/admin/login/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Too many failed logins")
    expect(page.locator("main")).to_contain_text("The lock lifts by itself")
    shoot(tab, "login-locked")

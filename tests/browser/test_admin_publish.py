"""Communications staff publish a news story through the admin, and visitors then find it."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from ifrc_site.editorial.roles import COMMUNICATIONS_GROUP
from news.models import NewsIndexPage, NewsStoryPage

from .support import Tab, new_context, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "Volunteers open a help point at the harbour"
PARAGRAPH = "Volunteers hand out water, first aid and a telephone charge to everyone who lands."


@pytest.fixture(scope="module")
def staff(site):
    """A member of communications staff, and afterwards nothing left behind.

    The user is made and the story removed outside any test's transaction: on PostgreSQL the
    live server's own connection must see the user, and what it publishes is committed.
    """
    password = "a long password only for the browser test"
    user = get_user_model().objects.create_user(
        "browser-comms", "browser-comms@example.org", password
    )
    user.groups.add(Group.objects.get(name=COMMUNICATIONS_GROUP))
    yield user.username, password
    NewsStoryPage.objects.filter(title=TITLE).delete()
    user.delete()


def test_staff_publish_a_news_story_with_a_picture_and_a_paragraph(site, browser, staff):
    username, password = staff
    context = new_context(browser, site, "desktop")
    tab = Tab(context.new_page(), site)
    page = tab.page
    try:
        tab.open("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{site}/admin/")

        # The news listing in the page explorer › Add child page: a news story is the only
        # kind it takes.
        news = NewsIndexPage.objects.get(locale__language_code="en")
        tab.open(f"/admin/pages/{news.pk}/")
        page.get_by_role("link", name="Add child page").first.click()
        page.wait_for_url("**/admin/pages/add/news/newsstorypage/**")

        page.get_by_role("textbox", name="Title*", exact=True).fill(TITLE)
        page.get_by_role("textbox", name="Place*", exact=True).fill("Lampedusa")
        page.get_by_role("combobox", name="Country*", exact=True).select_option(label="Italy")
        date = page.get_by_role("textbox", name="Date*", exact=True)
        date.fill(datetime.date.today().isoformat())
        date.press("Escape")
        page.get_by_role("textbox", name="Summary*", exact=True).fill(
            "A help point now welcomes people as they come ashore."
        )

        page.get_by_role("button", name="Choose an image").click()
        page.get_by_label("Search term").fill("migration-callout")
        page.get_by_text("Demo: migration-callout", exact=True).click()
        page.wait_for_function("document.querySelector('input[name=hero_image]').value")
        page.get_by_role("textbox", name="Caption", exact=True).fill("The help point on the quay.")

        # The body: one "Text" block (a paragraph), typed into the rich text editor.
        page.get_by_role("button", name="Insert a block").first.click()
        page.get_by_role("option", name="Text", exact=True).click()
        page.locator("[contenteditable=true]").first.fill(PARAGRAPH)

        page.get_by_role("checkbox", name="Migration").check()
        save_screenshot(tab, "admin-news-story-form")

        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Publish").click()
        page.wait_for_url(f"{site}/admin/pages/*/")
        expect(page.locator(".messages")).to_contain_text(
            re.compile(r"'.+' (created and|has been) published")
        )

        # Visitors see it in the news listing and on the Migration programme page.
        for path in ("/en/news/", "/en/migration/"):
            tab.open(path)
            page.get_by_role("link", name=TITLE).first.click()
            page.wait_for_load_state()
            assert page.get_by_role("heading", level=1).inner_text() == TITLE
            assert page.get_by_text(PARAGRAPH).is_visible()
            assert tab.check("images()")[0]["loaded"]
        save_screenshot(tab, "admin-published-story")
        assert not tab.outside_requests
    finally:
        context.close()

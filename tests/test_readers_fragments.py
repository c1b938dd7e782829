"""The parts of programme and home pages that are the same for every reader are rendered once
per content generation (`{% readers_fragment %}` in ifrc_site/templatetags/site_tags.py), and
every change a reader should see still shows on the next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from ifrc_site.models import HomePage
from migration.models import MigrationPage

pytestmark = pytest.mark.django_db


def stream(response):
    assert response.status_code == 200
    return str(BeautifulSoup(response.content, "lxml").select_one("main .stream"))


def miss(client, url, number, **kwargs):
    """A request the page cache cannot answer: each page number is its own address."""
    return client.get(url, {"page": str(number)}, **kwargs)


@pytest.mark.parametrize("url", ["/en/", "/en/migration/", "/en/immunization/", "/fr/"])
def test_readers_get_the_same_part_with_fewer_queries(client, url):
    with CaptureQueriesContext(connection) as first:
        rendered = stream(miss(client, url, 1))
    with CaptureQueriesContext(connection) as second:
        kept = stream(miss(client, url, 2))
    assert kept == rendered
    assert len(second.captured_queries) < len(first.captured_queries)
    assert len(second.captured_queries) <= 7


def test_a_published_change_shows_at_once(client, migration_page):
    before = stream(miss(client, migration_page.url, 1))
    assert "Ferry timetables, checked weekly" not in before
    page = MigrationPage.objects.get(pk=migration_page.pk)
    page.body.insert(0, ("paragraph", "<p>Ferry timetables, checked weekly</p>"))
    page.save_revision().publish()
    assert "Ferry timetables, checked weekly" in stream(miss(client, migration_page.url, 2))


def test_editors_and_previews_get_the_part_rendered_afresh(client, admin_client, migration_page):
    """A change made behind the signals' back (no new generation) shows that readers share the
    kept part, while a signed-in editor's request renders it anew."""
    assert "Ferry" not in stream(miss(client, migration_page.url, 1))
    MigrationPage.objects.filter(pk=migration_page.pk).update(strapline="unchanged")
    page = MigrationPage.objects.get(pk=migration_page.pk)
    page.body.insert(0, ("paragraph", "<p>Ferry timetables, checked weekly</p>"))
    MigrationPage.objects.filter(pk=page.pk).update(body=page.body)
    assert "Ferry" not in stream(miss(client, migration_page.url, 2)), "kept for readers"
    assert "Ferry" in stream(miss(admin_client, migration_page.url, 3)), "fresh for editors"

    draft = MigrationPage.objects.get(pk=migration_page.pk)
    draft.body.insert(0, ("paragraph", "<p>Draft about night buses</p>"))
    draft.save_revision()
    # The preview Wagtail renders for the editor's preview panel, from the draft.
    preview = draft.make_preview_request()
    assert preview.status_code == 200 and b"Draft about night buses" in preview.content
    assert "Draft about night buses" not in stream(miss(client, migration_page.url, 4))


def test_low_data_readers_and_each_language_have_their_own(client, immunization_page):
    full = BeautifulSoup(miss(client, immunization_page.url, 1).content, "lxml")
    assert full.select("main .stream img")
    client.cookies["lowdata"] = "1"
    low = BeautifulSoup(miss(client, immunization_page.url, 2).content, "lxml")
    assert low.select("main .stream img") == [] and low.select("main .stream picture") == []
    del client.cookies["lowdata"]

    english = HomePage.objects.get(locale__language_code="en")
    arabic = HomePage.objects.get(locale__language_code="ar")
    assert english.translation_key == arabic.translation_key
    assert stream(miss(client, "/en/", 3)) != stream(miss(client, "/ar/", 3))
    assert 'lang="ar"' in miss(client, "/ar/", 4).content.decode()[:300]

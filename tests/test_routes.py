"""The pages below the home page are found once per content generation (ifrc_site/caching/
routes.py): later requests load the page directly, and every change to the tree is seen."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import NewsIndexPage, NewsStoryPage

from .factories import NewsStoryPageFactory

pytestmark = pytest.mark.django_db


def child_lookups(queries):
    """Queries of Wagtail's walk down the tree: a child looked up by its slug."""
    return [q["sql"] for q in queries.captured_queries if '"wagtailcore_page"."slug" =' in q["sql"]]


def fetch(client, url, **headers):
    """The page as a reader asks for it, never from the page cache (a hit would not route)."""
    return client.get(url, {"page": "1"} if "?" not in url else {}, headers=headers)


@pytest.fixture
def story(home):
    story = NewsStoryPageFactory(
        parent=NewsIndexPage.objects.child_of(home).get(),
        title="Ferries keep running",
        slug="ferries-keep-running",
        date=datetime.date(2026, 3, 1),
    )
    story.save_revision().publish()
    return story


def test_a_path_is_walked_once_then_its_page_is_loaded_directly(client, story):
    with CaptureQueriesContext(connection) as first:
        response = client.get(story.url)
    assert response.status_code == 200 and b"Ferries keep running" in response.content
    assert len(child_lookups(first)) == 2  # the news listing, then the story
    with CaptureQueriesContext(connection) as second:
        again = client.get(story.url, {"page": "2"})  # a miss of the page cache, same path
    assert again.status_code == 200 and b"Ferries keep running" in again.content
    assert child_lookups(second) == []
    assert len(second.captured_queries) <= len(first.captured_queries) - 3


def test_routable_sub_paths_are_remembered_and_still_routed(client, home):
    for _ in range(2):
        feed = client.get("/en/news/feed/rss/", {"page": "1"})
        assert feed.status_code == 200 and feed["Content-Type"].startswith("application/rss")
    with CaptureQueriesContext(connection) as queries:
        atom = client.get("/en/news/feed/atom/")
    assert atom.status_code == 200 and "atom" in atom["Content-Type"]
    assert len(child_lookups(queries)) == 1  # a new path: walked once
    assert client.get("/en/news/feed/nothing-here/").status_code == 404


def test_unpublishing_moving_and_renaming_are_seen_at_once(client, home, story, migration_page):
    url = story.url
    assert client.get(url).status_code == 200
    story.unpublish()
    assert client.get(url, {"page": "2"}).status_code == 404
    story.save_revision().publish()
    assert client.get(url, {"page": "3"}).status_code == 200

    story.slug = "ferries-run-again"
    story.save_revision().publish()
    assert client.get(url, {"page": "4"}).status_code == 404
    assert client.get("/en/news/ferries-run-again/").status_code == 200

    story.move(migration_page, pos="last-child")
    moved = client.get("/en/news/ferries-run-again/", {"page": "2"})
    # The old path no longer leads to the page: Wagtail's redirect made on the move answers.
    assert moved.status_code == 301 and moved["Location"] == "/en/migration/ferries-run-again/"
    assert client.get("/en/migration/ferries-run-again/").status_code == 200


def test_the_remembered_page_is_loaded_afresh(client, story):
    """A page taken offline behind the signals' back (no new generation) is still refused: the
    remembered route names the page, whose own route checks that it is live."""
    assert client.get(story.url).status_code == 200
    NewsStoryPage.objects.filter(pk=story.pk).update(live=False)
    assert client.get(story.url, {"page": "2"}).status_code == 404
    NewsStoryPage.objects.filter(pk=story.pk).update(live=True, title="Ferries run on time")
    page = client.get(story.url, {"page": "3"})
    assert b"Ferries run on time" in page.content


def test_each_language_has_its_own_routes(client):
    """The same path in two languages leads to each language's own page, the second time too
    (the remembered route is kept by home page)."""
    for attempt in ("1", "2"):
        for language in ("en", "fr"):
            response = client.get(f"/{language}/news/", {"page": attempt})
            assert response.status_code == 200
            page = response.context["page"]
            assert isinstance(page, NewsIndexPage)
            assert page.locale.language_code == language

"""RSS and Atom feeds of news: valid for feed readers, filtered like the listing."""

import feedparser
import pytest

from news.models import NewsStoryPage

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def parse(client, url, query=None):
    response = client.get(url, query or {})
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("kind,version", [("rss", "rss20"), ("atom", "atom10")])
def test_all_news_feed_is_valid_and_newest_first(client, kind, version):
    response, feed = parse(client, f"/en/news/feed/{kind}/")
    assert feed.version == version
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    newest = NewsStoryPage.objects.live().filter(locale__language_code="en").order_by("-date")
    assert [entry.title for entry in feed.entries] == [story.title for story in newest[:20]]
    first = feed.entries[0]
    assert first.link.endswith(newest[0].url)
    assert first.summary == newest[0].summary


def test_feed_items_carry_their_picture_as_an_enclosure(client):
    _, feed = parse(client, "/en/news/feed/rss/")
    enclosure = feed.entries[0].enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0
    assert enclosure.href.startswith("http://testserver/media/images/")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_programme_feed_has_only_that_programmes_stories(client, kind):
    _, feed = parse(client, f"/en/news/feed/{kind}/", {"programme": "immunization"})
    titles = {entry.title for entry in feed.entries}
    expected = {
        story.title
        for story in NewsStoryPage.objects.live().filter(
            programmes__slug="immunization", locale__language_code="en"
        )
    }
    assert titles == expected and titles
    assert "Immunization" in feed.feed.title


def test_filtered_listing_feed_matches_the_listing(client):
    _, feed = parse(client, "/en/news/feed/atom/", {"country": "GR", "year": "2017"})
    assert [entry.title for entry in feed.entries] == [
        story.title
        for story in NewsStoryPage.objects.live()
        .filter(country="GR", date__year=2017, locale__language_code="en")
        .order_by("-date")
    ]


def test_unknown_feed_filter_is_a_400_that_names_the_choices(client):
    response = client.get("/en/news/feed/rss/", {"programme": "nothing"})
    assert response.status_code == 400
    assert "migration, immunization" in response.content.decode()


def test_listing_and_programme_pages_advertise_their_feeds(client, migration_page):
    response = client.get("/en/news/?programme=migration")
    assert b'type="application/rss+xml"' in response.content
    assert b"feed/rss/?programme=migration" in response.content
    response = client.get(migration_page.url)
    assert b'href="/en/news/feed/rss/?programme=migration"' in response.content

"""What a listing page shows every reader alike is worked out once per content generation:
each card (`{% card_items %}`), the filter form with the filters in use, and the count of the
list (`paginate(..., count_key=...)`). Every change a reader should see still shows on the
next request, and nothing from one set of filters reaches another."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from news.models import NewsStoryPage
from resources.models import Resource

pytestmark = pytest.mark.django_db

LISTINGS = ["/en/news/", "/en/resources/", "/en/case-studies/"]


@pytest.fixture(autouse=True)
def every_request_renders(settings):
    # The page cache switched off: every request is served as a miss is, fragments and all.
    settings.PAGE_CACHE_SECONDS = 0


def main(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml").select_one("main")


def titles(response):
    return [link.get_text(" ", strip=True) for link in main(response).select("article h3 a")]


@pytest.mark.parametrize("url", LISTINGS)
def test_readers_get_the_same_listing_with_fewer_queries(client, url):
    with CaptureQueriesContext(connection) as first:
        rendered = str(main(client.get(url)))
    with CaptureQueriesContext(connection) as second:
        kept = str(main(client.get(url)))
    assert kept == rendered
    assert "<article" in kept
    assert len(second.captured_queries) < len(first.captured_queries)
    sql = " ".join(query["sql"] for query in second.captured_queries)
    assert "COUNT(" not in sql, "the list is counted once per generation"
    assert "UNION" not in sql, "no language versions looked up for cards already kept"


def test_a_published_change_to_a_story_shows_in_the_listing_at_once(client):
    first = titles(client.get("/en/news/"))
    story = NewsStoryPage.objects.live().get(title=first[0], locale__language_code="en")
    story.title = "Night ferries to Lesbos resume"
    story.save_revision().publish()
    assert titles(client.get("/en/news/"))[0] == "Night ferries to Lesbos resume"


def test_a_changed_document_shows_in_the_library_at_once(client):
    first = main(client.get("/en/resources/")).select_one("article h3 a")["href"]
    document = Resource.objects.get(pk=int(first.strip("/").split("/")[-2]))
    document.title = "Migrant health desk guide, updated"
    document.save()
    assert "Migrant health desk guide, updated" in main(client.get("/en/resources/")).get_text()


def test_editors_get_the_cards_rendered_afresh(client, admin_client):
    """A change made behind the signals' back (no new generation): readers share the kept
    card, a signed-in editor's request renders it anew."""
    first = titles(client.get("/en/news/"))
    NewsStoryPage.objects.filter(title=first[0], locale__language_code="en").update(
        title="Changed without a publish"
    )
    assert titles(client.get("/en/news/"))[0] == first[0], "kept for readers"
    assert titles(admin_client.get("/en/news/"))[0] == "Changed without a publish"


def test_each_page_of_a_listing_has_its_own_cards(client):
    one, two = titles(client.get("/en/news/")), titles(client.get("/en/news/", {"page": 2}))
    assert one and two and not set(one) & set(two)
    assert titles(client.get("/en/news/")) == one


def chosen(listing, name):
    return listing.select_one(f"select[name={name}] option[selected]")["value"]


def pages(listing):
    status = listing.select_one(".pagination__status")
    return status.get_text(strip=True) if status else "one page"


def test_each_set_of_filters_has_its_own_form_and_count(client, migration_page):
    stories = NewsStoryPage.objects.live().filter(locale__language_code="en")
    in_migration = stories.filter(programmes__translation_key=migration_page.translation_key)
    assert 0 < in_migration.count() < stories.count()

    plain = main(client.get("/en/news/"))
    filtered = main(client.get("/en/news/", {"programme": "migration"}))
    assert chosen(plain, "programme") == "" and chosen(filtered, "programme") == "migration"
    assert filtered.select(".active-filters .chip") and not plain.select(".active-filters")
    total = -(-stories.count() // 12)
    assert pages(plain) == (f"Page 1 of {total}" if total > 1 else "one page")
    assert len(filtered.select("article")) == min(in_migration.count(), 12)
    # Asked again, each keeps its own.
    again = main(client.get("/en/news/"))
    assert chosen(again, "programme") == "" and not again.select(".active-filters")
    assert pages(again) == pages(plain)
    assert str(main(client.get("/en/news/", {"programme": "migration"}))) == str(filtered)


def test_filters_that_are_not_choices_are_never_kept(client):
    bad = main(client.get("/en/news/", {"year": "1492"}))
    assert "We could not use one of the filters" in bad.get_text()
    assert not bad.select("article")
    good = main(client.get("/en/news/", {"year": "2017"}))
    assert "We could not use one of the filters" not in good.get_text()
    assert good.select_one("select[name=year] option[selected]")["value"] == "2017"
    again = main(client.get("/en/news/", {"year": "1492"}))
    assert "We could not use one of the filters" in again.get_text()


def test_low_data_readers_and_each_language_have_their_own_cards(client):
    assert main(client.get("/en/news/")).select("article picture")
    client.cookies["lowdata"] = "1"
    low = main(client.get("/en/news/"))
    assert low.select("article") and not low.select("article picture")
    del client.cookies["lowdata"]
    arabic = client.get("/ar/news/")
    assert arabic.status_code == 200
    assert titles(arabic) != titles(client.get("/en/news/"))

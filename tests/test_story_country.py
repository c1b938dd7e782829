"""A news story has one country, its dateline's: the listing, the feeds, the search and the
admin form all use it, and the migration that merged the old list into it keeps the data."""

import datetime
import importlib

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from wagtail.models import Revision

import feedparser
import pytest
from bs4 import BeautifulSoup

from news.models import NewsIndexPage, NewsStoryPage

from .factories import NewsStoryPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

migration = importlib.import_module("news.migrations.0003_one_story_country")

TITLE = "Water points reopen in Nairobi's informal settlements"
WORD = "jacarandawell"  # in the summary only, so that a search finds this story alone


@pytest.fixture
def kenya_story(home):
    news = NewsIndexPage.objects.child_of(home).get()
    story = NewsStoryPageFactory(
        parent=news,
        title=TITLE,
        city="Nairobi",
        country="KE",
        date=datetime.date.today(),
        summary=f"Volunteers mended the {WORD} pumps that families rely on.",
    )
    story.save_revision().publish()
    return story


def text_of(response, selector):
    soup = BeautifulSoup(response.content, "lxml")
    return [node.get_text(" ", strip=True) for node in soup.select(selector)]


def test_the_dateline_reads_the_one_country(kenya_story):
    assert kenya_story.dateline_place == "Nairobi, Kenya"
    assert not hasattr(kenya_story, "countries")


@pytest.mark.parametrize(
    "query,listed",
    [
        ({"country": "KE"}, True),
        ({"region": "africa"}, True),
        ({"country": "TN"}, False),
        ({"region": "europe"}, False),
    ],
)
def test_news_listing_filters_by_the_dateline_country(client, kenya_story, query, listed):
    response = client.get("/en/news/", query)
    assert response.status_code == 200
    assert (TITLE in text_of(response, ".card--news .card__title")) is listed


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_news_feed_filters_by_the_dateline_country(client, kenya_story, kind):
    kenya = feedparser.parse(client.get(f"/en/news/feed/{kind}/", {"country": "KE"}).content)
    assert TITLE in [entry.title for entry in kenya.entries]
    assert all(entry.tags[0].term == "Kenya" for entry in kenya.entries)
    tunisia = feedparser.parse(client.get(f"/en/news/feed/{kind}/", {"country": "TN"}).content)
    assert TITLE not in [entry.title for entry in tunisia.entries]


def test_search_filters_stories_by_the_dateline_country(client, kenya_story):
    def found(**params):
        response = client.get("/en/search/", {"q": WORD, **params})
        assert response.status_code == 200
        return text_of(response, ".search-result__title")

    assert found() == [TITLE]
    assert found(country="KE") == [TITLE]
    assert found(region="africa") == [TITLE]
    assert found(country="TN") == []


def test_related_stories_share_the_dateline_country(kenya_story, home):
    news = NewsIndexPage.objects.child_of(home).get()
    other = NewsStoryPageFactory(parent=news, title="Rains reach Kisumu", country="KE")
    other.save_revision().publish()
    assert other in NewsStoryPage.objects.get(pk=kenya_story.pk).related_stories


def test_the_admin_form_asks_for_the_country_once(admin_client, kenya_story):
    response = admin_client.get(f"/admin/pages/{kenya_story.pk}/edit/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    fields = soup.select('[name="country"], [name="countries"], [name="countries[]"]')
    assert [field["name"] for field in fields] == ["country"]
    assert fields[0].select_one("option[selected]")["value"] == "KE"


# The migration ---------------------------------------------------------------------------


@pytest.fixture
def old_story_table():
    """The stories' table as it was before the migration, with its list of countries (the
    column goes with the test's transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE news_newsstorypage ADD COLUMN countries varchar(746) NOT NULL DEFAULT ''"
        )
    state = MigrationLoader(connection).project_state(("news", "0002_newest_first_index"))
    return state.apps


def set_old_countries(story, codes):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE news_newsstorypage SET countries = %s WHERE page_ptr_id = %s",
            [codes, story.pk],
        )


def test_migration_keeps_the_dateline_and_fills_an_empty_one(old_story_table, home):
    news = NewsIndexPage.objects.child_of(home).get()
    with_dateline = NewsStoryPageFactory(parent=news, country="KE")
    without = NewsStoryPageFactory(parent=news)
    neither = NewsStoryPageFactory(parent=news)
    # Stories saved before the country was required (a form no longer allows it).
    NewsStoryPage.objects.filter(pk__in=[without.pk, neither.pk]).update(country="")
    # The list as the field stored it: sorted by code.
    set_old_countries(with_dateline, "ET,SO")
    set_old_countries(without, "ET,SO")
    draft = Revision.objects.create(
        content_type=ContentType.objects.get_for_model(NewsStoryPage),
        base_content_type=ContentType.objects.get(app_label="wagtailcore", model="page"),
        object_id=str(without.pk),
        created_at=datetime.datetime.now(tz=datetime.UTC),
        content={"title": without.title, "country": "", "countries": "ET,SO"},
    )

    migration.keep_one_country(old_story_table, None)

    countries = dict(
        NewsStoryPage.objects.filter(pk__in=[with_dateline.pk, without.pk, neither.pk])
        .values_list("pk", "country")
        .order_by()
    )
    assert countries == {with_dateline.pk: "KE", without.pk: "ET", neither.pk: ""}
    draft.refresh_from_db()
    assert draft.content == {"title": without.title, "country": "ET"}

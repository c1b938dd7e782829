"""News, resource and case study listings: filters, pagination and bad input."""

import re

import pytest
from bs4 import BeautifulSoup

from ifrc_site import listing
from ifrc_site.listing import BoundedPaginator
from ifrc_site.taxonomy import region_of
from news.models import NewsStoryPage
from resources.models import CaseStudyPage, Resource

from .helpers import empty_caches

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def cards(response, selector):
    soup = BeautifulSoup(response.content, "lxml")
    return soup, soup.select(selector)


def story_titles(response):
    _, found = cards(response, ".card--news .card__title")
    return [card.get_text(strip=True) for card in found]


def test_news_lists_newest_first_twelve_a_page(client):
    response = client.get("/en/news/")
    assert response.status_code == 200
    stories = NewsStoryPage.objects.live().filter(locale__language_code="en").order_by("-date")
    assert story_titles(response) == [story.title for story in stories[:12]]
    second = client.get("/en/news/?page=2")
    assert story_titles(second) == [story.title for story in stories[12:24]]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1.5", "%00", "9" * 400])
def test_bad_page_numbers_answer_gracefully(client, page):
    response = client.get("/en/news/", {"page": page})
    assert response.status_code == 200
    assert story_titles(response)


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"programme": "migration"}, lambda s: s.programmes.filter(slug="migration").exists()),
        (
            {"programme": "immunization"},
            lambda s: s.programmes.filter(slug="immunization").exists(),
        ),
        ({"country": "GR"}, lambda s: s.country.code == "GR"),
        ({"region": "africa"}, lambda s: region_of(s.country.code) == "africa"),
        ({"year": "2017"}, lambda s: s.date.year == 2017),
        (
            {"programme": "migration", "year": "2017"},
            lambda s: s.date.year == 2017 and s.programmes.filter(slug="migration").exists(),
        ),
    ],
)
def test_news_filters(client, query, expected):
    response = client.get("/en/news/", query)
    assert response.status_code == 200
    stories = NewsStoryPage.objects.live().filter(locale__language_code="en")
    wanted = sorted(story.title for story in stories if expected(story))
    assert wanted, "the demo must have stories for this filter"
    shown = story_titles(response)
    page = 1
    while BeautifulSoup(response.content, "lxml").select_one('a[rel="next"]'):
        page += 1
        response = client.get("/en/news/", {**query, "page": page})
        shown += story_titles(response)
    assert sorted(shown) == wanted


def test_active_filters_are_shown_and_removable(client):
    response = client.get("/en/news/", {"programme": "migration", "year": "2017"})
    soup, chips = cards(response, ".active-filters .chip")
    assert len(chips) == 2
    hrefs = {chip["href"] for chip in chips}
    assert "?year=2017" in hrefs and "?programme=migration" in hrefs


@pytest.mark.parametrize(
    "query",
    [
        {"programme": "no-such-programme"},
        {"country": "ZZ"},
        {"region": "atlantis"},
        {"year": "1066"},
        {"year": "<script>alert(1)</script>"},
        {"country": "' OR 1=1 --"},
    ],
)
def test_unknown_filter_values_give_an_empty_helpful_page(client, query):
    response = client.get("/en/news/", query)
    assert response.status_code == 200
    soup, found = cards(response, ".card--news")
    assert found == []
    assert "We could not use one of the filters" in soup.get_text()
    assert b"<script>alert(1)</script>" not in response.content


def test_filter_form_works_without_javascript(client):
    soup, _ = cards(client.get("/en/news/"), "form.filters")
    form = soup.select_one("form.filters")
    assert form["method"] == "get"
    names = {select["name"] for select in form.select("select")}
    assert names == {"programme", "country", "region", "year"}


def test_resource_library_filters_by_type_language_and_year(client):
    response = client.get("/en/resources/", {"type": "assessment"})
    _, found = cards(response, ".doc-card")
    assessments = Resource.objects.filter(resource_type="assessment").count()
    assert len(found) == assessments >= 2
    response = client.get("/en/resources/", {"language": "fr"})
    _, found = cards(response, ".doc-card")
    assert len(found) == Resource.objects.filter(language="fr").count() >= 1
    response = client.get("/en/resources/", {"year": "2020", "programme": "immunization"})
    _, found = cards(response, ".doc-card .doc-card__title")
    titles = {card.get_text(strip=True) for card in found}
    assert any("South Sudan" in title for title in titles)


def test_resource_items_show_type_size_pages_and_date(client):
    response = client.get("/en/resources/", {"type": "assessment"})
    soup, found = cards(response, ".doc-card")
    text = " ".join(found[0].get_text(" ").split())
    assert "Assessment" in text
    assert "pages" in text
    cue = found[0].select_one(".doc-card__format").get_text(strip=True)
    assert re.fullmatch(r"PDF, \d+ KB, about \d+ seconds? on 3G", cue), cue
    assert "/" in text  # the numeric date
    assert found[0].select_one(".doc-card__thumb img") is not None


def test_resource_library_paginates(client):
    first = client.get("/en/resources/")
    second = client.get("/en/resources/", {"page": 2})
    _, first_cards = cards(first, ".doc-card")
    _, second_cards = cards(second, ".doc-card")
    assert len(first_cards) == 12 and 1 <= len(second_cards) <= 12


def test_case_studies_filter_by_programme_and_country(client):
    response = client.get("/en/case-studies/", {"programme": "migration"})
    _, found = cards(response, ".card--case-study")
    expected = (
        CaseStudyPage.objects.live()
        .filter(programme__slug="migration", locale__language_code="en")
        .count()
    )
    assert len(found) == min(expected, 12) and expected >= 4
    response = client.get("/en/case-studies/", {"country": "PK"})
    soup, found = cards(response, ".card--case-study .card__eyebrow")
    assert [card.get_text(strip=True) for card in found] == ["Pakistan"] * len(found)
    assert found


def test_case_study_listing_has_a_second_page(client):
    _, found = cards(client.get("/en/case-studies/", {"page": 2}), ".card--case-study")
    assert found


def test_story_page_shows_dateline_and_related_stories(client):
    story = NewsStoryPage.objects.get(
        slug="thessaloniki-two-families-one-home", locale__language_code="en"
    )
    soup, _ = cards(client.get(story.url), "body")
    dateline = " ".join(soup.select_one(".dateline").get_text(" ").split())
    assert dateline == "Thessaloniki, Greece · 16 May 2017"
    related = soup.select(".related .card--news")
    assert 1 <= len(related) <= 3
    assert soup.select_one(".story__figure img")["alt"]


def test_listings_page_through_a_bounded_number_of_pages(client, monkeypatch):
    """Deep pages cost a scan of every item before them: a listing pages through the first
    MAX_PAGES pages, and its last page tells the reader how to reach the others."""
    from ifrc_site import listing

    stories = NewsStoryPage.objects.live().filter(locale__language_code="en").order_by("-date")
    assert stories.count() > 2 * 12  # the demo has more than two pages of news in English
    monkeypatch.setattr(listing, "MAX_PAGES", 2)
    second = client.get("/en/news/", {"page": 2})
    soup = BeautifulSoup(second.content, "lxml")
    assert story_titles(second) == [story.title for story in stories[12:24]]
    assert soup.select_one(".pagination__status").get_text(strip=True) == "Page 2 of 2"
    note = soup.select_one(".pagination__more").get_text(" ", strip=True)
    assert note.startswith("Only the first 24 items are listed page by page.")
    assert soup.select_one("a[rel=next]") is None
    # Any deeper page number answers with the last page, as an out-of-range number does.
    deeper = client.get("/en/news/", {"page": 40})
    assert story_titles(deeper) == story_titles(second)
    # The first page has no note; a filter that fits in the bound has none on its last page.
    first = BeautifulSoup(client.get("/en/news/").content, "lxml")
    assert first.select_one(".pagination__more") is None
    filtered = BeautifulSoup(client.get("/en/news/", {"country": "GR"}).content, "lxml")
    assert filtered.select_one(".pagination__more") is None


def test_without_the_bound_every_page_is_listed(client):
    stories = NewsStoryPage.objects.live().filter(locale__language_code="en")
    pages = -(-stories.count() // 12)
    last = BeautifulSoup(client.get("/en/news/", {"page": pages}).content, "lxml")
    assert last.select_one(".pagination__status").get_text(strip=True) == f"Page {pages} of {pages}"
    assert last.select_one(".pagination__more") is None


def test_the_bounded_count_stops_at_the_bound(django_assert_max_num_queries):
    stories = NewsStoryPage.objects.live().order_by("pk")
    total = stories.count()
    paginator = BoundedPaginator(stories, 5, max_pages=2)
    with django_assert_max_num_queries(1) as queries:
        assert (paginator.count, paginator.truncated, paginator.num_pages) == (10, True, 2)
    assert "LIMIT 11" in queries.captured_queries[0]["sql"]
    roomy = BoundedPaginator(stories, 5, max_pages=total)
    assert (roomy.count, roomy.truncated) == (total, False)


def test_a_page_further_in_is_found_by_ids_first_with_the_same_items(
    django_assert_max_num_queries, monkeypatch
):
    """From DEEP_OFFSET on, a page's items are found by their ids, then loaded by id with
    what the listing selects: the same items in the same order as a plain slice, and no query
    per item. (DEEP_OFFSET made smaller than the demo's list.)"""
    monkeypatch.setattr(listing, "DEEP_OFFSET", 6)
    stories = (
        NewsStoryPage.objects.live()
        .select_related("hero_image")
        .order_by("-date", "-pk")
        .defer_streamfields()
    )
    per_page = 2
    number = 6 // per_page + 2
    expected = list(stories[(number - 1) * per_page : number * per_page])
    assert len(expected) == per_page
    paginator = BoundedPaginator(stories, per_page, max_pages=number)
    assert paginator.count >= number * per_page  # counted apart
    with django_assert_max_num_queries(2) as queries:
        page = paginator.page(number)
        found = list(page)
        [story.hero_image for story in found]
    assert found == expected
    assert "OFFSET" in queries.captured_queries[0]["sql"]
    assert 'FROM "news_newsstorypage"' in queries.captured_queries[1]["sql"]
    assert "OFFSET" not in queries.captured_queries[1]["sql"]


@pytest.mark.parametrize(
    "url, selector",
    [
        ("/en/news/", ".card--news .card__title"),
        ("/en/resources/", ".doc-card__title"),
        ("/en/case-studies/", ".card__title"),
    ],
)
def test_every_listing_shows_the_same_pages_found_by_ids_first(
    client, settings, monkeypatch, url, selector
):
    """Each listing's second page, as the readers see it, is the same whether its items are
    found by ids first or by an offset: the library's one version per document and the case
    studies' privacy rule hold either way."""
    settings.PAGE_CACHE_SECONDS = 0

    def second_page():
        _, found = cards(client.get(url, {"page": 2}), selector)
        return [card.get_text(strip=True) for card in found]

    monkeypatch.setattr(listing, "DEEP_OFFSET", 10**9)
    by_offset = second_page()
    assert by_offset, "the demo has a second page of this listing"
    monkeypatch.setattr(listing, "DEEP_OFFSET", 0)
    empty_caches()  # the cards are kept per generation: render them again
    assert second_page() == by_offset

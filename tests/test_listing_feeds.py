"""RSS and Atom feeds of the resource library and of the case studies: valid for feed readers,
filtered exactly like their listings, in every language, carrying only what readers may see
(and, for case studies, only what may be syndicated), cached and purged like the pages."""

import datetime
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import feedparser
import pytest
from bs4 import BeautifulSoup

from ifrc_site.taxonomy import region_of
from resources.models import CaseStudyPage, CaseStudySectionPage, Resource

from .factories import CaseStudyPageFactory, ImageFactory, ResourceFactory

pytestmark = pytest.mark.django_db

KINDS = [("rss", "rss20"), ("atom", "atom10")]
LISTINGS = ["resources", "case-studies"]
LANGUAGES = ["en", "fr", "es", "ar"]


def parse(client, url, query=None):
    response = client.get(url, query or {})
    assert response.status_code == 200, (url, query, response.status_code)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


def titles(feed):
    return [entry.title for entry in feed.entries]


def syndicated_case_studies(language):
    live = CaseStudyPage.objects.live().filter(locale__language_code=language)
    return CaseStudyPage.syndicated(live).order_by(*CaseStudyPage.newest_first)


def listed_on_the_page(client, listing, query):
    """What the listing page shows for the same query string: its first page of items."""
    response = client.get(f"/en/{listing}/", query)
    assert response.status_code == 200
    name = "documents" if listing == "resources" else "case_studies"
    return list(response.context[name])


# Valid feeds in every language -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize("kind,version", KINDS)
def test_every_language_has_valid_feeds(client, language, listing, kind, version):
    response, feed = parse(client, f"/{language}/{listing}/feed/{kind}/")
    assert feed.version == version
    assert response["Content-Type"] == f"application/{kind}+xml; charset=utf-8"
    assert feed.entries
    assert feed.feed.link == f"http://testserver/{language}/{listing}/"
    assert feed.feed.get("language", language) == language
    for entry in feed.entries:
        assert entry.title and entry.link.startswith("http://testserver/")
        assert entry.id and entry.published_parsed


@pytest.mark.both_engines
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_library_feed_lists_the_newest_listed_documents(client, kind):
    _, feed = parse(client, f"/en/resources/feed/{kind}/")
    newest = list(Resource.objects.listed().one_per_resource("en")[:20])
    assert len(newest) > 12  # more than one page of the library: the feed is not its page
    assert titles(feed) == [document.title for document in newest]
    first, document = feed.entries[0], newest[0]
    assert first.summary == document.summary
    assert first.link == f"http://testserver{document.url}"
    assert datetime.date(*first.published_parsed[:3]) == document.date
    assert document.get_resource_type_display() in {tag.term for tag in first.tags}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_document_enclosure_is_the_file_with_its_exact_size_and_type(client, kind):
    _, feed = parse(client, f"/en/resources/feed/{kind}/")
    documents = {
        f"http://testserver{document.url}": document for document in Resource.objects.all()
    }
    for entry in feed.entries:
        (enclosure,) = entry.enclosures
        document = documents[enclosure.href]
        with document.open_file() as file:
            size = len(file.read())
        assert int(enclosure.length) == size == document.file.size
        assert enclosure.type == document.content_type == "application/pdf"


def test_document_guid_is_stable_across_languages_and_no_permalink(client):
    response, english = parse(client, "/en/resources/feed/rss/")
    _, french = parse(client, "/fr/resources/feed/rss/")
    assert b'<guid isPermaLink="false">tag:testserver,' in response.content
    # The same document has the same guid in every language's feed (a resource is shown in
    # each language by its version in that language, a document of its own).
    english_ids = {entry.link: entry.id for entry in english.entries}
    french_ids = {entry.link: entry.id for entry in french.entries}
    shared = english_ids.keys() & french_ids.keys()
    assert len(shared) > 10
    assert all(english_ids[link] == french_ids[link] for link in shared)
    assert len(set(english_ids.values())) == len(english.entries)


@pytest.mark.both_engines
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_case_study_feed_items_carry_their_society_picture_and_summary(client, kind):
    _, feed = parse(client, f"/en/case-studies/feed/{kind}/")
    newest = list(syndicated_case_studies("en").select_related("national_society")[:20])
    assert titles(feed) == [page.title for page in newest]
    for entry, page in zip(feed.entries, newest, strict=True):
        assert entry.link == f"http://testserver{page.url}"
        assert entry.summary == page.summary
        assert entry.author == page.national_society.name
        assert datetime.date(*entry.published_parsed[:3]) == page.date
        (picture,) = entry.enclosures
        assert picture.type == "image/jpeg" and int(picture.length) > 0
        assert picture.href.startswith("http://testserver/media/images/")


@pytest.mark.both_engines
@pytest.mark.parametrize("listing", LISTINGS)
def test_each_languages_feed_has_that_languages_listing(client, listing):
    feeds = {
        language: parse(client, f"/{language}/{listing}/feed/atom/")[1] for language in LANGUAGES
    }
    pages = {}
    for language in LANGUAGES:
        response = client.get(f"/{language}/{listing}/")
        pages[language] = response.context["page"]
        assert feeds[language].feed.title == pages[language].title
    assert len({feed.feed.title for feed in feeds.values()}) == len(LANGUAGES)
    if listing == "case-studies":
        for language, feed in feeds.items():
            assert titles(feed) == [page.title for page in syndicated_case_studies(language)[:20]]
            assert all(
                entry.link.startswith(f"http://testserver/{language}/") for entry in feed.entries
            )
        assert set(titles(feeds["en"])).isdisjoint(titles(feeds["fr"]))
    else:
        # Documents are shared by every language's library, each resource shown by its
        # version in that language if it has one.
        for language, feed in feeds.items():
            listed = Resource.objects.listed().one_per_resource(language)[:20]
            assert titles(feed) == [document.title for document in listed], language
        assert titles(feeds["en"]) != titles(feeds["fr"])


# The listing's filters -----------------------------------------------------------------------


def resource_filters():
    country = next(code for document in Resource.objects.listed() for code in document.countries)
    return [
        {"type": "assessment"},
        {"language": "fr"},
        {"programme": "immunization"},
        {"year": "2020", "programme": "immunization"},
        {"country": country.code},
        {"region": region_of(country.code)},
    ]


def case_study_filters():
    return [
        {"programme": "migration"},
        {"country": "PK"},
        {"region": region_of("PK")},
        {"year": "2020"},
        {"programme": "immunization", "year": "2020"},
    ]


@pytest.mark.both_engines
@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_with_the_listings_query_has_the_listings_items(client, listing, kind):
    _, unfiltered = parse(client, f"/en/{listing}/feed/{kind}/")
    everything, listing_title = titles(unfiltered), unfiltered.feed.title
    filters = resource_filters() if listing == "resources" else case_study_filters()
    for query in filters:
        _, feed = parse(client, f"/en/{listing}/feed/{kind}/", query)
        shown = [item.title for item in listed_on_the_page(client, listing, query)]
        assert shown, query
        assert titles(feed)[: len(shown)] == shown, query
        assert titles(feed) != everything, query
        assert feed.feed.title.startswith(f"{listing_title}: "), query


def test_filtered_feed_titles_say_what_they_follow(client):
    _, feed = parse(client, "/en/resources/feed/rss/", {"type": "assessment", "language": "fr"})
    assert feed.feed.title.endswith(": Assessment, French")
    assert all("Assessment" in {tag.term for tag in entry.tags} for entry in feed.entries)
    assert {entry.title for entry in feed.entries} == {
        document.title
        for document in Resource.objects.listed().filter(resource_type="assessment", language="fr")
    }


BAD_FILTERS = [
    ("resources", "type", "atlantis", "report"),
    ("resources", "language", "xx", "fr"),
    ("resources", "programme", "nothing", "migration"),
    ("resources", "year", "1800", "2020"),
    ("resources", "country", "<script>alert(1)</script>", "/en/resources/"),
    ("resources", "region", "99", "africa"),
    ("case-studies", "programme", "../../etc", "immunization"),
    ("case-studies", "country", "ZZ", "/en/case-studies/"),
    ("case-studies", "year", "abc", "2020"),
]


@pytest.mark.parametrize("listing,name,value,accepted", BAD_FILTERS)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_bad_filter_is_a_400_that_says_what_the_filter_takes(
    client, listing, name, value, accepted, kind
):
    response = client.get(f"/en/{listing}/feed/{kind}/", {name: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert f"“{name}”" in text and accepted in text
    assert value not in text  # nothing typed comes back
    assert f"http://testserver/en/{listing}/feed/{kind}/" in text  # the feed without filters
    assert client.get(f"/en/{listing}/feed/{kind}/", {name: value})["Cache-Control"] == "no-store"


def test_the_400_is_in_the_readers_language(client):
    english = client.get("/en/resources/feed/rss/", {"type": "x"}).content.decode()
    french = client.get("/fr/resources/feed/rss/", {"type": "x"}).content.decode()
    assert english.splitlines()[0] != french.splitlines()[0]


# Only what readers may see -------------------------------------------------------------------


def case_study(migration_page, title, **fields):
    section = CaseStudySectionPage.objects.filter(locale=migration_page.locale).first()
    fields.setdefault("date", datetime.date(2031, 1, 1))
    return CaseStudyPageFactory(parent=section, title=title, programme=migration_page, **fields)


@pytest.mark.both_engines
def test_case_studies_that_may_not_be_syndicated_stay_off_the_feeds(client, migration_page):
    quiet = case_study(migration_page, "Quiet work in the hills")
    quiet.do_not_syndicate = True
    quiet.save_revision().publish()
    unconsented = case_study(migration_page, "Faces in the clinic", date=datetime.date(2031, 1, 2))
    unconsented.save_revision().publish()
    CaseStudyPage.objects.filter(pk=unconsented.pk).update(consent_recorded=False)
    listing = client.get("/en/case-studies/").content
    assert b"Quiet work in the hills" in listing and b"Faces in the clinic" in listing
    for kind, _version in KINDS:
        for query in ({}, {"country": "PK"}, {"year": "2031"}):
            found = titles(parse(client, f"/en/case-studies/feed/{kind}/", query)[1])
            assert "Quiet work in the hills" not in found
            assert "Faces in the clinic" not in found
    # Once it may be syndicated, it is there.
    quiet.do_not_syndicate = False
    quiet.save_revision().publish()
    assert "Quiet work in the hills" in titles(parse(client, "/en/case-studies/feed/rss/")[1])


@pytest.mark.both_engines
def test_hidden_documents_are_in_no_feed(client):
    now, newest = timezone.now(), datetime.date(2031, 1, 1)
    society = CaseStudySectionPage.objects.first().national_society
    private = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    day = datetime.timedelta(days=1)
    hidden = [
        ResourceFactory(title="Embargoed ledger", publication_date=newest, go_live_at=now + day),
        ResourceFactory(title="Expired ledger", publication_date=newest, expire_at=now - day),
        ResourceFactory(
            title="Unapproved ledger", publication_date=newest, collection=society.collection
        ),
        ResourceFactory(title="Private ledger", publication_date=newest, collection=private),
    ]
    listed = ResourceFactory(title="Listed ledger", publication_date=newest)
    for language in LANGUAGES:
        for kind, _version in KINDS:
            for query in ({}, {"type": "report"}, {"year": "2020"}):
                found = titles(parse(client, f"/{language}/resources/feed/{kind}/", query)[1])
                assert not {document.title for document in hidden} & set(found)
    assert "Listed ledger" in titles(parse(client, "/en/resources/feed/rss/")[1])
    assert listed.pk not in Resource.unlisted_ids()


@pytest.mark.both_engines
def test_private_case_studies_are_in_no_feed(client):
    page = syndicated_case_studies("en").first()
    assert page.title in titles(parse(client, "/en/case-studies/feed/rss/")[1])
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for kind, _version in KINDS:
        assert page.title not in titles(parse(client, f"/en/case-studies/feed/{kind}/")[1])


# Queries -------------------------------------------------------------------------------------


@pytest.mark.both_engines
@pytest.mark.parametrize("listing", LISTINGS)
def test_feed_queries_do_not_grow_with_items(client, settings, migration_page, listing):
    settings.PAGE_CACHE_SECONDS = 0  # count the queries of rendering, not of a cache hit
    address = f"/en/{listing}/feed/rss/"

    def queries(query):
        client.get(address, query)  # fills the shared caches and makes missing renditions
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address, query).status_code == 200
        return len(captured)

    views = ({}, {"programme": "migration"}, {"country": "PK"})
    before = [queries(query) for query in views]
    if listing == "resources":
        for number in range(8):
            document = ResourceFactory(
                title=f"Field note {number}", publication_date=datetime.date(2031, 1, number + 1)
            )
            document.countries = ["PK"]
            document.save()
    else:
        for number in range(8):
            page = case_study(
                migration_page,
                f"Field note {number}",
                date=datetime.date(2031, 1, number + 1),
                hero_image=ImageFactory(),
            )
            page.save_revision().publish()
    feed = feedparser.parse(client.get(address, {"country": "PK", "year": "2031"}).content)
    assert titles(feed) == [f"Field note {number}" for number in reversed(range(8))]
    assert [queries(query) for query in views] == before
    assert max(before) <= 20


# Links on the listings -----------------------------------------------------------------------


@pytest.mark.parametrize("listing", LISTINGS)
def test_listings_advertise_their_feeds_with_their_filters(client, listing):
    response = client.get(f"/en/{listing}/", {"programme": "migration", "page": "1"})
    soup = BeautifulSoup(response.content, "lxml")
    alternates = {
        link["type"]: link for link in soup.head.select('link[rel="alternate"][type$="+xml"]')
    }
    assert set(alternates) == {"application/rss+xml", "application/atom+xml"}
    for kind in ("rss", "atom"):
        link = alternates[f"application/{kind}+xml"]
        assert link["href"] == f"/en/{listing}/feed/{kind}/?programme=migration"
        assert link["title"].startswith(response.context["page"].title)
    follow = soup.select_one("p.feeds")
    assert "feed reader" in follow.get_text()
    assert [a["href"] for a in follow.select("a")] == [
        f"/en/{listing}/feed/rss/?programme=migration",
        f"/en/{listing}/feed/atom/?programme=migration",
    ]
    # And each address it gives is a feed.
    for href in (a["href"] for a in follow.select("a")):
        assert client.get(href).status_code == 200


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_listing_with_a_bad_filter_offers_no_feed(client, listing):
    response = client.get(f"/en/{listing}/", {"programme": "nothing"})
    soup = BeautifulSoup(response.content, "lxml")
    assert not soup.select('link[rel="alternate"][type$="+xml"]')
    assert not soup.select("p.feeds")


def test_follow_links_are_translated(client):
    soup = BeautifulSoup(client.get("/fr/resources/").content, "lxml")
    assert "feed reader" not in soup.select_one("p.feeds").get_text()


# Cache and purge -----------------------------------------------------------------------------


FEEDS = [f"/en/{listing}/feed/{kind}/" for listing in LISTINGS for kind in ("rss", "atom")]


def test_feeds_are_cached(client):
    for url in FEEDS:
        assert client.get(url)["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url
        assert client.get(url, {"programme": "migration"})["X-Page-Cache"] == "miss", url


def test_a_saved_document_is_in_the_feeds_at_the_next_request(client):
    for url in FEEDS[:2]:
        client.get(url)
    document = ResourceFactory(
        title="Cash transfer lessons", publication_date=datetime.date(2031, 1, 1)
    )
    for url in FEEDS[:2]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert b"Cash transfer lessons" in response.content, url
    document.title = "Cash transfer lessons learnt"
    document.save()
    assert b"lessons learnt" in client.get(FEEDS[0]).content
    # Put under embargo: gone at once.
    document.go_live_at = timezone.now() + datetime.timedelta(days=1)
    document.save()
    for url in FEEDS[:2]:
        assert b"Cash transfer" not in client.get(url).content, url


def test_publishing_and_unpublishing_a_case_study_change_the_feeds(client, migration_page):
    for url in FEEDS[2:]:
        client.get(url)
    page = case_study(migration_page, "Ferry crossing first aid", live=False)
    for url in FEEDS[2:]:
        assert b"Ferry crossing" not in client.get(url).content
    page.save_revision().publish()
    for url in FEEDS[2:]:
        assert b"Ferry crossing" in client.get(url).content, url
    page.refresh_from_db()
    page.unpublish()
    for url in FEEDS[2:]:
        assert b"Ferry crossing" not in client.get(url).content, url


@pytest.mark.both_engines
def test_an_embargoed_document_joins_the_feed_when_its_time_comes(client):
    """Nobody saves anything at the go-live time: the cache's schedule of document times ends
    the generation then, and the next request renders the feed afresh."""
    url = FEEDS[0]
    document = ResourceFactory(
        title="Monsoon readiness plan",
        publication_date=datetime.date(2031, 1, 1),
        go_live_at=timezone.now() + datetime.timedelta(days=1),
    )
    # The time comes a few renderings of the feed ahead, as measured here, so that a slow
    # machine does not see it pass before the feed is rendered and cached.
    started = time.monotonic()
    client.get(url)
    soon = timezone.now() + datetime.timedelta(seconds=max(1.5, 4 * (time.monotonic() - started)))
    document.go_live_at = soon
    document.save()
    client.get(url)
    before = client.get(url)
    assert before["X-Page-Cache"] == "hit"
    assert b"Monsoon readiness plan" not in before.content
    time.sleep(max(0, (soon - timezone.now()).total_seconds()) + 0.1)
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert b"Monsoon readiness plan" in after.content

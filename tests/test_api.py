"""The read-only API for partners at /api/v2/ (ifrc_site/api/, docs/api.md).

What each endpoint lists and shows, the fields of each type (never user data or drafts), the
filters and their 400s, the read-only methods, CORS, the rate limit, the page cache and the
query count of listings. Which items never appear (the doors) is tried in tests/test_doors.py,
with every other door to the same items.
"""

from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from news.models import NewsIndexPage, NewsStoryPage
from resources.models import CaseStudyPage, CaseStudySectionPage, Resource

from .factories import (
    CaseStudyPageFactory,
    ImageFactory,
    NewsStoryPageFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db
both_engines = pytest.mark.both_engines

# Never in any answer: who wrote, uploaded, locked or last changed an item, drafts and the
# gates' own fields.
FORBIDDEN_KEYS = {
    "owner",
    "uploaded_by_user",
    "locked_by",
    "latest_revision",
    "draft_title",
    "has_unpublished_changes",
    "live_revision",
    "go_live_at",
    "expire_at",
    "collection",
    "extracted_text",
    "consent_recorded",
    "do_not_syndicate",
    "tags",
    "alias_of",
}


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def keys_in(value):
    """Every key of every object in a JSON value."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_in(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_in(item)}
    return set()


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def story(db):
    return NewsStoryPage.objects.live().get(
        slug="thessaloniki-two-families-one-home", locale__language_code="en"
    )


# Every endpoint ----------------------------------------------------------------------------


@both_engines
@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_every_endpoint_lists_and_shows_its_items(client, endpoint):
    listing = get(client, f"/api/v2/{endpoint}/")
    assert listing["meta"]["total_count"] > 0
    first = listing["items"][0]
    assert first["meta"]["detail_url"] == f"http://localhost/api/v2/{endpoint}/{first['id']}/"
    detail = get(client, f"/api/v2/{endpoint}/{first['id']}/")
    assert detail["id"] == first["id"]
    assert detail["title"] == first["title"]
    # A detail view shows more than the listing.
    assert set(detail) > set(first) or set(detail["meta"]) > set(first["meta"])


def test_an_unknown_item_or_address_is_a_json_404_not_a_redirect(client):
    for url in ("/api/v2/pages/99999999/", "/api/v2/documents/99999999/", "/api/v2/nothing/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "message" in response.json()


# Fields ------------------------------------------------------------------------------------


def test_a_story_shows_its_fields_and_body_as_the_page_does(client, story):
    detail = get(client, f"/api/v2/pages/{story.pk}/")
    assert detail["title"] == story.title
    assert detail["dateline"] == "Thessaloniki, Greece"
    assert detail["date"] == "2017-05-16"
    assert detail["summary"] == story.summary
    assert detail["countries"] == [{"code": "GR", "name": "Greece"}]
    assert [programme["slug"] for programme in detail["programmes"]] == ["migration"]
    assert detail["language"] == detail["meta"]["locale"] == "en"
    assert detail["meta"]["html_url"] == f"http://localhost{story.url}"
    # The body as the page renders it, block by block.
    page = client.get(story.url).content.decode()
    assert detail["body"].startswith('<div class="block rich-text">')
    assert detail["body"][: detail["body"].index("</p>")] in page
    # The same story in the other languages, with their addresses.
    translations = {item["language"]: item for item in detail["translations"]}
    assert set(translations) == {"fr", "es", "ar"}
    french = NewsStoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="fr"
    )
    assert translations["fr"]["id"] == french.pk
    assert translations["fr"]["detail_url"] == f"http://localhost/api/v2/pages/{french.pk}/"
    assert translations["fr"]["html_url"] == f"http://localhost{french.url}"


def test_a_translated_story_speaks_its_own_language(client, story):
    arabic = NewsStoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="ar"
    )
    detail = get(client, f"/api/v2/pages/{arabic.pk}/")
    assert detail["language"] == "ar"
    assert detail["countries"][0]["code"] == "GR"
    assert detail["countries"][0]["name"] != "Greece"  # the country's name in Arabic
    assert "Greece" not in detail["dateline"]
    assert {item["language"] for item in detail["translations"]} == {"en", "fr", "es"}


def test_listings_show_less_than_detail_views(client):
    listing = get(client, "/api/v2/pages/", type="news.NewsStoryPage", limit=3)
    item = listing["items"][0]
    assert {"title", "dateline", "date", "summary", "countries", "programmes", "language"} <= set(
        item
    )
    assert "body" not in item and "translations" not in item
    # The body and the translations are for detail views only.
    response = client.get("/api/v2/pages/", {"type": "news.NewsStoryPage", "fields": "body"})
    assert response.status_code == 400
    assert "body" in response.json()["message"]


def test_a_document_shows_type_language_size_pages_file_and_date(client):
    document = Resource.objects.listed().exclude(page_count=None).first()
    detail = get(client, f"/api/v2/documents/{document.pk}/")
    assert detail["title"] == document.title
    assert detail["resource_type"] == document.resource_type
    assert detail["language"] == document.language
    assert detail["file_size"] == document.file_size > 0
    assert detail["page_count"] == document.page_count > 0
    assert detail["date"] == document.date.isoformat()
    assert detail["meta"]["download_url"] == f"http://localhost{document.url}"
    assert client.get(document.url).status_code == 200


def test_case_studies_and_programme_pages_show_their_own_fields(client, migration_page):
    case_study = (
        CaseStudyPage.syndicated(CaseStudyPage.objects.live())
        .filter(locale__language_code="en")
        .first()
    )
    detail = get(client, f"/api/v2/pages/{case_study.pk}/")
    assert detail["national_society"] == case_study.national_society.name
    assert detail["countries"][0]["code"] == case_study.country.code
    assert [item["id"] for item in detail["programmes"]] == [case_study.programme_id]
    assert detail["date"] == case_study.date.isoformat()
    assert "<p>" in detail["body"]
    programme = get(client, f"/api/v2/pages/{migration_page.pk}/")
    assert programme["strapline"] == migration_page.strapline
    assert programme["body"].startswith("<")
    assert len(programme["translations"]) == 3


def test_an_image_shows_its_alt_text_in_every_language_and_its_absolute_address(client):
    image = ImageFactory(
        title="API picture", description="Volunteers unload a truck", alt_text_fr="Des bénévoles"
    )
    detail = get(client, f"/api/v2/images/{image.pk}/")
    assert detail["alt_texts"] == {
        "en": "Volunteers unload a truck",
        "fr": "Des bénévoles",
        "es": "Volunteers unload a truck",
        "ar": "Volunteers unload a truck",
    }
    assert detail["width"] == image.width
    assert detail["meta"]["download_url"] == f"http://localhost{image.file.url}"


@both_engines
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=news.NewsStoryPage&fields=*",
        "/api/v2/pages/?type=resources.CaseStudyPage&fields=*",
        "/api/v2/pages/?type=migration.MigrationPage&fields=*",
        "/api/v2/documents/?fields=*",
        "/api/v2/images/?fields=*",
    ],
)
def test_no_user_data_or_gate_fields_in_any_listing_or_detail(client, url, django_user_model):
    listing = get(client, url)
    details = [
        get(client, item["meta"]["detail_url"].replace("http://localhost", ""))
        for item in listing["items"][:5]
    ]
    found = keys_in(listing) | keys_in(details)
    assert not found & FORBIDDEN_KEYS
    text = str(listing) + str(details)
    for user in django_user_model.objects.all():
        assert f"'{user.username}'" not in text and user.email not in text


@pytest.mark.parametrize("field", ["owner", "uploaded_by_user", "draft_title", "collection"])
def test_asking_for_user_data_is_refused(client, field):
    for endpoint in ("pages", "documents", "images"):
        response = client.get(f"/api/v2/{endpoint}/", {"fields": field})
        assert response.status_code == 400
        assert "unknown fields" in response.json()["message"]


def test_a_draft_is_never_shown_only_what_is_published(client, story):
    published_title = story.title
    draft = story.get_latest_revision_as_object()
    draft.title = "A draft title nobody approved"
    draft.summary = "A draft summary"
    draft.save_revision()
    for response in (
        client.get(f"/api/v2/pages/{story.pk}/"),
        client.get("/api/v2/pages/", {"type": "news.NewsStoryPage", "search": "Thessaloniki"}),
        client.get(
            "/api/v2/pages/", {"type": "news.NewsStoryPage", "search": "draft title nobody"}
        ),
    ):
        assert b"draft" not in response.content.lower()
    assert get(client, f"/api/v2/pages/{story.pk}/")["title"] == published_title


# Filters -----------------------------------------------------------------------------------


def ids(client, endpoint, **params):
    params.setdefault("limit", 50)
    return {item["id"] for item in get(client, f"/api/v2/{endpoint}/", **params)["items"]}


@both_engines
def test_programme_filter(client, migration_page, immunization_page):
    stories = ids(client, "pages", type="news.NewsStoryPage", programme="migration", order="id")
    expected = set(
        NewsStoryPage.objects.live()
        .filter(programmes__translation_key=migration_page.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)[:50]
    )
    assert stories and stories == expected
    # Without a type: stories, case studies, documents' pages... and the programme page itself.
    pages = ids(client, "pages", programme="immunization")
    assert immunization_page.pk in pages and migration_page.pk not in pages
    documents = ids(client, "documents", programme="immunization")
    assert documents == set(
        Resource.objects.listed()
        .filter(programmes__translation_key=immunization_page.translation_key)
        .values_list("pk", flat=True)
    )


@both_engines
def test_country_filter(client):
    stories = ids(client, "pages", type="news.NewsStoryPage", country="gr")
    assert stories == set(
        NewsStoryPage.objects.live().filter(country="GR").values_list("pk", flat=True)
    )
    # A document about several countries is found under each of them.
    document = Resource.objects.listed().filter(countries__contains=",").first()
    for code in document.countries:
        assert document.pk in ids(client, "documents", country=code.code)
    assert document.pk not in ids(client, "documents", country="IS")


@both_engines
def test_language_and_locale_filters(client):
    french = ids(client, "pages", language="fr")
    assert french == ids(client, "pages", locale="fr")
    assert french and all(
        item["meta"]["locale"] == "fr"
        for item in get(client, "/api/v2/pages/", language="fr", limit=50)["items"]
    )
    ResourceFactory(title="Rapport en français", language="fr")
    documents = get(client, "/api/v2/documents/", language="fr")["items"]
    assert documents and {item["language"] for item in documents} == {"fr"}


@both_engines
def test_type_filters(client):
    case_studies = get(client, "/api/v2/pages/", type="resources.CaseStudyPage", limit=50)["items"]
    assert case_studies and {item["meta"]["type"] for item in case_studies} == {
        "resources.CaseStudyPage"
    }
    toolkits = get(client, "/api/v2/documents/", type="toolkit")["items"]
    assert toolkits and {item["resource_type"] for item in toolkits} == {"toolkit"}
    assert len(toolkits) < get(client, "/api/v2/documents/")["meta"]["total_count"]


@both_engines
def test_date_filters(client):
    stories = get(
        client,
        "/api/v2/pages/",
        type="news.NewsStoryPage",
        date_from="2017-05-08",
        date_to="2017-05-16",
        limit=50,
    )
    dates = {item["date"] for item in stories["items"]}
    assert dates and all("2017-05-08" <= date <= "2017-05-16" for date in dates)
    assert "2017-05-16" in dates and "2017-05-08" in dates
    # A document without a publication date goes by the day it was uploaded.
    undated = ResourceFactory(title="Undated API report", publication_date=None)
    today = undated.created_at.date().isoformat()
    assert undated.pk in ids(client, "documents", date_from=today)
    assert undated.pk not in ids(client, "documents", date_to="2000-01-01")
    old = ids(client, "documents", date_to="2019-12-31")
    assert old and all(Resource.objects.get(pk=pk).date.year <= 2019 for pk in old)


@both_engines
def test_search_and_order(client):
    found = get(client, "/api/v2/pages/", search="polio", limit=50)["items"]
    assert found and len(found) < get(client, "/api/v2/pages/")["meta"]["total_count"]
    assert any("olio" in item["title"] for item in found)
    newest = get(client, "/api/v2/pages/", type="news.NewsStoryPage", order="-date", limit=50)[
        "items"
    ]
    dates = [item["date"] for item in newest]
    assert dates == sorted(dates, reverse=True)
    assert get(client, "/api/v2/documents/", search="zero-dose")["meta"]["total_count"] >= 1


@pytest.mark.parametrize(
    "endpoint, params, words",
    [
        ("pages", {"programme": "nothing"}, "migration"),
        ("pages", {"country": "ZZ"}, "country code"),
        ("pages", {"country": "Greece"}, "country code"),
        ("pages", {"language": "de"}, "en, fr, es, ar"),
        ("pages", {"locale": "xx"}, "en, fr, es, ar"),
        ("pages", {"date_from": "16/05/2017"}, "YYYY-MM-DD"),
        ("pages", {"date_to": "2017-02-30"}, "YYYY-MM-DD"),
        ("pages", {"type": "auth.User"}, "type"),
        ("pages", {"type": "nothing.Here"}, "type"),
        ("pages", {"type": "ifrc_site.HomePage", "country": "GR"}, "cannot be filtered"),
        ("pages", {"owner": "1"}, "unknown query parameter"),
        ("pages", {"limit": "51"}, "50"),
        ("pages", {"limit": "many"}, "limit"),
        ("pages", {"offset": "-1"}, "offset"),
        ("pages", {"order": "owner"}, "order"),
        ("pages", {"child_of": "nine"}, "child_of"),
        ("pages", {"search": "!!!"}, "search"),
        ("pages", {"search_operator": "or"}, "unknown query parameter"),
        ("pages", {"country": "G\x00R"}, "null"),
        ("documents", {"type": "novel"}, "report"),
        ("documents", {"date_from": "yesterday"}, "YYYY-MM-DD"),
        ("documents", {"order": "uploaded_by_user"}, "order"),
        ("images", {"programme": "migration"}, "unknown query parameter"),
        ("images", {"fields": "width("}, "fields"),
    ],
)
def test_a_bad_filter_value_is_a_clear_400(client, endpoint, params, words):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 400, response.content
    assert words in response.json()["message"]


# Methods, CORS, rate limit -----------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, method, story):
    for url in ("/api/v2/pages/", f"/api/v2/pages/{story.pk}/", "/api/v2/documents/"):
        response = getattr(client, method)(
            url, {"title": "Changed"}, content_type="application/json"
        )
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert "read-only" in response.json()["message"]
    assert NewsStoryPage.objects.get(pk=story.pk).title == story.title


def test_head_answers_like_get(client):
    response = client.head("/api/v2/pages/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_any_site_may_read_the_api_but_not_the_pages(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://partner.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v2/documents/",
        HTTP_ORIGIN="https://partner.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in preflight
    # The rest of the site sends no CORS header.
    for url in ("/en/", "/en/news/", "/sitemap.xml"):
        page = client.get(url, HTTP_ORIGIN="https://partner.example.org")
        assert "Access-Control-Allow-Origin" not in page, url
    assert "Access-Control-Allow-Origin" not in client.options("/en/news/")


def test_the_api_sets_no_cookie_and_reads_no_sign_in(client, admin_client, migration_page):
    anonymous = client.get("/api/v2/pages/", {"limit": 50})
    assert not anonymous.cookies
    assert admin_client.get("/api/v2/pages/", {"limit": 50}).json() == anonymous.json()


def test_too_many_requests_from_one_address_get_a_json_429(client, settings, monkeypatch):
    settings.API_RATE_LIMIT_PER_MINUTE = 3
    # The limiter's clock stands still, 20 seconds into a minute (see test_cache_keys.py).
    monkeypatch.setattr(
        "ifrc_site.security.throttle.time", SimpleNamespace(time=lambda: 60 * 28_000_000 + 20)
    )
    for _ in range(3):
        assert client.get("/api/v2/pages/").status_code == 200
    response = client.get("/api/v2/documents/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    assert "try again in" in response.json()["message"]
    assert response["Cache-Control"] == "no-store"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v2/pages/99999999/").status_code == 429
    # Another address is not affected.
    assert client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.7").status_code == 200


# The page cache ----------------------------------------------------------------------------


def test_the_page_cache_never_keeps_the_api_and_an_unpublished_story_leaves_it_at_once(
    client, story
):
    url = f"/api/v2/pages/{story.pk}/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "no-cache"
    # Parameters the site's pages never read are answered, not redirected away.
    assert client.get("/api/v2/pages/", {"limit": 1, "offset": 2}).status_code == 200
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    listing = {"type": "news.NewsStoryPage", "limit": 50, "country": "GR"}
    assert story.pk in ids(client, "pages", **listing)
    story.unpublish()
    assert client.get(url).status_code == 404
    assert story.pk not in ids(client, "pages", **listing)
    assert story.pk not in ids(client, "pages", search="Thessaloniki")
    # Revalidating costs the partner nothing when nothing changed.
    etag = client.get("/api/v2/documents/")["ETag"]
    assert client.get("/api/v2/documents/", HTTP_IF_NONE_MATCH=etag).status_code == 304


# Query counts ------------------------------------------------------------------------------


@both_engines
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": "news.NewsStoryPage", "fields": "*"},
        {"type": "resources.CaseStudyPage", "fields": "*"},
        {"programme": "migration", "fields": "*"},
    ],
)
def test_pages_listing_queries_stay_the_same_as_content_grows(
    client, params, migration_page, django_assert_max_num_queries
):
    url = "/api/v2/pages/"
    params = {"limit": 50, "order": "-id", **params}
    get(client, url, **params)  # the site's root paths and content types, once per process
    connection.queries_log.clear()  # a full log would count nothing
    with CaptureQueriesContext(connection) as before:
        total = get(client, url, **params)["meta"]["total_count"]
    budget = len(before)
    assert budget > 0
    locale = Locale.get_default()
    index = NewsIndexPage.objects.get(locale=locale)
    section = CaseStudySectionPage.objects.filter(locale=locale).first()
    for number in range(3):
        story = NewsStoryPageFactory(
            parent=index, title=f"Another API story {number}", slug=f"api-story-{number}"
        )
        story.programmes.add(migration_page)
        story.save_revision().publish()
        case_study = CaseStudyPageFactory(
            parent=section,
            title=f"Another API case study {number}",
            slug=f"api-case-study-{number}",
            programme=migration_page,
        )
        case_study.save_revision().publish()
    get(client, url, **params)  # what publishing emptied: fragments of the new generation
    connection.queries_log.clear()
    with django_assert_max_num_queries(budget):
        listing = get(client, url, **params)
    assert listing["meta"]["total_count"] >= total + 3
    assert len(listing["items"]) == min(listing["meta"]["total_count"], 50)


@both_engines
def test_documents_listing_queries_stay_the_same_as_the_library_grows(
    client, django_assert_max_num_queries
):
    params = {"limit": 50, "fields": "*"}
    get(client, "/api/v2/documents/", **params)
    connection.queries_log.clear()  # a full log would count nothing
    with CaptureQueriesContext(connection) as before:
        total = get(client, "/api/v2/documents/", **params)["meta"]["total_count"]
    budget = len(before)
    assert budget > 0
    for number in range(5):
        ResourceFactory(title=f"Another API report {number}")
    get(client, "/api/v2/documents/", **params)  # the gate's collection ids, once per generation
    connection.queries_log.clear()
    with django_assert_max_num_queries(budget):
        assert get(client, "/api/v2/documents/", **params)["meta"]["total_count"] == total + 5

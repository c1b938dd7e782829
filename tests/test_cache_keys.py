"""A page cache nobody can bypass or flush from outside.

The key is built from what changes a page (scheme, host, path, the known query parameters in a
fixed order, low-data mode); made-up parameters are sent to the clean address; a session cookie
that is not a signed-in user's is ignored; methods other than GET and HEAD are answered without
rendering; pages and filtered addresses live in their own stores; search has a rate limit.
"""

from types import SimpleNamespace

from django.core.cache import caches
from django.template.response import SimpleTemplateResponse

import pytest

from ifrc_site.caching import pagecache as page_cache
from ifrc_site.listing import ListingFilterSet
from ifrc_site.search.engine import FACET_LABELS
from news.models import NewsFilterSet
from resources.models import CaseStudyFilterSet, ResourceFilterSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """Counts the pages actually rendered (cache misses reaching the view)."""
    count = {"n": 0}
    original = SimpleTemplateResponse.render

    def counting(self):
        if not self.is_rendered:
            count["n"] += 1
        return original(self)

    monkeypatch.setattr(SimpleTemplateResponse, "render", counting)
    return count


def test_unknown_parameters_are_sent_to_the_clean_address(client):
    response = client.get("/en/news/", {"utm_source": "newsletter", "programme": "migration"})
    assert response.status_code == 302
    assert response["Location"] == "/en/news/?programme=migration"
    assert client.get("/en/news/?x=1")["Location"] == "/en/news/"


def test_made_up_parameters_render_nothing(client, migration_page, renders):
    client.get(migration_page.url)
    rendered = renders["n"]
    assert rendered == 1
    for number in range(50):
        response = client.get(migration_page.url, {f"x{number}": "1"})
        assert response.status_code == 302
    assert renders["n"] == rendered


def test_known_parameters_in_any_order_share_one_entry(client):
    first = client.get("/en/news/?year=2019&programme=migration")
    assert first["X-Page-Cache"] == "miss"
    second = client.get("/en/news/?programme=migration&year=2019")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_repeated_parameter_keys_by_the_value_the_page_reads(client):
    """The filters read the last value of a parameter; so does the key."""
    kenya = client.get("/en/news/?country=GR&country=KE")
    greece = client.get("/en/news/?country=KE&country=GR")
    assert greece["X-Page-Cache"] == "miss"
    assert kenya.content != greece.content


def test_every_parameter_a_page_reads_is_known():
    """If a listing or the search gained a filter, the cache would redirect it away."""
    names = set(FACET_LABELS) | {"q", "page"}
    for filterset in (ListingFilterSet, NewsFilterSet, ResourceFilterSet, CaseStudyFilterSet):
        names |= set(filterset.base_filters)
    assert names <= page_cache.PAGE_QUERY_PARAMETERS, names - page_cache.PAGE_QUERY_PARAMETERS


def test_scheme_is_part_of_the_key(client, migration_page):
    assert client.get(migration_page.url)["X-Page-Cache"] == "miss"
    secure = client.get(migration_page.url, secure=True)
    assert secure["X-Page-Cache"] == "miss"
    assert client.get(migration_page.url, secure=True)["X-Page-Cache"] == "hit"


def test_made_up_session_cookie_is_served_from_the_cache(client, migration_page, renders):
    assert client.get(migration_page.url)["X-Page-Cache"] == "miss"
    client.cookies["sessionid"] = "made-up-session-key-1234567890abcdef"
    rendered = renders["n"]
    assert rendered == 1
    response = client.get(migration_page.url)
    assert response["X-Page-Cache"] == "hit"
    assert renders["n"] == rendered


def test_made_up_session_cookie_on_a_miss_fills_the_cache(client, migration_page):
    client.cookies["sessionid"] = "made-up-session-key-1234567890abcdef"
    first = client.get(migration_page.url)
    assert first["X-Page-Cache"] == "miss"
    assert "sessionid" not in first.cookies  # nothing set, so the response can be cached
    assert client.get(migration_page.url)["X-Page-Cache"] == "hit"


def test_signed_in_editors_still_bypass_the_cache(admin_client, migration_page):
    admin_client.get(migration_page.url)
    assert "X-Page-Cache" not in admin_client.get(migration_page.url)


@pytest.mark.parametrize("method", ["options", "post", "put", "delete", "patch"])
def test_other_methods_are_answered_without_rendering(client, migration_page, method, renders):
    for url in (migration_page.url, "/en/search/?q=health"):
        response = getattr(client, method)(url)
        if method == "options":
            assert response.status_code == 200
        else:
            assert response.status_code == 405
        assert "GET" in response["Allow"]
    assert renders["n"] == 0
    client.get(migration_page.url)
    assert renders["n"] == 1  # the counter counts


def test_head_is_served_like_get(client, migration_page):
    client.get(migration_page.url)
    response = client.head(migration_page.url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_forms_of_the_admin_and_private_pages_still_take_posts(client):
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 200
    assert client.post("/en/_util/authenticate_with_password/1/1/").status_code != 405


def test_a_flood_of_distinct_addresses_leaves_cached_pages_in_place(
    client, migration_page, immunization_page, home, settings
):
    settings.CACHES = {
        **settings.CACHES,
        # Small stores, so that the flood (three times the size of each) would evict everything
        # if it shared one with pages.
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages-small",
            "OPTIONS": {"MAX_ENTRIES": 20},
        },
        "pages-query": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages-query-small",
            "OPTIONS": {"MAX_ENTRIES": 20},
        },
    }
    plain = [home.url, migration_page.url, immunization_page.url, "/en/news/"]
    for url in plain:
        client.get(url)
    for number in range(300):
        # Made-up parameters are redirected; known ones with made-up values fill only their
        # own store.
        client.get("/en/news/", {f"p{number}": "1"})
        if number % 10 == 0:
            client.get("/en/search/", {"q": f"word{number}"})
            client.get("/en/news/", {"page": str(number)})
    for url in plain:
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_fragments_live_apart_from_pages(settings):
    assert page_cache.page_store_alias([]) == "pages"
    assert page_cache.page_store_alias([("q", "x")]) == "pages-query"
    assert caches["pages"] is not caches["default"]


# Search rate limit -------------------------------------------------------------------------


def test_search_rate_limit_answers_a_friendly_429(client, settings, monkeypatch):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 3
    # The count starts again each minute: a slow run could cross into the next one between
    # the searches, so the limiter's clock stands still, 20 seconds into a minute.
    monkeypatch.setattr(
        "ifrc_site.security.throttle.time", SimpleNamespace(time=lambda: 60 * 28_000_000 + 20)
    )
    for number in range(3):
        assert client.get("/en/search/", {"q": f"polio {number}"}).status_code == 200
    response = client.get("/en/search/", {"q": "polio again"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    assert b"Too many searches" in response.content
    assert response["Cache-Control"] == "no-store"
    # Another address is not affected.
    assert client.get("/en/search/", {"q": "polio"}, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_cached_searches_do_not_count(client, settings):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 2
    for _ in range(5):
        assert client.get("/en/search/", {"q": "polio"}).status_code == 200

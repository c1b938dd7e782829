"""The public page cache: hits, revalidation, purging on every kind of change, and bypasses."""

import datetime
import gzip
import http.server
import socket
import subprocess
import sys
import threading

from django.core.cache import caches
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from ifrc_site.caching import pagecache
from ifrc_site.models import NationalSociety
from news.models import NewsIndexPage, NewsStoryPage
from resources.models import CaseStudySectionPage

from .factories import CaseStudyPageFactory, NewsStoryPageFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_second_anonymous_request_is_served_from_cache(client, migration_page):
    first = get(client, migration_page.url)
    assert first["X-Page-Cache"] == "miss"
    second = get(client, migration_page.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"].startswith("public, max-age=")
    assert second["ETag"] == first["ETag"]
    assert "Last-Modified" in second


def test_browsers_revalidate_with_etag(client, migration_page):
    etag = get(client, migration_page.url)["ETag"]
    response = get(client, migration_page.url, if_none_match=etag)
    assert response.status_code == 304
    assert response.content == b""


def test_feeds_and_listings_are_cached(client):
    for url in ("/en/news/", "/en/news/?programme=migration", "/en/news/feed/rss/"):
        get(client, url)
        assert get(client, url)["X-Page-Cache"] == "hit", url


def test_publishing_a_story_shows_it_on_the_very_next_request(client, home, migration_page):
    for url in ("/en/news/", migration_page.url, "/en/news/feed/rss/"):
        get(client, url)
    story = NewsStoryPageFactory(
        parent=NewsIndexPage.objects.child_of(home).get(),
        title="Boats arrive safely at dawn",
        date=datetime.date.today(),
    )
    story.programmes.set([migration_page])
    story.save_revision().publish()
    for url in ("/en/news/", migration_page.url, "/en/news/feed/rss/"):
        response = get(client, url)
        assert response["X-Page-Cache"] == "miss", url
        assert b"Boats arrive safely at dawn" in response.content, url


def test_unpublishing_and_deleting_purge(client):
    story = NewsStoryPage.objects.live().get(
        slug="thessaloniki-two-families-one-home", locale__language_code="en"
    )
    url = "/en/news/?country=GR&year=2017"
    assert story.title.encode() in get(client, url).content
    story.unpublish()
    assert story.title.encode() not in get(client, url).content

    story.save_revision().publish()
    assert story.title.encode() in get(client, url).content
    assert get(client, url)["X-Page-Cache"] == "hit"
    story.delete()
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert story.title.encode() not in response.content


def test_moving_a_page_purges(client, home):
    story = NewsStoryPage.objects.live().get(
        slug="thessaloniki-two-families-one-home", locale__language_code="en"
    )
    get(client, home.url)
    story.move(home, pos="last-child")
    assert get(client, home.url)["X-Page-Cache"] == "miss"


def test_saving_a_document_or_snippet_purges(client, migration_page):
    get(client, migration_page.url)
    document = ResourceFactory(title="Winter shelter guide", publication_date=datetime.date.today())
    document.programmes.set([migration_page])
    document.save()
    assert b"Winter shelter guide" in get(client, migration_page.url).content

    get(client, "/en/case-studies/")
    society = NationalSociety.objects.get(slug="pakistan-red-crescent", locale__language_code="en")
    society.name = "Pakistan Red Crescent"
    society.save()
    response = get(client, "/en/case-studies/")
    assert response["X-Page-Cache"] == "miss"


def commit_purges(callbacks):
    return [callback for callback in callbacks if getattr(callback, "purges_page_cache", False)]


def test_a_transaction_starts_one_generation_more_when_it_commits_however_many_changes(
    home, django_capture_on_commit_callbacks
):
    news = NewsIndexPage.objects.child_of(home).get()
    with django_capture_on_commit_callbacks() as callbacks:
        generations = {pagecache.generation()}
        for number in range(3):
            NewsStoryPageFactory(parent=news, title=f"Convoy {number}").save_revision().publish()
            generations.add(pagecache.generation())
    # Each change is seen at once (in the request that made it); the commit starts one more.
    assert len(generations) == 4
    (purge,) = commit_purges(callbacks)
    purge()
    assert pagecache.generation() not in generations


def test_a_change_after_a_rolled_back_one_still_purges_when_it_commits(
    home, django_capture_on_commit_callbacks
):
    news = NewsIndexPage.objects.child_of(home).get()
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            NewsStoryPageFactory(parent=news, title="Withdrawn").save_revision().publish()
            raise RuntimeError("rolled back, and its purge with it")
        NewsStoryPageFactory(parent=news, title="Kept").save_revision().publish()
    assert len(commit_purges(callbacks)) == 1


def test_private_section_purges(client, home):
    get(client, "/en/news/")
    news = NewsIndexPage.objects.child_of(home).get()
    PageViewRestriction.objects.create(page=news, restriction_type="login")
    response = get(client, "/en/news/")
    assert response.status_code == 302  # now asks for a login instead of showing the cache


def test_editors_never_read_or_fill_the_cache(client, admin_client, migration_page):
    response = admin_client.get(migration_page.url)
    assert "X-Page-Cache" not in response
    assert get(client, migration_page.url)["X-Page-Cache"] == "miss"
    get(client, migration_page.url)
    response = admin_client.get(migration_page.url)
    assert "X-Page-Cache" not in response


def test_previews_are_never_cached(admin_client, migration_page):
    from django.urls import reverse

    url = reverse("wagtailadmin_pages:view_draft", args=[migration_page.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_errors_and_redirects_are_not_cached(client):
    get(client, "/en/no-such-page/")
    assert "X-Page-Cache" not in get(client, "/en/no-such-page/")
    assert get(client, "/").status_code == 302


def test_html_is_compressed_for_clients_that_accept_it(client, migration_page):
    response = get(client, migration_page.url, accept_encoding="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    plain = get(client, migration_page.url)
    assert len(response.content) < len(plain.content) / 3


def test_unreachable_cache_still_serves_pages(client, migration_page, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        },
    }
    response = get(client, migration_page.url)
    assert response.status_code == 200
    assert b"Our work in migration" in response.content


# A CDN in front ------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def purge_server():
    """A stand-in CDN purge endpoint on this machine that records what it is asked to purge."""
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


def test_publishing_purges_the_cdn(settings, purge_server, home, migration_page):
    location, seen = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    story = NewsStoryPageFactory(
        parent=NewsIndexPage.objects.child_of(home).get(), title="Harbour", slug="harbour"
    )
    story.programmes.set([migration_page])
    story.save_revision().publish()
    assert "/en/news/harbour/" in seen
    assert "/en/news/" in seen and "/en/migration/" in seen and "/en/" in seen
    assert "/en/news/feed/rss/" in seen


def test_saving_a_document_or_publishing_a_case_study_purges_their_feeds_from_the_cdn(
    settings, purge_server, migration_page
):
    location, seen = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    ResourceFactory(title="Port health checklist")
    for path in ("/en/resources/", "/en/resources/feed/rss/", "/en/resources/feed/atom/"):
        assert path in seen, path
    seen.clear()
    section = CaseStudySectionPage.objects.filter(locale=migration_page.locale).first()
    CaseStudyPageFactory(
        parent=section, title="Quayside", slug="quayside", programme=migration_page
    ).save_revision().publish()
    for path in ("/en/case-studies/", "/en/case-studies/feed/rss/", "/en/case-studies/feed/atom/"):
        assert path in seen, path


# Several processes sharing Redis -------------------------------------------------------------


def purge_in_another_process(redis_url, settings):
    """A purge by another process (a second web server, or the admin's) through the shared
    Redis, with production settings."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from ifrc_site.caching.pagecache import purge_all; purge_all('test')",
        ],
        check=True,
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "ifrc_site.settings.production",
            "SECRET_KEY": "other-process",
            "ALLOWED_HOSTS": "localhost",
            "REDIS_URL": redis_url,
        },
    )


def test_a_purge_in_another_process_reaches_this_one(client, migration_page, redis_url, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "ifrc-default",  # as production settings name it
        },
    }
    caches["default"].clear()
    get(client, migration_page.url)
    assert get(client, migration_page.url)["X-Page-Cache"] == "hit"
    # Another process (a second web server, or the admin's) purges through the shared Redis.
    purge_in_another_process(redis_url, settings)
    assert get(client, migration_page.url)["X-Page-Cache"] == "miss"
    caches["default"].clear()


def test_with_every_store_on_one_redis_a_hit_is_one_round_trip(
    client, migration_page, redis_url, settings
):
    """As production sets it up (settings.base: every store on REDIS_URL), a cached page is
    found with the generation in one read of Redis; a purge in another process still makes
    the next request a miss, and each address and variant keeps its own entry."""
    settings.CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"ifrc-{alias}",  # as production settings name them
        }
        for alias in settings.CACHES
    }
    caches["default"].clear()
    first = get(client, migration_page.url)
    assert first["X-Page-Cache"] == "miss"
    redis = caches["default"].client.get_client()
    redis.execute_command("CONFIG", "RESETSTAT")
    hit = get(client, migration_page.url)
    assert hit["X-Page-Cache"] == "hit" and hit.content == first.content
    commands = redis.info("commandstats")
    assert commands["cmdstat_mget"]["calls"] == 1
    assert "cmdstat_get" not in commands, "no other read of Redis"

    client.cookies["lowdata"] = "1"
    low = get(client, migration_page.url)
    assert low["X-Page-Cache"] == "miss" and low.content != first.content
    assert get(client, migration_page.url)["X-Page-Cache"] == "hit"
    del client.cookies["lowdata"]
    assert client.get(migration_page.url, {"page": "2"})["X-Page-Cache"] == "miss"

    purge_in_another_process(redis_url, settings)
    assert get(client, migration_page.url)["X-Page-Cache"] == "miss"
    assert get(client, migration_page.url)["X-Page-Cache"] == "hit"
    caches["default"].clear()


def test_a_miss_reads_only_the_generation_once_this_process_holds_the_fragments(
    client, migration_page, redis_url, settings
):
    """A page rendered afresh (the page cache switched off, as for a filter combination) takes
    its menus, cards and sections from this process's memory once it has served them in the
    generation: Redis is read once, for the generation. After a purge in another process the
    next request reads and fills them again. (Renditions, which have a store of their own, are
    left out.)"""
    settings.CACHES = {
        **settings.CACHES,
        **{
            alias: {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": f"ifrc-{alias}",
            }
            for alias in ("default", "pages", "pages-query")
        },
    }
    settings.PAGE_CACHE_SECONDS = 0
    caches["default"].clear()
    first = client.get(migration_page.url)
    redis = caches["default"].client.get_client()
    redis.execute_command("CONFIG", "RESETSTAT")
    again = client.get(migration_page.url)
    assert again.status_code == 200 and again.content == first.content
    commands = redis.info("commandstats")
    assert commands["cmdstat_get"]["calls"] == 1, "the generation only"
    assert not {"cmdstat_mget", "cmdstat_set", "cmdstat_setex"} & set(commands)

    purge_in_another_process(redis_url, settings)
    redis.execute_command("CONFIG", "RESETSTAT")
    assert client.get(migration_page.url).content == first.content
    commands = redis.info("commandstats")
    assert commands["cmdstat_get"]["calls"] > 1
    assert "cmdstat_setex" in commands or "cmdstat_set" in commands
    caches["default"].clear()


def test_a_fragment_kept_in_memory_is_each_callers_own(monkeypatch):
    """Text comes back as it is; a list comes back as a copy, so that what one request does
    with it never reaches the next. Neither costs a read of the shared cache."""
    computed = []

    def links():
        computed.append(1)
        return [{"href": "/en/", "text": "Home"}]

    assert pagecache.fragment(("test-links",), links) == [{"href": "/en/", "text": "Home"}]
    assert pagecache.fragment(("test-text",), lambda: "<p>text</p>") == "<p>text</p>"
    reads = []
    shared = caches["default"]
    original = shared.get

    def counting(key, *args, **kwargs):
        if key != pagecache.GENERATION_KEY:  # read by each call outside a request
            reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(shared, "get", counting)
    mine = pagecache.fragment(("test-links",), links)
    mine[0]["text"] = "Changed by one request"
    mine.append("more")
    assert pagecache.fragment(("test-links",), links) == [{"href": "/en/", "text": "Home"}]
    assert pagecache.fragment(("test-text",), lambda: "other") == "<p>text</p>"
    assert reads == [] and computed == [1]
    pagecache.purge_all("a page changed")
    assert pagecache.fragment(("test-text",), lambda: "other") == "other"


class NeverChanged:
    """A value that says it is never changed once made (as a search's matches do)."""

    never_changed = True

    def size_in_memory(self):
        return 100


def test_a_fragment_that_is_never_changed_is_kept_in_memory_as_it_is():
    """Not pickled into each caller's copy: the same object, at no cost, for every request of
    the generation; and made again in the next."""
    made = pagecache.fragment(("test-never-changed",), NeverChanged)
    assert pagecache.fragment(("test-never-changed",), NeverChanged) is made
    pagecache.purge_all("a page changed")
    assert pagecache.fragment(("test-never-changed",), NeverChanged) is not made


def test_a_page_request_reads_the_generation_once(client, migration_page, monkeypatch):
    """The menus and fragments of one page request share the generation it started with: one
    read of the shared cache, not one per fragment."""
    client.get(migration_page.url)  # the generation and the fragments are in the cache
    pagecache.purge_all("a page changed")  # a new generation: fragments computed again
    reads = []
    shared = caches["default"]
    original = shared.get

    def counting(key, *args, **kwargs):
        if key == pagecache.GENERATION_KEY:
            reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(shared, "get", counting)
    response = client.get(migration_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert len(reads) == 1


def site_queries(queries):
    return [query["sql"] for query in queries if 'FROM "wagtailcore_site"' in query["sql"]]


def test_a_cache_miss_finds_the_site_without_a_query_until_a_site_changes(client, migration_page):
    """The site a request is for is looked up once per generation in each process
    (ifrc_site/caching/sites.py); saving a site starts a new generation, and the next miss
    reads it again."""
    with CaptureQueriesContext(connection) as first:
        assert client.get(migration_page.url)["X-Page-Cache"] == "miss"
    assert site_queries(first.captured_queries), "the first miss of a generation looks it up"
    with CaptureQueriesContext(connection) as second:
        assert client.get(migration_page.url, {"page": "2"})["X-Page-Cache"] == "miss"
    assert not site_queries(second.captured_queries)
    assert len(second.captured_queries) < len(first.captured_queries)

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed for the test"
    site.save()  # a new generation
    with CaptureQueriesContext(connection) as third:
        response = client.get(migration_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert site_queries(third.captured_queries)
    # Each request has its own copy: what one request's pages remember stays with it.
    request = response.wsgi_request
    assert request._wagtail_site.site_name == "Renamed for the test"
    request._wagtail_site.root_page.title = "Changed by one request"
    later = client.get(migration_page.url, {"page": "3"}).wsgi_request
    assert later._wagtail_site is not request._wagtail_site
    assert later._wagtail_site.root_page.title != "Changed by one request"


def test_with_the_page_cache_off_every_request_is_served_as_a_miss(client, migration_page):
    """PAGE_CACHE_SECONDS=0 stores no page, yet a request costs what a miss costs: the
    generation is read once and the site comes from this process's memo, not a query."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        first = client.get(migration_page.url)
        assert first.status_code == 200 and "X-Page-Cache" not in first
        with CaptureQueriesContext(connection) as again:
            response = client.get(migration_page.url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert not site_queries(again.captured_queries)
        assert response.wsgi_request._wagtail_site is not first.wsgi_request._wagtail_site
        # Nothing was stored: with the cache back on, the next request is a miss.
    assert client.get(migration_page.url)["X-Page-Cache"] == "miss"


def test_a_hit_sends_the_page_compressed_when_it_was_stored(client, migration_page):
    """A stored page keeps its gzip form: a hit sends it as GZipMiddleware would have, without
    compressing the page again, and the page as it is to a client that does not take gzip."""
    url = migration_page.url
    miss = client.get(url, headers={"Accept-Encoding": "gzip, deflate"})
    assert miss["X-Page-Cache"] == "miss" and miss["Content-Encoding"] == "gzip"
    hit = client.get(url, headers={"Accept-Encoding": "gzip, deflate"})
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == gzip.decompress(miss.content)
    assert hit["Content-Length"] == str(len(hit.content))
    for header in ("ETag", "Cache-Control", "Content-Type"):
        assert hit[header] == miss[header], header
    assert "Accept-Encoding" in hit["Vary"]
    assert hit["ETag"].startswith('W/"')
    # Revalidation with the tag the compressed page came with.
    assert client.get(url, headers={"If-None-Match": hit["ETag"]}).status_code == 304

    plain = client.get(url)
    assert plain["X-Page-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert plain.content == gzip.decompress(hit.content)
    assert "Accept-Encoding" in plain["Vary"]


@pytest.mark.parametrize("encoding", ["gzip, deflate", ""])
def test_a_hit_answers_as_the_miss_that_stored_it_without_a_query(
    client, migration_page, django_assert_num_queries, encoding
):
    """The page cache answers before sessions and languages are set up: a hit has every header
    the miss had (the language, framing and referrer policies, Vary...), and runs no query."""
    headers = {"Accept-Encoding": encoding} if encoding else {}
    miss = client.get(migration_page.url, headers=headers)
    with django_assert_num_queries(0):
        hit = client.get(migration_page.url, headers=headers)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert hit.content == miss.content
    assert {**miss.headers, "X-Page-Cache": "hit"} == dict(hit.headers)
    assert hit["Content-Language"] == "en" and "X-Frame-Options" in hit
    assert ("Content-Encoding" in hit) == bool(encoding)

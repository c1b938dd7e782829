"""A purge reaches every server: production settings require the shared cache (Redis), two
separate servers drop a page as soon as it is unpublished, by an editor or by the scheduled
publishing command, and documents whose go-live or expiry time passes change the listings and
search."""

import datetime
import os
import shutil
import signal
import sqlite3
import subprocess
import time
import urllib.request
import uuid
from urllib.error import HTTPError, URLError

from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from wagtail.models import Page

import pytest
import time_machine

from ifrc_site.caching import watch as watch_module
from ifrc_site.caching.pagecache import GENERATION_KEY, generation
from ifrc_site.caching.watch import watch
from news.models import NewsStoryPage

from .factories import ResourceFactory
from .helpers import (
    BASE_DIR,
    PYTHON,
    free_port,
    production_env,
    stop,
    wait_for_port,
    wait_for_socket,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

LIBRARY = "/en/resources/"


def test_production_settings_refuse_to_start_without_a_shared_cache():
    result = subprocess.run(
        [PYTHON, "manage.py", "check"],
        cwd=BASE_DIR,
        env=production_env(REDIS_URL=None),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "REDIS_URL" in result.stderr


def test_a_document_appears_and_goes_when_its_times_pass(client):
    """No one saves anything when a document's go-live or expiry time comes: the generation
    stored at the last purge ends then, and the next request renders the library afresh.
    (The clock is moved by hand, so that a slow or busy machine sees the same. The times are
    ten minutes past an hour: the demo's help points open and close on the half hour, in every
    time zone, so their own changes do not end the generation first.)"""
    next_hour = timezone.now() + datetime.timedelta(hours=1)
    start = next_hour.replace(minute=10, second=0, microsecond=0)
    soon = start + datetime.timedelta(minutes=2)
    with time_machine.travel(start, tick=False) as clock:
        arriving = ResourceFactory(
            title="Flood season checklist",
            publication_date=datetime.date.today(),
            go_live_at=soon,
        )
        leaving = ResourceFactory(
            title="Winter appeal summary", publication_date=datetime.date.today(), expire_at=soon
        )
        client.get(LIBRARY)
        before = client.get(LIBRARY)
        assert before["X-Page-Cache"] == "hit"
        assert arriving.title.encode() not in before.content
        assert leaving.title.encode() in before.content

        clock.move_to(soon - datetime.timedelta(seconds=1))
        assert client.get(LIBRARY)["X-Page-Cache"] == "hit"  # not before its time

        clock.move_to(soon + datetime.timedelta(seconds=1))
        after = client.get(LIBRARY)
        assert after["X-Page-Cache"] == "miss"
        assert arriving.title.encode() in after.content
        assert leaving.title.encode() not in after.content
        assert client.get(LIBRARY)["X-Page-Cache"] == "hit"  # and cached again from then on


def test_search_finds_a_document_when_its_go_live_time_passes_and_not_after_it_expires(client):
    """A search's matches are kept until the generation ends (ifrc_site/search/matches.py):
    when a document's time comes, the same words with another filter or page find it (or no
    longer find it) though nobody saved anything. Times as in the test above."""
    next_hour = timezone.now() + datetime.timedelta(hours=1)
    start = next_hour.replace(minute=10, second=0, microsecond=0)
    soon = start + datetime.timedelta(minutes=2)
    with time_machine.travel(start, tick=False) as clock:
        arriving = ResourceFactory(title="Quokkaflood checklist", go_live_at=soon)
        leaving = ResourceFactory(title="Quokkaflood appeal summary", expire_at=soon)

        def found(**params):
            response = client.get("/en/search/", {"q": "quokkaflood", **params})
            assert response.status_code == 200
            return {
                title
                for title in (arriving.title, leaving.title)
                if title.encode() in response.content
            }

        assert found() == {leaving.title}
        assert found(type="document") == {leaving.title}  # from the kept matches
        clock.move_to(soon + datetime.timedelta(seconds=1))
        assert found(type="document") == {arriving.title}
        assert found(language="all") == {arriving.title}


def test_requests_read_the_next_change_from_the_cache(django_assert_num_queries):
    first = generation()
    with django_assert_num_queries(0):
        assert [generation() for _ in range(5)] == [first] * 5


# Two servers, one database, one Redis ------------------------------------------------------


@pytest.fixture
def shared_cache(redis_url, settings):
    """This process uses the servers' Redis, with the stores named as production names them."""
    settings.CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"ifrc-{alias}",
        }
        for alias in settings.CACHE_ALIASES
    }
    caches["default"].client.get_client().flushdb()
    yield redis_url
    caches["default"].client.get_client().flushdb()


def _watched_generation_key():
    return caches["default"].make_key(GENERATION_KEY)


def test_a_process_knows_the_generation_until_redis_says_it_changed(shared_cache):
    """Each process reads the generation from Redis once and then hears of every change to
    it (watch.py): a change written by another process (here another connection, without
    this process's `purge_all`) is what the very next request reads."""
    generation()  # the cache is empty: this starts a generation
    first = generation()
    assert watch.watching
    assert watch.known(_watched_generation_key()) == caches["default"].get(GENERATION_KEY)
    # Known: no round trip to Redis for it.
    redis = caches["default"].client.get_client()
    before = redis.info("stats")["total_commands_processed"]
    assert [generation() for _ in range(5)] == [first] * 5
    assert redis.info("stats")["total_commands_processed"] - before == 1  # the INFO itself
    for changed in (first + 1, first + 2):
        caches["default"].set(GENERATION_KEY, (changed, None), timeout=None)
        assert generation() == changed
    # The cache emptied: a generation is started and read again.
    redis.flushdb()
    assert generation() not in (first + 1, first + 2)


def test_a_lost_watch_reads_the_generation_from_redis_until_it_watches_again(shared_cache):
    generation()
    first = generation()
    assert watch.watching
    redis = caches["default"].client.get_client()
    assert redis.client_kill_filter(_type="pubsub") == 1  # the watch's connection, cut
    caches["default"].set(GENERATION_KEY, (first + 1, None), timeout=None)
    assert generation() == first + 1  # heard nothing, but reads Redis
    assert not watch.watching
    caches["default"].set(GENERATION_KEY, (first + 2, None), timeout=None)
    assert generation() == first + 2


def test_a_process_that_hears_nothing_reads_the_generation_again_within_seconds(
    shared_cache, monkeypatch
):
    """A server cut off from Redis without its connection closing hears of no change: it
    trusts what it read for TRUST_SECONDS at most (here made shorter), then reads again."""
    monkeypatch.setattr(watch_module, "TRUST_SECONDS", 0.3)
    generation()
    first = generation()
    assert watch.watching
    monkeypatch.setattr(watch.connection, "can_read", lambda timeout=0: False)  # deaf
    caches["default"].set(GENERATION_KEY, (first + 1, None), timeout=None)
    assert generation() == first  # not heard, and read less than TRUST_SECONDS ago
    time.sleep(0.4)
    assert generation() == first + 1


def test_a_redis_without_client_tracking_is_read_at_every_request(settings, tmp_path):
    """A Redis that refuses CLIENT (as one before version 6, or a proxy, would refuse
    tracking): no watch, and every request reads the generation, so every change is seen."""
    socket_path = tmp_path / "redis.sock"
    process = subprocess.Popen(
        [shutil.which("redis-server"), "--port", "0", "--unixsocket", str(socket_path)]
        + ["--save", "", "--appendonly", "no", "--rename-command", "CLIENT", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_socket(socket_path, process, 10)
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": f"unix://{socket_path}?db=0",
            }
        }
        generation()
        first = generation()
        assert not watch.watching
        for changed in (first + 1, first + 2):
            caches["default"].set(GENERATION_KEY, (changed, None), timeout=None)
            assert generation() == changed
    finally:
        stop(process)


def test_a_page_served_from_this_process_s_memory_goes_with_the_generation(shared_cache, client):
    """With the generation known, a cached page comes from this process's memory; a new
    generation written elsewhere makes it a miss at the next request."""
    assert client.get("/en/").headers["X-Page-Cache"] == "miss"
    assert client.get("/en/").headers["X-Page-Cache"] == "hit"  # the generation, read once
    redis = caches["default"].client.get_client()
    before = redis.info("stats")["total_commands_processed"]
    assert client.get("/en/").headers["X-Page-Cache"] == "hit"
    assert redis.info("stats")["total_commands_processed"] - before == 1  # the INFO itself
    caches["default"].set(GENERATION_KEY, (generation() + 1, None), timeout=None)
    assert client.get("/en/").headers["X-Page-Cache"] == "miss"


def _postgres_url(settings_dict, name):
    user, password = settings_dict["USER"], settings_dict["PASSWORD"]
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or "5432"
    credentials = f"{user}:{password}@" if password else f"{user}@"
    return f"postgres://{credentials}{host}:{port}/{name}"


@pytest.fixture
def shared_database(tmp_path):
    """A copy of the test database (the demo site) that other processes can open: a SQLite
    file, or a new PostgreSQL database. This process uses it too while the test runs, outside
    the test's transaction, so that what it writes is what the servers read."""
    original = connections["default"]
    original.ensure_connection()
    settings_dict = dict(original.settings_dict)
    if original.vendor == "postgresql":
        name = f"purge_{uuid.uuid4().hex[:12]}"
        with original._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        source = _postgres_url(settings_dict, settings_dict["NAME"])
        url = _postgres_url(settings_dict, name)
        dump = subprocess.Popen(
            ["pg_dump", "--no-owner", "--dbname", source], stdout=subprocess.PIPE
        )
        subprocess.run(
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "--dbname", url],
            stdin=dump.stdout,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        dump.stdout.close()
        assert dump.wait() == 0
        settings_dict["NAME"] = name
    else:
        path = tmp_path / "shared.sqlite3"
        copy = sqlite3.connect(path)
        original.connection.backup(copy)
        copy.close()
        url = f"sqlite:///{path}"
        settings_dict["NAME"] = str(path)
    shared = original.__class__(settings_dict, alias="default")
    connections["default"] = shared
    try:
        yield url
    finally:
        shared.close()
        connections["default"] = original
        if original.vendor == "postgresql":
            with original._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def two_servers(shared_database, shared_cache, tmp_path):
    """Two gunicorn servers, one worker each, on production settings (static files served from
    their sources, as nothing is collected here), sharing the database and Redis."""
    (tmp_path / "servers_settings.py").write_text(
        "from ifrc_site.settings.production import *  # noqa: F403\n"
        "STORAGES = {**STORAGES, 'staticfiles': "  # noqa: F405
        "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
    )
    env = production_env(
        DJANGO_SETTINGS_MODULE="servers_settings",
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(BASE_DIR)]),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=shared_database,
        REDIS_URL=shared_cache,
        MEDIA_ROOT=str(tmp_path / "media"),
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        LOG_LEVEL="WARNING",
    )
    servers = []
    try:
        for number in (1, 2):
            port = free_port()
            log = tmp_path / f"server-{number}.log"
            with log.open("w") as output:
                process = subprocess.Popen(
                    [
                        str(BASE_DIR / ".venv" / "bin" / "gunicorn")
                        if (BASE_DIR / ".venv" / "bin" / "gunicorn").exists()
                        else shutil.which("gunicorn"),
                        "ifrc_site.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                        "--no-control-socket",
                    ],
                    cwd=BASE_DIR,
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            servers.append((process, port, log))
        for process, port, log in servers:
            wait_for_port(port, process, 60, log)
        yield [f"http://127.0.0.1:{port}" for _, port, _ in servers]
    finally:
        for process, _, _ in servers:
            stop(process, signal.SIGINT)  # gunicorn's quick shutdown


def fetch(url):
    """The status and X-Page-Cache header of a plain GET."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers.get("X-Page-Cache")
    except HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache")
    except URLError as error:
        raise AssertionError(f"{url}: {error}") from error


def cached_on_both(servers, path):
    for base in servers:
        assert fetch(base + path) == (200, "miss"), base
        assert fetch(base + path) == (200, "hit"), base


def a_story():
    return NewsStoryPage.objects.live().filter(locale__language_code="en").first()


def test_unpublishing_reaches_both_servers(two_servers):
    story = a_story()
    path = story.url
    cached_on_both(two_servers, path)
    story.unpublish()
    for base in two_servers:
        assert fetch(base + path)[0] == 404, base


def test_a_scheduled_unpublish_reaches_both_servers(two_servers):
    story = a_story()
    path = story.url
    cached_on_both(two_servers, path)
    # As when its expiry time has passed and the command has not yet run: both still serve it.
    Page.objects.filter(pk=story.pk).update(expire_at=timezone.now() - datetime.timedelta(1))
    for base in two_servers:
        assert fetch(base + path) == (200, "hit"), base
    call_command("publish_scheduled", verbosity=0)
    for base in two_servers:
        assert fetch(base + path)[0] == 404, base

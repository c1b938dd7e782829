"""The site survives its dependencies failing: a cache that is down, a database that is
unreachable (and comes back), missing media files. Each fault is real: a closed port, a
database file that has gone, files deleted from disk."""

import sqlite3
from contextlib import contextmanager

from django.core.cache import cache, caches
from django.core.files.base import ContentFile
from django.db import close_old_connections, connections

import pytest

from ifrc_site.models import SiteImage

from .factories import ResourceFactory
from .helpers import closed_port

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

PAGES = ["/en/", "/en/migration/", "/en/news/?programme=migration", "/en/resources/"]


# Cache ------------------------------------------------------------------------------------


def test_pages_serve_uncached_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    from django.core.cache import cache

    cache.set("probe", "stored")
    assert cache.get("probe") is None  # the cache really is down, and says nothing
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url


# Database ---------------------------------------------------------------------------------


class Outage:
    """A connection of its own, as a server process has, to the test database; `fail()` makes
    the database unreachable for it, `recover()` brings it back at the same address.

    PostgreSQL: the connection's port is closed. SQLite: the folder holding the database file
    is renamed away (a copy of the test database, made with SQLite's backup API)."""

    def __init__(self, tmp_path):
        self.original = connections["default"]
        self.settings_dict = dict(self.original.settings_dict)
        if self.original.vendor == "sqlite":
            self.folder = tmp_path / "data"
            self.folder.mkdir()
            path = self.folder / "site.sqlite3"
            self.original.ensure_connection()
            copy = sqlite3.connect(path)
            self.original.connection.backup(copy)
            copy.close()
            self.settings_dict["NAME"] = str(path)
        self.port = self.settings_dict.get("PORT")
        self.wrapper = self.original.__class__(self.settings_dict, alias="default")

    def fail(self):
        self.wrapper.close()
        if self.original.vendor == "sqlite":
            self.folder.rename(self.folder.with_name("gone"))
        else:
            self.wrapper.settings_dict["PORT"] = closed_port()

    def recover(self):
        if self.original.vendor == "sqlite":
            self.folder.with_name("gone").rename(self.folder)
        else:
            self.wrapper.settings_dict["PORT"] = self.port


@contextmanager
def own_connection(tmp_path):
    outage = Outage(tmp_path)
    connections["default"] = outage.wrapper
    try:
        yield outage
    finally:
        outage.wrapper.close()
        connections["default"] = outage.original


def test_database_outage_gives_a_static_503_and_recovers_by_itself(client, tmp_path):
    client.raise_request_exception = False
    with own_connection(tmp_path) as outage:
        assert client.get("/en/migration/").status_code == 200
        # Pages already in the page cache keep being served through an outage; test the rest.
        cache.clear()

        outage.fail()
        for url in [*PAGES, "/en/no-such-page/", "/sitemap.xml", "/documents/1/report.pdf"]:
            response = client.get(url)
            assert response.status_code == 503, url
            assert response["Retry-After"].isdigit()
            assert response["Cache-Control"] == "no-store"
            body = response.content.decode()
            assert "back in a moment" in body
            assert "Traceback" not in body and "OperationalError" not in body

        outage.recover()  # no restart, nothing done to the site: the next request reconnects
        for url in PAGES:
            assert client.get(url).status_code == 200, url


def test_a_dropped_persistent_connection_is_replaced(client, settings, tmp_path):
    """With persistent connections, a connection the database server has dropped is noticed
    by the health check and replaced without a visitor seeing an error."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("Server-side connection drops are a PostgreSQL matter")
    original = connections["default"]
    with own_connection(tmp_path) as outage:
        outage.wrapper.settings_dict["CONN_MAX_AGE"] = 600
        outage.wrapper.settings_dict["CONN_HEALTH_CHECKS"] = True
        assert client.get("/en/").status_code == 200
        pid = outage.wrapper.connection.info.backend_pid
        with original.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        # A server calls this at the start of every request; Django's test client does not.
        close_old_connections()
        cache.clear()  # render the page, rather than serve it from the page cache
        assert client.get("/en/").status_code == 200
        assert outage.wrapper.connection.info.backend_pid != pid


# Media ------------------------------------------------------------------------------------


@contextmanager
def file_gone(field_file):
    """Delete a file for the length of a test; put it back afterwards for the other tests."""
    storage, name = field_file.storage, field_file.name
    with storage.open(name, "rb") as stored:
        data = stored.read()
    storage.delete(name)
    try:
        yield
    finally:
        if not storage.exists(name):
            storage.save(name, ContentFile(data))


def test_a_missing_media_file_is_a_404(client):
    image = SiteImage.objects.exclude(file="").first()
    rendition = image.get_rendition("width-200")
    assert client.get(rendition.url).status_code == 200
    with file_gone(rendition.file):
        assert client.get(rendition.url).status_code == 404
    assert client.get("/media/images/no-such-picture.jpg").status_code == 404


def test_a_missing_document_file_is_a_404(client):
    document = ResourceFactory()
    document.file.storage.delete(document.file.name)
    response = client.get(document.url)
    assert response.status_code == 404
    assert b"We can't find that page" in response.content


def test_a_missing_image_original_still_renders_the_page(client, migration_page):
    image = migration_page.hero_image
    image.renditions.all().delete()  # nothing ready-made: the page must make them again
    caches["renditions"].clear()  # (nor kept in memory by an earlier test of this process)
    with file_gone(image.file):
        response = client.get(migration_page.url)
    assert response.status_code == 200
    assert b"Our work in migration" in response.content

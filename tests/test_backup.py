"""Backup and restore round-trip the demo site: every page's text and every file's bytes."""

import hashlib
import tarfile
import uuid
from contextlib import contextmanager
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from ifrc_site.models import SiteImage
from news.models import NewsStoryPage
from resources.models import Resource

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def visible_text(html):
    soup = BeautifulSoup(html, "lxml")
    for element in soup(["script", "style"]):
        element.decompose()  # not read: the JSON-LD names renditions, made afresh after a restore
    for element in soup.select(".help-card__status"):
        # A help point's opening status ("Open now, until 21:00", "opens tomorrow at 09:00")
        # changes with the clock, not with a restore: the two snapshots, up to a minute apart,
        # may fall either side of an opening or closing time, or of midnight where it stands.
        element.decompose()
    return " ".join(soup.get_text(" ").split())


def database_content():
    """Every row of every table the site's models keep, as dumpdata writes them."""
    out = StringIO()
    call_command("dumpdata", format="json", indent=0, stdout=out)
    return out.getvalue()


def snapshot(client):
    """What the site holds and serves: every row of its database, the text of one live page of
    each type as a visitor reads it, and the hash of each file a visitor can download."""
    cache.clear()
    pages = {}
    one_of_each_type = {}
    for page in Page.objects.live().exclude(depth=1).order_by("path"):
        one_of_each_type.setdefault((page.content_type_id, page.locale_id), page)
    for page in one_of_each_type.values():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        pages[page.url] = visible_text(response.content)
    files = {}
    for document in Resource.objects.all():
        response = client.get(document.url)
        assert response.status_code == 200, document.url
        files[document.url] = hashlib.sha256(b"".join(response.streaming_content)).hexdigest()
    for image in SiteImage.objects.all():
        with image.file.open("rb") as original:
            files[image.file.name] = hashlib.sha256(original.read()).hexdigest()
    return database_content(), pages, files


@contextmanager
def scratch_database(tmp_path):
    """An empty database of the same kind, standing in for a new server's."""
    original = connections["default"]
    settings_dict = dict(original.settings_dict)
    if original.vendor == "postgresql":
        name = f"restore_{uuid.uuid4().hex[:12]}"
        with original._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        settings_dict["NAME"] = name
    else:
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    scratch = original.__class__(settings_dict, alias="default")
    connections["default"] = scratch
    try:
        yield scratch
    finally:
        scratch.close()
        connections["default"] = original
        if original.vendor == "postgresql":
            with original._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')


def test_backup_and_restore_round_trip_the_demo_site(client, settings, tmp_path):
    # The backup comes first, as from its own process: before this test writes anything.
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", output=archive, stdout=StringIO())
    assert archive.exists()
    expected_rows, expected_pages, expected_files = snapshot(client)
    assert len(expected_pages) > 30 and len(expected_files) > 30

    settings.MEDIA_ROOT = str(tmp_path / "restored-media")
    with scratch_database(tmp_path):
        call_command("restore_site", archive, interactive=False, stdout=StringIO())
        rows, pages, files = snapshot(client)
        assert rows == expected_rows  # (compared as one text: a difference shows its place)
        assert (pages, files) == (expected_pages, expected_files)

        # Restoring over a damaged site brings back what was lost, and only that. (Everything
        # was compared just above; here the damaged ones, and the counts, are enough.)
        story = NewsStoryPage.objects.live().order_by("path").first()
        story_url = story.url
        document = Resource.objects.first()
        document_url = document.url
        document.file.delete()
        story.delete()
        (tmp_path / "restored-media" / "stray.txt").write_text("not in the backup")
        call_command("restore_site", archive, interactive=False, stdout=StringIO())
        cache.clear()
        assert visible_text(client.get(story_url).content) == expected_pages[story_url]
        response = client.get(document_url)
        assert response.status_code == 200
        digest = hashlib.sha256(b"".join(response.streaming_content)).hexdigest()
        assert digest == expected_files[document_url]
        assert database_content() == expected_rows
        assert Resource.objects.count() + SiteImage.objects.count() == len(expected_files)
        assert not (tmp_path / "restored-media" / "stray.txt").exists()


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        (tmp_path / "note.txt").write_text("hello")
        archive.add(tmp_path / "note.txt", arcname="note.txt")
    with pytest.raises(CommandError, match="not a site backup"):
        call_command("restore_site", bogus, interactive=False)

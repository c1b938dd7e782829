"""The test database with the demo site: prepared once per test run, copied for each process.

Migrating an empty database, loading the demo content and making the pictures' renditions take
most of a test session's set-up. A run does them once, into a template: a PostgreSQL database,
or a SQLite file, with the demo's files beside it in a folder the run's processes share. Each
test process (one per pytest-xdist worker, or the one process of a plain run) then gets its own
test database as a copy of the template (PostgreSQL's `CREATE DATABASE ... TEMPLATE`, SQLite's
backup API into the usual in-memory test database) and its own copy of the files. The first
process to get there builds the template while the others wait for it (a file lock); the
process that started the run removes it at the end.

The template also holds every rendition the site's pages, listings and feeds show, made once
as publishing makes them in production, so no test waits for one.
"""

import fcntl
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test import override_settings

from wagtail.models import Page

from ifrc_site.caching import renditions

ALIAS = "default"


def new_run_folder():
    return Path(tempfile.mkdtemp(prefix="ifrc-test-demo-"))


def template_name(folder):
    """The PostgreSQL template's name: the database's, and this run's folder (the same in
    every process of the run: asked before the process's test database replaces the name)."""
    name = connections[ALIAS].settings_dict["NAME"]
    return f"test_{name}_demo_{folder.name.rsplit('-', 1)[-1]}"[:63]


@contextmanager
def connection_to(name):
    """This process's default connection, pointed at another database for a while."""
    original = connections[ALIAS]
    wrapper = original.__class__({**original.settings_dict, "NAME": name}, alias=ALIAS)
    connections[ALIAS] = wrapper
    try:
        yield wrapper
    finally:
        wrapper.close()
        if wrapper.connection is not None:  # Django keeps in-memory SQLite databases open
            wrapper.connection.close()
        connections[ALIAS] = original


def make_every_rendition():
    """The renditions of every picture each live page shows, as publishing makes them (the
    test settings turn that off while the demo is loaded): the sizes of its page, of the cards
    that list it and of the picture a shared link or a feed shows."""
    for page in Page.objects.live().specific().exclude(depth=1):
        renditions.make_renditions(page)


def build(folder, vendor):
    """Migrate a new database, load the demo and make the renditions; files go to `folder`."""
    media = folder / "media"
    with override_settings(MEDIA_ROOT=str(media), DEMO_CREDENTIALS_FILE=folder / "demo-login"):
        if vendor == "postgresql":
            name = template_name(folder)
            with connections[ALIAS]._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
                cursor.execute(f'CREATE DATABASE "{name}"')
        else:
            # Built in memory (quicker than on disk), then written to a file for the others.
            name = f"file:ifrc_demo_{folder.name}?mode=memory&cache=shared"
        with connection_to(name) as wrapper:
            call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
            call_command("load_demo_content", allow_production=True, verbosity=0)
            make_every_rendition()
            if vendor == "sqlite":
                target = sqlite3.connect(folder / "demo.sqlite3")
                wrapper.connection.backup(target)
                target.close()
    for alias in settings.CACHES:
        caches[alias].clear()


def prepare(folder):
    """The template of this run, built by whichever process comes first."""
    vendor = connections[ALIAS].vendor
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "ready").exists():
            build(folder, vendor)
            (folder / "ready").touch()


def create_test_database(folder):
    """This process's test database, a copy of the template, and its copy of the files, as
    django.test.utils.setup_databases() would leave them (returns what teardown_databases()
    needs)."""
    prepare(folder)
    connection = connections[ALIAS]
    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    test_name = creation._get_test_db_name()
    if connection.vendor == "postgresql":
        template = template_name(folder)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{test_name}"')
            cursor.execute(f'CREATE DATABASE "{test_name}" TEMPLATE "{template}"')
    connection.close()
    settings.DATABASES[ALIAS]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        if not creation.is_in_memory_db(test_name):
            raise RuntimeError(f"the SQLite test database is expected in memory, not {test_name}")
        source = sqlite3.connect(folder / "demo.sqlite3")
        source.backup(connection.connection)
        source.close()
    shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    shutil.copyfile(folder / "demo-login", settings.DEMO_CREDENTIALS_FILE)
    return [(connection, old_name, True)]


def remove(folder):
    """The template and the folder, once every process of the run has finished."""
    if (folder / "ready").exists() and connections[ALIAS].vendor == "postgresql":
        with connections[ALIAS]._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{template_name(folder)}" WITH (FORCE)')
    shutil.rmtree(folder, ignore_errors=True)

"""Test set-up shared by every module.

The demo site is loaded once per test run into a template database, which each test process
copies (tests/demo_database.py); each test then runs in its own transaction, rolled back
afterwards, so page tests see real content without each test paying for it. Tests that need
something specific build it with the factories.

Which engine: production runs on PostgreSQL, so `make test` runs the whole suite there, and
on SQLite (`make run`'s database) only the tests marked `both_engines`. A module (or test)
is marked both_engines when what it checks depends on the database engine: search (SQLite's
FTS5 or PostgreSQL's full-text backend), backup and restore (each engine's own dump), raw SQL,
ordering, collation, date and time lookups (listing filters, scheduled publishing), the
querysets of the doors to documents and pages, query-count budgets, bulk content and data
migrations. Everything else (rendering, the browser journeys, the bad-input corpus, security
headers, permissions through the admin's views, uploads, caching) runs once, on PostgreSQL.

In parallel (pytest-xdist, `-n N`, as `make test` runs): each worker has its own copy of the
database; the browser tests go to two workers (the layout's tests and screenshots to one, the
rest to the other), which run nothing after them (their live server commits what they do, and
Playwright's event loop stays open until the session ends).
"""

import gc
import os
import shutil
import subprocess
from pathlib import Path

from django.http import HttpRequest
from django.test import Client
from django.test.utils import teardown_databases

from wagtail.models import Locale, Page

import pytest
from pytest_django.plugin import blocking_manager_key

from ifrc_site.models import HomePage
from immunization.models import ImmunizationPage
from migration.models import MigrationPage

from . import demo_database
from .helpers import empty_caches, stop, wait_for_socket

# The cluster test starts the site as several processes (tests/cluster/): only `make
# cluster-test` collects it.
collect_ignore = [] if os.environ.get("CLUSTER_TEST") else ["cluster"]

BROWSER_GROUP = "browser"
BROWSER_TESTS = "tests/browser/"
# The layout's tests and the screenshot comparisons: a second group, in a process of its own.
SCREENS_GROUP = "browser-screens"
SCREENS_TESTS = ("tests/browser/test_screens.py", "tests/browser/test_screenshots.py")
RUN_FOLDER = pytest.StashKey()
RAN_BROWSER_TESTS = pytest.StashKey()


def pytest_configure(config):
    """The folder this run's processes share (the demo database's template): made by the
    process that started the run, handed to xdist's workers (pytest_configure_node)."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        config.stash[RUN_FOLDER] = demo_database.new_run_folder()
    else:
        config.stash[RUN_FOLDER] = Path(workerinput["ifrc_run_folder"])


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    node.workerinput["ifrc_run_folder"] = str(node.config.stash[RUN_FOLDER])


def pytest_unconfigure(config):
    if RUN_FOLDER in config.stash and not hasattr(config, "workerinput"):
        with config.stash[blocking_manager_key].unblock():
            demo_database.remove(config.stash[RUN_FOLDER])


def pytest_collection_modifyitems(config, items):
    """Browser tests last: they commit what they do through the live server, and Playwright's
    event loop stays open in their process until the session ends."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


def pytest_collection_finish(session):
    """What is loaded once the tests are collected (Django, Wagtail, the site and the test
    modules) lives as long as the process: kept out of the garbage collector's full passes,
    as the site's WSGI workers do after their first request (ifrc_site/wsgi.py)."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With `--dist loadgroup` (pyproject's addopts): the browser tests (tests/browser/) are two
    units of work (the layout's tests and screenshots, and the rest), each handed first to a
    worker that takes nothing after them, so that they run beside each other and beside the
    other tests rather than after them; every other test is a unit of its own."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsApart(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            # xdist's own loadgroup reads xdist_group marks from the node id, which it can no
            # longer change under pytest 9: the browser tests are found by their folder.
            if nodeid.startswith(SCREENS_TESTS):
                return SCREENS_GROUP
            return BROWSER_GROUP if nodeid.startswith(BROWSER_TESTS) else nodeid

        def _reschedule(self, node):
            assigned = self.assigned_work.get(node, {})
            if BROWSER_GROUP in assigned or SCREENS_GROUP in assigned:
                if not node.shutting_down:
                    node.shutdown()  # it finishes the browser tests, then stops
                return
            super()._reschedule(node)

    return BrowserTestsApart(config, log)


def pytest_runtest_setup(item):
    """Never a test on the database after the browser tests in the same process."""
    if item.get_closest_marker("browser") is not None:
        item.config.stash[RAN_BROWSER_TESTS] = True
    elif item.config.stash.get(RAN_BROWSER_TESTS, False):
        pytest.fail(
            "a test was scheduled after the browser tests in the same process: run them last "
            "(tests/conftest.py sorts them so), or in parallel with --dist loadgroup"
        )


@pytest.fixture(autouse=True, scope="session")
def login_passes_a_request():
    """django-axes checks every authenticate() call against the request it came with, and
    refuses one without (a login that would escape the lockout). The test client's login()
    and WagtailTestUtils.login(), which calls it, pass none: give them one, as a login form
    does. force_login() never authenticates and needs nothing."""
    original = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", HttpRequest())
        return original(self, **credentials)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "login", login)
        yield


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """This process's test database: a copy of the run's template with the demo site (in place
    of pytest-django's, which would migrate an empty database in every process)."""
    with django_db_blocker.unblock():
        old_config = demo_database.create_test_database(request.config.stash[RUN_FOLDER])
    yield
    with django_db_blocker.unblock():
        teardown_databases(old_config, verbosity=request.config.option.verbose)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches (pages, fragments, settings; renditions are kept)."""
    empty_caches()
    yield
    empty_caches()


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale=Locale.get_default())


@pytest.fixture
def migration_page(db):
    return MigrationPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def immunization_page(db):
    return ImmunizationPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def admin_client(django_user_model):
    """A client logged in as the demo superuser (separate from the anonymous `client`)."""
    admin = Client()
    admin.force_login(django_user_model.objects.get(username="admin"))
    return admin


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A Debian redis-server of the tests' own on a socket in a folder of its own (never a port
    that a parallel test process could take too), stopped afterwards."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server is required (make test installs Debian's redis-server)"
    socket_path = tmp_path_factory.mktemp("redis") / "redis.sock"
    process = subprocess.Popen(
        [binary, "--port", "0", "--unixsocket", str(socket_path), "--unixsocketperm", "700"]
        + ["--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_socket(socket_path, process, 10)
        yield f"unix://{socket_path}?db=0"
    finally:
        stop(process)

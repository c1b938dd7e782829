"""A real browser against the site with the demo content.

Debian's Chromium (never a browser build that Playwright would download) runs headless once
per test session, with one browser context per screen size. The site is served by Django's
live server thread on a free port of 127.0.0.1, from the test database that tests/conftest.py
fills with the demo once per session; that thread also serves the uploaded pictures (media).
Every request a page makes is recorded, and anything not addressed to the live server is
blocked, so a test can assert that nothing left this machine.
"""

import os

from django.db import connection, connections

import pytest
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from .support import CHROMIUM, CHROMIUM_ARGS, Tab, new_context


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium package.")
    # Playwright's synchronous API keeps an asyncio event loop marked as running in this
    # thread while the browser is open, and Django then refuses every database call from it
    # (the test transaction included). Nothing runs concurrently here, so Django's guard is
    # lifted until the browser closes; browser tests run last (tests/conftest.py).
    unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
            # The database connections opened while the loop ran are this context's own:
            # close them, or PostgreSQL refuses to drop the test database at the end.
            connections.close_all()
    finally:
        if unsafe is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = unsafe


@pytest.fixture(scope="session")
def live_site(django_db_setup, browser):
    """The site with the demo content, served on a free port of 127.0.0.1 for the session.

    Not pytest-django's `live_server` fixture: that one makes each test that uses it flush the
    database afterwards, which would take the demo content away from every later test. The
    server thread reads what the session set-up committed; on SQLite (an in-memory database)
    it shares the test thread's connection, and so starts after the browser: once Playwright
    runs its event loop here, Django keeps this thread's connections apart from those it had.
    """
    name = str(connection.settings_dict["NAME"])
    assert "memory" in name or name.startswith("test_"), (
        f"refusing to serve {name}: mark browser tests with django_db to get the test database"
    )
    server = LiveServer("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(live_site, django_db_blocker):
    """The live site's base URL. The database is open to the server thread while the module's
    tests run, between tests too (where a module-scoped fixture loads a page)."""
    with django_db_blocker.unblock():
        yield live_site.url


@pytest.fixture(scope="session")
def open_tab(browser, live_site):
    """Opens a tab in the session's context for a screen size and JavaScript setting: one
    context each, reused by every test."""
    contexts = {}

    def open_tab(viewport, javascript=True):
        key = (viewport, javascript)
        if key not in contexts:
            contexts[key] = new_context(browser, live_site.url, viewport, javascript)
        return Tab(contexts[key].new_page(), live_site.url)

    yield open_tab
    for context in contexts.values():
        context.close()

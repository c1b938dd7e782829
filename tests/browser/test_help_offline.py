"""The help finder offline, in Chromium: the service worker keeps the finder, the last chosen
country, the Migration page and an offline page; never the admin; the visitor removes it all
with one button. And axe on the finder and the poster."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from .support import Tab, new_context, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FINDER = "/en/migration/help-finder/"

CACHED_URLS = """async () => {
    const urls = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) { urls.push(name + " " + request.url); }
    }
    return urls;
}"""


@pytest.fixture
def tab(browser, site):
    """A context of its own: its service worker and saved pages end with the test."""
    context = new_context(browser, site, "phone")
    yield Tab(context.new_page(), site)
    context.close()


def saved_paths(tab):
    entries = tab.page.evaluate(CACHED_URLS)
    return sorted(entry.split(" ", 1)[1].removeprefix(tab.base) for entry in entries)


def test_finder_and_migration_page_read_offline_then_removed(tab):
    page = tab.page
    tab.open(f"{FINDER}?country=GR")
    page.wait_for_selector("[data-offline][data-saved='true']")
    assert "Saved for offline on" in page.text_content("[data-offline-status]")
    paths = saved_paths(tab)
    for path in ("/en/migration/", FINDER, f"{FINDER}?country=GR", f"{FINDER}offline/"):
        assert path in paths, paths
    assert not [path for path in paths if path.startswith("/admin")]

    # The last chosen country replaces the one before.
    tab.open(f"{FINDER}?country=KE")
    page.wait_for_function(
        "async () => (await caches.match(location.href)) !== undefined", polling=100
    )
    paths = saved_paths(tab)
    assert f"{FINDER}?country=KE" in paths and f"{FINDER}?country=GR" not in paths

    page.context.set_offline(True)
    page.reload()
    assert "Nairobi" in page.text_content("main")
    page.wait_for_selector("[data-offline][data-saved='true']")
    tab.open("/en/migration/")
    assert page.locator("h1").first.text_content().strip() == "Migration"
    # Another page of the section: the offline page; the admin: nothing.
    tab.open(f"{FINDER}?country=IT")
    assert "No connection" in page.text_content("main")
    with pytest.raises(PlaywrightError):
        page.goto(f"{tab.base}/admin/login/")
    page.context.set_offline(False)

    tab.open(FINDER)
    page.get_by_role("button", name="Remove saved data").click()
    page.wait_for_selector("[data-offline-save]:not([hidden])")
    assert "Nothing is saved" in page.text_content("[data-offline-status]")
    assert saved_paths(tab) == []
    assert (
        page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    )
    page.context.set_offline(True)
    with pytest.raises(PlaywrightError):
        page.reload()
    page.context.set_offline(False)


def test_finder_and_poster_have_no_serious_accessibility_violations(tab):
    tab.open(f"{FINDER}?country=TN")
    assert serious_violations(tab) == []
    tab.open(f"{FINDER}poster/tn/")
    assert serious_violations(tab) == []


def test_near_me_sorts_by_distance_and_the_position_stays_in_the_browser(browser, site):
    context = new_context(browser, site, "phone")
    # In Medenine, with the visitor's permission to share their position.
    context.grant_permissions(["geolocation"])
    context.set_geolocation({"latitude": 33.3549, "longitude": 10.5055})
    sent = []
    context.on("request", lambda request: sent.append(f"{request.url} {request.post_data or ''}"))
    try:
        tab = Tab(context.new_page(), site)
        tab.open(FINDER)
        titles = tab.page.locator(".help-card__title")
        assert "(demo)" in titles.first.text_content()
        assert "Medenine" not in titles.first.text_content()  # hotline first, until asked
        tab.page.get_by_role("button", name="Near me").click()
        tab.page.wait_for_selector("[data-near-me-status]:has-text('Nearest first')")
        assert titles.first.text_content().strip() == "Medenine help point (demo)"
        distances = tab.page.locator(".help-card__distance:not([hidden])").all_text_contents()
        assert distances[0].startswith("About ") and distances[0].endswith(" from you")
        kilometres = [float(text.split()[1].replace(",", "")) for text in distances]
        assert kilometres == sorted(kilometres) and kilometres[0] < 10, distances
        # Every place with coordinates got a distance; the position went nowhere.
        assert len(distances) == tab.page.locator("[data-lat]").count()
        assert not [line for line in sent if "33.354" in line or "10.505" in line]
    finally:
        context.close()

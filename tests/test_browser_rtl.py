"""The Arabic Migration page in a real browser: it reads right to left at phone and desktop
widths, and its navigation starts on the right. Screenshots go to test-artifacts/."""

from pathlib import Path

from django.conf import settings as django_settings

import pytest
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(django_settings.BASE_DIR) / "test-artifacts"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 30));
    }
    window.scrollTo(0, 0);
}"""


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make browser installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def test_arabic_migration_page_reads_right_to_left(live_server, settings, browser):
    # One test for both widths: the live server's transactional teardown empties the database.
    settings.ROOT_URLCONF = "tests.browser_urls"
    ARTIFACTS.mkdir(exist_ok=True)
    for width, (viewport_width, viewport_height) in WIDTHS.items():
        page = browser.new_page(viewport={"width": viewport_width, "height": viewport_height})
        response = page.goto(f"{live_server.url}/ar/migration/")
        assert response.status == 200
        # Scroll through once so that lazy-loaded pictures are in the screenshot.
        page.evaluate(SCROLL_THROUGH)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=ARTIFACTS / f"ar-migration-{width}.png", full_page=True)
        check_right_to_left(page, width, viewport_width)
        page.close()


def check_right_to_left(page, width, viewport_width):
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.locator("h1").inner_text() == "الهجرة"

    items = page.locator(".main-nav a")
    boxes = [items.nth(index).bounding_box() for index in range(items.count())]
    assert len(boxes) >= 2
    first, second = boxes[0], boxes[1]
    nav = page.locator(".main-nav__list").bounding_box()
    # The first item sits at the right-hand end of the navigation, the next one to its left.
    assert abs((first["x"] + first["width"]) - (nav["x"] + nav["width"])) < 2, width
    assert second["x"] + second["width"] <= first["x"] + 1, width
    assert items.nth(0).inner_text() == "الهجرة"
    # The brand comes first, at the right of the header; the language switcher at the left.
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] + brand["width"] > viewport_width * 0.8, width
    assert switcher["x"] < brand["x"], width
    if width == "phone":
        assert first["x"] + first["width"] > viewport_width * 0.85

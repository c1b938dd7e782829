"""The Arabic Migration page reads right to left at phone and desktop widths, and its
navigation starts on the right."""

import pytest

from .support import VIEWPORTS, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_arabic_migration_page_reads_right_to_left(site, open_tab, viewport):
    tab = open_tab(viewport)
    page = tab.page
    try:
        tab.open("/ar/migration/")
        save_screenshot(tab, f"migration-arabic-layout-{viewport}")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("document.documentElement.lang") == "ar"
        assert page.locator("h1").inner_text() == "الهجرة"

        width = VIEWPORTS[viewport]["width"]
        items = page.locator(".main-nav a")
        boxes = [items.nth(index).bounding_box() for index in range(items.count())]
        assert len(boxes) >= 2
        first, second = boxes[0], boxes[1]
        nav = page.locator(".main-nav__list").bounding_box()
        # The first item sits at the right-hand end of the navigation, the next to its left.
        assert abs((first["x"] + first["width"]) - (nav["x"] + nav["width"])) < 2
        assert second["x"] + second["width"] <= first["x"] + 1
        assert items.nth(0).inner_text() == "الهجرة"
        # The brand comes first, at the right of the header; the language switcher to its left.
        brand = page.locator(".brand").bounding_box()
        switcher = page.locator(".language-switcher").bounding_box()
        assert brand["x"] + brand["width"] > width * 0.8
        assert switcher["x"] < brand["x"]
        if viewport == "phone":
            assert first["x"] + first["width"] > width * 0.85
    finally:
        page.close()

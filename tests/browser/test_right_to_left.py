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
        # The brand comes first, at the right of the header; the buttons (on a desktop, the
        # menu's links) to its left, the language button last, at the left.
        brand = page.locator(".brand").bounding_box()
        language = page.locator(".header-menu--language > summary").bounding_box()
        assert brand["x"] + brand["width"] > width * 0.8
        assert language["x"] < brand["x"]
        assert language["x"] < width * 0.2
        if viewport == "phone":
            # The menu opens under the header; its links start at the right.
            page.locator(".header-menu--nav > summary").click()
        items = page.locator(".main-nav a")
        boxes = [items.nth(index).bounding_box() for index in range(items.count())]
        assert len(boxes) >= 2 and all(boxes)
        first, second = boxes[0], boxes[1]
        nav = page.locator(".main-nav__list").bounding_box()
        assert items.nth(0).inner_text() == "الهجرة"
        if viewport == "desktop":
            # The first item sits at the right-hand end of the navigation, the next to its left.
            assert abs((first["x"] + first["width"]) - (nav["x"] + nav["width"])) < 2
            assert second["x"] + second["width"] <= first["x"] + 1
        else:
            # One under the other, their text against the right-hand edge.
            assert second["y"] >= first["y"] + first["height"] - 1
            for link in (items.nth(0), items.nth(1)):
                text_right = link.evaluate(
                    "a => { const r = document.createRange(); r.selectNodeContents(a); "
                    "return r.getBoundingClientRect().right; }"
                )
                assert text_right > width * 0.85
    finally:
        page.close()

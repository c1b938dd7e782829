"""The layout on every screen: a compact header on phones whose menus open in place with or
without JavaScript, "On this page" on long pages, a side column on wide screens, no sideways
scrolling down to 320 px, and the footer from the site settings."""

import pytest

from ifrc_site.models import SiteSettings

from .support import PAGE_TYPES, Tab, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ("en", "ar")
CASES = [(name, lang) for name in PAGE_TYPES for lang in LANGUAGES]
CASE_IDS = [f"{name}-{lang}" for name, lang in CASES]

HEADER_LIMIT = 120  # px, at 390 px wide


@pytest.fixture(scope="module")
def contexts(browser, site):
    """Browser contexts with and without JavaScript, made once for the module; each page
    sets its own window size."""
    made = {}

    def context(javascript=True):
        key = javascript
        if key not in made:
            made[key] = new_context(browser, site, "phone", javascript)
        return made[key]

    yield context
    for context_ in made.values():
        context_.close()


def open_page(contexts, site, path, width, height=844, javascript=True):
    page = contexts(javascript).new_page()
    page.set_viewport_size({"width": width, "height": height})
    tab = Tab(page, site)
    tab.open(path, 404 if "no-such" in path else 200)
    return tab


@pytest.mark.parametrize("name, lang", CASES, ids=CASE_IDS)
def test_phone_header_is_compact_and_nothing_scrolls_sideways_at_320(contexts, site, name, lang):
    path = PAGE_TYPES[name].format(lang=lang)
    tab = open_page(contexts, site, path, 390)
    try:
        height = tab.page.evaluate(
            "document.querySelector('.site-header').getBoundingClientRect().height"
        )
        assert height <= HEADER_LIMIT, f"the header is {height}px tall at 390px"
        # The reader's language stays in sight, on the language button.
        label = tab.page.locator(".header-menu--language > summary").inner_text()
        assert {"en": "English", "ar": "العربية"}[lang] in label.replace("ّ", "")
        tab.page.set_viewport_size({"width": 320, "height": 700})
        overflow = tab.check("overflow()")
        assert overflow["scrollWidth"] <= overflow["clientWidth"], (
            f"{path} is {overflow['scrollWidth']}px wide at 320px; sticking out: {overflow['wide']}"
        )
        # Each menu, opened, stays inside the screen too (the same menus on every page: tried
        # on two layouts).
        for button in ("nav", "search", "language") if name in ("home", "library") else ():
            summary = tab.page.locator(f".header-menu--{button} > summary")
            if not summary.count():
                continue  # the search page has its own search form, not the header's
            summary.click()
            overflow = tab.check("overflow()")
            assert overflow["scrollWidth"] <= overflow["clientWidth"], (button, overflow["wide"])
            summary.click()
        assert not tab.errors
    finally:
        tab.page.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_menu_opens_in_place_and_leads_to_its_pages(contexts, site, javascript, lang):
    tab = open_page(contexts, site, f"/{lang}/", 390, javascript=javascript)
    page = tab.page
    try:
        links = page.locator(".main-nav a")
        assert not links.first.is_visible(), "the menu's links show before the menu is opened"
        page.locator(".header-menu--nav > summary").click()
        assert links.first.is_visible()
        # The panel opens under the header's row, over the page, as wide as the screen.
        panel = page.locator(".main-nav").bounding_box()
        header = page.locator(".site-header__inner").bounding_box()
        assert panel["y"] >= header["y"] + header["height"] - 1
        assert panel["width"] >= 380
        href = links.nth(1).get_attribute("href")
        with page.expect_navigation():
            links.nth(1).click()
        assert page.url.endswith(href)
        # The search button opens the search box in place; searching goes to the results.
        page.locator(".header-menu--search > summary").click()
        field = page.locator(".site-search__input")
        assert field.is_visible()
        field.fill("vaccines")
        with page.expect_navigation():
            field.press("Enter")
        assert f"/{lang}/search/?q=vaccines" in page.url
        assert not tab.errors
    finally:
        page.close()


def test_phone_menus_work_with_the_keyboard_and_close_with_escape(contexts, site):
    tab = open_page(contexts, site, "/en/migration/", 390)
    page = tab.page
    try:
        summary = page.locator(".header-menu--language > summary")
        summary.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.querySelector('.header-menu--language').open")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.language-switcher') !== null")
        # Opening another menu closes this one; Escape closes that and gives focus back.
        page.locator(".header-menu--nav > summary").focus()
        page.keyboard.press("Space")
        # (The toggle event that closes the other comes a moment after the click.)
        page.wait_for_function(
            "!document.querySelector('.header-menu--language').open", timeout=2000
        )
        opened = page.evaluate(
            "[...document.querySelectorAll('.header-menu')].filter(d => d.open)"
            ".map(d => d.className)"
        )
        assert opened == ["header-menu header-menu--nav"]
        page.keyboard.press("Escape")
        assert not page.evaluate("document.querySelector('.header-menu--nav').open")
        assert page.evaluate("document.activeElement.matches('.header-menu--nav > summary')")
        assert not tab.errors
    finally:
        page.close()


def test_desktop_header_shows_the_menu_in_its_row(contexts, site):
    tab = open_page(contexts, site, "/en/migration/", 1280, 800)
    page = tab.page
    try:
        assert page.locator(".main-nav a").first.is_visible()
        assert page.locator(".site-search__input").is_visible()
        assert not page.locator(".header-menu--nav > summary").is_visible()
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 90
        # The language choice opens as a small panel under its button.
        page.locator(".header-menu--language > summary").click()
        panel = page.locator(".language-switcher").bounding_box()
        assert panel["width"] < 400
        assert page.locator(".language-switcher a[lang=fr]").is_visible()
    finally:
        page.close()


@pytest.mark.parametrize(
    "lang, width", [("en", 1280), ("en", 390), ("ar", 1280), ("ar", 390)], ids=str
)
def test_on_this_page_links_land_on_their_sections(contexts, site, lang, width):
    tab = open_page(contexts, site, f"/{lang}/immunization/", width, 800)
    page = tab.page
    try:
        toc = page.locator(".toc")
        links = toc.locator("a")
        if width < 1024:
            # Closed on phones, under the page's title, until the reader opens it.
            assert not links.first.is_visible()
            page.locator(".toc__summary").click()
        count = links.count()
        assert count >= 3
        for index in range(count):
            if width < 1024 and not links.nth(index).is_visible():
                page.locator(".toc__summary").scroll_into_view_if_needed()
            link = links.nth(index)
            anchor = link.get_attribute("href")
            title = link.inner_text().strip()
            link.click()
            page.wait_for_function(
                "(anchor) => decodeURIComponent(location.hash) === anchor", arg=anchor
            )
            box = page.evaluate(
                "(id) => document.getElementById(decodeURIComponent(id))"
                ".getBoundingClientRect().top",
                anchor[1:],
            )
            assert -1 <= box <= 40, f"{anchor} is at {box}px from the top after its link"
            heading = page.evaluate(
                "(id) => document.getElementById(decodeURIComponent(id)).querySelector('h2')"
                ".innerText",
                anchor[1:],
            )
            assert heading.strip() == title
        if width >= 1024:
            # Beside the body, and still in view after scrolling to the last section.
            box = toc.bounding_box()
            main = page.locator(".page-layout__main").bounding_box()
            assert box["x"] != main["x"]
            assert toc.evaluate("e => e.getBoundingClientRect().top") >= 0
    finally:
        page.close()


def test_side_column_beside_the_body_on_wide_screens_and_in_order_on_phones(contexts, site):
    tab = open_page(contexts, site, "/en/immunization/", 1280, 800)
    page = tab.page
    try:
        main = page.locator(".page-layout__main").bounding_box()
        figures = page.locator(".page-layout__side--first .key-figures").bounding_box()
        contact = page.locator(".page-layout__side--last .contact").bounding_box()
        for side in (figures, contact):
            assert side["x"] >= main["x"] + main["width"], "the side column is not beside the body"
        assert figures["y"] < main["y"] + 50
        # Body text keeps a reading width of about 70 characters.
        paragraph = page.locator(".page-layout__main .rich-text p").first
        characters = paragraph.evaluate(
            "p => { const w = p.getBoundingClientRect().width;"
            " const s = getComputedStyle(p); const c = document.createElement('canvas')"
            ".getContext('2d'); c.font = s.font;"
            " return w / c.measureText('abcdefghijklmnopqrstuvwxyz').width * 26; }"
        )
        assert 55 <= characters <= 90, f"{characters:.0f} characters a line"
        page.set_viewport_size({"width": 390, "height": 844})
        order = page.evaluate(
            "[...document.querySelectorAll('.toc, .page-layout__side, .page-layout__main')]"
            ".map(e => [e.className, e.getBoundingClientRect().top])"
        )
        tops = [top for _name, top in order]
        assert tops == sorted(tops), order
        assert [name.split()[0] for name, _top in order] == [
            "toc",
            "page-layout__side",
            "stream",
            "page-layout__side",
        ]
    finally:
        page.close()


def test_migration_page_offers_help_before_its_body(contexts, site):
    tab = open_page(contexts, site, "/en/migration/", 390)
    try:
        help_link = tab.page.locator(".help-finder-link").bounding_box()
        body = tab.page.locator(".page-layout__main").bounding_box()
        assert help_link["y"] < body["y"]
        assert help_link["y"] < 844, "on a phone the way to help is on the first screen"
    finally:
        tab.page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_card_grids_leave_no_card_alone_on_the_last_row(contexts, site, width):
    tab = open_page(contexts, site, "/en/immunization/", width, 800)
    page = tab.page
    try:
        rows = page.evaluate(
            """() => [...document.querySelectorAll('.stream .card-grid, .stream .partner-list')]
            .map(grid => {
                const tops = [...grid.children].map(c => Math.round(c.getBoundingClientRect().top));
                const perRow = {};
                tops.forEach(t => { perRow[t] = (perRow[t] || 0) + 1; });
                return Object.keys(perRow).sort((a, b) => a - b).map(t => perRow[t]);
            })"""
        )
        assert rows, "no card grid on the page"
        for counts in rows:
            if counts[0] > 1:  # more than one column
                assert counts[-1] > 1, f"a card alone on the last row: {counts}"
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_footer_from_the_site_settings(contexts, site, lang):
    settings = SiteSettings.objects.get()
    tab = open_page(contexts, site, f"/{lang}/news/", 390)
    page = tab.page
    try:
        footer = page.locator(".site-footer")
        emblem = footer.locator("svg.emblem")
        assert emblem.get_attribute("role") == "img"
        name = emblem.evaluate(
            "svg => document.getElementById(svg.getAttribute('aria-labelledby')).textContent"
        )
        assert name.strip()
        text = footer.inner_text()
        assert settings.contact_email in text
        assert settings.address.splitlines()[0] in text
        assert "example.org" not in text
        assert footer.locator(".site-footer__notice").is_visible()
        # The privacy and terms pages, in the reader's language.
        hrefs = footer.locator(".site-footer__links a").evaluate_all("l => l.map(a => a.href)")
        local = [href for href in hrefs if href.startswith(site)]
        assert {href.replace(site, "").split("/")[1] for href in local} == {lang}
        assert any(href.endswith("/privacy/") for href in local)
        assert any(href.endswith("/terms/") for href in local)
        # Only plain links: no script or frame of anyone else's in the footer.
        assert not footer.locator("script, iframe").count()
        assert not tab.errors
    finally:
        page.close()

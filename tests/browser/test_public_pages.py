"""Every public page type in a real browser, at a phone's width and a laptop's.

Each page of PAGES is opened once per screen size and every check below runs on it (the
screenshot comparisons of test_screenshots.py show how each page type looks). To cover a new
page, add a line to PAGES.
"""

from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe

from .support import VIEWPORTS, Tab, settle

# django_db: the session sets up the test database (with the demo) for the live site.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@dataclass(frozen=True)
class SitePage:
    name: str
    path: str
    status: int = 200


PAGES = [
    SitePage("home", "/en/"),
    SitePage("migration", "/en/migration/"),
    SitePage("immunization", "/en/immunization/"),
    SitePage("news-filtered", "/en/news/?programme=migration"),
    SitePage("news-story", "/en/news/thessaloniki-two-families-one-home/"),
    SitePage("resource-library", "/en/resources/"),
    SitePage("case-study", "/en/case-studies/central-african-red-cross/central-african-republic/"),
    SitePage("search", "/en/search/?q=volunteers"),
    SitePage("search-filtered", "/en/search/?q=polio&type=document"),
    SitePage("not-found", "/en/no-such-page/", status=404),
    SitePage("migration-arabic", "/ar/migration/"),
]

# axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA, and its best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22a",
            "wcag22aa",
            "best-practice",
        ],
    },
    "resultTypes": ["violations", "incomplete"],
    # An experimental rule, outside those tags, that Wagtail's own checker runs on every page an
    # editor views signed in (the userbar's "issues found"): a paragraph drawn as a heading.
    "rules": {"p-as-heading": {"enabled": True}},
}
axe = Axe()


@dataclass
class Visit:
    page: SitePage
    viewport: str
    tab: Tab

    def reopen(self):
        """The page as first loaded: nothing focused, no fragment in the address."""
        self.tab.open(self.page.path, self.page.status, wait_until="domcontentloaded")


@pytest.fixture(scope="module")
def rendered_once(site):
    """Each page rendered once before any test, so that its picture renditions are made and
    kept: a rendition first made inside a test's transaction is rolled back with it and made
    again, slowly, by the next test that shows the picture."""
    client = Client()
    for page in PAGES:
        assert client.get(page.path).status_code == page.status, page.path


@pytest.fixture(
    scope="module",
    params=[(page, viewport) for page in PAGES for viewport in VIEWPORTS],
    ids=lambda param: f"{param[0].name}-{param[1]}",
)
def visit(request, rendered_once, open_tab):
    page, viewport = request.param
    tab = open_tab(viewport)
    tab.open(page.path, page.status)
    settle(tab)  # every lazy picture loaded, as a reader scrolling down would
    yield Visit(page, viewport, tab)
    tab.page.close()


def describe_nodes(nodes):
    return "".join(f"\n    {', '.join(node['target'])}: {node['html'][:160]}" for node in nodes)


def test_axe_finds_no_violations(visit):
    results = axe.run(visit.tab.page, options=AXE_OPTIONS).response
    report = "".join(
        f"\n{violation['id']} ({violation['impact']}): {violation['help']}"
        + describe_nodes(violation["nodes"])
        for violation in results["violations"]
    )
    assert not results["violations"], report
    # Where axe cannot work the contrast out (text over a picture), it must pass anyway with
    # the worst picture behind the text, all white or all black.
    unsure = [
        visit.tab.check("worstContrast(arg)", ", ".join(node["target"]))
        for item in results["incomplete"]
        if item["id"] == "color-contrast"
        for node in item["nodes"]
    ]
    low = [
        f"{item['description']}: {item['ratio']}:1"
        for item in unsure
        if item["ratio"] < item["needed"]
    ]
    assert not low, f"text over a picture without enough contrast: {low}"


def test_every_picture_has_alt_text_or_is_marked_decorative(visit):
    images = visit.tab.check("images()")
    unlabelled = [
        image["src"]
        for image in images
        if image["alt"] is None or not (image["alt"].strip() or image["decorative"])
    ]
    assert not unlabelled, f"pictures without alt text and not marked decorative: {unlabelled}"
    broken = [image["src"] for image in images if not image["loaded"]]
    assert not broken, f"pictures that did not load: {broken}"


def test_headings_are_in_order(visit):
    headings = visit.tab.check("headings()")
    outline = "\n".join(f"{'  ' * (h['level'] - 1)}h{h['level']} {h['text']}" for h in headings)
    assert headings and headings[0]["level"] == 1, f"the first heading is not an h1:\n{outline}"
    assert [h["level"] for h in headings].count(1) == 1, f"more than one h1:\n{outline}"
    for before, after in pairwise(headings):
        assert after["level"] <= before["level"] + 1, (
            f"h{before['level']} '{before['text']}' is followed by h{after['level']} "
            f"'{after['text']}':\n{outline}"
        )


def test_no_horizontal_scrolling(visit):
    overflow = visit.tab.check("overflow()")
    assert overflow["scrollWidth"] <= overflow["clientWidth"], (
        f"the page is {overflow['scrollWidth']}px wide in a {overflow['clientWidth']}px window; "
        f"sticking out: {overflow['wide']}"
    )


def test_skip_link_comes_first_and_moves_focus_to_the_content(visit):
    visit.reopen()
    keyboard, page = visit.tab.page.keyboard, visit.tab.page
    keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a.skip-link[href=\"#main\"]')"), (
        f"the first Tab stop is {visit.tab.check('focused()')}"
    )
    box = page.locator(".skip-link").bounding_box()
    width, height = VIEWPORTS[visit.viewport]["width"], VIEWPORTS[visit.viewport]["height"]
    assert box["y"] >= 0 and box["x"] >= 0, "the focused skip link is off screen"
    assert box["y"] + box["height"] <= height and box["x"] + box["width"] <= width
    keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab stop is the first one in the content, or after it when it has none.
    keyboard.press("Tab")
    assert page.evaluate(
        """() => {
            const main = document.getElementById("main");
            const next = document.activeElement;
            return main.contains(next)
                || Boolean(main.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    ), f"after skipping, Tab goes back to {visit.tab.check('focused()')}"


def test_every_interactive_element_is_reached_with_tab_and_shows_focus(visit):
    visit.reopen()
    expected = visit.tab.check("focusables()")
    reached = []
    for _ in range(len(expected) + 5):
        visit.tab.page.keyboard.press("Tab")
        focused = visit.tab.check("focused()")
        if focused is None or (reached and focused["id"] == reached[0]["id"]):
            break
        reached.append(focused)
    reached_ids = {item["id"] for item in reached}
    missed = [item["description"] for item in expected if item["id"] not in reached_ids]
    assert not missed, f"never reached with Tab: {missed}"
    unseen = [f"{item['description']}: {item['problems'] or 'no ring'}" for item in reached]
    unseen = [line for line, item in zip(unseen, reached, strict=True) if not item["ring"]]
    assert not unseen, "focus is not visible on:\n  " + "\n  ".join(unseen)


def destination(href):
    """Where a link ends up: a language link goes through /language/<code>/, which remembers
    the choice and redirects to its `next`."""
    address = urlsplit(href)
    if address.path.startswith("/language/"):
        return f"{address.scheme}://{address.netloc}{parse_qs(address.query)['next'][0]}"
    return href


# The menu and the language links are plain links in the base template, behind buttons that
# open them in place (<details>) on phones; on a desktop the menu's links sit in the header.
# The site's scripts add nothing they need. Every page is tried on a phone with JavaScript
# (as most readers come); on a desktop, and on a phone without JavaScript, one page of each
# layout: the home page, a listing with its filter form, search with its filters, the Arabic
# (right-to-left) programme page and the error page.
OTHER_LAYOUTS = {"home", "resource-library", "search-filtered", "migration-arabic", "not-found"}
KEYBOARD_CASES = [(site_page, "phone", True) for site_page in PAGES] + [
    (site_page, viewport, javascript)
    for site_page in PAGES
    if site_page.name in OTHER_LAYOUTS
    for viewport, javascript in (("desktop", True), ("phone", False))
]


@pytest.mark.parametrize(
    "site_page, viewport, javascript",
    KEYBOARD_CASES,
    ids=[
        f"{p.name}-{viewport}-{'with' if javascript else 'without'}-js"
        for p, viewport, javascript in KEYBOARD_CASES
    ],
)
def test_menu_and_languages_work_with_the_keyboard_alone(
    rendered_once, open_tab, site_page, viewport, javascript
):
    """Tab to a menu link and to another language (opening their button with Enter where
    there is one), press Enter: each goes where it says."""
    tab = open_tab(viewport, javascript)
    page = tab.page
    try:
        for button, links in (
            (".header-menu--nav > summary", ".main-nav a:not([aria-current])"),
            (".header-menu--language > summary", ".language-switcher a:not([aria-current])"),
        ):
            tab.open(site_page.path, site_page.status, wait_until="domcontentloaded")
            target = page.eval_on_selector(links, "a => ({href: a.href, lang: a.hreflang})")
            for _ in range(30):
                page.keyboard.press("Tab")
                if page.evaluate("(button) => document.activeElement.matches(button)", button):
                    page.keyboard.press("Enter")
                    assert page.evaluate(
                        "(button) => document.querySelector(button).parentElement.open", button
                    ), f"Enter did not open {button}"
                if page.evaluate("(links) => document.activeElement.matches(links)", links):
                    break
            else:
                pytest.fail(f"Tab never reached {links}")
            with page.expect_navigation(wait_until="domcontentloaded") as navigation:
                page.keyboard.press("Enter")
            assert navigation.value.status == 200
            assert page.url == destination(target["href"])
            if target["lang"]:
                assert navigation.value.header_value("content-language") == target["lang"]
        assert not tab.errors
        assert not tab.outside_requests
    finally:
        page.close()


def test_no_console_errors(visit):
    assert not visit.tab.errors


def test_no_request_leaves_this_machine(visit):
    assert visit.tab.requests, "no request was recorded"
    assert not visit.tab.outside_requests

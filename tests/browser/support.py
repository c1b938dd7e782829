"""What the browser tests share: the browser's set-up, a recording tab, screenshots."""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from axe_playwright_python.sync_playwright import Axe

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root in CI, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Host names other than localhost resolve to nothing: the browser cannot reach out even
    # for a request that no page makes (the page-level guard below records those).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

# The two screen sizes every page is checked at: a common phone and a laptop.
VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}

# One page of each type, by its address in a language (`lang`): the screens' tests and the
# screenshot comparisons open each in English and Arabic.
PAGE_TYPES = {
    "home": "/{lang}/",
    "migration": "/{lang}/migration/",
    "immunization": "/{lang}/immunization/",
    "news": "/{lang}/news/",
    "story": "/{lang}/news/thessaloniki-two-families-one-home/",
    "library": "/{lang}/resources/",
    "case-study": "/{lang}/case-studies/central-african-red-cross/central-african-republic/",
    "search": "/{lang}/search/?q=migration",
    "help-finder": "/{lang}/migration/help-finder/",
    "standard": "/{lang}/privacy/",
    "not-found": "/{lang}/no-such-page/",
}

ARTIFACTS = settings.BASE_DIR / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

CHECKS_JS = (Path(__file__).parent / "checks.js").read_text()


def is_local(url, base):
    """Whether a request stays on this machine: the live site, or data the page already has."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return f"{parts.scheme}://{parts.netloc}" == base


@dataclass
class Tab:
    """A browser tab and what it did: the requests it made and the errors it logged."""

    page: object
    base: str
    requests: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    expected_errors: set = field(default_factory=set)

    def __post_init__(self):
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _console(self, message):
        if message.type != "error":
            return
        # A page that is meant to answer 404 says so in the console; nothing else may.
        if message.location.get("url") in self.expected_errors:
            return
        self.errors.append(f"{message.text} ({message.location.get('url')})")

    @property
    def outside_requests(self):
        return [url for url in self.requests if not is_local(url, self.base)]

    def open(self, path, status=200, wait_until="load"):
        url = self.base + path
        if status != 200:
            self.expected_errors.add(url)
        response = self.page.goto(url, wait_until=wait_until)
        assert response is not None and response.status == status, (
            f"{path} answered {response and response.status}, expected {status}"
        )
        return response

    def check(self, expression, arg=None):
        """Evaluate one of the checks of checks.js in the page (injected once per document)."""
        return self.page.evaluate(
            f"(arg) => {{ if (typeof siteChecks === 'undefined') {{ {CHECKS_JS} }} "
            f"return siteChecks.{expression}; }}",
            arg,
        )


def new_context(browser, base, viewport="desktop", javascript=True, screenshots=False):
    """A browser context of one screen size that blocks every request leaving this machine.
    `screenshots`: for the screenshot comparisons, drawn at a third of the size (a device
    pixel ratio of 1/3: the layout is the same, the pictures small), and allowed the style
    that hides what changes by the hour, which the site's Content Security Policy refuses."""
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        java_script_enabled=javascript,
        bypass_csp=screenshots,
        device_scale_factor=1 / 3 if screenshots else 1,
        locale="en-GB",
        timezone_id="UTC",
    )
    context.set_default_timeout(15_000)
    context.route(lambda url: not is_local(url, base), lambda route: route.abort("blockedbyclient"))
    return context


def settle(tab):
    """Every lazy picture loaded, and the fonts, before a screenshot."""
    tab.page.evaluate(
        """async () => {
            const images = [...document.images];
            images.forEach((image) => { image.loading = "eager"; });
            await Promise.all(images.filter((image) => !image.complete).map(
                (image) => new Promise((done) => {
                    image.addEventListener("load", done, { once: true });
                    image.addEventListener("error", done, { once: true });
                })
            ));
            // Decoded too, so that the screenshot never catches one not yet painted.
            await Promise.all(images.map((image) => image.decode().catch(() => null)));
            await document.fonts.ready;
        }"""
    )


def save_screenshot(tab, name):
    """The whole page, every lazy picture loaded first, under test-artifacts/screenshots/."""
    settle(tab)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
    return path


# The admin ----------------------------------------------------------------------------------


def sign_in(tab, username, password):
    """Sign in on the admin's login page as a person would, and land on the dashboard."""
    page = tab.page
    tab.open("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{tab.base}/admin/")


def sign_out(tab):
    tab.page.context.clear_cookies()


AXE = Axe()

# axe-core's WCAG A and AA rules; the editor forms may have no serious or critical violation.
AXE_WCAG = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


# Markup of Wagtail's own that these checks leave to Wagtail: the multiple upload page's file
# input and progress bars, the tag field's jQuery widget (its input has no label), the rich
# text editor (Draftail's editable area has no name inside a StreamField block) and the small
# move, drag, duplicate and delete buttons of each StreamField block.
WAGTAIL_OWN = [
    "#fileupload",
    ".progress",
    "#overall-progress",
    ".tagit",
    ".Draftail-Editor",
    "[data-panel-controls]",
]


def serious_violations(tab, selector="main"):
    """axe's serious and critical violations inside `selector`, described one per line."""
    tab.page.evaluate(AXE.axe_script)
    results = tab.page.evaluate(
        "([context, options]) => axe.run(context, options)",
        [{"include": [selector], "exclude": WAGTAIL_OWN}, AXE_WCAG],
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}: "
        + "; ".join(", ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]

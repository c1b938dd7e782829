"""No input gives a 500: every public URL pattern, walked with malformed paths, query strings,
methods and headers. Each answer is a 4xx, a 200 or a local redirect, with a page that helps,
and nothing typed comes back unescaped.

The table PUBLIC_URLS lists the patterns: a new public URL (search, feeds) is one line there.
"""

import re
from urllib.parse import quote

from django.test import Client

import pytest
from bs4 import BeautifulSoup

from ifrc_site.models import SiteImage
from news.models import NewsStoryPage
from resources.models import CaseStudyPage, Resource

pytestmark = pytest.mark.django_db

FILTERS = ["programme", "country", "region", "year", "page"]

# name: (address, the query parameters it reads). Addresses in braces come from the demo
# content: see `addresses` below.
PUBLIC_URLS = {
    "root": ("/", []),
    "home": ("/en/", []),
    "home in Arabic": ("/ar/", []),
    "migration": ("/en/migration/", []),
    "immunization": ("/en/immunization/", []),
    "news": ("/en/news/", FILTERS),
    "story": ("{story}", []),
    "resources": ("/en/resources/", ["type", "language", *FILTERS]),
    "case studies": ("/en/case-studies/", FILTERS),
    "case study": ("{case_study}", []),
    # The feeds of every listing are one route (ifrc_site/syndication.py), reading the filters
    # of the listing they belong to: the library's feed, which reads the most, stands for all.
    # (tests/test_listing_feeds.py answers a bad filter in each listing's feeds.)
    "resource feed": ("/en/resources/feed/atom/", ["type", "language", *FILTERS]),
    "document": ("{document}", []),
    "image file": ("{image_file}", []),
    "sitemap": ("/sitemap.xml", ["p"]),
    "search": (
        "/en/search/",
        ["q", "type", "programme", "country", "region", "language", *FILTERS[3:]],
    ),
}

# Markers that must never come back as typed: they would run in a browser.
XSS_SCRIPT = "<script>alert('ifrc-probe')</script>"
XSS_ATTRIBUTE = '"><img src=x onerror=alert(7)>'
# (The search page shows the query back, escaped: only the raw tags would be harmful.)
DANGEROUS = ("<script>alert('ifrc-probe')", "<img src=x onerror=alert(7)>")

# Values, as they would be typed in the address bar (percent-encoded when sent).
VALUES = {
    "negative": "-1",
    "huge number": "99999999999999999999999999",
    "not a number": "abc",
    "exponent": "1e9",
    "unknown choice": "atlantis",
    "html": XSS_SCRIPT,
    "attribute break": XSS_ATTRIBUTE,
    "sql": "' OR '1'='1' --",
    "path traversal": "../../../../etc/passwd",
    "null byte": "\x00",
    "right-to-left override": "\u202egnp.exe",
    "long text": "x" * 20_000,
    "long number": "9" * 20_000,
}
# Already percent-encoded: bytes that are not UTF-8, and encoded traversal.
RAW_QUERY_VALUES = {
    "invalid utf-8": "%FF%FE%FD",
    "overlong utf-8": "%C0%AE%C0%AE%2F",
    "encoded traversal": "..%2F..%2F..%2Fetc%2Fpasswd",
}
PATH_SEGMENTS = {
    **{
        name: quote(VALUES[name], safe="")
        for name in ("negative", "huge number", "html", "attribute break", "sql", "null byte")
    },
    "long text": "x" * 20_000,
    "invalid utf-8": "%FF%FE",
    "traversal": "../../../etc/passwd",
    "encoded traversal": "..%2F..%2Fsettings.py",
    "dot segment": "..",
}
ODD_METHODS = ["POST", "PUT", "DELETE", "PATCH"]
ODD_HEADERS = {
    "unknown host": {"HTTP_HOST": "evil.example.com"},
    "host with port and junk": {"HTTP_HOST": "127.0.0.1:99999/<x>"},
    "absurd accept-language": {"HTTP_ACCEPT_LANGUAGE": "zz-ZZ;q=5," * 2000},
    "html accept-language": {"HTTP_ACCEPT_LANGUAGE": XSS_SCRIPT},
    "long cookies": {
        "HTTP_COOKIE": "; ".join(
            [f"sessionid={'a' * 20_000}", f"csrftoken={'b' * 20_000}", "django_language=xx"]
        )
    },
    "odd accept": {"HTTP_ACCEPT": "application/x-nonsense, */*;q=-1"},
    "html referer": {"HTTP_REFERER": f"https://example.org/{XSS_SCRIPT}"},
}


def build_cases():
    """(route, mutation, requests): each mutation of each route is one case, made of the
    requests that carry it to every parameter the route reads (one request when it has none
    or the mutation is not a parameter's value); a request is (what it tries, method, parts)."""
    cases = []
    for route, (_address, parameters) in PUBLIC_URLS.items():
        for name, value in VALUES.items():
            if parameters:
                requests = [(f"?{p}= {name}", "GET", {"query": {p: value}}) for p in parameters]
                cases.append((route, f"?*= {name}", requests))
        for name, raw in RAW_QUERY_VALUES.items():
            if parameters:
                requests = [(f"?{p}= {name}", "GET", {"raw": f"{p}={raw}"}) for p in parameters]
                cases.append((route, f"?*= {name}", requests))
        if parameters:
            every = ("every filter at once", "GET", {"query": dict.fromkeys(parameters, "1")})
            cases.append((route, every[0], [every]))
            repeated = ("repeated filter", "GET", {"raw": "page=1&page=2&page=x"})
            cases.append((route, repeated[0], [repeated]))
        unknown = ("unknown parameter", "GET", {"query": {"utm_source": XSS_SCRIPT}})
        cases.append((route, unknown[0], [unknown]))
        for name, segment in PATH_SEGMENTS.items():
            cases.append(
                (route, f"path + {name}", [(f"path + {name}", "GET", {"suffix": segment})])
            )
        for method in ODD_METHODS:
            cases.append((route, method, [(method, method, {})]))
        for name, headers in ODD_HEADERS.items():
            cases.append((route, name, [(name, "GET", {"headers": headers})]))
    return cases


CASES = build_cases()
REQUESTS = [request for _route, _mutation, requests in CASES for request in requests]


def test_the_walk_is_large_enough():
    assert len(REQUESTS) >= 300, len(REQUESTS)


@pytest.fixture(scope="module")
def addresses(django_db_setup, django_db_blocker):
    """The demo addresses. (The test database comes with the renditions every page shows,
    tests/demo_database.py: no case waits for one; the picture file's is made here, once.)"""
    with django_db_blocker.unblock():
        image = SiteImage.objects.exclude(file="").first()
        return {
            "story": NewsStoryPage.objects.live().first().url,
            "case_study": CaseStudyPage.objects.live().first().url,
            "document": Resource.objects.first().url,
            "image_file": image.get_rendition("width-320").url,
        }


def address_of(route, addresses, suffix=""):
    address = PUBLIC_URLS[route][0].format(**addresses)
    if suffix:
        address = address.rstrip("/") + "/" + suffix + ("/" if address.endswith("/") else "")
    return address


def body_text(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def check_answer(addresses, route, case, method, request_parts):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    address = address_of(route, addresses, request_parts.get("suffix", ""))
    extra = dict(request_parts.get("headers", {}))
    if "raw" in request_parts:
        extra["QUERY_STRING"] = request_parts["raw"]
    response = client.generic(method, address, **extra) if method != "GET" else None
    if method == "GET":
        response = client.get(address, request_parts.get("query"), **extra)

    status = response.status_code
    assert status < 500, f"{status} for {method} {address} {case}"
    # Each request of a case asks for another address: none may be answered from the page
    # cache, or the bad input would not have reached the page.
    assert response.get("X-Page-Cache") != "hit", f"served from the cache: {case}"
    content = body_text(response)
    if 300 <= status < 400:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
        return
    assert 200 <= status < 500
    text = content.decode("utf-8", "replace")
    for marker in DANGEROUS:
        assert marker not in text, f"{marker!r} reflected for {case}"
    assert "Traceback" not in text
    if response.get("Content-Type", "").startswith("text/html"):
        soup = BeautifulSoup(text, "lxml")
        heading = soup.find("h1")
        assert heading is not None and heading.get_text(strip=True), f"no heading for {case}"
        if status >= 400:
            home = re.compile(r"^/([a-z]{2}/)?$")  # the site's root or a language's home page
            assert soup.find("a", href=home), "an error page leads back home"


@pytest.mark.parametrize(
    "route, mutation, requests",
    CASES,
    ids=[f"{route}: {mutation}" for route, mutation, _ in CASES],
)
def test_bad_input_gets_a_helpful_answer(addresses, route, mutation, requests):
    failures = []
    for case, method, request_parts in requests:
        try:
            check_answer(addresses, route, case, method, request_parts)
        except AssertionError as error:
            failures.append(f"{route}: {method} {case}: {error}")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


@pytest.mark.parametrize("address", ["/en/news/", "/en/resources/", "/en/case-studies/"])
def test_listings_without_a_query_string_list_everything(client, address):
    response = client.get(address)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.select("main li a[href]"), "the listing shows its items"
    assert not soup.select(".notice--warning")

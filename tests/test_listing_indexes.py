"""The listings read their items through indexes on PostgreSQL, production's engine, whatever
the amount of content: their order, and each filter that an index can serve.

Each listing's query is explained as its page runs it, with sequential scans and sorts made
prohibitively expensive (`enable_seqscan` and `enable_sort` off). PostgreSQL then still scans or
sorts where no index can serve, so the plan says whether one can, even at the test content's
size, where it would otherwise rightly prefer a scan.

Left to a scan: the library's country and region filters, which match a pattern in the list of
country codes a document keeps as text. The programme filters read the listing in its order and
check each item's links to the programme's pages through the link tables' own indexes.
"""

import json
from contextlib import contextmanager

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory

import pytest

from news.models import NewsIndexPage
from resources.models import CaseStudyIndexPage, ResourceIndexPage

pytestmark = pytest.mark.django_db

LISTINGS = {"news": NewsIndexPage, "case studies": CaseStudyIndexPage, "library": ResourceIndexPage}

NEWEST = "the year of the newest item"

# (listing, query string): the index that must serve it. The order first, then each filter.
CASES = [
    ("news", {}, "news_story_newest_first"),
    ("news", {"year": NEWEST}, "news_story_newest_first"),
    ("news", {"country": "GR"}, "news_story_by_country"),
    # (Many countries: read in date order, each story checked against them.)
    ("news", {"region": "europe"}, "news_story_newest_first"),
    # (Read in date order, each story's links to the programme's pages checked by index.)
    ("news", {"programme": "migration"}, "news_story_newest_first"),
    ("case studies", {}, "case_study_newest_first"),
    ("case studies", {"year": NEWEST}, "case_study_newest_first"),
    ("case studies", {"country": "PK"}, "case_study_by_country"),
    ("library", {}, "resource_newest_first"),
    ("library", {"type": "report"}, "resource_by_type"),
    ("library", {"language": "fr"}, "resource_by_language"),
    ("library", {"year": NEWEST}, "resource_newest_first"),
]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("query plans are PostgreSQL's; make test runs this file there")


@contextmanager
def no_scans_or_sorts():
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_sort = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_sort")


def nodes(plan, in_subplan=False):
    """Every node of the plan, with whether it runs for each row of an outer one."""
    in_subplan = in_subplan or plan.get("Parent Relationship") == "SubPlan"
    yield plan, in_subplan
    for child in plan.get("Plans", []):
        yield from nodes(child, in_subplan)


def listing_plan(listing, query):
    page = LISTINGS[listing].objects.get(locale__language_code="en")
    if query.get("year") == NEWEST:
        unfiltered, _items = page.specific.filtered_items(RequestFactory().get(page.url))
        query = {"year": unfiltered.filters["year"].extra["choices"][0][0]}
    request = RequestFactory().get(page.url, query)
    request.user = AnonymousUser()
    filters, items = page.specific.filtered_items(request)
    assert filters.is_valid(), filters.errors
    with no_scans_or_sorts():
        return list(nodes(json.loads(items[:12].explain(format="json"))[0]["Plan"]))


@pytest.mark.parametrize(
    "listing, query, index",
    CASES,
    ids=[f"{listing} {'&'.join(query) or 'newest first'}" for listing, query, _ in CASES],
)
def test_the_listing_reads_through_its_index(listing, query, index):
    plan = listing_plan(listing, query)
    used = {node["Index Name"] for node, _ in plan if "Index Name" in node}
    assert index in used, f"{index} not used: {sorted(used)}"
    scanned = [node["Relation Name"] for node, _ in plan if node["Node Type"] == "Seq Scan"]
    assert not scanned, f"sequential scans of {scanned}"
    # (The library picks each resource's version to show among that resource's own few
    # versions, found by index: a sort per resource of a handful of rows, run for the page's.)
    sorts = [node["Sort Key"] for node, each in plan if node["Node Type"] == "Sort" and not each]
    assert not sorts, f"sorted without an index: {sorts}"

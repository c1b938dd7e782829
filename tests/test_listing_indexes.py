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
import random
from contextlib import contextmanager
from datetime import date, timedelta

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory

from wagtail.models import Page

import pytest

from ifrc_site.models import HomePage
from news.models import NewsIndexPage
from resources.models import CaseStudyIndexPage, Resource, ResourceIndexPage

from .factories import CaseStudyPageFactory, CaseStudySectionPageFactory

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


def listed(page, query=None):
    """(filters, items) of a listing page as an anonymous reader's request for it gets them."""
    request = RequestFactory().get(page.url, query or {})
    request.user = AnonymousUser()
    return page.specific.filtered_items(request)


def planner_expects(items):
    """(the rows PostgreSQL expects the listing's query to give, the rows it gives)."""
    return json.loads(items.explain(format="json"))[0]["Plan"]["Plan Rows"], items.count()


def listing_plan(listing, query):
    page = LISTINGS[listing].objects.get(locale__language_code="en")
    if query.get("year") == NEWEST:
        unfiltered, _items = listed(page)
        query = {"year": unfiltered.filters["year"].extra["choices"][0][0]}
    filters, items = listed(page, query)
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
    # (The library checks each document it reads for a version of its resource that stands
    # before it, among that resource's own few versions, found by index.)
    sorts = [node["Sort Key"] for node, each in plan if node["Node Type"] == "Sort" and not each]
    assert not sorts, f"sorted without an index: {sorts}"


LARGE_LIBRARY = 3_000


def test_a_large_library_s_page_reads_a_dozen_documents_not_all():
    """With the planner's own choices (no scans forbidden) and the statistics of a library of
    thousands: the planner expects most documents to stand for their resource, as they do, so
    the page walks the order's index and checks only the documents it shows.

    (Asked as "this one is its group's first", the planner expected almost none to pass: at
    2,000 documents of the bench it read every one, checked each and sorted them all, 10 ms.)"""
    first = date(2025, 12, 31) - timedelta(days=LARGE_LIBRARY - 1)  # newest after the demo's
    Resource.objects.bulk_create(
        Resource(
            title=f"Situation report {number}",
            file=f"documents/situation-report-{number}.pdf",
            resource_type="report",
            publication_date=first + timedelta(days=number),
            language="en",
        )
        # In no order of date, as documents come.
        for number in random.Random(20).sample(range(LARGE_LIBRARY), LARGE_LIBRARY)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE resources_resource")
    _filters, items = listed(ResourceIndexPage.objects.get(locale__language_code="en"))

    expected, shown = planner_expects(items)
    assert shown > LARGE_LIBRARY
    assert expected > shown / 2, f"the planner expects {expected} of {shown} documents"

    plan = list(nodes(json.loads(items[:12].explain(format="json", analyze=True))[0]["Plan"]))
    scans = [node for node, each in plan if node.get("Relation Name") == "resources_resource"]
    outer = [node for node in scans if node.get("Alias") == "resources_resource"]
    assert [node.get("Index Name") for node in outer] == ["resource_newest_first"], outer
    read = outer[0]["Actual Rows"] + outer[0].get("Rows Removed by Filter", 0)
    assert read < 100, f"{read} documents read for a page of 12"
    assert [document.title for document in items[:2]] == [
        f"Situation report {LARGE_LIBRARY - 1}",
        f"Situation report {LARGE_LIBRARY - 2}",
    ]


def test_the_planner_expects_the_case_studies_the_listing_has():
    """The case study listing asks for its case studies in a way PostgreSQL estimates: it then
    reads a page's dozen through the order's index, at any number of case studies. (Asked as
    "below the listing", a path prefix, it expected one in twenty and read and sorted them
    all: 3.4 ms at 500 case studies.)"""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailcore_page")
        cursor.execute("ANALYZE resources_casestudypage")
    _filters, items = listed(CaseStudyIndexPage.objects.get(locale__language_code="en"))
    expected, shown = planner_expects(items)
    assert shown >= 5
    assert expected > shown / 2, f"the planner expects {expected} of {shown} case studies"


def test_with_two_case_study_listings_in_one_language_each_lists_only_its_own():
    """A second site in the same language, with a case study listing of its own: from its
    publication on, each listing lists the case studies below it, not every one in its
    language (what a listing asks is kept per content generation; publishing starts one)."""
    listing = CaseStudyIndexPage.objects.get(locale__language_code="en")
    ours = set(listed(listing)[1].values_list("pk", flat=True))
    assert len(ours) >= 5
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Another site", slug="another-site")
    )
    other_listing = other_home.add_child(
        instance=CaseStudyIndexPage(title="Other case studies", slug="other-case-studies")
    )
    section = CaseStudySectionPageFactory(parent=other_listing)
    theirs = CaseStudyPageFactory(
        parent=section,
        title="A case study of the other site",
        programme=Page.objects.get(slug="migration", locale=listing.locale),
    )
    theirs.save_revision().publish()
    assert set(listed(listing)[1].values_list("pk", flat=True)) == ours
    assert set(listed(other_listing)[1].values_list("pk", flat=True)) == {theirs.pk}

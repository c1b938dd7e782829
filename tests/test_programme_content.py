"""Programme pages find their own latest news, documents and case studies, or pinned ones."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from ifrc_site import blocks
from news.models import NewsIndexPage, NewsStoryPage
from resources.models import CaseStudyPage, CaseStudySectionPage, Resource

from .factories import (
    CaseStudyPageFactory,
    ImageFactory,
    NewsStoryPageFactory,
    ResourceFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def section_titles(client, page, selector):
    soup = BeautifulSoup(client.get(page.url).content, "lxml")
    return [node.get_text(" ", strip=True) for node in soup.select(selector)]


def test_newly_published_story_shows_on_its_programme_page(client, home, migration_page):
    news = NewsIndexPage.objects.child_of(home).get()
    story = NewsStoryPageFactory(
        parent=news, title="Volunteers welcome families at the harbour", date=datetime.date.today()
    )
    story.programmes.set([migration_page])
    story.save_revision().publish()
    titles = section_titles(client, migration_page, ".latest--news .card__title")
    assert titles[0] == "Volunteers welcome families at the harbour"
    story.unpublish()
    assert "Volunteers welcome families at the harbour" not in section_titles(
        client, migration_page, ".latest--news .card__title"
    )


def test_story_of_another_programme_stays_off(client, home, immunization_page, migration_page):
    news = NewsIndexPage.objects.child_of(home).get()
    story = NewsStoryPageFactory(parent=news, title="Clinic day", date=datetime.date.today())
    story.programmes.set([immunization_page])
    story.save_revision().publish()
    assert "Clinic day" not in section_titles(client, migration_page, ".card__title")
    assert "Clinic day" in section_titles(client, home, ".latest--news .card__title")


def test_new_document_shows_in_the_programme_resources(client, migration_page):
    document = ResourceFactory(title="Hotline numbers 2026", publication_date=datetime.date.today())
    document.programmes.set([migration_page])
    titles = section_titles(client, migration_page, ".latest--resources .doc-summary__title")
    assert titles[0] == "Hotline numbers 2026"


def test_new_case_study_shows_on_its_programme_page(client, migration_page):
    section = CaseStudySectionPage.objects.live().first()
    CaseStudyPageFactory(
        parent=section,
        title="Helping families at the border",
        date=datetime.date.today(),
        programme=migration_page,
    ).save_revision().publish()
    titles = section_titles(client, migration_page, ".latest--case-studies .card__title")
    assert titles[0] == "Helping families at the border"


def test_pinned_items_override_the_automatic_ones(client, immunization_page):
    # The demo pins two case studies and two documents on the immunization page; newer ones
    # of the same programme exist, and must not push the pinned ones out.
    newest = Resource.objects.filter(programmes=immunization_page).order_by("-publication_date")
    pinned = section_titles(client, immunization_page, ".latest--resources .doc-card__title")
    assert newest[0].title not in " ".join(pinned)
    assert any("South Sudan" in title for title in pinned)
    assert any("Somalia" in title for title in pinned)
    countries = section_titles(client, immunization_page, ".latest--case-studies .card__eyebrow")
    assert countries == ["Central African Republic", "Pakistan"]


def test_all_items_links_go_to_the_filtered_listings(client, migration_page):
    soup = BeautifulSoup(client.get(migration_page.url).content, "lxml")
    links = {a["href"] for a in soup.select(".latest__all a")}
    assert links == {
        "/en/news/?programme=migration",
        "/en/resources/?programme=migration",
        "/en/case-studies/?programme=migration",
    }


def test_related_documents_block_shows_the_seed_shape():
    document = ResourceFactory(
        title="Polio program transition in South Sudan: an assessment of risks and opportunities",
        publication_date=datetime.date(2020, 9, 18),
    )
    block = blocks.DocumentListBlock()
    html = block.render(
        block.to_python({"heading": "Related documents", "documents": [document.pk]})
    )
    soup = BeautifulSoup(html, "lxml")
    meta = soup.select_one(".doc-card__meta").get_text(" ", strip=True)
    assert re.match(r"18/09/2020 \| PDF ?, \d+ KB, about \d+ seconds? on 3G", meta), meta
    assert soup.select_one(".doc-card__type").get_text(strip=True) == "Report"
    shortened = soup.select_one(".truncate").get_text()
    assert shortened.endswith("…") and len(shortened) <= 62
    assert soup.select_one(".visually-hidden").get_text() == document.title
    assert soup.select_one(".doc-card__title a")["title"] == document.title
    more = soup.select_one(".doc-card__more a").get_text()
    assert more.startswith("Read more: ") and len(more) > 20  # says which document
    assert soup.select_one(".doc-card__more a")["href"] == document.url


def add_content(home, programme, count, prefix):
    """`count` news stories and documents of the programme, each story with a picture."""
    news = NewsIndexPage.objects.child_of(home).get()
    image = ImageFactory()
    for number in range(count):
        story = NewsStoryPageFactory(
            parent=news,
            title=f"{prefix} story {number}",
            slug=f"{prefix}-story-{number}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            hero_image=image,
        )
        story.programmes.set([programme])
        document = ResourceFactory(
            title=f"{prefix} document {number}", publication_date=datetime.date(2025, 2, 1)
        )
        document.programmes.set([programme])


def count_queries(client, url):
    client.get(url)  # the first request fills the shared caches (renditions, menus, sections)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_content(client, home, migration_page, settings):
    settings.PAGE_CACHE_SECONDS = 0  # count the queries of rendering, not of a cache hit
    # The demo has nothing from 2025: those listings show 3 items first, then a full page of 12
    # (of 13, so that there is a second page too).
    story = NewsStoryPage.objects.live().filter(locale__language_code="en").first()
    case_study = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    pages = {
        "migration programme": migration_page.url,
        "immunization programme": "/en/immunization/",
        "home": "/en/",
        "news listing": "/en/news/?year=2025",
        "news listing, second page": "/en/news/?year=2025&page=2",
        "story": story.url,
        "resource library": "/en/resources/?year=2025",
        "case study listing": "/en/case-studies/",
        "case study": case_study.url,
    }
    add_content(home, migration_page, 3, "few")
    few = {name: count_queries(client, url) for name, url in pages.items()}
    add_content(home, migration_page, 10, "many")
    many = {name: count_queries(client, url) for name, url in pages.items()}
    assert many == few
    # The budget of every page type: at most 12 queries (docs: README, "Speed").
    assert {name: count for name, count in many.items() if count > 12} == {}

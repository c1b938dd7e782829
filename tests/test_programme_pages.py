"""The home and programme pages as visitors see them, built from the demo content."""

from django.core.management import call_command

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from ifrc_site.models import NationalSociety, SiteImage
from news.models import NewsStoryPage
from resources.models import CaseStudyPage, Resource

pytestmark = pytest.mark.django_db


def visible_text(response):
    soup = BeautifulSoup(response.content, "lxml")
    return " ".join(soup.get_text(" ").split()), soup


def test_home_page_links_to_both_programmes(client, home, migration_page, immunization_page):
    response = client.get(home.url)
    assert response.status_code == 200
    _, soup = visible_text(response)
    links = {a["href"] for a in soup.select("main a[href]")}
    assert migration_page.url in links
    assert immunization_page.url in links


def test_migration_page_shows_every_seed_section(client, migration_page):
    response = client.get(migration_page.url)
    assert response.status_code == 200
    text, soup = visible_text(response)
    headings = [h.get_text(" ", strip=True) for h in soup.select("main h2")]
    # Intro and facts.
    assert "190" in text and "17 million" in text
    assert "restoring family links" in text
    # "Our work" feature cards, the story call-out, related news, the resource library.
    assert "Our work in migration" in headings
    assert {"Policy and strategy", "Smart practices"} <= {
        h.get_text(strip=True) for h in soup.select(".feature-card__title")
    }
    assert "What would you do if" in soup.select_one(".story-callout__question").get_text()
    assert "Related news" in headings
    datelines = [p.get_text(" ", strip=True) for p in soup.select(".latest--news .dateline")]
    assert datelines[0].startswith("Thessaloniki, Greece")
    assert "16 May 2017" in datelines[0]
    assert "Recent additions to the migration resources library" in headings
    assert soup.select(".latest--resources .doc-summary")


def test_immunization_page_shows_every_seed_section(client, immunization_page):
    response = client.get(immunization_page.url)
    assert response.status_code == 200
    text, soup = visible_text(response)
    headings = [h.get_text(" ", strip=True) for h in soup.select("main h2")]
    assert "192" in text and "20 million" in text
    # Activity cards: photo, caption, title, six of them.
    cards = soup.select(".activity-card")
    assert len(cards) == 6
    for card in cards:
        assert card.find("img")["alt"]
        assert card.select_one(".caption").get_text(strip=True)
        assert card.select_one(".activity-card__title").get_text(strip=True)
    # Video (nothing embedded before the click), the five-point plan, the contact person.
    assert soup.select_one(".video .video__play") is not None
    assert soup.find("iframe") is None
    assert len(soup.select(".numbered-list__items > li")) == 5
    assert "Indu Adhikary" in soup.select_one(".contact").get_text()
    # Links to other resources, case studies by country, related documents, partnerships.
    links = soup.select(".links .link-list a")
    assert {"Immunization Annex", "COVID-19 Resource Compendium"} <= {a.get_text() for a in links}
    countries = [
        p.get_text(strip=True) for p in soup.select(".latest--case-studies .card__eyebrow")
    ]
    assert countries == ["Central African Republic", "Pakistan"]
    documents = soup.select(".latest--resources .doc-card")
    assert len(documents) == 2
    first = documents[0].get_text(" ", strip=True)
    assert "18/09/2020" in first
    cue = documents[0].select_one(".doc-card__format").get_text(strip=True)
    assert cue.startswith("PDF, ") and cue.endswith(" on 3G") and ("KB, " in cue or "MB, " in cue)
    assert "Read more" in first
    assert "Our partnerships and advocacy" in headings


def test_headings_are_in_order(client, home, migration_page, immunization_page):
    for page in (home, migration_page, immunization_page):
        _, soup = visible_text(client.get(page.url))
        levels = [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4"])]
        assert levels[0] == 1 and levels.count(1) == 1, page.title
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, f"{page.title}: h{before} then h{after}"


def test_pages_load_nothing_from_other_hosts(client, home, migration_page, immunization_page):
    for page in (home, migration_page, immunization_page):
        _, soup = visible_text(client.get(page.url))
        for tag, attribute in (
            ("img", "src"),
            ("script", "src"),
            ("link", "href"),
            ("iframe", "src"),
            ("source", "srcset"),
        ):
            for element in soup.find_all(tag):
                if {"alternate", "canonical"} & set(element.get("rel", [])):
                    continue  # hreflang and canonical links are absolute and load nothing
                value = element.get(attribute, "")
                assert not value.startswith(("http:", "https:", "//")), value
        assert not soup.select("[style]"), "no inline style attributes"
        scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
        assert all(script.get("src") for script in scripts), "no inline scripts (JSON-LD is data)"


def test_html_lang_and_dir_follow_the_url_language(client, migration_page):
    response = client.get(migration_page.url)
    _, soup = visible_text(response)
    assert soup.html["lang"] == "en" and soup.html["dir"] == "ltr"
    response = client.get("/ar/")
    _, soup = visible_text(response)
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"


def test_skip_link_comes_first_and_targets_main(client, home):
    _, soup = visible_text(client.get(home.url))
    first_link = soup.body.find("a")
    assert first_link["href"] == "#main"
    assert soup.find(id="main").name == "main"


def test_demo_loader_runs_twice_without_duplicates():
    models = [Page, NewsStoryPage, CaseStudyPage, Resource, NationalSociety, SiteImage]
    before = {model: model.objects.count() for model in models}
    call_command("load_demo_content", allow_production=True, verbosity=0)
    after = {model: model.objects.count() for model in models}
    assert before == after
    assert before[NewsStoryPage] > 12 and before[Resource] > 12 and before[CaseStudyPage] > 12


def test_demo_has_no_placeholder_text(client, home, migration_page, immunization_page):
    for page in (home, migration_page, immunization_page):
        text, _ = visible_text(client.get(page.url))
        for placeholder in ("Lorem", "ipsum", "Test page", "Descriptive text in here"):
            assert placeholder not in text


def test_unknown_page_gives_styled_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    text, soup = visible_text(response)
    assert "We can't find that page" in text
    assert soup.select_one(".site-header") is not None


def test_server_error_shows_no_trace(client, settings, monkeypatch):
    settings.DEBUG = False
    from migration.models import MigrationPage

    def broken(*args, **kwargs):
        raise RuntimeError("database exploded")

    monkeypatch.setattr(MigrationPage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/en/migration/")
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"database exploded" not in response.content and b"Traceback" not in response.content

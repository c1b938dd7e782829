"""Long pages as served: "On this page" built from the sections, anchors that match, the side
column's blocks, a video's still picture with its title and length, and the footer from the
site settings, with the privacy and terms pages in the reader's language and only while
readers may open them."""

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.blocks import StreamValue

import pytest
from bs4 import BeautifulSoup

from ifrc_site.blocks import BaseStreamBlock, VideoBlock
from ifrc_site.models import DEMONSTRATION_NOTICE, SiteSettings, StandardPage
from ifrc_site.page_layout import MIN_SECTIONS, anchor_for, page_layout

pytestmark = pytest.mark.django_db


def stream(*blocks):
    return StreamValue(BaseStreamBlock(), list(blocks), is_lazy=True)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def test_sections_come_from_section_headings_with_unique_anchors():
    layout = page_layout(
        stream(
            heading("Our work"),
            paragraph("One"),
            heading("A detail", "h3"),
            heading("Our work"),
            {"type": "key_figures", "value": {"heading": "", "figures": []}},
            heading("الهجرة"),
            heading("!!!"),
            {"type": "contact", "value": {"name": "Indu Adhikary"}},
        )
    )
    assert [(s.anchor, s.title) for s in layout.sections] == [
        ("our-work", "Our work"),
        ("our-work-2", "Our work"),
        ("الهجرة", "الهجرة"),
        ("section", "!!!"),
    ]
    # Sub-headings are no sections; figures and contacts go to the side column, in order.
    assert [item.block.block_type for item in layout.main].count("heading") == 5
    assert [block.block_type for block in layout.side_first] == ["key_figures"]
    assert [block.block_type for block in layout.side_last] == ["contact"]
    assert layout.contents == layout.sections


def test_a_short_page_has_no_list_of_sections():
    layout = page_layout(stream(*[heading(f"Part {n}") for n in range(MIN_SECTIONS - 1)]))
    assert len(layout.sections) == MIN_SECTIONS - 1
    assert layout.contents == []


def test_anchors_never_take_the_ids_the_page_already_has():
    taken = {"main"}
    assert anchor_for("Main", taken) == "main-2"
    layout = page_layout(stream(heading("Help finder link"), heading("Main"), heading("Top")))
    assert [s.anchor for s in layout.sections] == ["help-finder-link-2", "main-2", "top"]


def test_programme_page_lists_its_sections_and_each_link_has_its_target(client, immunization_page):
    soup = soup_of(client.get(immunization_page.url))
    links = soup.select(".toc a")
    assert len(links) >= MIN_SECTIONS
    for link in links:
        target = soup.find(id=link["href"][1:])
        assert target is not None, link["href"]
        assert target.find("h2").get_text(strip=True) == link.get_text(strip=True)
    # Key figures and the contact person sit in the side column, outside the body.
    assert soup.select(".page-layout__side--first .key-figures")
    assert soup.select(".page-layout__side--last .contact")
    assert not soup.select(".page-layout__main .key-figures, .page-layout__main .contact")


def test_migration_page_offers_help_in_the_side_column(client, migration_page):
    soup = soup_of(client.get(migration_page.url))
    side = soup.select_one(".page-layout__side--first")
    assert side.select_one(".help-finder-link a.button")["href"].endswith("/help-finder/")
    # Before the body in the page's order, so that it comes first on a phone.
    order = list(soup.select(".page-layout__side--first, .page-layout__main"))
    assert "page-layout__side--first" in order[0]["class"]


def test_video_length_is_checked_and_shown_on_its_still_picture(immunization_page, client):
    block = VideoBlock()
    value = block.to_python(
        {"title": "Vaccines work", "url": "https://youtu.be/abcdefgh", "duration": "2:45"}
    )
    assert value.duration_iso == "PT2M45S"
    assert block.to_python({"duration": "1:02:05"}).duration_iso == "PT1H2M5S"
    for wrong in ("2.45", "2:75", "45"):
        with pytest.raises(ValidationError):
            block.clean(block.to_python({**value, "duration": wrong}))
    soup = soup_of(client.get(immunization_page.url))
    play = soup.select_one(".video__play")
    assert play.select_one(".video__play-title").get_text(" ", strip=True).startswith("Watch")
    time = play.select_one("time")
    assert time["datetime"].startswith("PT") and ":" in time.get_text()
    assert play.find_previous("img") is not None  # the still picture


def footer_of(client, url):
    return soup_of(client.get(url)).select_one("footer.site-footer")


def test_footer_shows_the_settings_in_the_readers_language(client, home):
    settings = SiteSettings.objects.get()
    assert settings.notice == DEMONSTRATION_NOTICE
    footer = footer_of(client, "/fr/")
    assert footer.select_one("svg.emblem title").get_text() == (
        "Les emblèmes de la croix rouge et du croissant rouge"
    )
    assert "Chemin des Crêts 17" in footer.select_one("address").get_text()
    assert footer.select_one(f'a[href="mailto:{settings.contact_email}"]')
    assert footer.select_one('a[href^="tel:+41"]')["dir"] == "ltr"
    links = {a.get_text(strip=True): a["href"] for a in footer.select(".site-footer__links a")}
    assert links["Confidentialité"] == "/fr/privacy/"
    assert links["Conditions d’utilisation"] == "/fr/terms/"
    with translation.override("fr"):
        assert footer.select_one(".site-footer__notice").get_text(strip=True) == (
            translation.gettext(DEMONSTRATION_NOTICE)
        )
    assert footer.select_one(".site-footer__notice").get_text(strip=True) != DEMONSTRATION_NOTICE


def test_footer_drops_a_page_readers_can_no_longer_open(client, home):
    privacy = StandardPage.objects.get(slug="privacy", locale__language_code="fr")
    before = footer_of(client, "/fr/news/")
    assert before.select_one('a[href="/fr/privacy/"]')
    privacy.unpublish()
    # The English page stands in while the French one is unpublished...
    after = footer_of(client, "/fr/news/")
    assert not after.select_one('a[href="/fr/privacy/"]')
    assert after.select_one('a[href="/en/privacy/"]')
    # ...and nothing is linked once no version of it is live.
    StandardPage.objects.get(slug="privacy", locale__language_code="en").unpublish()
    assert not footer_of(client, "/fr/news/").select_one('a[href$="/privacy/"]')


def test_site_settings_form_offers_the_footer_fields(admin_client, home):
    response = admin_client.get(f"/admin/settings/ifrc_site/sitesettings/{home.get_site().pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    for name in ("address", "privacy_page", "terms_page", "notice"):
        assert soup.select_one(f'[name="{name}"]'), name
    # The links are a StreamField, which the admin's script draws from its definition.
    assert '"fieldName": "footer_links"' in response.content.decode()


def test_staff_change_the_footer_in_site_settings_and_readers_see_it(admin_client, client, home):
    settings = SiteSettings.objects.get()
    url = f"/admin/settings/ifrc_site/sitesettings/{home.get_site().pk}/"
    assert "Chemin des Crêts 17" in footer_of(client, "/es/").get_text()
    response = admin_client.post(
        url,
        {
            "organisation_name": settings.organisation_name,
            "contact_email": "web@ifrc.test",
            "contact_phone": settings.contact_phone,
            "address": "Route de Ferney 1\n1202 Geneva",
            "footer_links-count": "0",
            "privacy_page": settings.privacy_page_id,
            "terms_page": "",
            "notice": "",
            "facebook_url": "",
            "x_url": "",
            "youtube_url": "",
            "instagram_url": "",
            "linkedin_url": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    footer = footer_of(client, "/es/")
    assert "Route de Ferney 1" in footer.get_text() and "Chemin des Crêts" not in footer.get_text()
    assert footer.select_one('a[href="mailto:web@ifrc.test"]')
    assert footer.select_one('a[href="/es/privacy/"]')
    assert not footer.select_one('a[href$="/terms/"]')
    assert not footer.select_one('a[href$="/help-finder/"]')
    assert not footer.select_one(".site-footer__notice")


def test_footer_keeps_a_live_translation_of_an_unpublished_page(client, home):
    StandardPage.objects.get(slug="terms", locale__language_code="en").unpublish()
    assert footer_of(client, "/ar/news/").select_one('a[href="/ar/terms/"]')
    assert not footer_of(client, "/en/news/").select_one('a[href$="/terms/"]')

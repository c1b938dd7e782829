"""Low-data mode: a visitor can switch images and video off; PDFs show their download time."""

import re

from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from ifrc_site.templatetags.site_tags import download_cue, download_time
from resources.models import Resource

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "lxml")


def test_switching_low_data_on_and_off(client, immunization_page):
    url = immunization_page.url
    assert soup(client.get(url)).select("main img")
    assert "lowdata" not in client.cookies
    response = client.get("/en/low-data/", {"on": "1", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert client.cookies["lowdata"].value == "1"
    page = soup(client.get(url))
    assert page.select("main img") == [] and page.select("main picture") == []
    assert page.select_one(".video__play") is not None, "the video stays reachable as a link"
    assert "Show images and video" in page.select_one(".site-footer").get_text()
    client.get("/en/low-data/", {"on": "0", "next": url})
    assert soup(client.get(url)).select("main img")


def test_low_data_and_full_pages_are_cached_apart(client, immunization_page):
    url = immunization_page.url
    client.get(url)
    assert soup(client.get(url)).select("main img")
    client.cookies["lowdata"] = "1"
    response = client.get(url)
    assert soup(response).select("main img") == []
    assert response["Cache-Control"].startswith("private")


def test_low_data_switch_only_returns_to_this_site(client):
    response = client.get("/en/low-data/", {"on": "1", "next": "https://example.org/"})
    assert response["Location"] == "/"


def test_content_pages_set_no_cookies_until_asked(client, immunization_page):
    response = client.get(immunization_page.url)
    assert not response.cookies


def test_pdf_links_show_size_and_3g_time(client, immunization_page):
    cards = soup(client.get(immunization_page.url)).select(".latest--resources .doc-card__meta")
    assert cards
    for card in cards:
        text = card.get_text(" ", strip=True)
        assert re.search(r"\| PDF ?, [\d.]+ [KM]B, about \d+ (second|minute)s? on 3G", text), text
        assert "(" not in text


@pytest.mark.parametrize(
    "size,expected",
    [
        (50_000, "about 1 second on 3G"),
        (6_731_857, "about 72 seconds on 3G"),
        (60_000_000, "about 11 minutes on 3G"),
        (None, ""),
    ],
)
def test_download_time(size, expected):
    assert download_time(size) == expected


@pytest.mark.parametrize(
    "language,expected",
    [
        ("en", "<bdi>PDF</bdi>, 6 KB, about 1 second on 3G"),
        ("fr", "<bdi>PDF</bdi>, 6 Ko, environ 1 seconde en 3G"),
        ("es", "<bdi>PDF</bdi>, 6 KB, alrededor de 1 segundo en 3G"),
        ("ar", "<bdi>PDF</bdi>، 6 كيلوبايت، نحو 1 ثانية عبر شبكة 3G"),
    ],
)
def test_download_cue_reads_as_one_list_in_each_language(language, expected):
    document = Resource(file="documents/annex.pdf", file_size=6_000)
    with translation.override(language):
        assert download_cue(document) == expected


def test_download_cue_without_a_size_is_the_format_alone():
    assert download_cue(Resource(file="documents/figures.docx", file_size=None)) == (
        "<bdi>DOCX</bdi>"
    )

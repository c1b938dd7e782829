"""A page shown in another language's interface says which language its content is in."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_untranslated_page_marks_its_content_and_menu_as_english(client):
    response = client.get("/ar/migration/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    assert soup.main["lang"] == "en" and soup.main["dir"] == "ltr"
    assert soup.select_one(".main-nav__list")["lang"] == "en"


def test_page_in_its_own_language_adds_nothing(client):
    soup = BeautifulSoup(client.get("/en/migration/").content, "html.parser")
    assert not soup.main.has_attr("lang")
    assert not soup.select_one(".main-nav__list").has_attr("lang")

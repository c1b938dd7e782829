"""A page shown in another language's interface says which language its content is in."""

import pytest
from bs4 import BeautifulSoup

from ifrc_site.models import HomePage

pytestmark = pytest.mark.django_db


def test_untranslated_page_marks_its_content_and_menu_as_english(client):
    # Without a live Arabic home page, /ar/ shows the English one in the Arabic interface.
    HomePage.objects.get(locale__language_code="ar").unpublish()
    response = client.get("/ar/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    assert soup.main["lang"] == "en" and soup.main["dir"] == "ltr"
    assert soup.select_one(".main-nav__list")["lang"] == "en"


def test_page_in_its_own_language_adds_nothing(client):
    for address in ("/en/migration/", "/ar/migration/"):
        soup = BeautifulSoup(client.get(address).content, "lxml")
        assert not soup.main.has_attr("lang")
        assert not soup.select_one(".main-nav__list").has_attr("lang")

"""Small fixes met in the editors' browser journeys (tests/browser/test_editor_journeys.py)."""

from django.conf import settings

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from ifrc_site.models import programme_pages_in
from resources.models import CaseStudySectionPage

pytestmark = pytest.mark.django_db


def programme_inputs(response):
    soup = BeautifulSoup(response.content, "lxml")
    return [
        (field["value"], soup.find("label", attrs={"for": field["id"]}).get_text(strip=True))
        for field in soup.select('input[name="programme"]')
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_case_study_offers_one_choice_per_programme_of_its_language(admin_client, language):
    section = CaseStudySectionPage.objects.filter(locale__language_code=language).first()
    response = admin_client.get(f"/admin/pages/add/resources/casestudypage/{section.pk}/")
    assert response.status_code == 200
    choices = programme_inputs(response)
    expected = programme_pages_in(Locale.objects.get(language_code=language))
    assert sorted(int(value) for value, _label in choices) == sorted(page.pk for page in expected)
    # Radio buttons, none of them empty: no page chooser to walk the tree.
    assert all(value for value, _label in choices)
    assert b'id="id_programme-chooser"' not in response.content


def test_the_test_run_keeps_its_demo_logins_away_from_those_of_make_run():
    credentials = settings.DEMO_CREDENTIALS_FILE
    assert credentials != settings.BASE_DIR / ".demo-login"
    # The session's demo load wrote its logins there.
    assert credentials.read_text().startswith("admin ")

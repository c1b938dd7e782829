"""The public pages' form widgets write the same markup as Django's own."""

from django import forms

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from ifrc_site.widgets import PlainSelect
from resources.models import Resource, ResourceFilterSet

CHOICES = [
    ("", "All <countries>"),
    ("AF", "Afghanistan"),
    ("AX", "Åland Islands"),
    ("CD", "Congo (the Democratic Republic of the)"),
    ("Group & more", [("a", "A & b"), ("b", '"B"')]),
    (2024, "2024"),
]


def tree(html):
    """Each element as (tag, attributes, text), in document order."""
    soup = BeautifulSoup(html, "lxml")
    return [
        (element.name, element.attrs, element.get_text() if element.name == "option" else None)
        for element in soup.find_all(True)
    ]


@pytest.mark.parametrize("value", [None, "", "AF", "b", 2024, "2024", "<x>", ["AX"]])
def test_plain_select_writes_what_djangos_select_writes(value):
    attrs = {"id": "id_country", "class": "filter", "required": True, "aria-describedby": "x"}
    expected = forms.Select(choices=CHOICES).render("country", value, attrs)
    written = PlainSelect(choices=CHOICES).render("country", value, attrs)
    assert tree(written) == tree(expected)
    assert "<countries>" not in written  # labels are escaped


@pytest.mark.django_db
def test_listing_filters_use_it(client):
    filters = ResourceFilterSet({}, Resource.objects.all(), locale=Locale.get_default())
    assert {type(field.widget) for field in filters.form.fields.values()} == {PlainSelect}
    soup = BeautifulSoup(client.get("/en/resources/?country=KE").content, "lxml")
    countries = soup.select("select[name=country] option")
    assert len(countries) > 240
    assert [option["value"] for option in countries if option.has_attr("selected")] == ["KE"]

"""The news, resource and case study listings as a visitor first opens them, with no filter."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "item"),
    [
        ("/en/news/", ".card--news"),
        ("/en/resources/", ".doc-card"),
        ("/en/case-studies/", ".card--case-study"),
    ],
)
def test_a_listing_without_filters_shows_every_item(client, path, item):
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select(item), f"{path} lists nothing"
    assert "match these filters" not in soup.get_text()
    assert not soup.select(".active-filters")

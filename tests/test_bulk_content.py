"""generate_bulk_content: the large content set behind the benchmarks."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from bs4 import BeautifulSoup

from news.models import NewsStoryPage
from resources.models import CaseStudyPage, Resource

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def generate(**sizes):
    call_command("generate_bulk_content", stdout=StringIO(), **sizes)


def bulk_counts():
    return (
        NewsStoryPage.objects.filter(slug__startswith="bulk-story-").count(),
        Resource.objects.filter(file__contains="bulk-document-").count(),
        CaseStudyPage.objects.filter(slug__startswith="bulk-case-study-").count(),
    )


def test_adds_what_is_asked_once_and_the_site_shows_and_finds_it(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    generate(stories=30, documents=3, case_studies=4)
    assert bulk_counts() == (30, 3, 4)
    generate(stories=30, documents=3, case_studies=4)
    assert bulk_counts() == (30, 3, 4), "a second run adds nothing"
    generate(stories=32, documents=3, case_studies=4)
    assert bulk_counts() == (32, 3, 4), "a larger run adds only the missing numbers"

    story = NewsStoryPage.objects.get(slug="bulk-story-00032")
    assert story.live and story.programmes.exists()
    response = client.get(story.url)
    assert response.status_code == 200
    assert story.title in response.content.decode()

    case_study = CaseStudyPage.objects.get(slug="bulk-case-study-00004")
    assert client.get(case_study.url).status_code == 200

    document = Resource.objects.filter(file__contains="bulk-document-").first()
    assert document.extracted_text and document.file_size > 0
    assert client.get(document.url).status_code == 200

    found = BeautifulSoup(client.get("/en/search/", {"q": story.title}).content, "lxml")
    titles = [node.get_text(" ", strip=True) for node in found.select(".search-result__title")]
    assert story.title in titles, "new items are in the search index"


def test_refuses_negative_sizes():
    with pytest.raises(CommandError):
        generate(stories=-1)

"""Scheduled publishing: pages through `manage.py publish_scheduled`, documents by their dates."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection

import pytest

from news.models import NewsIndexPage
from resources.models import Resource, ResourceIndexPage

from .factories import NationalSocietyFactory, NewsStoryPageFactory, ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def news_index(home):
    return NewsIndexPage.objects.child_of(home).get()


def test_news_story_editor_offers_the_publishing_schedule(admin_client, news_index):
    story = NewsStoryPageFactory(parent=news_index)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert 'name="go_live_at"' in response.text
    assert 'name="expire_at"' in response.text


def test_publish_scheduled_publishes_a_story_whose_time_has_come(news_index):
    story = NewsStoryPageFactory(parent=news_index, live=False, title="Scheduled story")
    story.go_live_at = timezone.now() + HOUR
    revision = story.save_revision()
    revision.publish()
    story.refresh_from_db()
    assert not story.live  # scheduled, not published
    call_command("publish_scheduled", verbosity=0)
    story.refresh_from_db()
    assert not story.live  # its time has not come yet

    # Two hours later, as far as the schedule is concerned: move its time into the past.
    past = timezone.now() - HOUR
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    story.refresh_from_db()
    assert story.live
    assert story in news_index.stories()


def test_publish_scheduled_takes_an_expired_story_down(news_index):
    story = NewsStoryPageFactory(parent=news_index, title="Expiring story")
    story.save_revision().publish()
    type(story).objects.filter(pk=story.pk).update(expire_at=timezone.now() - HOUR)
    call_command("publish_scheduled", verbosity=0)
    story.refresh_from_db()
    assert not story.live
    assert story.expired


def test_library_lists_a_document_only_between_its_dates():
    document = ResourceFactory(title="Scheduled report")
    assert document in Resource.objects.listed()

    document.go_live_at = timezone.now() + HOUR
    document.save()
    assert document not in Resource.objects.listed()

    document.go_live_at = timezone.now() - HOUR
    document.save()
    assert document in Resource.objects.listed()

    document.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    document.save()
    assert document not in Resource.objects.listed()


def test_library_page_hides_a_document_not_yet_live(client, home):
    ResourceFactory(title="Report under embargo", go_live_at=timezone.now() + HOUR)
    ResourceFactory(title="Report out today", go_live_at=timezone.now() - HOUR)
    library = ResourceIndexPage.objects.child_of(home).get()
    text = client.get(library.url).text
    assert "Report out today" in text
    assert "Report under embargo" not in text


def test_library_leaves_out_national_society_uploads():
    society = NationalSocietyFactory()
    society.refresh_from_db()
    upload = ResourceFactory(title="Society draft report", collection=society.collection)
    assert upload not in Resource.objects.listed()
    # Communications staff approve it into the library by moving it to a library collection.
    upload.collection = Collection.get_first_root_node()
    upload.save()
    assert upload in Resource.objects.listed()


def test_document_form_has_the_dates(admin_client):
    response = admin_client.get(reverse("wagtaildocs:add"))
    assert 'name="go_live_at"' in response.text
    assert 'name="expire_at"' in response.text

"""Pages that stay current: "last reviewed" at their foot in each language, and reminders to
their owners when a year has passed (ifrc_site/reviews.py)."""

import datetime
import io

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

import pytest

from ifrc_site.models import StandardPage
from ifrc_site.reviews import due_pages
from migration.models import HelpPointPage, MigrationPage

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


@pytest.mark.parametrize(
    "language, words",
    [
        ("en", "Last reviewed: 12 March 2026"),
        ("fr", "Dernière vérification : 12 mars 2026"),
        ("es", "Última revisión: 12 de marzo de 2026"),
        ("ar", "آخر مراجعة: 12 مارس 2026"),
    ],
)
def test_readers_see_when_the_page_was_last_reviewed_in_their_language(client, language, words):
    page = MigrationPage.objects.get(locale=Locale.objects.get(language_code=language))
    page.last_reviewed_on = datetime.date(2026, 3, 12)
    page.save_revision().publish()
    assert words in client.get(page.url).content.decode()


def test_a_page_never_reviewed_shows_no_date(client, home):
    page = StandardPage(title="About the programmes", slug="about-programmes")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "Last reviewed" not in client.get(page.url).content.decode()


@pytest.fixture
def owners(django_user_model):
    owner = django_user_model.objects.create_user("owner", "owner@example.org", "x")
    group = Group.objects.create(name="Programme reviewers")
    for name in ("first", "second"):
        member = django_user_model.objects.create_user(name, f"{name}@example.org", "x")
        member.groups.add(group)
    retired = django_user_model.objects.create_user("retired", "retired@example.org", "x")
    retired.is_active = False
    retired.save()
    retired.groups.add(group)
    return owner, group


def reviewed(page, days_ago, owner=None, group=None):
    page.last_reviewed_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    page.review_owner, page.review_group = owner, group
    page.save_revision().publish()
    return page


def test_owners_are_reminded_only_of_pages_that_are_due(owners, home, settings):
    owner, group = owners
    settings.WAGTAILADMIN_BASE_URL = "https://programmes.example.org"
    english = MigrationPage.objects.get(locale__language_code="en")
    french = MigrationPage.objects.get(locale__language_code="fr")
    recent = StandardPage(title="Privacy", slug="privacy-review")
    home.add_child(instance=recent)
    reviewed(english, 400, owner=owner)
    reviewed(french, 500, group=group)
    reviewed(recent, 60, owner=owner)
    MigrationPage.objects.exclude(pk__in=[english.pk, french.pk]).update(
        last_reviewed_on=timezone.localdate()
    )

    output = io.StringIO()
    call_command("send_review_reminders", stdout=output)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"owner@example.org", "first@example.org", "second@example.org"}
    to_owner = by_address["owner@example.org"].body
    assert f"https://programmes.example.org/admin/pages/{english.pk}/edit/" in to_owner
    assert f"/admin/pages/{recent.pk}/edit/" not in to_owner  # reviewed two months ago
    assert f"/admin/pages/{french.pk}/edit/" in by_address["first@example.org"].body
    assert "owner(s) reminded" in output.getvalue()


def test_the_review_period_is_a_setting(owners, settings):
    owner, _group = owners
    page = reviewed(MigrationPage.objects.get(locale__language_code="en"), 100, owner=owner)
    assert page not in due_pages()
    settings.REVIEW_AFTER_MONTHS = 3
    assert page.pk in {due.pk for due in due_pages()}


def test_a_page_never_reviewed_is_due_a_year_after_it_was_first_published(owners):
    owner, _group = owners
    page = MigrationPage.objects.get(locale__language_code="en")
    page.last_reviewed_on, page.review_owner = None, owner
    page.save_revision().publish()
    MigrationPage.objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert page.pk not in {due.pk for due in due_pages()}
    MigrationPage.objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert page.pk in {due.pk for due in due_pages()}


def test_due_pages_without_an_owner_are_counted_not_mailed(home):
    page = MigrationPage.objects.get(locale__language_code="en")
    reviewed(page, 400)
    output = io.StringIO()
    call_command("send_review_reminders", stdout=output)
    assert mail.outbox == []
    assert "0 owner(s) reminded" in output.getvalue()
    assert "with no owner to remind" in output.getvalue()


def test_help_point_owners_are_reminded_when_it_was_last_verified_six_months_ago(owners):
    owner, _group = owners
    point = HelpPointPage.objects.live().filter(locale=Locale.get_default()).first()
    HelpPointPage.objects.filter(pk=point.pk).update(
        review_owner=owner, last_verified_on=timezone.localdate() - datetime.timedelta(days=60)
    )
    assert point.pk not in {due.pk for due in due_pages()}
    HelpPointPage.objects.filter(pk=point.pk).update(
        last_verified_on=timezone.localdate() - datetime.timedelta(days=200)
    )
    call_command("send_review_reminders", stdout=io.StringIO())
    [message] = [message for message in mail.outbox if message.to == ["owner@example.org"]]
    assert f"/admin/pages/{point.pk}/edit/" in message.body

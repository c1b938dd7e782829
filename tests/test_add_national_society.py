"""`manage.py add_national_society`: a society, its section and its editors in one go."""

import io
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from wagtail.models import Collection, GroupPagePermission, Locale

import pytest

from ifrc_site.editorial import roles
from ifrc_site.models import NationalSociety
from resources.models import CaseStudyIndexPage, CaseStudySectionPage

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

NAME = "Uganda Red Cross Society"
LINK = re.compile(r"http://testserver(/admin/password_reset/confirm/[^/\s]+/[^/\s]+/)")


def add(*arguments):
    out = io.StringIO()
    call_command("add_national_society", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture
def uganda(db):
    roles.setup_roles()
    mail.outbox.clear()
    output = add(
        NAME, "--country", "UG", "--editor", "jane@example.org", "--editor", "Omar@Example.org"
    )
    return output


def test_creates_the_society_its_group_collection_section_and_editors(uganda):
    society = NationalSociety.objects.get(name=NAME, locale=Locale.get_default())
    assert society.country.code == "UG"
    assert society.slug == "uganda-red-cross-society"
    assert society.editor_group.name == f"{NAME} editors"
    assert society.collection.name == NAME
    assert society.collection.get_parent().name == roles.SOCIETIES_COLLECTION

    section = CaseStudySectionPage.objects.get(national_society=society)
    assert section.live
    assert isinstance(section.get_parent().specific, CaseStudyIndexPage)
    assert section.get_parent().locale == Locale.get_default()
    assert set(
        GroupPagePermission.objects.filter(group=society.editor_group).values_list(
            "page", "permission__codename"
        )
    ) == {(section.pk, "add_page"), (section.pk, "change_page")}

    User = get_user_model()
    jane = User.objects.get(username="jane@example.org")
    omar = User.objects.get(username="omar@example.org")
    for user in (jane, omar):
        assert user.is_active
        assert not user.has_usable_password()
        assert not user.is_superuser and not user.is_staff
        assert list(user.groups.all()) == [society.editor_group]
    assert omar.email == "Omar@Example.org"

    assert sorted(message.to[0] for message in mail.outbox) == [
        "Omar@Example.org",
        "jane@example.org",
    ]
    message = next(message for message in mail.outbox if message.to == ["jane@example.org"])
    assert LINK.search(message.body)
    assert "jane@example.org" in message.body
    assert NAME in message.body

    assert f'Created the National Society "{NAME}"' in uganda
    assert "Created and published its case-study section" in uganda
    assert "E-mailed jane@example.org" in uganda


def test_running_it_again_changes_nothing(uganda):
    counts = (
        NationalSociety.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        CaseStudySectionPage.objects.count(),
        get_user_model().objects.count(),
    )
    mail.outbox.clear()
    output = add(
        NAME, "--country", "UG", "--editor", "jane@example.org", "--editor", "omar@example.org"
    )
    assert "Nothing to do" in output
    assert "already exists" in output
    assert mail.outbox == []
    assert counts == (
        NationalSociety.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        CaseStudySectionPage.objects.count(),
        get_user_model().objects.count(),
    )

    # An editor whose e-mail went astray can be sent it again.
    output = add(NAME, "--country", "UG", "--editor", "jane@example.org", "--resend")
    assert [message.to for message in mail.outbox] == [["jane@example.org"]]


def test_an_added_editor_joins_without_touching_the_others(uganda):
    mail.outbox.clear()
    output = add(NAME, "--country", "UG", "--editor", "amani@example.org")
    assert "Created the editor amani@example.org" in output
    assert [message.to for message in mail.outbox] == [["amani@example.org"]]
    assert NationalSociety.objects.filter(name=NAME).count() == 1


def test_refuses_a_different_country_and_changes_nothing(uganda):
    with pytest.raises(CommandError, match="already exists with the country UG"):
        add(NAME, "--country", "TZ", "--editor", "new@example.org")
    assert not get_user_model().objects.filter(username="new@example.org").exists()


def test_refuses_when_password_reset_is_off(db, settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = False
    with pytest.raises(CommandError, match="password reset is switched off"):
        add("Uganda Red Cross Society", "--country", "UG", "--editor", "u@example.org")
    assert not NationalSociety.objects.filter(name="Uganda Red Cross Society").exists()


def test_the_new_editor_sets_a_password_and_writes_in_their_section_only(uganda):
    society = NationalSociety.objects.get(name=NAME, locale=Locale.get_default())
    section = CaseStudySectionPage.objects.get(national_society=society)
    other = CaseStudySectionPage.objects.exclude(national_society=society).first()
    message = next(message for message in mail.outbox if message.to == ["jane@example.org"])

    client = Client()
    # Django's confirm view moves the token into the session and redirects to a set-password
    # form at the same address with "set-password" in place of the token.
    response = client.get(LINK.search(message.body).group(1), follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    password = "a long enough passphrase 42"
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_password_reset_complete")

    client = Client()
    assert client.login(username="jane@example.org", password=password)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    add_url = "wagtailadmin_pages:add"
    own = client.get(reverse(add_url, args=["resources", "casestudypage", section.pk]))
    assert own.status_code == 200
    theirs = client.get(reverse(add_url, args=["resources", "casestudypage", other.pk]))
    assert theirs.status_code in (302, 403)
    assert 'name="title"' not in theirs.text

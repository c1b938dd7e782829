"""The editorial roles and the approval workflow: set-up, sync, notification, the round trip."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupPagePermission,
    Locale,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from ifrc_site.editorial import roles
from ifrc_site.models import NationalSociety
from migration.models import HelpFinderPage, MigrationPage
from news.models import NewsIndexPage
from resources.models import CaseStudyIndexPage, CaseStudyPage, CaseStudySectionPage

from .factories import ImageFactory, NationalSocietyFactory, NewsStoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    """A communications officer and an editor of each demo society used here."""
    User = get_user_model()
    communications = roles.setup_roles()
    locale = Locale.get_default()
    caf = NationalSociety.objects.get(slug="central-african-red-cross", locale=locale)
    pak = NationalSociety.objects.get(slug="pakistan-red-crescent", locale=locale)
    comms = User.objects.create_user("officer", "officer@example.org", "x")
    comms.groups.add(communications)
    editor = User.objects.create_user("writer", "writer@example.org", "x")
    editor.groups.add(caf.editor_group)
    other = User.objects.create_user("other-writer", "other@example.org", "x")
    other.groups.add(pak.editor_group)
    return {"comms": comms, "editor": editor, "other": other, "caf": caf, "pak": pak}


# Set-up ------------------------------------------------------------------------------------


def test_setup_roles_is_idempotent_and_creates_no_users(people):
    users = get_user_model().objects.count()
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
    )
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)
    assert get_user_model().objects.count() == users
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
    ) == counts


def test_wagtail_default_workflow_and_groups_are_gone(people):
    assert not WorkflowPage.objects.filter(page__depth=1).exists()
    assert not Workflow.objects.filter(name=roles.WAGTAIL_DEFAULT_WORKFLOW, active=True).exists()
    assert not Group.objects.filter(name__in=roles.WAGTAIL_DEFAULT_GROUPS).exists()
    # News and programme pages have no workflow; every case study has ours.
    story = NewsStoryPageFactory(parent=NewsIndexPage.objects.first())
    assert story.get_workflow() is None
    assert MigrationPage.objects.first().get_workflow() is None
    for page in CaseStudyPage.objects.all()[:3]:
        assert page.get_workflow().name == roles.WORKFLOW_NAME


def test_communications_staff_approve_the_case_study_workflow(people):
    workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.COMMUNICATIONS_GROUP]
    # Case-study listings and the migrants' help finders, each with the sections under it.
    assert set(WorkflowPage.objects.filter(workflow=workflow).values_list("page", flat=True)) == {
        page.pk for page in (*CaseStudyIndexPage.objects.all(), *HelpFinderPage.objects.all())
    }


def test_a_new_society_gets_its_group_and_collection_then_its_section(people):
    society = NationalSocietyFactory(name="Uganda Red Cross Society", slug="uganda-red-cross")
    society.refresh_from_db()
    group = society.editor_group
    assert group.name == "Uganda Red Cross Society editors"
    assert society.collection.name == "Uganda Red Cross Society"
    assert society.collection.get_parent().name == roles.SOCIETIES_COLLECTION
    assert group.permissions.filter(codename="access_admin").exists()
    assert not GroupPagePermission.objects.filter(group=group).exists()

    index = CaseStudyIndexPage.objects.get(locale=Locale.get_default())
    section = index.add_child(
        instance=CaseStudySectionPage(title="Uganda", slug="uganda", national_society=society)
    )
    assert set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    ) == {(section.pk, "add_page"), (section.pk, "change_page")}

    society.name = "Uganda Red Cross"
    society.save()
    group.refresh_from_db()
    society.collection.refresh_from_db()
    assert group.name == "Uganda Red Cross editors"
    assert society.collection.name == "Uganda Red Cross"
    # Its translation shares the group.
    french = society.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save()
    french.refresh_from_db()
    assert french.editor_group == group


def test_society_editors_get_no_publish_delete_or_admin_rights(people):
    group = people["caf"].editor_group
    codenames = set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page"}
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin"}
    editor = people["editor"]
    for perm in (
        "auth.change_user",
        "wagtailcore.change_site",
        "simple_translation.submit_translation",
    ):
        assert not editor.has_perm(perm)


# The round trip ----------------------------------------------------------------------------


def case_study_data(people, **changes):
    migration = MigrationPage.objects.get(locale=Locale.get_default())
    data = {
        "title": "Safe water for families in Bambari",
        "slug": "safe-water-bambari",
        "national_society": people["caf"].pk,
        "country": "CF",
        "programme": migration.pk,
        "date": datetime.date.today().isoformat(),
        "summary": "Volunteers repaired wells with the families who use them.",
        "hero_image": ImageFactory(collection=people["caf"].collection).pk,
        "hero_caption": "",
        "body": streamfield([("paragraph", rich_text("<p>The wells were dry.</p>"))]),
        "consent_recorded": "on",
    }
    data.update(changes)
    return nested_form_data(data)


def test_round_trip_submit_request_changes_resubmit_approve(client, people):
    section = CaseStudySectionPage.objects.get(
        national_society=people["caf"], locale=Locale.get_default()
    )
    comms, editor = people["comms"], people["editor"]
    mail.outbox.clear()

    # 1. The society's editor writes a case study and submits it.
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["resources", "casestudypage", section.pk])
    assert client.get(add_url).status_code == 200
    data = case_study_data(people)
    data["action-submit"] = "action-submit"
    response = client.post(add_url, data)
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="safe-water-bambari")
    assert not page.live
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Communications staff are told by e-mail; nobody else in the federation is.
    recipients = {address for message in mail.outbox for address in message.to}
    assert comms.email in recipients
    assert editor.email not in recipients and people["other"].email not in recipients

    # The editor cannot approve it themselves.
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve_url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    # 2. Communications staff ask for changes, with a comment.
    client.force_login(comms)
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]
    )
    client.post(reject_url, {"comment": "Please say how many wells were repaired."})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.refresh_from_db()
    assert not page.live

    # 3. The editor sees the comment, revises and resubmits.
    client.force_login(editor)
    history = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk])
    )
    assert "Please say how many wells were repaired." in history.text
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit_url).status_code == 200
    data = case_study_data(
        people, summary="Volunteers repaired 14 wells with the families who use them."
    )
    data["action-submit"] = "action-submit"
    assert client.post(edit_url, data).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live

    # 4. Communications staff approve: the page is published.
    client.force_login(comms)
    task_state = state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.live
    assert page.summary == "Volunteers repaired 14 wells with the families who use them."
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    # 5. Readers see it, on its own and on its programme page.
    client.logout()
    assert client.get(page.url).status_code == 200
    assert page.title in client.get(page.programme.url).text

    # 6. The audit log recorded each step, by whom.
    steps = list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    expected = [
        ("wagtail.create", "writer"),
        ("wagtail.workflow.start", "writer"),
        ("wagtail.workflow.reject", "officer"),
        ("wagtail.edit", "writer"),
        ("wagtail.workflow.resume", "writer"),
        ("wagtail.workflow.approve", "officer"),
        ("wagtail.publish", "officer"),
    ]
    remaining = iter(steps)
    assert all(step in remaining for step in expected), steps


def test_an_edit_during_moderation_is_what_gets_approved(client, people, settings):
    """With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT an approval counts only for the revision
    it was given to: what goes live is the revision the reviewer saw last."""
    assert settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT is True
    section = CaseStudySectionPage.objects.get(
        national_society=people["caf"], locale=Locale.get_default()
    )
    client.force_login(people["editor"])
    add_url = reverse("wagtailadmin_pages:add", args=["resources", "casestudypage", section.pk])
    data = case_study_data(people)
    data["action-submit"] = "action-submit"
    client.post(add_url, data)
    page = CaseStudyPage.objects.get(slug="safe-water-bambari")
    state = WorkflowState.objects.for_instance(page).get()

    # While it waits, the editor cannot change it: the review locks it for them.
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, case_study_data(people, title="Changed behind the reviewer's back"))
    assert page.get_latest_revision().as_object().title == "Safe water for families in Bambari"

    # The reviewer corrects the title and approves the task they were given: that approval was
    # for the revision before the correction, so the corrected one needs approving again.
    client.force_login(people["comms"])
    client.post(edit_url, case_study_data(people, title="Safe water in Bambari"))

    def approve():
        state.refresh_from_db()
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", state.current_task_state.pk],
            ),
            {"comment": ""},
        )
        page.refresh_from_db()

    approve()
    assert not page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    approve()
    assert page.live
    assert page.title == "Safe water in Bambari"


def test_demo_loader_made_one_login_per_role(db):
    User = get_user_model()
    expected = {
        "comms": roles.COMMUNICATIONS_GROUP,
        "editor-caf": "Central African Red Cross Society editors",
        "editor-pak": "Pakistan Red Crescent Society editors",
    }
    for username, group in expected.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.email and not user.is_superuser and not user.is_staff


def test_societies_with_the_same_name_never_share_a_group(people):
    first = NationalSocietyFactory(name="Red Cross of Somewhere", slug="somewhere-1")
    second = NationalSocietyFactory(name="Red Cross of Somewhere", slug="somewhere-2")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.editor_group != second.editor_group
    assert first.collection != second.collection

"""Case-study safeguards: no review, approval or publication without recorded consent, and a
case study marked "do not syndicate" kept off the sitemap, search engines and feeds."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.models import Locale, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from ifrc_site.editorial import roles
from ifrc_site.models import NationalSociety
from migration.models import MigrationPage
from resources.models import CaseStudyPage, CaseStudySectionPage

from .factories import ImageFactory
from .helpers import sitemap_locations

pytestmark = pytest.mark.django_db

REFUSAL = "before submitting, approving or publishing this case study"
SLUG = "wells-in-bambari"


@pytest.fixture
def people(db):
    """A communications officer (who may publish) and an editor of one society (who may not)."""
    User = get_user_model()
    communications = roles.setup_roles()
    society = NationalSociety.objects.get(
        slug="central-african-red-cross", locale=Locale.get_default()
    )
    comms = User.objects.create_user("safeguard-officer", "officer@example.org", "x")
    comms.groups.add(communications)
    editor = User.objects.create_user("safeguard-writer", "writer@example.org", "x")
    editor.groups.add(society.editor_group)
    section = CaseStudySectionPage.objects.get(
        national_society=society, locale=Locale.get_default()
    )
    return {"comms": comms, "editor": editor, "society": society, "section": section}


def form(people, consent, **changes):
    data = {
        "title": "Wells repaired in Bambari",
        "slug": SLUG,
        "national_society": people["society"].pk,
        "country": "CF",
        "programme": MigrationPage.objects.get(locale=Locale.get_default()).pk,
        "date": datetime.date.today().isoformat(),
        "summary": "Volunteers repaired wells with the families who use them.",
        "hero_image": ImageFactory(collection=people["society"].collection).pk,
        "hero_caption": "",
        "body": streamfield([("paragraph", rich_text("<p>The wells were dry.</p>"))]),
    }
    if consent:
        data["consent_recorded"] = "on"
    data.update(changes)
    return nested_form_data(data)


def add_url(people):
    return reverse(
        "wagtailadmin_pages:add", args=["resources", "casestudypage", people["section"].pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response):
    return response.status_code == 200 and REFUSAL in response.text


def workflow_states(page):
    return WorkflowState.objects.for_instance(page)


# Submitting, publishing and approving in the page editor -----------------------------------


def test_a_draft_without_consent_can_be_saved(client, people):
    client.force_login(people["editor"])
    assert client.post(add_url(people), form(people, consent=False)).status_code == 302
    page = CaseStudyPage.objects.get(slug=SLUG)
    assert not page.live and not page.consent_recorded
    assert not workflow_states(page).exists()


def test_submitting_without_consent_is_refused(client, people):
    client.force_login(people["editor"])
    response = client.post(add_url(people), {**form(people, consent=False), "action-submit": "1"})
    assert refused(response)
    assert not CaseStudyPage.objects.filter(slug=SLUG).exists()

    # A draft saved first cannot be submitted from the edit view either.
    client.post(add_url(people), form(people, consent=False))
    page = CaseStudyPage.objects.get(slug=SLUG)
    response = client.post(edit_url(page), {**form(people, consent=False), "action-submit": "1"})
    assert refused(response)
    assert not workflow_states(page).exists()

    # With consent recorded, it goes to review.
    response = client.post(edit_url(page), {**form(people, consent=True), "action-submit": "1"})
    assert response.status_code == 302
    assert workflow_states(page).get().status == WorkflowState.STATUS_IN_PROGRESS


def test_publishing_without_consent_is_refused(client, people):
    client.force_login(people["comms"])
    response = client.post(add_url(people), {**form(people, consent=False), "action-publish": "1"})
    assert refused(response)
    assert not CaseStudyPage.objects.filter(slug=SLUG).exists()

    client.post(add_url(people), form(people, consent=False))
    page = CaseStudyPage.objects.get(slug=SLUG)
    response = client.post(edit_url(page), {**form(people, consent=False), "action-publish": "1"})
    assert refused(response)
    page.refresh_from_db()
    assert not page.live

    response = client.post(edit_url(page), {**form(people, consent=True), "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.consent_recorded


def submitted(client, people):
    """A case study the editor submitted, with consent, and its workflow."""
    client.force_login(people["editor"])
    client.post(add_url(people), {**form(people, consent=True), "action-submit": "1"})
    page = CaseStudyPage.objects.get(slug=SLUG)
    return page, workflow_states(page).get()


def test_approving_in_the_editor_with_consent_untick_is_refused(client, people):
    page, state = submitted(client, people)
    client.force_login(people["comms"])
    approve = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    response = client.post(edit_url(page), {**form(people, consent=False), **approve})
    assert refused(response)
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # Requesting changes needs no consent.
    reject = {"action-workflow-action": "1", "workflow-action-name": "reject"}
    response = client.post(edit_url(page), {**form(people, consent=False), **reject})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_approving_a_revision_without_consent_from_the_dashboard_is_refused(client, people):
    page, state = submitted(client, people)

    def approve(**headers):
        """Approve the task now awaiting review, as the dashboard's buttons do."""
        state.refresh_from_db()
        task_state = state.current_task_state
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
            {"comment": ""},
            headers=headers,
        )
        page.refresh_from_db()
        state.refresh_from_db()
        task_state.refresh_from_db()
        return response, task_state

    # The reviewer saves a draft that unticks consent. Their approval of what was submitted
    # asks for the draft to be approved in turn (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT);
    # approving that draft is refused, and nothing of the approval is kept.
    client.force_login(people["comms"])
    assert client.post(edit_url(page), form(people, consent=False)).status_code == 302
    page.refresh_from_db()
    assert not page.get_latest_revision().as_object().consent_recorded
    response, _task_state = approve()
    assert response.status_code == 302
    assert not page.live
    # From the approval dialogue (a script's request): 403, not a server error.
    response, task_state = approve(x_requested_with="XMLHttpRequest")
    assert response.status_code == 403
    assert not page.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert task_state.status == task_state.STATUS_IN_PROGRESS
    # From the button: the admin's own refusal, back to the dashboard with its message.
    response, task_state = approve()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "do not have permission" in client.get(response["Location"]).text
    assert not page.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert task_state.status == task_state.STATUS_IN_PROGRESS

    # Once consent is recorded again, the approval goes through.
    assert client.post(edit_url(page), form(people, consent=True)).status_code == 302
    for _step in range(2):
        response, _task_state = approve()
        assert response.status_code == 302
    assert page.live
    assert state.status == WorkflowState.STATUS_APPROVED


# Publishing from anywhere else -------------------------------------------------------------


def draft_without_consent(people):
    page = people["section"].add_child(
        instance=CaseStudyPage(
            title="Wells repaired in Bambari",
            slug=SLUG,
            date=datetime.date.today(),
            country="CF",
            national_society=people["society"],
            programme=MigrationPage.objects.get(locale=Locale.get_default()),
            summary="Volunteers repaired wells with the families who use them.",
            body=[("paragraph", rich_text("<p>The wells were dry.</p>"))],
            live=False,
        )
    )
    return page


def test_a_revision_without_consent_does_not_go_live_from_the_shell(people):
    page = draft_without_consent(people)
    with pytest.raises(PublishPagePermissionError):
        page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live

    page.consent_recorded = True
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live


@pytest.mark.both_engines
def test_scheduled_publishing_skips_a_revision_without_consent(people):
    page = draft_without_consent(people)
    revision = page.save_revision()
    # As if scheduled before consent was a condition of publishing.
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    other = CaseStudyPage.objects.filter(consent_recorded=True).exclude(pk=page.pk).first()
    other.summary = "A scheduled change."
    other_revision = other.save_revision()
    other_revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    other_revision.save(update_fields=["approved_go_live_at"])

    call_command("publish_scheduled")
    page.refresh_from_db()
    revision.refresh_from_db()
    assert not page.live
    assert revision.approved_go_live_at is None
    # The other page's change still went out.
    other.refresh_from_db()
    assert other.summary == "A scheduled change." and other.live_revision == other_revision


# Do not syndicate --------------------------------------------------------------------------


@pytest.fixture
def kept_back():
    """Two live case studies with consent, the first marked "do not syndicate"."""
    first, second = CaseStudyPage.objects.live().filter(consent_recorded=True)[:2]
    first.do_not_syndicate = True
    first.save_revision().publish()
    return first, second


def test_sitemap_leaves_out_a_case_study_not_to_syndicate(client, kept_back):
    kept, shared = kept_back
    locations = sitemap_locations(client)
    assert f"http://testserver{shared.url}" in locations
    assert f"http://testserver{kept.url}" not in locations


def test_a_case_study_not_to_syndicate_asks_search_engines_not_to_index_it(client, kept_back):
    kept, shared = kept_back
    noindex = '<meta name="robots" content="noindex">'
    assert noindex in client.get(kept.url).text
    assert noindex not in client.get(shared.url).text


def test_syndicated_leaves_out_case_studies_not_to_syndicate_or_without_consent(kept_back):
    kept, shared = kept_back
    syndicated = CaseStudyPage.syndicated(CaseStudyPage.objects.live())
    assert shared in syndicated
    assert kept not in syndicated
    assert set(syndicated) == set(
        CaseStudyPage.objects.live().filter(do_not_syndicate=False, consent_recorded=True)
    )
    unconsented = CaseStudyPage.objects.filter(consent_recorded=False)
    assert not CaseStudyPage.syndicated().filter(pk__in=unconsented).exists()
    assert CaseStudyPage.syndicated().count() == CaseStudyPage.objects.count() - len(
        {kept.pk, *unconsented.values_list("pk", flat=True)}
    )

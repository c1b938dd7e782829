"""The admin dashboard shows each role what waits for it (ifrc_site/dashboard.py).

Society A is the Central African Red Cross Society and society B the Pakistan Red Crescent
Society of the demo content; the groups and workflow are those of ifrc_site.editorial.roles.
"""

import datetime
import re

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale

import pytest

from ifrc_site.editorial import roles
from ifrc_site.editorial.dashboard import (
    CommunicationsPanel,
    ContentHealthPanel,
    SocietyEditorPanel,
    panels_for,
)
from ifrc_site.models import NationalSociety
from migration.models import MigrationPage
from news.models import NewsIndexPage
from resources.models import CaseStudyPage, CaseStudySectionPage

from .factories import NewsStoryPageFactory, ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

DAY = datetime.timedelta(days=1)


@pytest.fixture
def people(db):
    """A communications officer and an editor of each of two demo societies."""
    User = get_user_model()
    communications = roles.setup_roles()
    locale = Locale.get_default()
    society_a = NationalSociety.objects.get(slug="central-african-red-cross", locale=locale)
    society_b = NationalSociety.objects.get(slug="pakistan-red-crescent", locale=locale)
    comms = User.objects.create_user("dash-comms", "dash-comms@example.org", "x")
    comms.groups.add(communications)
    editor_a = User.objects.create_user("dash-a", "dash-a@example.org", "x", first_name="Amina")
    editor_a.groups.add(society_a.editor_group)
    editor_b = User.objects.create_user("dash-b", "dash-b@example.org", "x")
    editor_b.groups.add(society_b.editor_group)
    return {
        "comms": comms,
        "a": editor_a,
        "b": editor_b,
        "section_a": CaseStudySectionPage.objects.get(national_society=society_a),
        "section_b": CaseStudySectionPage.objects.get(national_society=society_b),
        "news_index": NewsIndexPage.objects.get(locale=locale),
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def draft_case_study(section, title, owner):
    page = CaseStudyPage(
        title=title,
        slug=slugify(title),
        owner=owner,
        live=False,
        date=datetime.date(2024, 1, 15),
        country=section.national_society.country,
        national_society=section.national_society,
        programme=MigrationPage.objects.filter(locale=section.locale).first(),
        summary="Volunteers met families at the border.",
        body=[{"type": "paragraph", "value": "<p>Volunteers met families.</p>"}],
        consent_recorded=True,
    )
    section.add_child(instance=page)
    page.save_revision(user=owner)
    return page


def submitted_case_study(section, title, owner):
    page = draft_case_study(section, title, owner)
    page.get_workflow().start(page, owner)
    return page


def sent_back_case_study(section, title, owner, reviewer, comment):
    page = submitted_case_study(section, title, owner)
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject", comment=comment)
    return page


def scheduled_story(news_index, title):
    story = NewsStoryPageFactory.build(title=title, live=False)
    news_index.add_child(instance=story)
    story.go_live_at = timezone.now() + 2 * DAY
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live
    return story


def staff_draft(news_index, title, owner):
    story = NewsStoryPageFactory.build(title=title, owner=owner, live=False)
    news_index.add_child(instance=story)
    story.save_revision(user=owner)
    return story


def listings(panel):
    return {listing.name: listing for listing in panel.listings()}


def titles(listing):
    return [item.title for item in listing.items]


def section_html(html, panel_id, name):
    """The HTML of one list of a dashboard panel."""
    match = re.search(
        rf'<section[^>]*aria-labelledby="{panel_id}-{name}".*?</section>', html, flags=re.S
    )
    assert match, f"no list {name} in panel {panel_id}"
    return match.group(0)


# Who sees which panel ----------------------------------------------------------------------


def test_each_role_gets_its_own_panel(people, django_user_model):
    assert [type(panel) for panel in panels_for(people["comms"])] == [
        CommunicationsPanel,
        ContentHealthPanel,
    ]
    assert [type(panel) for panel in panels_for(people["a"])] == [SocietyEditorPanel]
    nobody = django_user_model.objects.create_user("dash-nobody", "n@example.org", "x")
    assert panels_for(nobody) == []

    response = client_for(people["comms"]).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert 'id="communications-to-do' in response.text
    assert 'id="society-editor-to-do' not in response.text
    assert 'id="content-health-section"' in response.text

    response = client_for(people["a"]).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert 'id="society-editor-to-do' in response.text
    assert 'id="communications-to-do' not in response.text


# Communications staff ----------------------------------------------------------------------


def test_staff_see_submissions_schedules_expiries_and_their_drafts(people):
    comms = people["comms"]
    before = {name: listing.count for name, listing in listings(CommunicationsPanel(comms)).items()}

    submitted = submitted_case_study(people["section_a"], "Dash submitted case", people["a"])
    scheduled = scheduled_story(people["news_index"], "Dash scheduled story")
    embargoed = ResourceFactory(title="Dash embargoed report", go_live_at=timezone.now() + DAY)
    expiring = ResourceFactory(title="Dash expiring report", expire_at=timezone.now() + 3 * DAY)
    ResourceFactory(title="Dash far expiry report", expire_at=timezone.now() + 40 * DAY)
    draft = staff_draft(people["news_index"], "Dash staff draft", comms)
    staff_draft(people["news_index"], "Dash someone else's draft", people["b"])

    after = listings(CommunicationsPanel(comms))
    assert after["awaiting-approval"].count == before["awaiting-approval"] + 1
    assert after["scheduled"].count == before["scheduled"] + 2
    assert after["expiring"].count == before["expiring"] + 1
    assert after["own-drafts"].count == before["own-drafts"] + 1
    assert "Dash far expiry report" not in titles(after["expiring"])
    assert "Dash someone else's draft" not in titles(after["own-drafts"])

    html = client_for(comms).get(reverse("wagtailadmin_home")).text
    panel = "communications-to-do"
    awaiting = section_html(html, panel, "awaiting-approval")
    assert "Dash submitted case" in awaiting
    assert reverse("wagtailadmin_pages:edit", args=[submitted.pk]) in awaiting
    assert "Submitted by Amina" in awaiting
    schedule = section_html(html, panel, "scheduled")
    assert reverse("wagtailadmin_pages:edit", args=[scheduled.pk]) in schedule
    assert reverse("wagtaildocs:edit", args=[embargoed.pk]) in schedule
    expiry = section_html(html, panel, "expiring")
    assert reverse("wagtaildocs:edit", args=[expiring.pk]) in expiry
    drafts = section_html(html, panel, "own-drafts")
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in drafts
    assert f'data-count="{after["own-drafts"].count}"' in drafts


def test_staff_see_the_five_oldest_submissions_and_the_count(people):
    for number in range(7):
        submitted_case_study(people["section_a"], f"Dash queue {number}", people["a"])
    awaiting = listings(CommunicationsPanel(people["comms"]))["awaiting-approval"]
    assert awaiting.count >= 7
    assert len(awaiting.items) == 5
    assert [item.when for item in awaiting.items] == sorted(item.when for item in awaiting.items)
    html = client_for(people["comms"]).get(reverse("wagtailadmin_home")).text
    assert "more not shown here" in section_html(html, "communications-to-do", "awaiting-approval")


def test_empty_lists_say_so(people, django_user_model):
    """A superuser of an empty site would see the same: here a fresh officer has no drafts."""
    html = client_for(people["comms"]).get(reverse("wagtailadmin_home")).text
    assert "You have no unpublished drafts." in section_html(
        html, "communications-to-do", "own-drafts"
    )
    html = client_for(people["b"]).get(reverse("wagtailadmin_home")).text
    panel = "society-editor-to-do"
    assert "No changes have been requested." in section_html(html, panel, "changes-requested")


# National Society editors ------------------------------------------------------------------


def test_society_editors_see_their_section_only(people):
    a, b, comms = people["a"], people["b"], people["comms"]
    before = {name: listing.count for name, listing in listings(SocietyEditorPanel(a)).items()}

    draft = draft_case_study(people["section_a"], "Dash draft A", a)
    submitted = submitted_case_study(people["section_a"], "Dash submitted A", a)
    sent_back = sent_back_case_study(
        people["section_a"], "Dash sent back A", a, comms, "Please add the date of the visit."
    )
    draft_case_study(people["section_b"], "Dash draft B", b)
    submitted_case_study(people["section_b"], "Dash submitted B", b)
    sent_back_case_study(people["section_b"], "Dash sent back B", b, comms, "Crop the photo.")

    after = listings(SocietyEditorPanel(a))
    assert after["drafts"].count == before["drafts"] + 1
    assert after["submitted"].count == before["submitted"] + 1
    assert after["changes-requested"].count == before["changes-requested"] + 1

    html = client_for(a).get(reverse("wagtailadmin_home")).text
    panel = "society-editor-to-do"
    drafts = section_html(html, panel, "drafts")
    assert "Dash draft A" in drafts
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in drafts
    # Submitted and sent-back pages are listed under their own headings, not as drafts.
    assert "Dash submitted A" not in drafts
    assert "Dash sent back A" not in drafts
    waiting = section_html(html, panel, "submitted")
    assert reverse("wagtailadmin_pages:edit", args=[submitted.pk]) in waiting
    back = section_html(html, panel, "changes-requested")
    assert reverse("wagtailadmin_pages:edit", args=[sent_back.pk]) in back
    assert "Please add the date of the visit." in back
    for title in ("Dash draft B", "Dash submitted B", "Dash sent back B", "Crop the photo."):
        assert title not in html


# Queries -----------------------------------------------------------------------------------


def dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    return len(queries)


def test_staff_dashboard_queries_do_not_grow_with_items(people, django_assert_max_num_queries):
    comms = people["comms"]
    client = client_for(comms)
    scheduled_story(people["news_index"], "Dash scheduled 0")
    ResourceFactory(title="Dash expiring 0", expire_at=timezone.now() + DAY)
    ResourceFactory(title="Dash embargoed 0", go_live_at=timezone.now() + DAY)
    staff_draft(people["news_index"], "Dash draft 0", comms)
    dashboard_queries(client)  # first request: caches fill
    bound = dashboard_queries(client)

    for number in range(1, 4):
        scheduled_story(people["news_index"], f"Dash scheduled {number}")
        ResourceFactory(title=f"Dash expiring {number}", expire_at=timezone.now() + DAY)
        ResourceFactory(title=f"Dash embargoed {number}", go_live_at=timezone.now() + DAY)
        staff_draft(people["news_index"], f"Dash draft {number}", comms)
    dashboard_queries(client)  # publishing started a new content generation: caches fill again
    with django_assert_max_num_queries(bound):
        response = client.get(reverse("wagtailadmin_home"))
    assert "Dash draft 3" in response.text


def test_staff_panel_queries_do_not_grow_with_submissions(people, django_assert_max_num_queries):
    """Wagtail's own "Awaiting your review" panel makes queries for each submission; ours
    does not."""
    comms, a = people["comms"], people["a"]
    submitted_case_study(people["section_a"], "Dash queue 0", a)
    with CaptureQueriesContext(connection) as queries:
        listings(CommunicationsPanel(comms))
    for number in range(1, 4):
        submitted_case_study(people["section_a"], f"Dash queue {number}", a)
    with django_assert_max_num_queries(len(queries)):
        awaiting = listings(CommunicationsPanel(comms))["awaiting-approval"]
    assert "Dash queue 3" in titles(awaiting)


def test_editor_dashboard_queries_do_not_grow_with_items(people, django_assert_max_num_queries):
    a, comms = people["a"], people["comms"]
    client = client_for(a)
    section = people["section_a"]
    draft_case_study(section, "Dash draft 0", a)
    submitted_case_study(section, "Dash submitted 0", a)
    sent_back_case_study(section, "Dash sent back 0", a, comms, "Shorter, please.")
    dashboard_queries(client)
    bound = dashboard_queries(client)

    for number in range(1, 4):
        draft_case_study(section, f"Dash draft {number}", a)
        submitted_case_study(section, f"Dash submitted {number}", a)
        sent_back_case_study(section, f"Dash sent back {number}", a, comms, "Shorter, please.")
    dashboard_queries(client)
    with django_assert_max_num_queries(bound):
        response = client.get(reverse("wagtailadmin_home"))
    assert "Dash draft 3" in response.text

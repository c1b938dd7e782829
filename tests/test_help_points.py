"""The migrants' help directory: the help point form's checks, the finder's filters and cards,
its page weight without JavaScript, the poster, and National Society editors' confinement."""

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
import time_machine

from ifrc_site.caching.pagecache import PAGE_QUERY_PARAMETERS
from ifrc_site.editorial import roles
from ifrc_site.models import NationalSociety
from migration import hours
from migration.finder import FinderForm
from migration.models import (
    HelpFinderPage,
    HelpPointPage,
    HelpPointSectionPage,
    next_help_point_change,
)
from migration.offline import deployment_version

from .helpers import refused

pytestmark = pytest.mark.django_db
# On both engines (tests/conftest.py): what queries decide. The filters, the query budget,
# the stale report's order, the confinement of society editors and their approval.
both_engines = pytest.mark.both_engines

# A Monday at noon in Athens, when the demo's Victoria Square help point is open.
MONDAY_NOON_ATHENS = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def finder():
    return HelpFinderPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def greek_section():
    return HelpPointSectionPage.objects.get(
        locale=Locale.get_default(), national_society__slug="hellenic-red-cross"
    )


def point(slug):
    return HelpPointPage.objects.get(slug=slug, locale=Locale.get_default())


def form_data(**changes):
    data = {
        "title": "Port help point",
        "slug": "port-help-point",
        "kind": "help_point",
        "country": "GR",
        "city": "Piraeus",
        "services": ["first_aid", "information"],
        "languages": "en, el, ar",
        "phone": "+30 21 0123 4567",
        "second_phone": "",
        "messaging_number": "",
        "messaging_app": "",
        "time_zone": "Europe/Athens",
        "weekly_hours": streamfield(
            [("slot", {"weekday": "0", "opens": "09:00", "closes": "17:00"})]
        ),
        "special_days": streamfield([]),
        "address": "",
        "latitude": "",
        "longitude": "",
        "details": "",
        "last_verified_on": "2026-11-30",
        "verified_by": "Port volunteers",
    }
    data.update(changes)
    services = data.pop("services")
    # The services are ticked boxes: one value per box, as a browser sends them.
    return {**nested_form_data(data), "services": services}


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["migration", "helppointpage", parent.pk])


# The form: clear errors, never a 500 ---------------------------------------------------------


def test_a_valid_help_point_is_saved_with_its_number_in_international_form(
    admin_client, greek_section
):
    response = admin_client.post(add_url(greek_section), form_data())
    assert response.status_code == 302, response.context["form"].errors
    page = HelpPointPage.objects.get(slug="port-help-point")
    assert page.phone == "+302101234567"
    assert page.languages == ["en", "el", "ar"]
    assert page.national_society.slug == "hellenic-red-cross"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"phone": "12345"}, "phone", "international form"),
        ({"phone": "+30 12"}, "phone", "not a valid phone number"),
        ({"messaging_number": "call us"}, "messaging_number", "international form"),
        ({"languages": "en, xx, klingon"}, "languages", "Unknown language codes: xx, klingon"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "not a time zone"),
        ({"services": ["teleportation"]}, "services", "teleportation"),
        ({"kind": "hotline", "phone": ""}, "phone", "needs a phone number"),
        ({"latitude": "37.9"}, "longitude", "both latitude and longitude"),
        ({"latitude": "137.9", "longitude": "23.7"}, "latitude", "less than or equal to 90"),
    ],
)
def test_bad_input_gives_form_errors(admin_client, greek_section, changes, field, words):
    response = admin_client.post(add_url(greek_section), form_data(**changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert words in " ".join(errors[field]), errors


def test_overlapping_opening_hours_are_refused(admin_client, greek_section):
    hours = streamfield(
        [
            ("slot", {"weekday": "4", "opens": "22:00", "closes": "06:00"}),
            ("slot", {"weekday": "5", "opens": "05:00", "closes": "09:00"}),
        ]
    )
    response = admin_client.post(add_url(greek_section), form_data(weekly_hours=hours))
    assert response.status_code == 200
    assert b"Opening hours overlap" in response.content
    assert not HelpPointPage.objects.filter(slug="port-help-point").exists()


def test_a_special_day_needs_times_or_closed(admin_client, greek_section):
    days = streamfield([("day", {"date": "2026-12-25", "label": "Christmas", "opens": ""})])
    response = admin_client.post(add_url(greek_section), form_data(special_days=days))
    assert response.status_code == 200
    assert "closed all day" in response.content.decode()


# The finder -------------------------------------------------------------------------------


def test_every_finder_parameter_is_known_to_the_page_cache():
    assert set(FinderForm.base_fields) <= PAGE_QUERY_PARAMETERS


@both_engines
@time_machine.travel(MONDAY_NOON_ATHENS, tick=False)
def test_finder_works_without_javascript_and_filters(client, finder):
    response = client.get(finder.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form class="filters" method="get"' in html
    for name in ("Hellenic Red Cross", "Kenya Red Cross", "Tunisian Red Crescent"):
        assert name in html

    greek = client.get(finder.url, {"country": "GR"}).content.decode()
    assert "Victoria Square help point" in greek and "Nairobi" not in greek
    # Hotlines first, tap to call, open now in Athens, a link out to a map, no map tiles.
    assert greek.index("migrant helpline") < greek.index("Victoria Square")
    assert 'href="tel:+302101234567"' in greek
    assert "Open 24 hours" in greek and "Open now, until 17:00" in greek
    assert "https://www.openstreetmap.org/?mlat=" in greek and "<iframe" not in greek

    athens = client.get(finder.url, {"country": "GR", "city": "Athens", "service": "first_aid"})
    assert "Victoria Square" in athens.content.decode()
    assert "migrant helpline" not in athens.content.decode()
    swahili = client.get(finder.url, {"language": "sw"}).content.decode()
    assert "Eastleigh" in swahili and "Victoria Square" not in swahili
    # A made-up choice is a message, not an error page.
    bad = client.get(finder.url, {"country": "ZZ"})
    assert bad.status_code == 200 and "could not use one of the choices" in bad.content.decode()


@both_engines
@time_machine.travel(MONDAY_NOON_ATHENS, tick=False)
def test_cards_say_when_closed_places_open_and_when_data_is_old(client, finder):
    # 10:00 UTC is 15:00 in Dhaka and 13:00 in Nairobi; the Italian line was checked in February.
    italy = client.get(finder.url, {"country": "IT"}).content.decode()
    assert "Information may be out of date — call before you go." in italy
    kenya = client.get(finder.url, {"country": "KE"}).content.decode()
    assert "Open now, until 17:00" in kenya
    # Jamhuri Day, 12 December, a Saturday anyway; on Monday 14th it opens again.
    with time_machine.travel(datetime.datetime(2026, 12, 11, 15, 0, tzinfo=datetime.UTC)):
        friday_evening = client.get(finder.url, {"country": "KE", "service": "cash"})
    assert "opens Monday at 08:00" in friday_evening.content.decode()


def test_only_the_finder_may_ask_where_the_visitor_is(client, finder, migration_page):
    """Geolocation is allowed for the site's own origin on the finder (for "near me"), also when
    the page comes from the page cache, and stays switched off everywhere else."""
    first, second = client.get(finder.url), client.get(finder.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for response in (first, second):
        policy = response["Permissions-Policy"]
        assert "geolocation=(self)" in policy and "camera=()" in policy
    assert "geolocation=()" in client.get(migration_page.url)["Permissions-Policy"]
    assert "geolocation=()" in client.get(f"{finder.url}poster/gr/")["Permissions-Policy"]
    # Without JavaScript the button stays hidden; places carry their coordinates for the browser.
    html = first.content.decode()
    assert '<div class="near-me" data-near-me hidden' in html
    assert 'data-lat="37.99290" data-lon="23.72990"' in html


def test_finder_pages_stay_small(client, finder):
    arabic = HelpFinderPage.objects.get(locale__language_code="ar")
    for url, params in (
        (finder.url, {}),
        (finder.url, {"country": "GR"}),
        (finder.url, {"language": "en"}),
        (arabic.url, {}),
        (f"{finder.url}poster/gr/", {}),
    ):
        response = client.get(url, params)
        assert len(response.content) < 30_000, (url, params, len(response.content))
        assert b"<img" not in response.content
    # A full page of results: the page-size cap is what keeps it small.
    first, second = (
        client.get(finder.url, params).content.decode() for params in ({}, {"page": 2})
    )
    assert (
        first.count('<article class="help-card '),
        second.count('<article class="help-card '),
    ) == (
        10,
        3,
    )


@both_engines
def test_finder_queries_do_not_grow_with_help_points(client, finder, greek_section, settings):
    settings.PAGE_CACHE_SECONDS = 0  # count the queries of rendering, not of a cache hit

    def queries(params):
        client.get(finder.url, params)  # fills the shared caches (menus, settings)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(finder.url, params).status_code == 200
        return len(captured)

    views = ({}, {"country": "GR"}, {"country": "GR", "service": "information"})
    few = [queries(params) for params in views]
    source = HelpPointPage.objects.child_of(greek_section).live().first()
    for number in range(6):
        source.copy(update_attrs={"slug": f"more-help-{number}", "title": f"More help {number}"})
    assert HelpPointPage.objects.child_of(greek_section).live().count() >= 7
    assert [queries(params) for params in views] == few
    assert max(few) <= 25


@both_engines
def test_a_help_point_belongs_to_its_sections_society(greek_section):
    """Whatever the page says, saving it in the Greek section makes it the Hellenic Red Cross's."""
    other = NationalSociety.objects.exclude(pk=greek_section.national_society_id).first()
    help_point = HelpPointPage.objects.child_of(greek_section).first().specific
    help_point.national_society = other
    help_point.save()
    help_point.refresh_from_db()
    assert help_point.national_society_id == greek_section.national_society_id


def test_finder_in_arabic_names_languages_in_arabic(client):
    finder = HelpFinderPage.objects.get(locale__language_code="ar")
    html = client.get(finder.url, {"country": "KE"}).content.decode()
    assert 'dir="rtl"' in html
    assert "السواحلية" in html  # Swahili
    # Lists and places are written with the Arabic comma; the services are in Arabic too.
    assert "السواحلية، " in html or "، السواحلية" in html
    assert "نيروبي" in html or "Nairobi، كينيا" in html
    assert "First aid" not in html and "Hotline" not in html


def test_poster_per_country(client, finder):
    response = client.get(f"{finder.url}poster/gr/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "help-poster.css" in html and "+30 800 111 2222" in html
    assert "Red Cross and Red Crescent help in Greece" in html
    assert client.get(f"{finder.url}poster/zz/").status_code == 404


def test_help_point_and_section_pages_show_their_cards(client, finder, greek_section):
    page = point("gr-athens-help-point")
    html = client.get(page.url).content.decode()
    assert 'href="tel:+302101234567"' in html
    assert f'href="{finder.url}?country=GR"' in html
    section = client.get(greek_section.url).content.decode()
    assert "Victoria Square help point" in section and "migrant helpline" in section
    assert "Nairobi" not in section


def test_page_tree_rules(finder, migration_page, greek_section):
    assert HelpFinderPage.can_create_at(migration_page) is False  # one per Migration page
    assert HelpPointPage.can_create_at(greek_section)
    assert not HelpPointPage.can_create_at(finder)
    assert not HelpPointSectionPage.can_create_at(migration_page)


# Confinement and approval, as for case studies -------------------------------------------


@pytest.fixture
def greek_editor(client):
    roles.setup_roles()
    society = NationalSociety.objects.get(slug="hellenic-red-cross", locale=Locale.get_default())
    user = get_user_model().objects.create_user("help-gr", "help-gr@example.org", "x")
    user.groups.add(society.editor_group)
    client.force_login(user)
    return client


@both_engines
def test_society_editor_edits_only_their_own_help_points(greek_editor, greek_section):
    own = point("gr-athens-help-point")
    other = point("it-rome-help-point")
    assert greek_editor.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert refused(greek_editor.get(reverse("wagtailadmin_pages:edit", args=[other.pk])))
    italian_section = other.get_parent()
    assert refused(greek_editor.get(add_url(italian_section)))
    assert greek_editor.get(add_url(greek_section)).status_code == 200


@both_engines
def test_society_editor_submits_and_nothing_goes_live_without_approval(greek_editor, greek_section):
    response = greek_editor.post(add_url(greek_section), form_data(**{"action-submit": "1"}))
    assert response.status_code == 302
    page = HelpPointPage.objects.get(slug="port-help-point")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Publishing directly is not theirs to do.
    response = greek_editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        form_data(slug="port-help-point", **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert not page.live
    # A forged society is ignored: the page belongs to its section's society.
    assert page.national_society_id == greek_section.national_society_id


# The report of help points to check again -----------------------------------------------


@both_engines
def test_staff_see_help_points_oldest_check_first(admin_client):
    response = admin_client.get(reverse("help_points_by_verification"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Italian Red Cross information line") < html.index("migrant helpline")
    assert "out of date" in html
    export = admin_client.get(reverse("help_points_by_verification"), {"export": "csv"})
    assert export.status_code == 200 and b"Last verified on" in b"".join(export)


def test_society_editors_do_not_get_the_report(greek_editor):
    assert refused(greek_editor.get(reverse("help_points_by_verification")))


# Offline ----------------------------------------------------------------------------------


def test_service_worker_is_scoped_to_the_migration_section(client, finder, migration_page):
    response = client.get(f"{finder.url}service-worker/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == migration_page.url == "/en/migration/"
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert '"cache": "help-offline-' in body and "/admin" not in body
    manifest = client.get(f"{finder.url}manifest/")
    assert manifest["Content-Type"] == "application/manifest+json"
    assert manifest.json()["start_url"] == finder.url
    assert client.get(f"{finder.url}offline/").status_code == 200


def test_a_new_deployment_names_a_new_cache(client, finder, settings):
    deployment_version.cache_clear()
    settings.DEPLOYMENT_VERSION = "release-42"
    try:
        body = client.get(f"{finder.url}service-worker/").content.decode()
        assert '"cache": "help-offline-release-42"' in body
    finally:
        deployment_version.cache_clear()


def test_finder_and_migration_page_offer_offline_saving_without_inline_script(
    client, finder, migration_page
):
    for url in (finder.url, migration_page.url):
        html = client.get(url).content.decode()
        assert "data-offline" in html and "Remove saved data" in html
        assert "js/help-offline.js" in html
        assert "<script>" not in html
    assert 'rel="manifest"' in client.get(finder.url).content.decode()


def hours_from_blocks(point):
    """A help point's hours as its blocks give them to the editor's form."""
    slots = [
        hours.Slot(int(child.value["weekday"]), child.value["opens"], child.value["closes"])
        for child in point.weekly_hours
    ]
    special = [
        hours.SpecialDay(
            child.value["date"],
            bool(child.value["closed"]),
            child.value["opens"],
            child.value["closes"],
            child.value["label"] or "",
        )
        for child in point.special_days
    ]
    return slots, special


@pytest.mark.parametrize(
    "now",
    [
        MONDAY_NOON_ATHENS,
        datetime.datetime(2026, 12, 13, 22, 30, tzinfo=datetime.UTC),  # a Sunday night
    ],
)
def test_the_page_cache_knows_when_a_help_point_next_opens_or_closes(greek_section, now):
    """The page cache's schedule (`next_help_point_change`) reads the stored hours directly and
    each schedule once: it gives what every help point's own blocks give."""
    holiday = HelpPointPage.objects.live().first()
    holiday.special_days = [
        ("day", {"date": datetime.date(2026, 12, 14), "closed": True, "label": "Holiday"})
    ]
    holiday.save()
    points = list(HelpPointPage.objects.live())
    assert len(points) > 1
    expected = []
    for point in points:
        slots, special = hours_from_blocks(point)
        assert (point.slots, point.special) == (slots, special)
        expected.append(hours.next_change(now, slots, special, point.time_zone))
    with time_machine.travel(now, tick=False):
        found = next_help_point_change()
    assert found == min(expected) and found > now

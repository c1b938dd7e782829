"""Private pages at their own address, now that a page's restrictions are looked up only where
the restricted sections (kept per content generation) say one may apply (BasePage
.get_view_restrictions): every way a page comes under a restriction still refuses readers."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from ifrc_site.caching import pagecache
from ifrc_site.models import StandardPage
from ifrc_site.queries import restricted_paths

from .helpers import sitemap_locations

pytestmark = pytest.mark.django_db


def publish(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restrict(page, kind=PageViewRestriction.PASSWORD):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="s3cret")


def refused(response):
    """A password form (200 with the form) or a redirect to the login, never the page."""
    if response.status_code == 302:
        return "login" in response["Location"]
    return response.status_code == 200 and b'name="password"' in response.content


@pytest.fixture
def section(home, settings):
    settings.PAGE_CACHE_SECONDS = 0  # each request renders: what it does is what is tested
    return publish(home, "Partners only", "partners-only")


def test_a_public_page_is_served_without_looking_restrictions_up(client, section):
    assert client.get(section.url).status_code == 200  # the shared caches are filled
    with CaptureQueriesContext(connection) as queries:
        assert client.get(section.url).status_code == 200
    assert not [q for q in queries if "pageviewrestriction" in q["sql"]]


@pytest.mark.parametrize("kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_restricting_a_page_refuses_it_and_its_children_at_the_next_request(client, section, kind):
    child = publish(section, "Meeting notes", "meeting-notes")
    for page in (section, child):
        assert client.get(page.url).status_code == 200
    restrict(section, kind)
    for page in (section, child):
        assert refused(client.get(page.url)), page.url


def test_an_alias_of_a_private_page_is_refused(client, section, home):
    """The alias has no restriction of its own: it is guarded by its original's."""
    restrict(section)
    other = publish(home, "Elsewhere", "elsewhere")
    assert client.get(other.url).status_code == 200
    alias = section.create_alias(parent=other, update_slug="partners-copy")
    # Wagtail gives the alias a copy of the restriction; without it the original's applies.
    PageViewRestriction.objects.filter(page=alias).delete()
    assert alias.live and alias.alias_of_id == section.pk
    assert refused(client.get(alias.url))
    # Nor listed where readers find pages (the same restricted paths: queries.private_q).
    locations = sitemap_locations(client)
    assert not [location for location in locations if location.endswith(alias.url)]
    assert [location for location in locations if location.endswith(other.url)]


def test_a_page_below_an_alias_of_a_private_page_is_refused(client, section, home):
    restrict(section)
    other = publish(home, "Elsewhere", "elsewhere")
    alias = section.create_alias(parent=other, update_slug="partners-copy")
    PageViewRestriction.objects.filter(page=alias).delete()
    child = publish(Page.objects.get(pk=alias.pk).specific, "Added later", "added-later")
    assert child.alias_of_id is None
    assert refused(client.get(child.url))


def test_a_restriction_starts_a_generation_again_when_it_is_committed(
    section, django_capture_on_commit_callbacks
):
    """Between the save and the commit another request may render from the data as it was;
    what it kept belongs to a generation that the commit ends."""
    # The section was published in a transaction of its own, committed before: its purge ran
    # then, and does not stand in for the restriction's (one purge waits per transaction).
    for _savepoints, callback, _robust in connection.run_on_commit:
        callback()
    connection.run_on_commit.clear()
    before = pagecache.generation()
    with django_capture_on_commit_callbacks() as commits:
        restrict(section)
    saved = pagecache.generation()
    assert saved != before and commits
    for callback in commits:
        callback()
    assert pagecache.generation() != saved
    assert section.path.startswith(restricted_paths())

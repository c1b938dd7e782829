"""Every door keeps the same rule.

For each document that readers may not see (embargoed, expired, in a National Society's
collection not yet approved, in a private collection) and each page that readers may not see
(past its expiry time but not yet unpublished, unpublished, private), every way to the same item
is tried as an anonymous reader, as the editor of another National Society and as an editor with
rights (communications staff): the library, search and its counts, the file's own address, its
thumbnail, its text version, the related-documents and latest-resources blocks, rich-text links,
the news listing, the library's, the news' and the case studies' feeds, the sitemap, the
programme page's automatic sections, the page's own address, the admin's choosers and API, and
the partner API (/api/v2/: listings, searches, filters and detail views). Case studies that may
not be syndicated (marked so, or without recorded consent) are tried at the feeds and the
partner API, which also has case studies awaiting approval and images in a National Society's or
a private collection. A listed document, a live story, a syndicated case study and a listed
image go through the same doors and must be found at each, so that every check can fail.
"""

import datetime
import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    PageViewRestriction,
)

import pytest

from ifrc_site.editorial import roles
from ifrc_site.models import HomePage, NationalSociety
from migration.models import MigrationPage
from news.models import NewsIndexPage, NewsStoryPage
from resources.models import CaseStudyPage, CaseStudySectionPage

from .factories import ImageFactory, ResourceFactory
from .helpers import sitemap_locations

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

ANON, OTHER, RIGHTS = "anonymous", "other society's editor", "communications staff"
ROLES = (ANON, OTHER, RIGHTS)
HIDDEN_DOCUMENTS = ("embargoed", "expired", "unapproved", "private")
HIDDEN_PAGES = ("expired", "unpublished", "private")
# Case studies that feeds never carry: those no page shows, and those that may not be
# syndicated (which the listing and their own address still show).
UNSYNDICATED = ("do not syndicate", "no consent")
HIDDEN_CASE_STUDIES = ("unapproved", "not syndicated", "no consent")
HIDDEN_IMAGES = ("unapproved", "private")
WORD = "quokkadoor"  # in the title and text of every document and page made here


class World:
    pass


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        w = World()
        now = timezone.now()
        locale = Locale.get_default()
        User = get_user_model()
        comms_group = roles.setup_roles()
        society_a = NationalSociety.objects.get(slug="central-african-red-cross", locale=locale)
        society_b = NationalSociety.objects.get(slug="pakistan-red-crescent", locale=locale)
        w.users = {
            OTHER: User.objects.create_user("doors-b", "doors-b@example.org", "x"),
            RIGHTS: User.objects.create_user("doors-comms", "doors-comms@example.org", "x"),
        }
        w.users[OTHER].groups.add(society_b.editor_group)
        w.users[RIGHTS].groups.add(comms_group)

        # Documents: one of each kind, and one listed.
        root = Collection.get_first_root_node()
        private = root.add_child(name="Doors private reports")
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(comms_group)

        def document(kind, **fields):
            return ResourceFactory(
                title=f"Doors {kind} {WORD} report",
                pdf=f"The {kind} findings mention {WORD} and {kind}doorword.",
                **fields,
            )

        w.documents = {
            "listed": document("listed"),
            "embargoed": document("embargoed", go_live_at=now + datetime.timedelta(days=2)),
            "expired": document("expired", expire_at=now - datetime.timedelta(days=2)),
            "unapproved": document("unapproved", collection=society_a.collection),
            "private": document("private", collection=private),
        }
        programme = MigrationPage.objects.get(locale=locale)
        for item in w.documents.values():
            item.programmes.add(programme)

        # Stories: one of each kind, and one live, all of the migration programme.
        news_index = NewsIndexPage.objects.get(locale=locale)

        def story(kind, **fields):
            page = NewsStoryPage(
                title=f"Doors {kind} {WORD} story",
                slug=f"doors-{kind}-story",
                date=datetime.date(2031, 1, 1),  # newest of all, so automatic sections show it
                city="Medenine",
                country="TN",
                summary=f"Volunteers and {kind}doorword.",
                body=[{"type": "paragraph", "value": f"<p>{WORD} at dawn.</p>"}],
                **fields,
            )
            page = publish(news_index, page)
            page.programmes.add(programme)
            page.save_revision().publish()
            return page

        w.pages = {
            "live": story("live"),
            "expired": story("expired"),
            "unpublished": story("unpublished"),
            "private": story("private"),
        }
        # Past its expiry time, but `publish_scheduled` has not run yet: still live=True.
        NewsStoryPage.objects.filter(pk=w.pages["expired"].pk).update(
            expire_at=now - datetime.timedelta(hours=1)
        )
        w.pages["unpublished"].unpublish()
        page_restriction = PageViewRestriction.objects.create(
            page=w.pages["private"], restriction_type=PageViewRestriction.GROUPS
        )
        page_restriction.groups.add(comms_group)
        for page in w.pages.values():
            page.refresh_from_db()

        # Case studies of the migration programme, in one society's section: one of each kind.
        section = CaseStudySectionPage.objects.get(national_society=society_a, locale=locale)

        def case_study(kind, **fields):
            return publish(
                section,
                CaseStudyPage(
                    title=f"Doors {kind} {WORD} case study",
                    slug=f"doors-{kind.replace(' ', '-')}-case-study",
                    date=datetime.date(2031, 1, 1),  # newest of all, so the feeds carry it
                    country="CF",
                    national_society=society_a,
                    programme=programme,
                    summary=f"Volunteers and {kind}doorword.",
                    body=[{"type": "paragraph", "value": f"<p>{WORD} at dawn.</p>"}],
                    consent_recorded=True,
                    **fields,
                ),
            )

        w.case_studies = {
            kind: case_study(kind)
            for kind in ("live", "expired", "unpublished", "private", "no consent")
        }
        w.case_studies["do not syndicate"] = case_study("do not syndicate", do_not_syndicate=True)
        CaseStudyPage.objects.filter(pk=w.case_studies["expired"].pk).update(
            expire_at=now - datetime.timedelta(hours=1)
        )
        # Published before consent was a condition of publishing: still live.
        CaseStudyPage.objects.filter(pk=w.case_studies["no consent"].pk).update(
            consent_recorded=False
        )
        w.case_studies["unpublished"].unpublish()
        case_study_restriction = PageViewRestriction.objects.create(
            page=w.case_studies["private"], restriction_type=PageViewRestriction.GROUPS
        )
        case_study_restriction.groups.add(comms_group)
        for page in w.case_studies.values():
            page.refresh_from_db()

        # The migration programme page shows them all: related documents, pinned resources,
        # rich-text links to each document and each story, and its automatic latest news.
        links = "".join(
            f'<a linktype="document" id="{item.pk}">doc link {kind}</a> '
            for kind, item in w.documents.items()
        ) + "".join(
            f'<a linktype="page" id="{page.pk}">page link {kind}</a> '
            for kind, page in w.pages.items()
        )
        chosen = list(w.documents.values())
        programme.body = [
            *[(block.block_type, block.value) for block in programme.body],
            ("paragraph", f"<p>{links}</p>"),
            ("documents", {"heading": "Doors documents", "documents": chosen}),
            (
                "latest_resources",
                {"heading": "Doors pinned", "count": 12, "layout": "documents", "pinned": chosen},
            ),
            ("latest_news", {"heading": "Doors news", "count": 12, "pinned": []}),
        ]
        programme.save_revision().publish()
        w.programme = programme
        w.home = HomePage.objects.get(locale=locale)

        # For the partner API, also one awaiting approval (never published); the live one is
        # the one partners may carry, and those above that may not be syndicated are theirs too.
        unapproved = section.add_child(
            instance=CaseStudyPage(
                title=f"Doors unapproved {WORD} case study",
                slug="doors-unapproved-case-study",
                date=datetime.date(2031, 1, 1),
                country="CF",
                national_society=society_a,
                programme=programme,
                summary="Vaccinators and unapproveddoorword.",
                consent_recorded=True,
                body=[{"type": "paragraph", "value": f"<p>{WORD} in the villages.</p>"}],
                live=False,
            )
        )
        unapproved.save_revision(user=w.users[RIGHTS])
        unapproved.get_workflow().start(unapproved, w.users[RIGHTS])
        unapproved.refresh_from_db()
        assert not unapproved.live and unapproved.workflow_in_progress
        w.case_studies["unapproved"] = unapproved
        w.case_studies["syndicated"] = w.case_studies["live"]
        w.case_studies["not syndicated"] = w.case_studies["do not syndicate"]

        # Images: one listed, one in society A's collection, one in the private collection.
        w.images = {
            "listed": ImageFactory(title=f"Doors listed {WORD} picture"),
            "unapproved": ImageFactory(
                title=f"Doors unapproved {WORD} picture", collection=society_a.collection
            ),
            "private": ImageFactory(title=f"Doors private {WORD} picture", collection=private),
        }
        yield w
        transaction.set_rollback(True)


@pytest.fixture
def as_role(client, world):
    def log_in(role):
        if role != ANON:
            client.force_login(world.users[role])
        return client

    return log_in


def title(item):
    return item.title.encode()


def shows(response, item):
    return title(item) in response.content


# Documents ---------------------------------------------------------------------------------


LIBRARY_DOORS = {
    "library": ("/en/resources/", {"page": 1}),
    "rss": ("/en/resources/feed/rss/", {}),
    "atom": ("/en/resources/feed/atom/", {"programme": "migration"}),
}


@pytest.mark.parametrize("door", LIBRARY_DOORS)
@pytest.mark.parametrize("kind", HIDDEN_DOCUMENTS)
@pytest.mark.parametrize("role", ROLES)
def test_library_and_its_feeds_list_no_hidden_document(world, as_role, door, kind, role):
    # Public pages are the same for everyone (and cached): nobody sees hidden documents there.
    address, query = LIBRARY_DOORS[door]
    response = as_role(role).get(address, query)
    assert response.status_code == 200
    assert shows(response, world.documents["listed"])
    assert not shows(response, world.documents[kind])


def search(client, query, **params):
    response = client.get("/en/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("kind", HIDDEN_DOCUMENTS)
@pytest.mark.parametrize("role", ROLES)
def test_search_finds_no_hidden_document_by_title_or_text(world, as_role, kind, role):
    client = as_role(role)
    by_title = search(client, f"Doors {kind}")
    by_text = search(client, f"{kind}doorword")
    assert not shows(by_title, world.documents[kind])
    assert not shows(by_text, world.documents[kind])
    assert shows(search(client, "listeddoorword"), world.documents["listed"])


def test_search_counts_only_listed_documents(world, client):
    response = search(client, WORD, type="document")
    found = {kind for kind, item in world.documents.items() if shows(response, item)}
    assert found == {"listed"}
    # The type filter's count of documents says 1, not 5.
    counts = re.findall(rb'value="document"[^>]*>[^<]*\((\d+)\)', response.content)
    assert counts == [b"1"], counts


EXPECTED_SERVE = {
    # Anonymous readers and other societies' editors get a 404 for unreleased documents; a
    # private collection asks them to sign in (Wagtail's restriction), never sends the file.
    (ANON, "embargoed"): 404,
    (ANON, "expired"): 404,
    (ANON, "unapproved"): 404,
    (ANON, "private"): 302,
    (OTHER, "embargoed"): 404,
    (OTHER, "expired"): 404,
    (OTHER, "unapproved"): 404,
    (OTHER, "private"): 302,
    (RIGHTS, "embargoed"): 200,
    (RIGHTS, "expired"): 200,
    (RIGHTS, "unapproved"): 200,
    (RIGHTS, "private"): 200,
}


@pytest.mark.parametrize("kind", HIDDEN_DOCUMENTS)
@pytest.mark.parametrize("role", ROLES)
def test_document_address_serves_file_only_with_rights(world, as_role, kind, role):
    item = world.documents[kind]
    response = as_role(role).get(item.url)
    assert response.status_code == EXPECTED_SERVE[role, kind]
    if response.status_code == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert as_role(role).get(world.documents["listed"].url).status_code == 200


@pytest.mark.parametrize("kind", HIDDEN_DOCUMENTS)
@pytest.mark.parametrize("role", ROLES)
def test_thumbnail_follows_its_document(world, as_role, kind, role):
    item = world.documents[kind]
    assert item.thumbnail, "the PDF has a thumbnail"
    response = as_role(role).get(item.thumbnail.url)
    assert response.status_code == (200 if role == RIGHTS else 404)
    assert as_role(role).get(world.documents["listed"].thumbnail.url).status_code == 200


@pytest.mark.parametrize("kind", HIDDEN_DOCUMENTS)
@pytest.mark.parametrize("role", ROLES)
def test_text_version_follows_its_document(world, as_role, kind, role):
    with translation.override("en"):
        item, listed = world.documents[kind], world.documents["listed"]
        assert item.text_version_url and listed.text_version_url, "the PDFs have a text version"
        response = as_role(role).get(item.text_version_url)
        assert response.status_code == (200 if role == RIGHTS else 404)
        assert as_role(role).get(listed.text_version_url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_programme_page_blocks_and_links_show_no_hidden_document(world, as_role, role):
    response = as_role(role).get(world.programme.url)
    assert response.status_code == 200
    html = response.content.decode()
    listed = world.documents["listed"]
    assert html.count(listed.url) >= 3, "related documents, pinned resources, rich-text link"
    for kind in HIDDEN_DOCUMENTS:
        item = world.documents[kind]
        assert f"/documents/{item.pk}/" not in html, kind
        assert item.title not in html, kind
        # The rich-text link stays as its words, without an address.
        assert f"<a>doc link {kind}</a>" in html, kind
    assert f'href="{listed.url}">doc link listed</a>' in html


@pytest.mark.parametrize("kind", HIDDEN_DOCUMENTS)
def test_document_chooser_and_admin_api(world, as_role, kind):
    item = world.documents[kind]
    other = as_role(OTHER)
    assert not shows(other.get("/admin/documents/chooser/"), item)
    assert not shows(other.get("/admin/documents/chooser/results/", {"q": WORD}), item)
    listing = other.get("/admin/api/main/documents/", {"limit": 20, "search": WORD})
    assert item.pk not in {entry["id"] for entry in listing.json()["items"]}
    detail = other.get(f"/admin/api/main/documents/{item.pk}/", follow=True)
    assert detail.status_code in (403, 404)
    assert not shows(detail, item)

    rights = as_role(RIGHTS)
    assert shows(rights.get("/admin/documents/chooser/results/", {"q": WORD}), item)
    listing = rights.get("/admin/api/main/documents/", {"limit": 20, "search": WORD})
    assert item.pk in {entry["id"] for entry in listing.json()["items"]}


# Pages -------------------------------------------------------------------------------------


EXPECTED_PAGE = {
    (ANON, "expired"): 404,
    (ANON, "unpublished"): 404,
    (ANON, "private"): 302,
    (OTHER, "expired"): 404,
    (OTHER, "unpublished"): 404,
    (OTHER, "private"): 302,
    (RIGHTS, "expired"): 404,
    (RIGHTS, "unpublished"): 404,
    (RIGHTS, "private"): 200,
}


def page_address(page):
    return f"/en/news/{page.slug}/"


@pytest.mark.parametrize("kind", HIDDEN_PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_page_address(world, as_role, kind, role):
    client = as_role(role)
    assert client.get(page_address(world.pages["live"])).status_code == 200
    assert client.get(page_address(world.pages[kind])).status_code == EXPECTED_PAGE[role, kind]


@pytest.mark.parametrize("role", ROLES)
def test_listings_feeds_search_and_sections_show_no_hidden_page(world, as_role, role):
    client = as_role(role)
    doors = {
        "news listing": client.get("/en/news/"),
        "filtered listing": client.get("/en/news/", {"programme": "migration"}),
        "rss": client.get("/en/news/feed/rss/"),
        "atom": client.get("/en/news/feed/atom/", {"programme": "migration"}),
        "search": search(client, WORD),
        "programme page": client.get(world.programme.url),
        "home": client.get(world.home.url),
    }
    for door, response in doors.items():
        assert response.status_code == 200, door
        assert shows(response, world.pages["live"]), door
        for kind in HIDDEN_PAGES:
            assert not shows(response, world.pages[kind]), (door, kind)
    html = doors["programme page"].content.decode()
    for kind in HIDDEN_PAGES:
        if kind != "private":  # a link to a private page leads to its sign-in
            assert f"<a>page link {kind}</a>" in html, kind
    assert f'href="{page_address(world.pages["live"])}">page link live</a>' in html


@pytest.mark.parametrize("role", ROLES)
def test_case_study_listing_and_feeds_show_no_hidden_case_study(world, as_role, role):
    client = as_role(role)
    listing = client.get("/en/case-studies/", {"programme": "migration"})
    feeds = {
        "rss": client.get("/en/case-studies/feed/rss/"),
        "atom": client.get("/en/case-studies/feed/atom/", {"programme": "migration"}),
        "filtered rss": client.get("/en/case-studies/feed/rss/", {"country": "CF"}),
    }
    for door, response in {"listing": listing, **feeds}.items():
        assert response.status_code == 200, door
        assert shows(response, world.case_studies["live"]), door
        for kind in HIDDEN_PAGES:
            assert not shows(response, world.case_studies[kind]), (door, kind)
    for door, response in feeds.items():
        for kind in UNSYNDICATED:
            assert not shows(response, world.case_studies[kind]), (door, kind)
    # The listing is no feed: it shows them, as their own addresses do.
    for kind in UNSYNDICATED:
        assert shows(listing, world.case_studies[kind]), kind


def test_sitemap_lists_no_hidden_page(world, client):
    paths = [location.removeprefix("http://testserver") for location in sitemap_locations(client)]
    assert page_address(world.pages["live"]) in paths
    for kind in HIDDEN_PAGES:
        assert page_address(world.pages[kind]) not in paths, kind


def test_related_stories_show_no_hidden_page(world, client):
    response = client.get(page_address(world.pages["live"]))
    for kind in HIDDEN_PAGES:
        assert not shows(response, world.pages[kind]), kind


def test_making_a_collection_private_takes_its_documents_off_at_the_next_request(world, client):
    collection = Collection.get_first_root_node().add_child(name="Doors soon private")
    item = ResourceFactory(title=f"Doors soon private {WORD} report", collection=collection)
    assert shows(client.get("/en/resources/"), item)
    assert client.get("/en/resources/")["X-Page-Cache"] == "hit"
    # Searched before: the search's matches are kept (ifrc_site/search/matches.py).
    assert shows(search(client, f"soon private {WORD}"), item)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert not shows(client.get("/en/resources/"), item)
    assert not shows(search(client, f"soon private {WORD}"), item)
    # The same words with a filter: a page never cached, from matches that could have been.
    assert not shows(search(client, f"soon private {WORD}", type="document"), item)


# The partner API ---------------------------------------------------------------------------
#
# The same for everyone: a signed-in editor, even with rights, gets what an anonymous partner
# gets. Every listing is searched and filtered too, since each takes its own way to the items.


def api_ids(client, endpoint, **params):
    response = client.get(f"/api/v2/{endpoint}/", {"limit": 50, **params})
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def api_detail(client, endpoint, item):
    return client.get(f"/api/v2/{endpoint}/{item.pk}/").status_code


@pytest.mark.parametrize("kind", HIDDEN_DOCUMENTS)
@pytest.mark.parametrize("role", ROLES)
def test_partner_api_shows_no_hidden_document(world, as_role, kind, role):
    client = as_role(role)
    listed, hidden = world.documents["listed"].pk, world.documents[kind].pk
    for params in (
        {"search": WORD},
        {"search": f"{kind}doorword"},
        {"programme": "migration", "order": "-id"},
        {"type": "report", "language": "en", "order": "-id"},
    ):
        found = api_ids(client, "documents", **params)
        assert hidden not in found, params
        assert listed in found or params.get("search") == f"{kind}doorword", params
    assert api_detail(client, "documents", world.documents[kind]) == 404
    assert api_detail(client, "documents", world.documents["listed"]) == 200


@pytest.mark.parametrize("kind", HIDDEN_PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_partner_api_shows_no_hidden_page(world, as_role, kind, role):
    client = as_role(role)
    live, hidden = world.pages["live"].pk, world.pages[kind].pk
    for params in (
        {"search": WORD},
        {"type": "news.NewsStoryPage", "search": WORD},
        {"type": "news.NewsStoryPage", "programme": "migration", "order": "-date"},
        {"country": "TN", "date_from": "2031-01-01", "order": "-id"},
        {"child_of": world.pages["live"].get_parent().pk, "order": "-id"},
    ):
        found = api_ids(client, "pages", **params)
        assert hidden not in found, params
        assert live in found, params
    assert api_detail(client, "pages", world.pages[kind]) == 404
    assert api_detail(client, "pages", world.pages["live"]) == 200


@pytest.mark.parametrize("kind", HIDDEN_CASE_STUDIES)
@pytest.mark.parametrize("role", ROLES)
def test_partner_api_shows_no_case_study_partners_may_not_carry(world, as_role, kind, role):
    client = as_role(role)
    shared, hidden = world.case_studies["syndicated"].pk, world.case_studies[kind].pk
    for params in (
        {"search": WORD},
        {"type": "resources.CaseStudyPage", "search": WORD},
        {"type": "resources.CaseStudyPage", "programme": "migration", "order": "-date"},
        {"country": "CF", "date_to": "2031-01-01", "order": "-id"},
        {"child_of": world.case_studies["syndicated"].get_parent().pk, "order": "-id"},
    ):
        found = api_ids(client, "pages", **params)
        assert hidden not in found, params
        assert shared in found, params
    assert api_detail(client, "pages", world.case_studies[kind]) == 404
    assert api_detail(client, "pages", world.case_studies["syndicated"]) == 200


@pytest.mark.parametrize("kind", HIDDEN_IMAGES)
@pytest.mark.parametrize("role", ROLES)
def test_partner_api_shows_no_image_of_a_society_or_private_collection(world, as_role, kind, role):
    client = as_role(role)
    listed, hidden = world.images["listed"].pk, world.images[kind].pk
    for params in ({"search": WORD}, {"order": "-id"}):
        found = api_ids(client, "images", **params)
        assert hidden not in found, params
        assert listed in found, params
    assert api_detail(client, "images", world.images[kind]) == 404
    assert api_detail(client, "images", world.images["listed"]) == 200

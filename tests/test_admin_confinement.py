"""A National Society's editors see, in every admin door, only their own images, documents and
pages: the admin API, the choosers, the usage and edit views and the bulk actions.

Each test asks as society A's editor for society B's items (and for files only communications
staff hold), and checks that the answer is a refusal or leaves them out, and never names them;
then asks as the items' own editor or as communications staff, to show the same request works
for those allowed. The demo logins are those of load_demo_content: "editor-caf" (society A,
Central African Red Cross Society), "editor-pak" (society B, Pakistan Red Crescent Society) and
"comms".
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import reverse

from wagtail.models import Collection, Locale, Page

import pytest
from PIL import Image as PILImage

from ifrc_site.models import HomePage, NationalSociety, SiteImage
from migration.models import MigrationPage
from resources.models import CaseStudyPage, CaseStudySectionPage, Resource

from .helpers import refused

pytestmark = pytest.mark.django_db

A, B, COMMS = "editor-caf", "editor-pak", "comms"
# Every title below shares this word, so that one search finds them all.
WORD = "Quokka"


class Items:
    """One document, one image and one case study per society, and files of the root
    collection that only communications staff hold."""


def png_file(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (30, 120, 200)).save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=name)


@pytest.fixture(scope="module")
def items(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        User = get_user_model()
        locale = Locale.get_default()
        home = HomePage.objects.get(slug="home", locale=locale)
        programme = MigrationPage.objects.child_of(home).get()
        found = Items()
        found.users = {name: User.objects.get(username=name) for name in (A, B, COMMS)}
        found.documents, found.images, found.pages = {}, {}, {}
        owners = {
            "a": (A, "central-african-red-cross"),
            "b": (B, "pakistan-red-crescent"),
            "staff": (COMMS, None),
        }
        for key, (username, slug) in owners.items():
            if slug:
                society = NationalSociety.objects.get(slug=slug, locale=locale)
                collection = society.collection
            else:
                collection = Collection.get_first_root_node()
            document = Resource(
                title=f"{WORD} document {key}",
                collection=collection,
                uploaded_by_user=found.users[username],
            )
            document.file.save(f"quokka-{key}.txt", ContentFile(b"Findings."), save=False)
            document.save()
            found.documents[key] = document
            found.images[key] = SiteImage.objects.create(
                title=f"{WORD} image {key}",
                collection=collection,
                uploaded_by_user=found.users[username],
                file=png_file(f"quokka-{key}.png"),
            )
            if slug:
                # A draft, as an editor leaves it before submitting it.
                section = CaseStudySectionPage.objects.get(national_society=society)
                page = CaseStudyPage(
                    title=f"{WORD} case study {key}",
                    slug=f"quokka-case-study-{key}",
                    date=datetime.date(2024, 1, 15),
                    country=society.country,
                    national_society=society,
                    programme=programme,
                    summary="Volunteers met families at the border.",
                    body=[{"type": "paragraph", "value": "<p>Volunteers met families.</p>"}],
                    live=False,
                    owner=found.users[username],
                )
                section.add_child(instance=page)
                page.save_revision(user=found.users[username])
                found.pages[key] = page
        yield found
        transaction.set_rollback(True)


@pytest.fixture
def as_user(items):
    def log_in(username):
        client = Client()
        client.force_login(items.users[username])
        return client

    return log_in


def text(response):
    return response.content.decode()


def titles(response, *objects):
    """Which of these objects' titles the response shows (a redirect's page included)."""
    shown = text(response)
    return {obj.title for obj in objects if obj.title in shown}


def assert_refused_silently(response, *objects):
    assert refused(response), response.status_code
    assert not titles(response, *objects)


# The admin API ------------------------------------------------------------------------------

API_KINDS = ("documents", "images")


def api_listing(client, kind):
    return client.get(f"/admin/api/main/{kind}/", {"order": "-id", "limit": 20})


@pytest.mark.parametrize("kind", API_KINDS)
def test_admin_api_listing_shows_only_own_collection(as_user, items, kind):
    own = getattr(items, kind)
    response = api_listing(as_user(A), kind)
    assert response.status_code == 200
    assert titles(response, *own.values()) == {own["a"].title}


@pytest.mark.parametrize("kind", API_KINDS)
def test_admin_api_listing_shows_everything_to_staff(as_user, items, kind):
    own = getattr(items, kind)
    response = api_listing(as_user(COMMS), kind)
    assert response.status_code == 200
    assert titles(response, *own.values()) == {obj.title for obj in own.values()}
    assert titles(api_listing(as_user(B), kind), *own.values()) == {own["b"].title}


@pytest.mark.parametrize("kind", API_KINDS)
@pytest.mark.parametrize("key", ("b", "staff"))
def test_admin_api_detail_refuses_other_collections(as_user, items, kind, key):
    obj = getattr(items, kind)[key]
    assert_refused_silently(as_user(A).get(f"/admin/api/main/{kind}/{obj.pk}/"), obj)


@pytest.mark.parametrize("kind", API_KINDS)
def test_admin_api_detail_opens_own_collection(as_user, items, kind):
    own = getattr(items, kind)
    response = as_user(A).get(f"/admin/api/main/{kind}/{own['a'].pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == own["a"].title
    response = as_user(COMMS).get(f"/admin/api/main/{kind}/{own['b'].pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == own["b"].title


# Choosers -----------------------------------------------------------------------------------

CHOOSERS = {
    "images": ("/admin/images/chooser/", "/admin/images/chooser/results/"),
    "documents": ("/admin/documents/chooser/", "/admin/documents/chooser/results/"),
}


@pytest.mark.parametrize("kind", API_KINDS)
def test_choosers_offer_only_own_collection(as_user, items, kind):
    own = getattr(items, kind)
    chooser, results = CHOOSERS[kind]
    for url, query in ((chooser, {}), (results, {}), (results, {"q": WORD})):
        response = as_user(A).get(url, query)
        assert response.status_code == 200
        assert titles(response, *own.values()) == {own["a"].title}, (url, query)
        response = as_user(B).get(url, query)
        assert titles(response, *own.values()) == {own["b"].title}, (url, query)


@pytest.mark.parametrize("kind", API_KINDS)
def test_choosers_refuse_choosing_other_collections(as_user, items, kind):
    own = getattr(items, kind)
    urls = [f"/admin/{kind}/chooser/chosen/{{}}/"]
    if kind == "images":
        urls.append("/admin/images/chooser/{}/select_format/")
    for url in urls:
        for key in ("b", "staff"):
            assert_refused_silently(as_user(A).get(url.format(own[key].pk)), own[key])
        response = as_user(COMMS).get(url.format(own["b"].pk))
        assert response.status_code == 200
        assert own["b"].title in text(response)


def test_page_chooser_hides_other_drafts(as_user, items):
    for username, own, other in ((A, "a", "b"), (B, "b", "a")):
        response = as_user(username).get(reverse("wagtailadmin_choose_page_search"), {"q": WORD})
        assert response.status_code == 200
        shown = titles(response, *items.pages.values())
        assert items.pages[own].title in shown
        assert items.pages[other].title not in shown
    response = as_user(COMMS).get(reverse("wagtailadmin_choose_page_search"), {"q": WORD})
    assert titles(response, *items.pages.values()) == {p.title for p in items.pages.values()}


# Usage, edit and listing views --------------------------------------------------------------

MEDIA_VIEWS = {
    "images": ("/admin/images/usage/{}/", "/admin/images/{}/"),
    "documents": ("/admin/documents/usage/{}/", "/admin/documents/edit/{}/"),
}


@pytest.mark.parametrize("kind", API_KINDS)
@pytest.mark.parametrize("key", ("b", "staff"))
def test_usage_and_edit_views_refuse_other_collections(as_user, items, kind, key):
    obj = getattr(items, kind)[key]
    for pattern in MEDIA_VIEWS[kind]:
        response = as_user(A).get(pattern.format(obj.pk), follow=False)
        assert_refused_silently(response, obj)
        followed = as_user(A).get(pattern.format(obj.pk), follow=True)
        assert not titles(followed, obj)


@pytest.mark.parametrize("kind", API_KINDS)
def test_usage_and_edit_views_open_own_files(as_user, items, kind):
    own = getattr(items, kind)
    for pattern in MEDIA_VIEWS[kind]:
        response = as_user(B).get(pattern.format(own["b"].pk))
        assert response.status_code == 200
        assert own["b"].title in text(response)
        response = as_user(COMMS).get(pattern.format(own["a"].pk))
        assert response.status_code == 200
        assert own["a"].title in text(response)


@pytest.mark.parametrize("kind", API_KINDS)
def test_listings_show_only_own_collection(as_user, items, kind):
    own = getattr(items, kind)
    for query in ({}, {"q": WORD}):
        response = as_user(A).get(f"/admin/{kind}/", query)
        assert response.status_code == 200
        assert titles(response, *own.values()) == {own["a"].title}
        response = as_user(COMMS).get(f"/admin/{kind}/", query)
        assert titles(response, *own.values()) == {obj.title for obj in own.values()}


# Bulk actions -------------------------------------------------------------------------------


def bulk_url(model, action, *objects):
    opts = model._meta
    query = "&".join(f"id={obj.pk}" for obj in objects)
    return f"/admin/bulk/{opts.app_label}/{opts.model_name}/{action}/?{query}"


BULK = {
    "pages": (Page, ("delete", "publish", "unpublish", "move")),
    "images": (SiteImage, ("delete", "add_tags", "add_to_collection")),
    "documents": (Resource, ("delete", "add_tags", "add_to_collection")),
}


@pytest.mark.parametrize("kind", BULK)
@pytest.mark.parametrize("key", ("b", "staff"))
def test_bulk_actions_refuse_foreign_items(as_user, items, kind, key):
    model, actions = BULK[kind]
    found = getattr(items, kind)
    if key not in found:
        # Pages only staff hold: the home page.
        foreign = HomePage.objects.get(slug="home", locale=Locale.get_default())
    else:
        foreign = found[key]
    for action in actions:
        # Alone, and hidden among the editor's own items.
        for objects in ((foreign,), (found["a"], foreign)):
            response = as_user(A).get(bulk_url(model, action, *objects))
            assert_refused_silently(response, foreign)


@pytest.mark.parametrize("kind", BULK)
def test_bulk_actions_open_for_own_items(as_user, items, kind):
    model, actions = BULK[kind]
    found = getattr(items, kind)
    for action in actions:
        response = as_user(B).get(bulk_url(model, action, found["b"]))
        assert response.status_code == 200, action
        assert found["b"].title in text(response)
        response = as_user(COMMS).get(bulk_url(model, action, found["a"], found["b"]))
        assert response.status_code == 200, action
        assert titles(response, found["a"], found["b"]) == {found["a"].title, found["b"].title}


def test_bulk_select_all_refused_in_other_section(as_user, items):
    section_b = items.pages["b"].get_parent()
    url = f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={section_b.pk}"
    assert_refused_silently(as_user(A).get(url), items.pages["b"])
    response = as_user(B).get(url)
    assert response.status_code == 200
    assert items.pages["b"].title in text(response)


def test_bulk_user_actions_need_user_permissions(as_user, items):
    User = get_user_model()
    staff = items.users[COMMS]
    url = bulk_url(User, "set_active_state", staff)
    response = as_user(A).get(url)
    assert refused(response)
    assert staff.email not in text(response)

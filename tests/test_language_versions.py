"""Language versions: one resource published in several languages (Resource.original).

Staff group documents in the admin's own document pages (Documents › Add a document, and a
document's edit page); the library lists each resource once with links to its languages; a
document shown anywhere says which of the site's languages it is missing; the search shows
one result per resource; and no version readers may not see is ever shown or linked.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Collection, CollectionViewRestriction, Locale

import pytest
import time_machine
from bs4 import BeautifulSoup

from ifrc_site.blocks import DocumentListBlock
from ifrc_site.demo.media import make_pdf
from ifrc_site.editorial.roles import LIBRARY_COLLECTION
from ifrc_site.models import NationalSociety
from resources.models import Resource

from .factories import ResourceFactory
from .helpers import empty_caches

pytestmark = pytest.mark.django_db

ZERO_DOSE = "Reaching zero-dose children: National Societies and routine immunization"
RIGHTS = "Rights of Migrants in Action"
SOMALIA = "Polio program transition in Somalia: an assessment of risks and opportunities"


def soup_of(response):
    assert response.status_code == 200, response.content[:2000]
    return BeautifulSoup(response.content, "lxml")


def by_title(title):
    return Resource.objects.get(title=title)


def versions_of(title):
    original = by_title(title)
    return {version.language: version for version in original.versions.all()} | {
        original.language: original
    }


@pytest.fixture
def library():
    return Collection.get_first_root_node().get_children().get(name=LIBRARY_COLLECTION)


@pytest.fixture
def society_editor():
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor-caf"))
    return client


def cards_titled(response, title):
    """The library cards whose title link names the document."""
    return [
        card
        for card in soup_of(response).select(".doc-card")
        if card.select_one(".doc-card__title a")["title"] == title
    ]


def version_links(node):
    return {link["hreflang"]: link for link in node.select(".doc-languages a[hreflang]")}


# Grouping in the admin -------------------------------------------------------------------


def pdf_file(name="rapport.pdf"):
    data = make_pdf("Rapport", "Constats", "1 mai 2024", [("Constats", ["L'eau est arrivee."])])
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def edit(client, document, **changes):
    """A document's edit page (Documents › the document), sent with its fields changed."""
    form = {
        "title": document.title,
        "collection": document.collection_id,
        "resource_type": document.resource_type,
        "language": document.language,
        "summary": document.summary,
        "tags": "",
        "original": document.original_id or "",
        **changes,
    }
    return client.post(reverse("wagtaildocs:edit", args=[document.pk]), form)


def errors_of(response):
    soup = soup_of(response)
    return " ".join(node.get_text(" ", strip=True) for node in soup.select(".error-message"))


def upload(client, **fields):
    """Documents › Add a document: the file, then its form, as the multiple upload sends them."""
    response = client.post(reverse("wagtaildocs:add_multiple"), {"files[]": pdf_file()})
    data = response.json()
    assert data["success"] is True, data
    upload_id = data["uploaded_file_id"]
    prefix = f"uploaded-document-{upload_id}"
    response = client.post(
        reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload_id]),
        {f"{prefix}-{name}": value for name, value in fields.items()},
    )
    return data, response.json()


def test_add_a_document_as_a_language_version(admin_client, library):
    original = by_title(RIGHTS)
    data, result = upload(
        admin_client,
        title="Los derechos de los migrantes en acción",
        collection=library.pk,
        resource_type="report",
        language="es",
        original=original.pk,
    )
    assert result["success"] is True, result
    document = Resource.objects.get(pk=result["doc_id"])
    assert document.original == original
    assert set(original.versions.values_list("language", flat=True)) == {"fr", "es"}
    # The form per file offers the originals, each with its language.
    options = BeautifulSoup(data["form"], "lxml").select('select[name$="original"] option')
    labels = {option.get_text(strip=True) for option in options}
    assert f"{RIGHTS} (English)" in labels
    assert not any(label.startswith("Les droits des migrants en action") for label in labels)


def test_adding_a_second_version_in_one_language_is_refused(admin_client, library):
    original = by_title(RIGHTS)
    _data, result = upload(
        admin_client,
        title="Droits des migrants, deuxième traduction",
        collection=library.pk,
        resource_type="report",
        language="fr",
        original=original.pk,
    )
    assert result["success"] is False
    assert "already has a version in French" in result["form"]
    assert not Resource.objects.filter(title="Droits des migrants, deuxième traduction").exists()


def test_edit_page_groups_a_document_with_its_original(admin_client):
    original = by_title(SOMALIA)
    translation_ = ResourceFactory(title="Transition du programme polio en Somalie", language="fr")
    page = soup_of(admin_client.get(reverse("wagtaildocs:edit", args=[translation_.pk])))
    select = page.select_one('select[name="original"]')
    assert "language version of" in page.get_text().lower()
    # Fits a phone: titles shortened in the list, and a stylesheet keeps it within the form.
    assert all(len(option.get_text()) <= 60 for option in select.select("option"))
    assert any("…" in option.get_text() for option in select.select("option"))
    assert page.select_one('link[href$="css/document-form.css"]') is not None
    response = edit(admin_client, translation_, original=original.pk)
    assert response.status_code == 302, errors_of(response)
    translation_.refresh_from_db()
    assert translation_.original_id == original.pk
    # The original's edit page names its versions.
    page = soup_of(admin_client.get(reverse("wagtaildocs:edit", args=[original.pk])))
    assert "Transition du programme polio en Somalie" in page.get_text()


def test_edit_page_refuses_a_language_the_resource_already_has(admin_client):
    versions = versions_of(ZERO_DOSE)
    response = edit(admin_client, versions["fr"], language="es")
    assert response.status_code == 200
    assert "already has a version in Spanish" in errors_of(response)
    # Nor may the original take the language of one of its versions.
    response = edit(admin_client, versions["en"], language="ar")
    assert "A language version of this document is already in Arabic" in errors_of(response)
    assert set(
        Resource.objects.filter(pk__in=[v.pk for v in versions.values()]).values_list(
            "language", flat=True
        )
    ) == {"en", "fr", "es", "ar"}


def test_edit_page_refuses_chains_and_circles(admin_client):
    versions = versions_of(ZERO_DOSE)
    newcomer = ResourceFactory(title="Zero-dose summary in Spanish", language="es")
    # A version of a version.
    response = edit(admin_client, newcomer, original=versions["fr"].pk)
    assert "is itself a language version of another document" in errors_of(response)
    # An original with versions becoming a version itself (a circle, were it allowed).
    response = edit(admin_client, versions["en"], original=newcomer.pk)
    assert "Other documents are language versions of this one" in errors_of(response)
    # Itself: never offered, and refused when sent.
    response = edit(admin_client, newcomer, original=newcomer.pk)
    assert response.status_code == 200 and errors_of(response)
    newcomer.refresh_from_db()
    versions["en"].refresh_from_db()
    assert newcomer.original_id is None and versions["en"].original_id is None


def test_society_editor_cannot_group_with_documents_they_may_not_see(society_editor):
    society = NationalSociety.objects.get(
        slug="central-african-red-cross", locale=Locale.get_default()
    )
    library_document = by_title(RIGHTS)
    data, result = upload(
        society_editor,
        title="Droits des migrants (Centrafrique)",
        resource_type="report",
        language="es",
        original=library_document.pk,
    )
    options = BeautifulSoup(data["form"], "lxml").select('select[name$="original"] option')
    assert [option["value"] for option in options] == [""]  # their collection is empty
    assert result["success"] is False
    assert "Select a valid choice" in result["form"]
    own = ResourceFactory(title="Rapport de la section", collection=society.collection)
    _data, result = upload(
        society_editor,
        title="Informe de la sección",
        resource_type="report",
        language="es",
        original=own.pk,
    )
    assert result["success"] is True, result
    assert Resource.objects.get(pk=result["doc_id"]).original == own


# The library -------------------------------------------------------------------------------


def test_library_lists_a_resource_once_with_its_languages(client):
    versions = versions_of(ZERO_DOSE)
    response = client.get("/en/resources/", {"programme": "immunization"})
    titles = [link["title"] for link in soup_of(response).select(".doc-card__title a")]
    for version in versions.values():
        assert titles.count(version.title) == (version.language == "en")
    (card,) = cards_titled(response, ZERO_DOSE)
    links = version_links(card)
    assert set(links) == {"fr", "es", "ar"}
    assert links["fr"]["href"] == versions["fr"].url
    assert links["fr"].get_text(strip=True) == "French"
    meta = links["es"].find_next_sibling(class_="doc-languages__meta").get_text(" ", strip=True)
    assert "PDF" in meta and "KB" in meta and "12/06/2023" in meta
    assert card.select_one(".doc-languages__missing") is None


def test_library_shows_the_readers_language_version_with_names_in_their_language(client):
    versions = versions_of(ZERO_DOSE)
    response = client.get("/fr/resources/")
    (card,) = cards_titled(response, versions["fr"].title)
    assert not cards_titled(response, ZERO_DOSE)
    links = version_links(card)
    assert set(links) == {"en", "es", "ar"}
    with translation.override("fr"):
        assert links["en"].get_text(strip=True) == gettext("English") != "English"


def test_language_filter_finds_a_resource_by_any_of_its_versions(client):
    versions = versions_of(ZERO_DOSE)
    response = client.get("/en/resources/", {"language": "ar"})
    (card,) = cards_titled(response, versions["ar"].title)
    assert set(version_links(card)) == {"en", "fr", "es"}
    # A resource without an Arabic version is not found by it.
    assert not cards_titled(response, RIGHTS)
    assert not cards_titled(client.get("/en/resources/", {"language": "es"}), RIGHTS)


def test_library_card_says_which_languages_are_missing(client):
    response = client.get("/en/resources/", {"programme": "migration"})
    (card,) = cards_titled(response, RIGHTS)
    assert set(version_links(card)) == {"fr"}
    note = card.select_one(".doc-languages__missing").get_text(" ", strip=True)
    assert note == "Not available in: Spanish, Arabic"


def test_document_block_links_versions_and_says_what_is_missing(rf):
    block = DocumentListBlock()
    versions = versions_of(RIGHTS)
    value = block.to_python({"heading": "Reading", "documents": [versions["fr"].pk]})
    with translation.override("en"):
        soup = BeautifulSoup(block.render(value), "lxml")
    links = version_links(soup)
    assert set(links) == {"en"} and links["en"]["href"] == versions["en"].url
    note = soup.select_one(".doc-languages__missing").get_text(" ", strip=True)
    assert note == "Not available in: Spanish, Arabic"


# Hidden versions ---------------------------------------------------------------------------


@pytest.mark.both_engines
@pytest.mark.parametrize("hiding", ["embargoed", "expired", "society", "private"])
def test_a_hidden_version_is_never_shown_or_linked(client, hiding):
    versions = versions_of(ZERO_DOSE)
    hidden = versions["es"]
    if hiding == "embargoed":
        hidden.go_live_at = timezone.now() + datetime.timedelta(days=3)
    elif hiding == "expired":
        hidden.expire_at = timezone.now() - datetime.timedelta(days=1)
    elif hiding == "society":
        hidden.collection = NationalSociety.objects.exclude(collection=None).first().collection
    else:
        root = Collection.get_first_root_node()
        private = root.add_child(name="Versions under review")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        hidden.collection = private
    hidden.save()
    empty_caches()
    for address, params in [
        ("/en/resources/", {"programme": "immunization"}),
        ("/es/resources/", {}),
        ("/en/search/", {"q": "zero-dose"}),
        ("/en/search/", {"q": "zero-dose", "language": "all"}),
    ]:
        response = client.get(address, params)
        assert hidden.url not in response.text, address
        assert hidden.title not in response.text, address
    response = client.get("/en/resources/", {"programme": "immunization"})
    (card,) = cards_titled(response, ZERO_DOSE)
    assert set(version_links(card)) == {"fr", "ar"}
    assert "Spanish" in card.select_one(".doc-languages__missing").get_text()
    # Nor does the language filter find the resource by the hidden version.
    assert not cards_titled(client.get("/en/resources/", {"language": "es"}), ZERO_DOSE)


@pytest.mark.both_engines
def test_a_hidden_original_leaves_its_versions_as_one_resource(client):
    versions = versions_of(ZERO_DOSE)
    original = versions["en"]
    original.expire_at = timezone.now() - datetime.timedelta(days=1)
    original.save()
    empty_caches()
    response = client.get("/en/resources/", {"programme": "immunization"})
    assert original.url not in response.text
    shown = [
        card for version in versions.values() for card in cards_titled(response, version.title)
    ]
    assert len(shown) == 1
    assert "English" in shown[0].select_one(".doc-languages__missing").get_text()


@pytest.mark.both_engines
def test_the_version_standing_for_a_resource_changes_when_it_expires_with_nothing_saved(client):
    """The versions left out of the library are kept per content generation; the time an
    original expires starts a new one by itself, and the library shows another version."""
    versions = versions_of(ZERO_DOSE)
    original = versions["en"]
    original.expire_at = timezone.now() + datetime.timedelta(hours=1)
    original.save()
    titles = {version.title for version in versions.values()}

    def shown():
        response = client.get("/en/resources/", {"programme": "immunization"})
        return [card for title in titles for card in cards_titled(response, title)]

    (card,) = shown()
    assert card.select_one(".doc-card__title a")["title"] == original.title
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        (card,) = shown()
    assert card.select_one(".doc-card__title a")["title"] in titles - {original.title}


# Search ------------------------------------------------------------------------------------


def result_nodes(response):
    return soup_of(response).select("ol.search-results .search-result")


@pytest.mark.both_engines
def test_search_shows_one_result_per_resource_in_the_readers_language(client):
    versions = versions_of(ZERO_DOSE)
    titles = {version.title for version in versions.values()}
    for language, params in [("en", {}), ("en", {"language": "all"}), ("fr", {}), ("ar", {})]:
        response = client.get(f"/{language}/search/", {"q": "zero-dose", **params})
        found = [
            node
            for node in result_nodes(response)
            if node.select_one(".search-result__title").get_text(strip=True) in titles
        ]
        assert len(found) == 1, (language, params)
        (node,) = found
        assert node.select_one(".search-result__title").get_text(strip=True) == (
            versions[language].title
        )
        assert node.select_one(".search-result__title a")["href"] == versions[language].url
        assert set(version_links(node)) == {"en", "fr", "es", "ar"} - {language}


@pytest.mark.both_engines
def test_search_language_filter_counts_a_resource_in_each_of_its_languages(client):
    response = client.get("/en/search/", {"q": "zero-dose", "type": "document", "language": "es"})
    nodes = result_nodes(response)
    assert [node.select_one(".search-result__title").get_text(strip=True) for node in nodes] == [
        versions_of(ZERO_DOSE)["es"].title
    ]
    soup = soup_of(client.get("/en/search/", {"q": "zero-dose", "type": "document"}))
    counts = {
        option["value"]: option.get_text(strip=True)
        for option in soup.select('select[name="language"] option')
    }
    for language in ("en", "fr", "es", "ar"):
        assert counts[language].endswith("(1)"), counts


# Queries -----------------------------------------------------------------------------------


def library_queries(client):
    empty_caches()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/resources/")
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.both_engines
def test_library_queries_stay_constant_as_groups_grow(client, django_assert_max_num_queries):
    recent = datetime.date(2030, 1, 1)
    originals = [
        ResourceFactory(title=f"Grouped report {number}", publication_date=recent)
        for number in range(3)
    ]
    bound, _response = library_queries(client)
    for original in originals:
        for language in ("fr", "es", "ar"):
            ResourceFactory(
                title=f"{original.title} {language}",
                language=language,
                publication_date=recent,
                original=original,
            )
    empty_caches()
    with django_assert_max_num_queries(bound):
        response = client.get("/en/resources/")
    for original in originals:
        (card,) = cards_titled(response, original.title)
        assert set(version_links(card)) == {"fr", "es", "ar"}


@pytest.mark.both_engines
def test_search_queries_stay_constant_as_groups_grow(client, django_assert_max_num_queries):
    recent = datetime.date(2030, 1, 1)
    originals = [
        ResourceFactory(title=f"Floodplain mapping report {number}", publication_date=recent)
        for number in range(3)
    ]
    empty_caches()
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/search/", {"q": "floodplain", "language": "all"})
    for original in originals:
        for language in ("fr", "es", "ar"):
            ResourceFactory(
                title=f"Floodplain mapping {language} {original.pk}",
                language=language,
                publication_date=recent,
                original=original,
            )
    empty_caches()
    with django_assert_max_num_queries(len(queries)):
        response = client.get("/en/search/", {"q": "floodplain", "language": "all"})
    assert len(result_nodes(response)) == 3

"""The document form as editors meet it: Documents › Add a document (the multiple upload, with
its form per uploaded file) and a document's edit page.

One choice per programme, a country list that filters as you type (and works without
JavaScript), the uploader's own collection by default, and help on every field.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents.forms import get_document_form
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    Locale,
    Page,
)

import pytest
from bs4 import BeautifulSoup

from ifrc_site.demo.media import make_pdf
from ifrc_site.editorial.roles import LIBRARY_COLLECTION
from ifrc_site.models import NationalSociety, programme_content_types, programme_pages_in
from resources.forms import ResourceForm
from resources.models import Resource

pytestmark = pytest.mark.django_db

SCRIPT = "/static/js/country-filter.js"
SOCIETY = "central-african-red-cross"  # that of the demo login "editor-caf"


def pdf_file(name="field-report.pdf"):
    data = make_pdf("Field report", "Findings", "1 May 2024", [("Findings", ["Water reached."])])
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def html(response):
    assert response.status_code == 200, response.content[:2000]
    return BeautifulSoup(response.content, "lxml")


def json_form(response):
    data = response.json()
    assert data["success"] is True, data
    return data, BeautifulSoup(data["form"], "lxml")


def checkbox_values(soup, name):
    return [box["value"] for box in soup.select(f'input[type=checkbox][name$="{name}"]')]


def checked_values(soup, name):
    return [
        box["value"]
        for box in soup.select(f'input[type=checkbox][name$="{name}"]')
        if box.get("checked") is not None
    ]


def selected_collection(soup):
    """The collection the multiple upload page's list starts at (None: the browser's first)."""
    select = soup.find("select", attrs={"name": "collection"})
    if select is None:
        return None
    option = select.find("option", selected=True)
    return int(option["value"]) if option else None


@pytest.fixture
def society():
    return NationalSociety.objects.get(slug=SOCIETY, locale=Locale.get_default())


@pytest.fixture
def society_editor():
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor-caf"))
    return client


@pytest.fixture
def library():
    """The library's own collection, which setup_roles makes beside the societies' folder."""
    return Collection.get_first_root_node().get_children().get(name=LIBRARY_COLLECTION)


@pytest.fixture
def document():
    return Resource.objects.filter(file__endswith=".pdf").order_by("pk").first()


# Programmes --------------------------------------------------------------------------------


def test_edit_form_offers_one_choice_per_programme(admin_client, document):
    english = programme_pages_in(Locale.get_default())
    others = Page.objects.filter(content_type__in=programme_content_types()).exclude(
        locale=Locale.get_default()
    )
    # The demo has the programmes in other languages too, or this would prove nothing.
    assert english.count() >= 2 and others.exists()
    soup = html(admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    values = checkbox_values(soup, "programmes")
    assert sorted(values) == sorted(str(pk) for pk in english.values_list("pk", flat=True))
    labels = [
        box.find_parent("label").get_text(strip=True)
        for box in soup.select('input[type=checkbox][name="programmes"]')
    ]
    assert sorted(labels) == sorted(page.title for page in english)
    assert len(set(labels)) == len(labels)


def test_a_programme_saved_in_another_language_shows_as_the_english_page(
    admin_client, document, migration_page
):
    french = (
        Page.objects.filter(translation_key=migration_page.translation_key)
        .exclude(locale=migration_page.locale)
        .first()
    )
    assert french is not None
    document.programmes.set([french])
    soup = html(admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    assert checked_values(soup, "programmes") == [str(migration_page.pk)]


# Countries ---------------------------------------------------------------------------------


def assert_country_filter(soup):
    widget = soup.select_one("[data-country-filter]")
    assert widget is not None
    assert widget["data-country-filter-label"] == "Filter countries"
    assert "{shown}" in widget["data-country-filter-status"]
    # Without JavaScript: a plain checkbox per country.
    assert len(widget.select('input[type=checkbox][name$="countries"]')) > 200


def test_edit_form_has_the_country_filter(admin_client, document):
    soup = html(admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    assert soup.find("script", src=SCRIPT) is not None
    assert_country_filter(soup)


def test_multiple_upload_page_loads_the_script_for_its_forms(admin_client):
    soup = html(admin_client.get(reverse("wagtaildocs:add_multiple")))
    assert soup.find("script", src=SCRIPT) is not None


def test_chooser_upload_form_loads_the_script(admin_client):
    response = admin_client.get(reverse("wagtaildocs_chooser:choose"))
    soup = BeautifulSoup(response.json()["html"], "lxml")
    assert soup.find("script", src=SCRIPT) is not None
    assert_country_filter(soup)


def test_script_is_served_as_a_static_file():
    path = finders.find("js/country-filter.js")
    assert path is not None
    with open(path) as script:
        source = script.read()
    assert "data-country-filter" in source and "htmlFor" in source


# Collections -------------------------------------------------------------------------------


def test_staff_upload_page_starts_at_the_library_collection(admin_client, library):
    soup = html(admin_client.get(reverse("wagtaildocs:add_multiple")))
    assert selected_collection(soup) == library.pk
    # An address that names a collection keeps it.
    root = Collection.get_first_root_node()
    url = f"{reverse('wagtaildocs:add_multiple')}?collection_id={root.pk}"
    assert selected_collection(html(admin_client.get(url))) == root.pk
    # The single upload form too.
    soup = html(admin_client.get(reverse("wagtaildocs:add")))
    option = soup.select_one('select[name$="collection"] option[selected]')
    assert option is not None and int(option["value"]) == library.pk


def test_staff_uploads_never_start_in_a_societys_or_a_private_collection(
    admin_client, society, library
):
    # Without the library's collection, and with a private one first in tree order, the list
    # starts at the root, as Wagtail's does.
    library.delete()
    root = Collection.get_first_root_node()
    private = root.add_child(instance=Collection(name="Board papers"))
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    soup = html(admin_client.get(reverse("wagtaildocs:add_multiple")))
    selected = selected_collection(soup)
    society_collections = NationalSociety.objects.values_list("collection", flat=True)
    assert selected not in set(society_collections)
    assert selected != private.pk
    assert selected is None or Collection.objects.get(pk=selected).depth == 1


def test_society_editor_upload_page_starts_at_their_collection(society_editor, society, library):
    # With one collection to add to, there is no list: uploads go to it (see below). Given a
    # second one, the list starts at the society's own.
    GroupCollectionPermission.objects.create(
        group=society.editor_group,
        collection=library,
        permission=Permission.objects.get(
            codename="add_document", content_type__app_label="wagtaildocs"
        ),
    )
    soup = html(society_editor.get(reverse("wagtaildocs:add_multiple")))
    assert selected_collection(soup) == society.collection_id


# Uploading ---------------------------------------------------------------------------------


def upload(client, **data):
    """The multiple upload's first step: the file alone. The library's own fields are filled
    in on the form that comes back."""
    response = client.post(reverse("wagtaildocs:add_multiple"), {"files[]": pdf_file(), **data})
    return json_form(response)


def complete(client, data, soup, **fields):
    """The form per uploaded file, filled in and sent."""
    upload_id = data["uploaded_file_id"]
    prefix = f"uploaded-document-{upload_id}"
    form = {f"{prefix}-{name}": value for name, value in fields.items()}
    response = client.post(
        reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload_id]), form
    )
    result = response.json()
    assert result["success"] is True, result
    return Resource.objects.get(pk=result["doc_id"])


def test_society_editor_upload_lands_in_their_collection(society_editor, society, migration_page):
    data, soup = upload(society_editor)
    assert_country_filter(soup)
    document = complete(
        society_editor,
        data,
        soup,
        title="Field report",
        resource_type="report",
        language="en",
        programmes=[migration_page.pk],
        countries=["CF"],
    )
    assert document.collection_id == society.collection_id
    assert list(document.programmes.all()) == [migration_page.page_ptr]
    assert [country.code for country in document.countries] == ["CF"]


def test_staff_upload_form_starts_at_the_library_and_stores_the_english_programme(
    admin_client, library, migration_page
):
    data, soup = upload(admin_client)
    option = soup.select_one('select[name$="collection"] option[selected]')
    assert option is not None and int(option["value"]) == library.pk
    values = checkbox_values(soup, "programmes")
    assert str(migration_page.pk) in values
    french = Page.objects.filter(translation_key=migration_page.translation_key).exclude(
        pk=migration_page.pk
    )
    assert not set(values) & {str(pk) for pk in french.values_list("pk", flat=True)}
    document = complete(
        admin_client,
        data,
        soup,
        title="Field report",
        collection=option["value"],
        resource_type="report",
        language="fr",
        programmes=[migration_page.pk],
    )
    assert document.collection_id == library.pk
    assert list(document.programmes.all()) == [migration_page.page_ptr]


def test_a_collection_chosen_on_the_upload_page_is_kept(admin_client, library):
    root = Collection.get_first_root_node()
    _data, soup = upload(admin_client, collection=root.pk)
    option = soup.select_one('select[name$="collection"] option[selected]')
    assert option is not None and int(option["value"]) == root.pk


def test_another_languages_programme_page_is_refused(admin_client, migration_page):
    french = (
        Page.objects.filter(translation_key=migration_page.translation_key)
        .exclude(pk=migration_page.pk)
        .first()
    )
    data, soup = upload(admin_client)
    prefix = f"uploaded-document-{data['uploaded_file_id']}"
    response = admin_client.post(
        reverse(
            "wagtaildocs:create_multiple_from_uploaded_document", args=[data["uploaded_file_id"]]
        ),
        {
            f"{prefix}-title": "Field report",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
            f"{prefix}-resource_type": "report",
            f"{prefix}-language": "en",
            f"{prefix}-programmes": [french.pk],
        },
    )
    assert response.json()["success"] is False


# Help --------------------------------------------------------------------------------------


def test_every_field_says_what_readers_see(admin_client, document):
    form = get_document_form(Resource)(
        instance=document, user=get_user_model().objects.get(username="admin")
    )
    assert isinstance(form, ResourceForm)
    missing = [name for name, field in form.fields.items() if not str(field.help_text).strip()]
    assert missing == []
    assert "Readers see this as the document's language" in str(form.fields["language"].help_text)
    soup = html(admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    assert "the library can be filtered by it" in soup.get_text()

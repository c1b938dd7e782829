"""A light text version of every PDF, and its accessibility checks.

The reading in the background (resources/tasks.py) recovers each page's headings (from font
sizes), paragraphs and list items, which the library shows at `<library>/<id>/text/` in the
document's language; the library, the related-documents block and search offer "Read as text
(14 KB)" beside the PDF's size. The same reading checks what a reader with a screen reader or
on paid data meets: scans without text, no tags, no language or title, encryption, heavy pages,
fonts not embedded.
"""

import io

from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from wagtail.models import Collection

import pytest
from fpdf import FPDF
from PIL import Image as PILImage

from ifrc_site.caching import pagecache
from resources import pdf
from resources.accessibility import accessibility_problems
from resources.models import Resource, library_url

from .factories import ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def report_with_headings(language=None, title=None):
    document = FPDF()
    if language:
        document.set_lang(language)
    if title:
        document.set_title(title)
    document.add_page()
    document.set_font("helvetica", size=22)
    document.multi_cell(0, 12, new_x="LMARGIN", new_y="NEXT", text="Shelter after the floods")
    document.set_font("helvetica", size=15)
    document.multi_cell(0, 9, new_x="LMARGIN", new_y="NEXT", text="What families asked for")
    document.set_font("helvetica", size=11)
    document.multi_cell(
        0,
        6,
        new_x="LMARGIN",
        new_y="NEXT",
        text="Volunteers visited 240 households in the first week.",
    )
    document.multi_cell(
        0, 6, new_x="LMARGIN", new_y="NEXT", text="Most asked for blankets and water containers."
    )
    document.ln(12)
    document.multi_cell(0, 6, new_x="LMARGIN", new_y="NEXT", text="- Blankets for every child")
    document.multi_cell(0, 6, new_x="LMARGIN", new_y="NEXT", text="- Containers of 20 litres")
    document.add_page()
    document.set_font("helvetica", size=15)
    document.multi_cell(0, 9, new_x="LMARGIN", new_y="NEXT", text="What comes next")
    document.set_font("helvetica", size=11)
    document.multi_cell(
        0, 6, new_x="LMARGIN", new_y="NEXT", text="A second round of visits starts in March."
    )
    return bytes(document.output())


def scan_like():
    """A PDF whose one page is a picture: what a scanner makes without text recognition."""
    picture = io.BytesIO()
    PILImage.new("RGB", (400, 560), (235, 230, 220)).save(picture, format="PNG")
    document = FPDF()
    document.set_lang("en")
    document.set_title("Scanned letter")
    document.add_page()
    picture.seek(0)
    document.image(picture, x=10, y=10, w=180)
    return bytes(document.output())


def owner_locked():
    """Opens without a password, but encrypted with restrictions (an owner password)."""
    document = FPDF()
    document.set_lang("en")
    document.set_title("Locked report")
    document.add_page()
    document.set_font("helvetica")
    document.cell(text="The report's figures.")
    document.set_encryption(owner_password="owner-only")
    return bytes(document.output())


def read(data):
    return pdf.inspect_pdf(io.BytesIO(data))


# The text version ------------------------------------------------------------------------


def test_headings_paragraphs_and_lists_are_recovered_page_by_page():
    pages = read(report_with_headings()).pages
    assert pages == [
        [
            ["h2", "Shelter after the floods"],
            ["h3", "What families asked for"],
            [
                "p",
                "Volunteers visited 240 households in the first week. Most asked for blankets "
                "and water containers.",
            ],
            ["li", "Blankets for every child"],
            ["li", "Containers of 20 litres"],
        ],
        [["h3", "What comes next"], ["p", "A second round of visits starts in March."]],
    ]


def test_every_demo_pdf_has_a_text_version_lighter_than_the_file():
    documents = Resource.objects.filter(file__endswith=".pdf")
    assert documents.count() >= 5
    for document in documents:
        assert document.text_version, document.title
        assert any(kind in ("h2", "h3") for page in document.text_version for kind, _ in page)
        assert 0 < document.text_version_size < document.file_size, document.title


def test_the_text_page_is_in_the_documents_language_with_its_pages_marked(client):
    document = Resource.objects.listed().filter(language="fr", file__endswith=".pdf").first()
    with translation.override("en"):
        url = document.text_version_url
    assert url.startswith("/en/resources/") and url.endswith(f"/{document.pk}/text/")
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en"' in page
    assert 'class="text-version__body" lang="fr" dir="ltr"' in page
    assert 'id="page-1-marker" lang="en" dir="ltr">Page 1<' in page
    assert document.url in page  # the PDF is a link away
    assert document.text_version[0][0][1] in page


def test_an_arabic_document_reads_right_to_left(client):
    document = ResourceFactory(title="دليل المتطوعين", language="ar")
    document.refresh_from_db()
    with translation.override("fr"):
        url = document.text_version_url
    assert url.startswith("/fr/")
    page = client.get(url).content.decode()
    assert 'class="text-version__body" lang="ar" dir="rtl"' in page
    assert 'lang="fr" dir="ltr">Page 1<' in page

    # The text is in the language its PDF declares, where the library says otherwise.
    document.accessibility = {**document.accessibility, "language": "en-GB"}
    document.save(update_fields=["accessibility"])
    page = client.get(url).content.decode()
    assert 'class="text-version__body" lang="en" dir="ltr"' in page
    assert '<h1 lang="ar" dir="rtl">' in page


def test_a_document_without_a_text_version_has_no_text_page(client):
    document = ResourceFactory()
    library = document.text_version_url
    Resource.objects.filter(pk=document.pk).update(text_version=None, text_version_size=None)
    document.refresh_from_db()
    assert document.text_version_url is None
    assert client.get(library).status_code == 404
    assert client.get(library.replace(f"/{document.pk}/", "/99999999/")).status_code == 404


def test_a_document_still_being_read_has_no_text_page(client):
    document = ResourceFactory()
    url = document.text_version_url
    Resource.objects.filter(pk=document.pk).update(processing="pending")
    assert client.get(url).status_code == 404


def test_the_library_block_and_search_offer_the_text_version_with_its_size(client):
    document = ResourceFactory(
        title="Shelter after the floods, an assessment", pdf="Volunteers visited households."
    )
    document.refresh_from_db()
    with translation.override("en"):
        url, size = document.text_version_url, document.text_version_label
    link = f'href="{url}">Read as text ({size})'
    assert link in client.get("/en/resources/").content.decode()
    assert link in client.get("/en/search/?q=shelter+floods").content.decode()


def test_the_related_documents_block_offers_the_text_version(client, migration_page):
    document = ResourceFactory(title="Shelter assessment for the block")
    document.refresh_from_db()
    migration_page.body.append(("documents", {"heading": "Reading", "documents": [document]}))
    migration_page.save_revision().publish()
    with translation.override("en"):
        url = document.text_version_url
    assert f'href="{url}"' in client.get(migration_page.url).content.decode()


# The accessibility checks ------------------------------------------------------------------


def test_a_pdf_without_language_or_title_is_reported():
    checks = read(report_with_headings()).checks
    assert (checks["language"], checks["title"]) == ("", "")
    assert checks["scanned_page_count"] == 0 and checks["encrypted"] is False
    document = Resource(language="en", accessibility=checks)
    problems = " ".join(accessibility_problems(document))
    assert "No document language" in problems and "No title" in problems
    assert "Not tagged" in problems
    assert "Fonts not embedded: Helvetica" in problems

    named = read(report_with_headings(language="en", title="Shelter after the floods")).checks
    assert (named["language"], named["title"]) == ("en", "Shelter after the floods")
    problems = " ".join(accessibility_problems(Resource(language="en", accessibility=named)))
    assert "No document language" not in problems and "No title" not in problems
    mismatch = accessibility_problems(Resource(language="fr", accessibility=named))
    assert any("says it is in “en”" in problem for problem in mismatch)


def test_a_scan_is_reported_page_by_page():
    checks = read(scan_like()).checks
    assert checks["scanned_pages"] == [1] and checks["scanned_page_count"] == 1
    problems = accessibility_problems(Resource(language="en", accessibility=checks))
    assert problems[0].startswith("1 page has no text, only a picture (a scan?): 1.")


def test_an_encrypted_pdf_is_reported():
    checks = read(owner_locked()).checks
    assert checks["encrypted"] is True
    problems = accessibility_problems(Resource(language="en", accessibility=checks))
    assert any(problem.startswith("Encrypted, with restrictions") for problem in problems)


def test_heavy_pages_are_reported(settings):
    checks = read(report_with_headings(language="en", title="Shelter")).checks
    assert 0 < checks["bytes_per_page"] < 100_000
    document = Resource(language="en", accessibility=checks)
    assert not any("KB a page" in problem for problem in accessibility_problems(document))
    settings.RESOURCES_PDF_BYTES_PER_PAGE = checks["bytes_per_page"] - 1
    assert any("KB a page" in problem for problem in accessibility_problems(document))


def upload(client, name, data):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(f"{name}.pdf", data),
            "collection": Collection.get_first_root_node().pk,
            "resource_type": "report",
            "language": "en",
        },
    )


def test_editors_see_the_checks_on_the_document_and_filter_the_list_by_them(admin_client):
    assert upload(admin_client, "Scanned letter", scan_like()).status_code == 302
    document = Resource.objects.get(title="Scanned letter")
    assert document.accessibility_problems == len(accessibility_problems(document)) >= 2
    page = admin_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "data-accessibility-problems" in page and "(a scan?): 1." in page

    edit = f"/admin/documents/edit/{document.pk}/"

    def listed(choice):
        return admin_client.get(f"/admin/documents/?accessibility={choice}&q=Scanned+letter")

    problems = listed("problems").content.decode()
    assert edit in problems and f"{document.accessibility_problems} problems" in problems
    Resource.objects.filter(pk=document.pk).update(accessibility_problems=0)
    assert edit not in listed("problems").content.decode()
    assert edit in listed("passed").content.decode()


def test_the_library_address_is_asked_of_the_shared_cache_once_per_generation(monkeypatch):
    """Every document card asks for it: the first ask of a generation reads the shared cache
    (or works it out), the others are answered from this process's memory."""
    asked = []
    shared = caches["default"]
    original = shared.get

    def counting(key, *args, **kwargs):
        if key.startswith("fragment:"):
            asked.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(shared, "get", counting)
    urls = {library_url("fr") for _card in range(12)}
    assert urls == {"/fr/resources/"} and len(asked) == 1
    pagecache.purge_all("a test")
    assert library_url("fr") == "/fr/resources/" and len(asked) == 2

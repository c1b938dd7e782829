"""Documents uploaded through the admin: what the library learns from the file."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.models import Collection

import pytest

from ifrc_site.demo.media import make_pdf
from resources.models import Resource

pytestmark = pytest.mark.django_db


def upload(admin_client, name, data, content_type, **fields):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": fields.pop("title", name),
            "file": SimpleUploadedFile(name, data, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
            "resource_type": "assessment",
            "publication_date": "2020-09-18",
            "language": "en",
            "summary": "What the assessment found.",
            **fields,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    return Resource.objects.latest("pk")


def test_pdf_upload_records_size_pages_thumbnail_and_text(admin_client, migration_page, client):
    data = make_pdf(
        "Transition assessment",
        "Risks and opportunities",
        "18 September 2020",
        [("Findings", ["The cold chain handover to county health departments is at risk."])],
        min_pages=3,
    )
    document = upload(
        admin_client,
        "transition.pdf",
        data,
        "application/pdf",
        title="Transition assessment",
        programmes=[migration_page.pk],
    )
    assert document.file_size == len(data)
    assert document.page_count == 3
    assert document.thumbnail.name.endswith(".webp")
    assert document.thumbnail.size > 0
    assert "cold chain handover to county health departments" in document.extracted_text
    assert re.fullmatch(r"PDF, \d+ KB", strip_tags(document.format_label))
    assert list(document.programmes.all()) == [migration_page.page_ptr]
    # It shows in the library and on the programme page straight away.
    assert b"Transition assessment" in client.get("/en/resources/").content
    assert b"Transition assessment" in client.get(migration_page.url).content


def test_other_formats_get_no_thumbnail(admin_client):
    document = upload(admin_client, "figures.csv", b"country,volunteers\nGR,100\n", "text/csv")
    assert document.page_count is None
    assert not document.thumbnail
    assert document.extracted_text == ""
    assert re.fullmatch(r"CSV, \d+ KB", strip_tags(document.format_label))


def test_documents_are_served_through_wagtail(client):
    document = Resource.objects.filter(file__endswith=".pdf").first()
    response = client.get(document.url)
    assert document.url.startswith("/documents/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

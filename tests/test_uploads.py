"""Uploads through the admin: allowed types whose content matches, sizes and pixels bounded."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection

import pytest
from openpyxl import Workbook
from PIL import Image as PILImage

from ifrc_site.demo.media import make_pdf
from ifrc_site.models import SiteImage
from resources.models import Resource

pytestmark = pytest.mark.django_db


# Files ------------------------------------------------------------------------------------


def pdf_bytes():
    return make_pdf("Assessment", "Findings", "1 May 2024", [("Findings", ["Water reached."])])


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def xlsx_bytes():
    workbook = Workbook()
    workbook.active["A1"] = "People reached"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odt_bytes(mimetype="application/vnd.oasis.opendocument.text"):
    return zip_bytes({"mimetype": mimetype, "content.xml": "<office:document-content/>"})


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def png_bomb(width=40_000, height=40_000):
    """A few hundred bytes that claim 1.6 billion pixels: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


# Documents --------------------------------------------------------------------------------


def upload_document(client, name, data):
    return client.post(
        "/admin/documents/add/",
        {
            "title": f"Upload {name}",
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
            "resource_type": "report",
            "language": "en",
        },
    )


@pytest.mark.parametrize(
    "name, data",
    [
        ("report.pdf", pdf_bytes()),
        ("letter.docx", docx_bytes()),
        ("figures.xlsx", xlsx_bytes()),
        ("minutes.odt", odt_bytes()),
        ("figures.csv", "country,people\nGreece,120\nTürkiye,80\n".encode()),
        ("readme.txt", b"Plain words.\n"),
        ("photos.zip", zip_bytes({"a.txt": "a", "b.txt": "b"})),
    ],
)
def test_honest_documents_are_accepted(admin_client, name, data):
    response = upload_document(admin_client, name, data)
    assert response.status_code == 302, response.context["form"].errors
    assert Resource.objects.filter(title=f"Upload {name}").exists()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>", "is not PDF"),
        ("report.pdf", docx_bytes(), "is not PDF"),
        ("letter.docx", zip_bytes({"a.txt": "a"}), "is not Word (.docx)"),
        ("letter.docx", pdf_bytes(), "is not Word (.docx)"),
        ("figures.xlsx", docx_bytes(), "is not Excel (.xlsx)"),
        ("minutes.odt", odt_bytes("application/vnd.oasis.opendocument.spreadsheet"), "is not"),
        ("figures.csv", b"MZ\x90\x00\x03\x00\x00\x00", "is not CSV"),
        ("readme.txt", pdf_bytes(), "is not plain text"),
        ("photos.zip", b"not a zip at all", "is not zip archive"),
        ("page.html", b"<html></html>", "not accepted"),
        ("drawing.svg", SVG, "not accepted"),
        ("tool.exe", b"MZ\x90\x00", "not accepted"),
        ("empty.pdf", b"", "empty"),
        ("bomb.zip", zip_bytes({"zeros.bin": b"\x00" * 5_000_000}), "unpack to far more"),
    ],
)
def test_documents_whose_content_does_not_match_are_refused(admin_client, name, data, message):
    count = Resource.objects.count()
    response = upload_document(admin_client, name, data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("file", []))
    assert message in errors, errors
    assert Resource.objects.count() == count


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10_000
    response = upload_document(admin_client, "big.txt", b"x" * 20_000)
    errors = " ".join(response.context["form"].errors["file"])
    assert "too big" in errors and "9.8\xa0KB" in errors


def test_multiple_upload_checks_content_too(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", b"GIF89a not a pdf")},
    )
    data = response.json()
    assert data["success"] is False
    assert "is not PDF" in data["error_message"]


# Images -----------------------------------------------------------------------------------


def upload_image(client, name, data):
    return client.post(
        "/admin/images/add/",
        {
            "title": f"Upload {name}",
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def image_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["form"].errors["file"])


def test_a_plain_photo_is_accepted(admin_client):
    response = upload_image(admin_client, "photo.png", png_bytes())
    assert response.status_code == 302
    assert SiteImage.objects.filter(title="Upload photo.png").exists()


def test_a_decompression_bomb_is_refused_with_a_message(admin_client):
    response = upload_image(admin_client, "bomb.png", png_bomb())
    assert "too many pixels" in image_errors(response)


def test_images_over_the_pixel_limit_are_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    response = upload_image(admin_client, "wide.png", png_bytes((100, 20)))
    assert "too many pixels" in image_errors(response)


def test_images_over_the_byte_limit_are_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = upload_image(admin_client, "photo.png", png_bytes())
    assert "too big" in image_errors(response)


@pytest.mark.parametrize("name", ["drawing.svg", "drawing.png"])
def test_svg_is_not_accepted(admin_client, name):
    response = upload_image(admin_client, name, SVG)
    assert image_errors(response)
    assert not SiteImage.objects.filter(title=f"Upload {name}").exists()

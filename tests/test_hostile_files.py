"""Hostile uploads: each is refused with a message the editor can act on, never an error page,
and none of them takes the web process's memory.

Every sample is made here, in a few bytes: PDFs written by hand or with pypdfium2, archives with
zipfile, animations with Pillow.
"""

import io
import resource
import zipfile
import zlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from PIL import Image as PILImage

from ifrc_site.demo.media import make_pdf
from ifrc_site.models import SiteImage
from resources import pdf, pdf_worker
from resources.models import Resource
from resources.validators import validate_document_file

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


# Samples ----------------------------------------------------------------------------------


def build_pdf(objects, trailer=b""):
    """A PDF of the given object bodies (object 1 is the catalogue), with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page_pdf(page=b"/MediaBox [0 0 595 842]", catalogue=b"", contents=None):
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalogue + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R "
        + page
        + (b" /Contents 4 0 R" if contents else b"")
        + b">>",
    ]
    if contents:
        objects.append(contents)
    return build_pdf(objects)


def pdfium_pdf(*sizes):
    """A PDF of blank pages of the given sizes in points, written by pdfium."""
    document = pdfium.PdfDocument.new()
    for width, height in sizes:
        document.new_page(width, height)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def report_pdf():
    return make_pdf("Assessment", "Findings", "1 May 2024", [("Findings", ["Water reached."])])


def encrypted_pdf():
    document = FPDF()
    document.add_page()
    document.set_font("helvetica")
    document.cell(text="Confidential")
    document.set_encryption(owner_password="owner", user_password="reader")
    return bytes(document.output())


def javascript_in_names():
    """Document-level JavaScript, run when the document opens."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Names [(hello) 5 0 R] >>",
            b"<< /S /JavaScript /JS (app.alert('hello')) >>",
        ]
    )


def javascript_on_open():
    return one_page_pdf(catalogue=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ")


def javascript_escaped():
    """The same, its names spelt with #hex escapes (/J#53 is /JS) to slip past a plain search."""
    return one_page_pdf(catalogue=b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> ")


def content_bomb(unpacked=512 * MB):
    """A page whose content stream is a few hundred kilobytes that unpack to `unpacked` bytes."""
    packer = zlib.compressobj(1)
    spaces = b" " * MB
    packed = b"".join(packer.compress(spaces) for _ in range(unpacked // MB)) + packer.flush()
    return one_page_pdf(contents=stream(packed, b"/Filter /FlateDecode "))


def truncated_pdf():
    data = report_pdf()
    return data[: len(data) // 2]


def docx_bomb(unpacked=400 * MB):
    """A real .docx whose one extra member is zeros that unpack to hundreds of megabytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/image1.bin", "w", force_zip64=True) as member:
            zeros = bytes(MB)
            for _ in range(unpacked // MB):
                member.write(zeros)
    return buffer.getvalue()


def animation(format, frames, size=(8, 8)):
    pictures = [
        PILImage.new("RGB", size, ((i * 97) % 256, (i * 57) % 256, (i * 13) % 256))
        for i in range(frames)
    ]
    buffer = io.BytesIO()
    options = {"lossless": True} if format == "WEBP" else {}
    pictures[0].save(
        buffer, format=format, save_all=True, append_images=pictures[1:], duration=40, **options
    )
    return buffer.getvalue()


# (name, sample, words of the message, error code); each sample is made when the test runs.
HOSTILE_PDFS = {
    "page-too-big": (lambda: pdfium_pdf((50, 14_401)), "larger than 200 inches", "page_too_big"),
    "page-of-a-mile": (
        lambda: pdfium_pdf((595, 842), (100_000, 100_000)),
        "Page 2 of this PDF is larger than 200 inches",
        "page_too_big",
    ),
    "user-unit": (
        # 1,000 points of 20 units each: 20,000 points a side.
        lambda: one_page_pdf(page=b"/MediaBox [0 0 1000 1000] /UserUnit 20"),
        "larger than 200 inches",
        "page_too_big",
    ),
    "too-many-pages": (
        lambda: pdfium_pdf(*[(10, 10)] * 2_001),
        "has 2,001 pages; the library accepts at most 2,000",
        "too_many_pages",
    ),
    "encrypted": (encrypted_pdf, "protected by a password", "encrypted"),
    "javascript-names": (javascript_in_names, "contains JavaScript", "javascript"),
    "javascript-open": (javascript_on_open, "contains JavaScript", "javascript"),
    "javascript-escaped": (javascript_escaped, "contains JavaScript", "javascript"),
    "truncated": (truncated_pdf, "its end is missing", "truncated"),
    "damaged": (lambda: b"%PDF-1.7\nnothing of a PDF\n%%EOF\n", "cannot be read", "unreadable"),
}


def upload_document(client, name, data):
    return client.post(
        "/admin/documents/add/",
        {
            "title": f"Hostile {name}",
            "file": SimpleUploadedFile(name, data, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
            "resource_type": "report",
            "language": "en",
        },
    )


def file_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["form"].errors.get("file", []))


def refusal_code(name, data):
    with pytest.raises(ValidationError) as refused:
        validate_document_file(SimpleUploadedFile(name, data))
    return refused.value.code


def peak_memory_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


# PDFs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", HOSTILE_PDFS)
def test_hostile_pdfs_are_refused_with_a_message(admin_client, sample):
    make, message, code = HOSTILE_PDFS[sample]
    data = make()
    count = Resource.objects.count()
    response = upload_document(admin_client, f"{sample}.pdf", data)
    errors = file_errors(response)
    assert message in errors, errors
    assert Resource.objects.count() == count
    assert refusal_code(f"{sample}.pdf", data) == f"pdf_{code}"


def test_hostile_pdfs_are_refused_by_the_multiple_upload_too(admin_client):
    count = Resource.objects.count()
    for sample in ("page-too-big", "encrypted", "javascript-names", "truncated"):
        make, message, _code = HOSTILE_PDFS[sample]
        response = admin_client.post(
            "/admin/documents/multiple/add/",
            {"files[]": SimpleUploadedFile(f"{sample}.pdf", make())},
        )
        assert response.status_code == 200
        data = response.json()
        assert data["success"] is False
        assert message in data["error_message"], data
    assert Resource.objects.count() == count


def test_a_pdf_that_unpacks_beyond_the_memory_limit_is_refused(admin_client, settings):
    """Its structure passes the upload's checks; reading its text, in the background, finds
    the bomb: the document is refused there, kept from readers, and its page says why."""
    # A quarter of the usual limit and half a gigabyte of content, to keep the test quick.
    settings.RESOURCES_PDF_MEMORY_BYTES = 256 * MB
    data = content_bomb()
    assert len(data) < 5 * MB
    before = peak_memory_mb()
    response = upload_document(admin_client, "bomb.pdf", data)
    assert response.status_code == 302
    document = Resource.objects.get(title="Hostile bomb.pdf")
    assert (document.processing, document.processing_problem) == ("refused", "too_demanding")
    assert not Resource.objects.released().filter(pk=document.pk).exists()
    page = admin_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "needs more memory to read than the library allows" in page
    with pytest.raises(pdf.PdfRefused) as refused:
        pdf.inspect_pdf(io.BytesIO(data))
    assert refused.value.code == "too_demanding"
    assert peak_memory_mb() - before < 100


def test_a_pdf_that_takes_too_long_is_refused(admin_client, settings):
    settings.RESOURCES_PDF_SECONDS = 0.05  # less than a reading process takes to start
    response = upload_document(admin_client, "report.pdf", report_pdf())
    assert "takes too long to read" in file_errors(response)
    assert refusal_code("report.pdf", report_pdf()) == "pdf_too_slow"


def test_hostile_uploads_do_not_take_the_web_process_memory(admin_client):
    samples = [make() for make, _message, _code in HOSTILE_PDFS.values()]
    bomb = content_bomb(1100 * MB)  # beyond the usual 1 GiB limit
    before = peak_memory_mb()
    for index, data in enumerate(samples):
        response = upload_document(admin_client, f"hostile-{index}.pdf", data)
        assert file_errors(response)
    response = upload_document(admin_client, "hostile-bomb.pdf", bomb)
    assert Resource.objects.get(title="Hostile hostile-bomb.pdf").processing == "refused"
    assert peak_memory_mb() - before < 100


def test_javascript_hidden_from_the_byte_search_is_found_by_pdfium(monkeypatch):
    """Scripts in a compressed object stream escape the search of raw bytes; pdfium's count of
    the document's scripts still finds them."""
    monkeypatch.setattr(pdf_worker, "has_javascript_names", lambda data: False)
    result = pdf_worker.read(javascript_in_names(), max_pages=10, max_side=14_400)
    assert result == {"ok": False, "code": "javascript"}


def test_a_very_tall_page_gets_a_bounded_thumbnail(admin_client):
    response = upload_document(admin_client, "scroll.pdf", pdfium_pdf((50, 14_400)))
    assert response.status_code == 302, file_errors(response)
    document = Resource.objects.get(title="Hostile scroll.pdf")
    assert document.page_count == 1
    with document.thumbnail.open() as file, PILImage.open(file) as image:
        width, height = image.size
    assert height == pdf_worker.THUMBNAIL_MAX_HEIGHT
    assert 1 <= width <= 10


def test_a_very_wide_page_gets_a_bounded_thumbnail():
    details = pdf.inspect_pdf(io.BytesIO(pdfium_pdf((14_400, 50))))
    with PILImage.open(io.BytesIO(details.thumbnail)) as image:
        assert image.size == (pdf_worker.THUMBNAIL_WIDTH, 2)


def test_an_ordinary_pdf_gets_pages_text_and_thumbnail(admin_client):
    response = upload_document(admin_client, "report.pdf", report_pdf())
    assert response.status_code == 302, file_errors(response)
    document = Resource.objects.get(title="Hostile report.pdf")
    assert document.page_count >= 1
    assert "Water reached." in document.extracted_text
    with document.thumbnail.open() as file, PILImage.open(file) as image:
        assert image.format == "WEBP"
        assert image.width == pdf_worker.THUMBNAIL_WIDTH
        assert image.height <= pdf_worker.THUMBNAIL_MAX_HEIGHT


@pytest.mark.parametrize("url", ["/admin/documents/add/", "/admin/documents/multiple/add/"])
def test_an_upload_is_checked_once_and_read_once(admin_client, monkeypatch, url):
    """The upload's checks read the PDF's structure only; its text and thumbnail are read once,
    after it is stored (resources/tasks.py)."""
    calls = []
    run_worker = pdf._run_worker

    def counting(path, check_only=False):
        calls.append(check_only)
        return run_worker(path, check_only)

    monkeypatch.setattr(pdf, "_run_worker", counting)
    if url.endswith("/multiple/add/"):
        # The library's required fields keep the file as an upload awaiting them: checked once,
        # read once it becomes a document.
        response = admin_client.post(url, {"files[]": SimpleUploadedFile("once.pdf", report_pdf())})
        assert response.json()["success"] is True
        assert calls == [True]
        return
    response = upload_document(admin_client, "once.pdf", report_pdf())
    assert response.status_code == 302
    assert calls == [True, False]
    document = Resource.objects.get(title="Hostile once.pdf")
    assert document.page_count >= 1 and document.thumbnail


def test_a_pdf_saved_outside_the_form_is_still_read():
    document = Resource(title="Saved by code")
    document.file.save("code.pdf", io.BytesIO(report_pdf()), save=False)
    document.read_file_details()
    assert document.page_count >= 1 and "Water reached." in document.extracted_text


# Archives ---------------------------------------------------------------------------------


def test_a_docx_zip_bomb_is_refused(admin_client):
    data = docx_bomb()
    assert len(data) < 2 * MB
    count = Resource.objects.count()
    response = upload_document(admin_client, "letter.docx", data)
    assert "would unpack to far more than its size" in file_errors(response)
    assert Resource.objects.count() == count
    assert refusal_code("letter.docx", data) == "archive_bomb"


# Images -----------------------------------------------------------------------------------


def upload_image(client, name, data):
    return client.post(
        "/admin/images/add/",
        {
            "title": f"Hostile {name}",
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize("name, format", [("flicker.gif", "GIF"), ("flicker.webp", "WEBP")])
def test_animations_of_too_many_frames_are_refused(admin_client, name, format):
    response = upload_image(admin_client, name, animation(format, 101))
    errors = file_errors(response)
    assert "has 101 frames; at most 100 are accepted" in errors, errors
    assert not SiteImage.objects.filter(title=f"Hostile {name}").exists()


def test_an_animation_within_the_frame_limit_is_accepted(admin_client):
    response = upload_image(admin_client, "wave.gif", animation("GIF", 100))
    assert response.status_code == 302
    assert SiteImage.objects.filter(title="Hostile wave.gif").exists()


def test_the_frame_limit_follows_the_setting(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_FRAMES = 5
    response = upload_image(admin_client, "wave.gif", animation("GIF", 6))
    assert "has 6 frames; at most 5 are accepted" in file_errors(response)

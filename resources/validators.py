"""What the library accepts as a document: an allowed extension, a size under the limit, and
content that is what the extension says (a .pdf that is not a PDF is refused).

The checks read only the start of a file, or a zip archive's list of members: nothing is
unpacked, so a crafted archive cannot fill the disk or the memory. A PDF is read whole, but in
a process of its own with bounded memory and time (resources/pdf.py), and refused if it is
protected by a password, carries JavaScript, is cut short or claims too many or too big pages.
"""

import logging
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .pdf import MAX_PAGE_SIDE, PdfRefused, inspect_pdf, max_pages, time_limit

logger = logging.getLogger(__name__)

HEAD_BYTES = 64 * 1024
# A PDF ends with %%EOF; readers accept a little junk after it, within this many bytes.
TAIL_BYTES = 1024
MAX_ARCHIVE_MEMBERS = 10_000
MAX_ARCHIVE_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024  # 2 GB once unpacked
MAX_ARCHIVE_RATIO = 200  # unpacked size / packed size: beyond this it is a zip bomb

# Office Open XML: a zip with these members.
OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
# OpenDocument: a zip whose first member, "mimetype", holds this text.
OPENDOCUMENT_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# Binary formats a text file must not turn out to be.
BINARY_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"MZ")

FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "xlsx": "Excel (.xlsx)",
    "pptx": "PowerPoint (.pptx)",
    "odt": "OpenDocument text (.odt)",
    "ods": "OpenDocument spreadsheet (.ods)",
    "csv": "CSV",
    "txt": "plain text",
    "zip": "zip archive",
}


def allowed_extensions():
    return [extension.lower() for extension in settings.WAGTAILDOCS_EXTENSIONS]


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _head(file):
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return head


def _mismatch(extension):
    return ValidationError(
        _(
            "This file's content is not %(format)s, although its name ends in .%(extension)s. "
            "Save it again as %(format)s, or rename it to its real type."
        ),
        code="content_mismatch",
        params={"format": FORMAT_NAMES.get(extension, extension), "extension": extension},
    )


def _open_archive(file, extension):
    """The file as a zip archive, refused if it is not one or would unpack to far too much."""
    file.seek(0)
    try:
        archive = zipfile.ZipFile(file)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _mismatch(extension) from None
    unpacked = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if (
        len(members) > MAX_ARCHIVE_MEMBERS
        or unpacked > MAX_ARCHIVE_UNPACKED_BYTES
        or unpacked / packed > MAX_ARCHIVE_RATIO
    ):
        raise ValidationError(
            _("This archive would unpack to far more than its size: it cannot be accepted."),
            code="archive_bomb",
        )
    return archive


def _tail(file):
    file.seek(max(0, file.size - TAIL_BYTES))
    tail = file.read(TAIL_BYTES)
    file.seek(0)
    return tail


PDF_REFUSALS = {
    "truncated": _(
        "This PDF is incomplete: its end is missing. Upload it again, or save it again from "
        "the program that made it."
    ),
    "unreadable": _(
        "This PDF cannot be read: it is damaged. Save it again from the program that made it."
    ),
    "encrypted": _(
        "This PDF is protected by a password. Save a copy without the password and upload "
        "that instead."
    ),
    "javascript": _(
        "This PDF contains JavaScript, which the library does not accept. Save a copy without "
        "scripts (for example by printing it to a new PDF) and upload that instead."
    ),
    "too_many_pages": _(
        "This PDF has %(page_count)s pages; the library accepts at most %(limit)s. "
        "Split it into smaller documents."
    ),
    "page_too_big": _(
        "Page %(page)s of this PDF is larger than 200 inches (%(limit)s points) on a side. "
        "Save it again at a usual page size."
    ),
    "too_slow": _(
        "This PDF takes too long to read (over %(seconds)s seconds). Save it again as a "
        "simpler or smaller PDF."
    ),
    "too_demanding": _(
        "This PDF needs more memory to read than the library allows. Save it again as a "
        "simpler or smaller PDF."
    ),
    "unchecked": _("This PDF could not be checked just now. Please try again later."),
}


def _pdf_refusal(code, **params):
    if code not in PDF_REFUSALS:
        code = "unreadable"
    params["limit"] = max_pages() if code == "too_many_pages" else MAX_PAGE_SIDE
    for name in ("limit", "page_count"):
        if name in params:
            params[name] = number_format(params[name], force_grouping=True)
    return ValidationError(PDF_REFUSALS[code], code=f"pdf_{code}", params=params)


def pdf_refusal_message(code):
    """The words editors see for a PDF refused once stored, when its text was read."""
    details = {"seconds": number_format(time_limit()), "page": "?", "page_count": "?"}
    return _pdf_refusal(code, **details).messages[0]


def check_pdf(file, extension):
    # The PDF header may follow a little junk, but must be in the first kilobyte.
    if b"%PDF-" not in _head(file)[:1024]:
        raise _mismatch(extension)
    if b"%%EOF" not in _tail(file):
        raise _pdf_refusal("truncated")
    # The checks only: the text and the thumbnail are read once the document is stored, in the
    # background (resources/tasks.py).
    try:
        inspect_pdf(file, check_only=True)
    except PdfRefused as refusal:
        raise _pdf_refusal(refusal.code, **refusal.details) from None
    except OSError:
        # The reading process could not be started (no temporary space, say): not the file's
        # fault, but it cannot be accepted unchecked.
        logger.exception("Could not check an uploaded PDF")
        raise _pdf_refusal("unchecked") from None
    finally:
        file.seek(0)


def check_ooxml(file, extension):
    archive = _open_archive(file, extension)
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names or OOXML_PARTS[extension] not in names:
        raise _mismatch(extension)


def check_opendocument(file, extension):
    archive = _open_archive(file, extension)
    try:
        mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        raise _mismatch(extension) from None
    if mimetype != OPENDOCUMENT_TYPES[extension]:
        raise _mismatch(extension)


def check_zip(file, extension):
    _open_archive(file, extension)


def check_text(file, extension):
    head = _head(file)
    if b"\x00" in head or head.startswith(BINARY_SIGNATURES):
        raise _mismatch(extension)


CONTENT_CHECKS = {
    "pdf": check_pdf,
    "docx": check_ooxml,
    "xlsx": check_ooxml,
    "pptx": check_ooxml,
    "odt": check_opendocument,
    "ods": check_opendocument,
    "zip": check_zip,
    "csv": check_text,
    "txt": check_text,
}


def validate_document_file(file):
    """Raise ValidationError unless the upload is an allowed, honest document of allowed size."""
    extension = extension_of(getattr(file, "name", ""))
    allowed = allowed_extensions()
    if extension not in allowed:
        raise ValidationError(
            _("Files of type .%(extension)s are not accepted. Accepted types: %(allowed)s."),
            code="invalid_extension",
            params={"extension": extension or "?", "allowed": ", ".join(allowed)},
        )
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit is not None and file.size > limit:
        raise ValidationError(
            _("This file is too big (%(size)s). The largest accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    if file.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    check = CONTENT_CHECKS.get(extension)
    if check is None:
        raise ValidationError(
            _("Files of type .%(extension)s cannot be checked, so they are not accepted."),
            code="unchecked_extension",
            params={"extension": extension},
        )
    check(file, extension)

"""What the library learns from a PDF: at upload, whether it may be accepted (its structure:
encryption, scripts, pages and their size); then, in the background, its text and a thumbnail.

The PDF is read in a process of its own (resources/pdf_worker.py) whose memory, processor time
and running time are bounded, so that a hostile file (a page of a mile, a million pages, a
picture that unpacks to gigabytes) ends that process, never the web process. What it may
claim is bounded too: pages per document, size of a page, pixels of the thumbnail.
"""

import base64
import json
import logging
import math
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

WORKER = Path(__file__).with_name("pdf_worker.py")
# The PDF specification's largest page: 200 inches a side (14,400 points of 1/72 inch).
MAX_PAGE_SIDE = 14_400
# The only environment variables the worker gets: none of the web process's secrets.
WORKER_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "TMPDIR", "LD_LIBRARY_PATH")


def max_pages():
    return getattr(settings, "RESOURCES_MAX_PDF_PAGES", 2_000)


def memory_limit():
    return getattr(settings, "RESOURCES_PDF_MEMORY_BYTES", 1024 * 1024 * 1024)


def time_limit():
    return getattr(settings, "RESOURCES_PDF_SECONDS", 60)


@dataclass
class PdfDetails:
    page_count: int
    text: str
    thumbnail: bytes  # WebP of the first page; empty if it could not be drawn
    pages: list = ()  # the text version: each page's blocks, ["h2" | "h3" | "p" | "li", text]
    checks: dict | None = None  # the accessibility checks (pdf_worker.accessibility_checks)


class PdfRefused(Exception):
    """The PDF is not accepted. `code` says why (see resources/validators.py for the words
    editors see); `details` holds numbers for the message, such as the page count."""

    def __init__(self, code, **details):
        super().__init__(code)
        self.code = code
        self.details = details


def _run_worker(path, check_only=False):
    seconds = time_limit()
    command = [
        sys.executable,
        "-I",  # no user site, no PYTHON* variables, no current folder on the path
        str(WORKER),
        str(path),
        f"--max-pages={max_pages()}",
        f"--max-side={MAX_PAGE_SIDE}",
        f"--memory={memory_limit()}",
        f"--cpu={math.ceil(seconds) + 1}",
        *(["--check-only"] if check_only else []),
    ]
    environment = {name: os.environ[name] for name in WORKER_ENVIRONMENT if name in os.environ}
    try:
        finished = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=seconds,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfRefused("too_slow", seconds=seconds) from None
    if finished.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise PdfRefused("too_slow", seconds=seconds)
    try:
        result = json.loads(finished.stdout)
    except ValueError:
        result = None
    if finished.returncode != 0 or not isinstance(result, dict):
        # Out of memory (pdfium aborts when an allocation fails) or a crash of pdfium itself.
        logger.warning(
            "Reading a PDF ended with code %s: %s",
            finished.returncode,
            finished.stderr[-2000:].decode("utf-8", "replace"),
        )
        raise PdfRefused("too_demanding")
    if not result.get("ok"):
        details = {key: value for key, value in result.items() if key not in ("ok", "code")}
        raise PdfRefused(result.get("code", "unreadable"), **details)
    return PdfDetails(
        page_count=result["page_count"],
        text=result["text"],
        thumbnail=base64.b64decode(result["thumbnail"]),
        pages=result.get("pages") or [],
        checks=result.get("checks"),
    )


def inspect_pdf(file, check_only=False):
    """PdfDetails of an uploaded file (or any file object), or PdfRefused saying why not.

    `check_only`: the checks an upload must pass, without the text and the thumbnail (which
    the document's background task reads, `read_stored_pdf`)."""
    if hasattr(file, "temporary_file_path"):
        return _run_worker(file.temporary_file_path(), check_only)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as copy:
        file.seek(0)
        if hasattr(file, "chunks"):
            for chunk in file.chunks():
                copy.write(chunk)
        else:
            copy.write(file.read())
        copy.flush()
        file.seek(0)
        return _run_worker(copy.name, check_only)


def read_stored_pdf(field_file):
    """PdfDetails of a document's stored file (on disk or in object storage): PdfRefused when
    the file is not acceptable, OSError (or the storage's own error) when it cannot be read."""
    with field_file.open("rb") as stored:
        return inspect_pdf(stored)

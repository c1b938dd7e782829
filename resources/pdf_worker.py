"""Reads one uploaded PDF in a process of its own, with its memory and time bounded.

    python resources/pdf_worker.py FILE --max-pages N --max-side PT --memory BYTES --cpu SECONDS

Writes one JSON object to standard output: either the page count, the text and a WebP
thumbnail of the first page (base64), or the reason the file is refused ("code"). With
--check-only, the checks alone (encryption, scripts, pages and their size): what an upload
must pass before it is stored. A file that
makes pdfium ask for more memory than allowed ends this process, not the web process that
started it (resources/pdf.py).

Only the standard library, pypdfium2 and Pillow are imported, so that the process starts fast
and does not load Django or the project's settings.
"""

import argparse
import base64
import io
import json
import re
import resource
import sys

THUMBNAIL_WIDTH = 320  # pixels; shown at half that width, sharp on high-density screens
THUMBNAIL_MAX_HEIGHT = 1600  # pixels; a very tall page gets a narrower thumbnail instead
MAX_TEXT_CHARS = 500_000  # enough for a long report; keeps the search index bounded

# A name starting /J, written plainly or with #hex escapes (/J#53 is /JS).
NAME_J = re.compile(rb"/(?:J|#4[aA])[^\s/<>\[\]()%{}]*")
HEX_ESCAPE = re.compile(rb"#([0-9a-fA-F]{2})")
USER_UNIT = re.compile(rb"/UserUnit\s+([0-9]*\.?[0-9]+)")


def refuse(code, **details):
    return {"ok": False, "code": code, **details}


def has_javascript_names(data):
    """Whether the raw bytes name /JavaScript or /JS, plainly or with #hex escapes. Names
    inside compressed object streams are not seen here; pdfium's count of document-level
    scripts covers those."""
    for match in NAME_J.finditer(data):
        name = HEX_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group())
        if name in (b"/JS", b"/JavaScript"):
            return True
    return False


def largest_user_unit(data):
    """The largest /UserUnit the raw bytes declare (1 if none): a page's side in points is
    multiplied by it, so a page that looks small may claim far more than 200 inches."""
    units = [1.0]
    for match in USER_UNIT.finditer(data):
        try:
            units.append(float(match.group(1)))
        except ValueError:
            continue
    return max(units)


def thumbnail_of(page):
    """The page drawn at most THUMBNAIL_WIDTH wide and THUMBNAIL_MAX_HEIGHT tall, as WebP."""
    width, height = page.get_size()
    scale = min(THUMBNAIL_WIDTH / width, THUMBNAIL_MAX_HEIGHT / height)
    bitmap = page.render(scale=scale)
    image = bitmap.to_pil().convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="WEBP", quality=70, method=6)
    return buffer.getvalue(), image.size


def read(data, max_pages, max_side, check_only=False):
    # Loaded here, once the process's limits are set (see main()).
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if has_javascript_names(data):
        return refuse("javascript")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            return refuse("encrypted")
        return refuse("unreadable")
    try:
        if pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw) > 0:
            return refuse("javascript")
        page_count = len(document)
        if page_count > max_pages:
            return refuse("too_many_pages", page_count=page_count)
        user_unit = largest_user_unit(data)
        for index in range(page_count):
            width, height = document.get_page_size(index)
            if not (width > 0 and height > 0):
                return refuse("unreadable")
            side = max(width, height) * user_unit
            if side > max_side:
                return refuse("page_too_big", page=index + 1, side=round(side))
        if check_only:
            return {"ok": True, "page_count": page_count, "text": "", "thumbnail": ""}

        texts, length = [], 0
        for index in range(page_count):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            texts.append(text)
            length += len(text)
            if length >= MAX_TEXT_CHARS:
                break
        thumbnail, size = b"", None
        if page_count:
            first = document[0]
            try:
                thumbnail, size = thumbnail_of(first)
            except (pdfium.PdfiumError, OSError, ValueError):
                # A page pdfium cannot draw still has its text and pages: it gets the icon.
                thumbnail, size = b"", None
            finally:
                first.close()
        text = "\n".join(texts)[:MAX_TEXT_CHARS].replace("\x00", "")
        return {
            "ok": True,
            "page_count": page_count,
            "text": text,
            "thumbnail": base64.b64encode(thumbnail).decode("ascii"),
            "thumbnail_size": size,
        }
    finally:
        document.close()


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--max-pages", type=int, required=True)
    parser.add_argument("--max-side", type=float, required=True)
    parser.add_argument("--memory", type=int, required=True)
    parser.add_argument("--cpu", type=int, required=True)
    # Only what an upload must pass: no text, no thumbnail.
    parser.add_argument("--check-only", action="store_true")
    args = parser.parse_args(argv)

    # Bounds first, before pdfium is even loaded.
    resource.setrlimit(resource.RLIMIT_AS, (args.memory, args.memory))
    resource.setrlimit(resource.RLIMIT_CPU, (args.cpu, args.cpu))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    try:
        import PIL.Image  # noqa: F401  (loaded now, so that a failure is not taken for the file's)
        import pypdfium2  # noqa: F401
    except (ImportError, MemoryError):
        json.dump(refuse("too_demanding"), sys.stdout)
        return

    try:
        with open(args.path, "rb") as file:
            data = file.read()
        result = read(data, args.max_pages, args.max_side, args.check_only)
    except MemoryError:
        result = refuse("too_demanding")
    json.dump(result, sys.stdout)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

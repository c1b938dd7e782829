"""Reads one uploaded PDF in a process of its own, with its memory and time bounded.

    python resources/pdf_worker.py FILE --max-pages N --max-side PT --memory BYTES --cpu SECONDS

Writes one JSON object to standard output: either the page count, the text, a WebP
thumbnail of the first page (base64), the text version (each page's headings, paragraphs and
list items) and the accessibility checks, or the reason the file is refused ("code"). With
--check-only, the checks alone (encryption, scripts, pages and their size): what an upload
must pass before it is stored. A file that
makes pdfium ask for more memory than allowed ends this process, not the web process that
started it (resources/pdf.py).

Only the standard library, pypdfium2 and Pillow are imported, so that the process starts fast
and does not load Django or the project's settings.
"""

import argparse
import base64
import ctypes
import io
import json
import re
import resource
import sys
from collections import Counter

THUMBNAIL_WIDTH = 320  # pixels; shown at half that width, sharp on high-density screens
THUMBNAIL_MAX_HEIGHT = 1600  # pixels; a very tall page gets a narrower thumbnail instead
MAX_TEXT_CHARS = 500_000  # enough for a long report; keeps the search index bounded

# A name starting /J, written plainly or with #hex escapes (/J#53 is /JS).
NAME_J = re.compile(rb"/(?:J|#4[aA])[^\s/<>\[\]()%{}]*")
HEX_ESCAPE = re.compile(rb"#([0-9a-fA-F]{2})")
USER_UNIT = re.compile(rb"/UserUnit\s+([0-9]*\.?[0-9]+)")

# The text version: a line this much larger than the body text (the size most characters are
# set in) is a heading; a gap above a line of this many times its size starts a new paragraph.
HEADING_RATIO = 1.15
HEADING_MAX_CHARS = 160
PARAGRAPH_GAP = 1.6
BULLETS = ("- ", "• ", "– ", "· ", "▪ ")
# The accessibility checks: fonts are looked for on this many pages; page numbers of scans
# are listed up to this many.
FONT_PAGES = 20
LISTED_PAGES = 50


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


def page_lines(pdfium_c, textpage):
    """(text, font size, top) of each line of a page, in the order pdfium reads them."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    lines, chars, sizes, tops = [], [], [], []

    def end_line():
        text = "".join(chars).strip()
        if text:
            lines.append((text, max(sizes, default=0.0), max(tops, default=0.0)))
        chars.clear(), sizes.clear(), tops.clear()

    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        char = chr(code) if code else ""
        if char == "\n":
            end_line()
            continue
        if char in ("\r", "\x00", "\ufffe", "\uffff"):
            continue
        chars.append(char)
        if not char.isspace():
            sizes.append(round(pdfium_c.FPDFText_GetFontSize(textpage, index), 1))
            if pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top):
                tops.append(top.value)
    end_line()
    return lines


def text_version(pages):
    """Each page's lines as blocks, ["h2" | "h3" | "p" | "li", text]: a line in a larger font
    than the body text is a heading (of level 2 in the largest sizes, else 3), a line starting
    with a bullet a list item, and lines follow on in one paragraph until a gap."""
    weights = Counter()
    for lines in pages:
        for text, size, _top in lines:
            weights[size] += len(text)
    body = weights.most_common(1)[0][0] if weights else 0
    larger = sorted(
        {
            size
            for lines in pages
            for _text, size, _top in lines
            if body and size >= body * HEADING_RATIO
        },
        reverse=True,
    )
    level = {size: "h2" if size >= larger[0] / HEADING_RATIO else "h3" for size in larger}
    result = []
    for lines in pages:
        blocks, previous = [], None
        for text, size, top in lines:
            kind = level.get(size) if len(text) <= HEADING_MAX_CHARS else None
            if kind is None:
                kind = "li" if text.startswith(BULLETS) else "p"
                if kind == "li":
                    text = text[2:].strip()
            gap = previous is not None and previous[1] - top > PARAGRAPH_GAP * max(size, 1)
            last = blocks[-1] if blocks else None
            follows_on = (
                last is not None
                and not gap
                and last[0] == kind
                and kind != "li"
                and (kind == "p" or previous[0] == size)
            )
            if follows_on:
                last[1] += " " + text
            else:
                blocks.append([kind, text])
            previous = (size, top)
        result.append(blocks)
    return result


def catalog_language(pdfium_c, document):
    """The document's language (/Lang in its catalog), "" when it declares none."""
    size = pdfium_c.FPDFCatalog_GetLanguage(document, None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(document, buffer, size)
    return bytes(buffer)[: size - 2].decode("utf-16-le", "replace").strip()


def unembedded_fonts(pdfium_c, pdf):
    """Names of the fonts text is set in, on the first pages, that the file does not carry."""
    names = set()
    for index in range(min(len(pdf), FONT_PAGES)):
        page = pdf[index]
        try:
            for number in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
                item = pdfium_c.FPDFPage_GetObject(page.raw, number)
                if pdfium_c.FPDFPageObj_GetType(item) != pdfium_c.FPDF_PAGEOBJ_TEXT:
                    continue
                font = pdfium_c.FPDFTextObj_GetFont(item)
                if font and not pdfium_c.FPDFFont_GetIsEmbedded(font):
                    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
                    buffer = ctypes.create_string_buffer(max(size, 1))
                    pointer = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))
                    pdfium_c.FPDFFont_GetBaseFontName(font, pointer, size)
                    names.add(buffer.value.decode("latin-1", "replace") or "?")
        finally:
            page.close()
    return sorted(names)


def accessibility_checks(pdfium_c, pdf, data, chars_per_page):
    """What a reader with a screen reader, or on paid data, meets in this PDF."""
    page_count = len(pdf)
    metadata = pdf.get_metadata_dict()
    scans = [number for number, chars in enumerate(chars_per_page, 1) if chars == 0]
    return {
        "scanned_pages": scans[:LISTED_PAGES],
        "scanned_page_count": len(scans),
        "tagged": bool(pdfium_c.FPDFCatalog_IsTagged(pdf.raw)),
        "language": catalog_language(pdfium_c, pdf.raw),
        "title": (metadata.get("Title") or "").strip(),
        "encrypted": pdfium_c.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1,
        "bytes_per_page": len(data) // max(page_count, 1),
        "unembedded_fonts": unembedded_fonts(pdfium_c, pdf),
    }


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

        texts, lines, chars_per_page, length = [], [], [], 0
        for index in range(page_count):
            page = document[index]
            textpage = page.get_textpage()
            chars_per_page.append(textpage.count_chars())
            if length < MAX_TEXT_CHARS:
                text = textpage.get_text_range()
                texts.append(text)
                lines.append(page_lines(pdfium_c, textpage.raw))
                length += len(text)
            textpage.close()
            page.close()
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
            "pages": text_version(lines),
            "checks": accessibility_checks(pdfium_c, document, data, chars_per_page),
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

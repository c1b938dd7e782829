"""The text version of a PDF: its pages as headings, paragraphs and lists, read from the file in
the background (`pdf_worker.text_version`), for readers on paid data or with screen readers.

Kept in `Resource.text_version` as a list of pages, each a list of blocks
["h2" | "h3" | "p" | "li", text]; shown by the library at `<library>/<id>/text/`
(ResourceIndexPage.text_version_view).
"""

from django.template.loader import render_to_string

TEMPLATE = "resources/text_version_pages.html"


def grouped(pages):
    """Each page's blocks with list items gathered into lists: (kind, text or [items])."""
    result = []
    for blocks in pages or []:
        page = []
        for kind, text in blocks:
            if kind == "li":
                if page and page[-1][0] == "ul":
                    page[-1][1].append(text)
                else:
                    page.append(("ul", [text]))
            elif kind in ("h2", "h3", "p"):
                page.append((kind, text))
        result.append(page)
    return result


def render_pages(pages):
    return render_to_string(TEMPLATE, {"pages": grouped(pages)})


def text_version_bytes(pages):
    """How much the text of the text version weighs, as readers download it (compressed pages
    weigh less again): the bytes of its rendered pages."""
    return len(render_pages(pages).encode())

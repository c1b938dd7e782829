"""A PDF's accessibility checks as editors read them: what the background reading found
(`pdf_worker.accessibility_checks`, kept in `Resource.accessibility`) turned into warnings that
say what to fix. Warnings, never refusals: a document with problems is still published."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def bytes_per_page_limit():
    """Above this a PDF's pages carry pictures far larger than a screen or a print needs."""
    return getattr(settings, "RESOURCES_PDF_BYTES_PER_PAGE", 500 * 1024)


def accessibility_problems(document):
    """The warnings for a document, in the order editors should fix them; [] when its checks
    found nothing or it has none (not a PDF, or not read yet)."""
    checks = document.accessibility
    if not checks:
        return []
    problems = []
    scans = checks.get("scanned_page_count", 0)
    if scans:
        pages = ", ".join(str(number) for number in checks["scanned_pages"])
        if scans > len(checks["scanned_pages"]):
            pages += ", …"
        problems.append(
            ngettext(
                "%(count)s page has no text, only a picture (a scan?): %(pages)s. Screen "
                "readers and search find nothing there; add a text layer (OCR).",
                "%(count)s pages have no text, only pictures (scans?): %(pages)s. Screen "
                "readers and search find nothing there; add a text layer (OCR).",
                scans,
            )
            % {"count": scans, "pages": pages}
        )
    if not checks.get("tagged"):
        problems.append(
            _(
                "Not tagged: screen readers cannot tell its headings, lists and tables apart. "
                "Export it again with “tagged PDF” or “accessibility” switched on."
            )
        )
    language = (checks.get("language") or "").strip()
    if not language:
        problems.append(
            _(
                "No document language: screen readers may read it with the wrong voice. Set "
                "the language in the program that made it."
            )
        )
    elif language.split("-")[0].lower() != document.language:
        problems.append(
            _(
                "The PDF says it is in “%(pdf)s”, the library says %(library)s: one of them is "
                "wrong."
            )
            % {"pdf": language, "library": document.get_language_display()}
        )
    if not (checks.get("title") or "").strip():
        problems.append(
            _(
                "No title in the PDF's properties: screen readers and browsers show the file "
                "name instead."
            )
        )
    if checks.get("encrypted"):
        problems.append(
            _(
                "Encrypted, with restrictions: some screen readers are not allowed to read "
                "it. Save a copy without security settings."
            )
        )
    per_page = checks.get("bytes_per_page", 0)
    if per_page > bytes_per_page_limit():
        problems.append(
            _(
                "About %(size)s KB a page: its pictures are far larger than needed, and "
                "costly on a phone's data. Save a copy with reduced image sizes."
            )
            % {"size": per_page // 1024}
        )
    fonts = checks.get("unembedded_fonts") or []
    if fonts:
        problems.append(
            _(
                "Fonts not embedded: %(fonts)s. Readers' devices may show other letters; "
                "export it again with fonts embedded."
            )
            % {"fonts": ", ".join(fonts)}
        )
    return problems

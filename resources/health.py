"""The resource library's content health checks (ifrc_site/editorial/health.py): links to
documents readers may not see, heavy PDFs without a text version, PDFs whose accessibility
check found problems."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ifrc_site.editorial.health import Problem, closed_links, register_check

from .accessibility import accessibility_problems
from .models import Resource

# A PDF this heavy (bytes) costs a reader on paid data enough to need a light version.
HEAVY_PDF_BYTES = 5 * 1024 * 1024


def document_edit_url(document_id):
    return reverse("wagtaildocs:edit", args=[document_id])


def links_to_documents_readers_may_not_see():
    """Links to embargoed, expired, unapproved, private, unread or deleted documents (the rule
    of `Resource.objects.listed()`)."""
    return closed_links(
        "hidden_document_link",
        Resource,
        lambda ids: set(Resource.objects.listed().filter(pk__in=ids).values_list("pk", flat=True)),
        _lazy("links to %(count)s document(s) readers may not see"),
    )


def heavy_pdfs_without_a_text_version():
    documents = Resource.objects.filter(
        file__iendswith=".pdf", file_size__gt=HEAVY_PDF_BYTES, text_version_size__isnull=True
    ).only("pk", "title", "file_size")
    for document in documents:
        yield Problem(
            "heavy_pdf",
            document.title,
            _("%(size)s MB and no text version (a scan, or not read)")
            % {"size": round(document.file_size / 1024 / 1024, 1)},
            document_edit_url(document.pk),
        )


def pdfs_failing_the_accessibility_check():
    documents = Resource.objects.filter(accessibility_problems__gt=0).only(
        "pk", "title", "language", "accessibility"
    )
    for document in documents:
        found = accessibility_problems(document)
        yield Problem(
            "inaccessible_pdf",
            document.title,
            f"{len(found)}: {found[0]}" if found else "",
            document_edit_url(document.pk),
        )


def register():
    register_check(
        "hidden_document_link",
        _lazy("Link to a document readers may not see"),
        links_to_documents_readers_may_not_see,
    )
    register_check(
        "heavy_pdf",
        _lazy("PDF over 5 MB without a text version"),
        heavy_pdfs_without_a_text_version,
    )
    register_check(
        "inaccessible_pdf",
        _lazy("PDF failing the accessibility check"),
        pdfs_failing_the_accessibility_check,
    )

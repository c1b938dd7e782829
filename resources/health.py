"""The resource library's content health checks (ifrc_site/editorial/health.py): links to
documents readers may not see, heavy PDFs without a text version, PDFs whose accessibility
check found problems."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from wagtail.models import Page, ReferenceIndex

from ifrc_site.editorial.health import Problem, page_edit_url, register_check

from .accessibility import accessibility_problems
from .models import Resource

# A PDF this heavy (bytes) costs a reader on paid data enough to need a light version.
HEAVY_PDF_BYTES = 5 * 1024 * 1024


def document_edit_url(document_id):
    return reverse("wagtaildocs:edit", args=[document_id])


def links_to_documents_readers_may_not_see():
    """Live pages whose blocks or text link to an embargoed, expired, unapproved, private,
    unread or deleted document."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=ContentType.objects.get_for_model(Resource)
    ).values_list("object_id", "to_object_id")
    live = set(
        Page.objects.live()
        .filter(pk__in={int(source) for source, _target in references})
        .values_list("pk", flat=True)
    )
    listed = set(Resource.objects.listed().values_list("pk", flat=True))
    hidden = {}
    for source, target in references:
        if int(source) in live and int(target) not in listed:
            hidden.setdefault(int(source), set()).add(int(target))
    titles = dict(Page.objects.filter(pk__in=hidden).values_list("pk", "title"))
    for source, documents in sorted(hidden.items()):
        yield Problem(
            "hidden_document_link",
            titles.get(source, "?"),
            _("links to %(count)s document(s) readers may not see") % {"count": len(documents)},
            page_edit_url(source),
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

"""Admin and serving hooks of the resource library."""

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.documents.views.documents import DocumentsFilterSet, IndexView
from wagtail.documents.views.multiple import AddView

import django_filters

from ifrc_site.editorial.permissions import media_visible_to

from .forms import default_collection_for


@hooks.register("before_serve_document")
def refuse_missing_files(document, request):
    """A document whose file has gone from storage is a 404 page, not a server error."""
    if not document.file or not document.file.storage.exists(document.file.name):
        raise Http404("The file of this document is missing.")


@hooks.register("before_serve_document")
def refuse_unreleased_documents(document, request):
    """The document's own address keeps the library's rule (Resource.may_be_served_to): an
    embargoed, expired or unapproved document is a 404 for readers; editors who may choose
    or change it still open it."""
    if not document.may_be_served_to(request.user):
        raise Http404("No document here.")


class ListedDocumentLinkHandler(DocumentLinkHandler):
    """Rich-text links to documents: a document that public pages may not show
    (Resource.unlisted_ids) is rendered as its plain link text."""

    @classmethod
    def get_many(cls, attrs_list):
        unlisted = cls.get_model().unlisted_ids()
        return [
            None if document is None or document.pk in unlisted else document
            for document in super().get_many(attrs_list)
        ]


# After Wagtail's own registration of the "document" link type, which this one replaces.
@hooks.register("register_rich_text_features", order=100)
def register_listed_document_links(features):
    features.register_link_type(ListedDocumentLinkHandler)


@hooks.register("construct_document_chooser_queryset")
def document_chooser_shows_own_collections(documents, request):
    """Only the documents of the user's collections (editorial.permissions.media_visible_to)."""
    return media_visible_to(request.user, documents)


# Multiple upload: the uploader's own collection chosen by default -------------------------


def add_documents_view():
    """Wagtail's multiple upload page, whose collection list starts at the uploader's own
    collection (forms.default_collection_for) rather than the root, unless the address names
    one (`?collection_id=`)."""

    class AddDocumentsView(AddView):
        def get_context_data(self, **kwargs):
            context = super().get_context_data(**kwargs)
            if context["collections"] and not self.request.GET.get("collection_id"):
                default = default_collection_for(self.request.user, context["collections"])
                if default is not None:
                    context["selected_collection_id"] = str(default.pk)
            return context

        def get_edit_upload_form_context_data(self):
            # The form for a file that awaits its details keeps the collection chosen above.
            context = super().get_edit_upload_form_context_data()
            form = context["form"]
            if "collection" in form.fields and self.object.collection_id:
                form.initial["collection"] = self.object.collection_id
            return context

    return AddDocumentsView.as_view()


# The documents list: where each new PDF is in its reading ------------------------------------


class LibraryDocumentsFilterSet(DocumentsFilterSet):
    """Wagtail's filters of the documents list, and one for the PDFs whose accessibility checks
    found problems."""

    accessibility = django_filters.ChoiceFilter(
        label=_("Accessibility"),
        empty_label=_("All documents"),
        choices=[("problems", _("PDFs with problems")), ("passed", _("PDFs without problems"))],
        method="filter_accessibility",
    )

    def filter_accessibility(self, queryset, name, value):
        if value == "problems":
            return queryset.filter(accessibility_problems__gt=0)
        if value == "passed":
            return queryset.filter(accessibility_problems=0)
        return queryset


class DocumentIndexView(IndexView):
    """Wagtail's documents list with a column saying which documents readers do not see yet
    because their file is being read, or never will because it was refused, or else the number
    of accessibility problems of each PDF (resources/accessibility.py)."""

    filterset_class = LibraryDocumentsFilterSet

    def get_base_queryset(self):
        # The list shows none of what the reading stored at length.
        return super().get_base_queryset().defer("extracted_text", "text_version", "accessibility")

    @property
    def columns(self):
        columns = list(super().columns)
        # One column, so that titles keep their room on a phone: where the reading is, then
        # what the accessibility check found.
        columns.insert(2, Column("checks", label=_("Checks"), accessor="checks_label"))
        return columns


# Ahead of Wagtail's own document URLs, so that these views answer at the same addresses.
@hooks.register("register_admin_urls", order=-1)
def register_add_documents_url():
    return [
        path("documents/multiple/add/", add_documents_view(), name="add_multiple_documents"),
        path("documents/", DocumentIndexView.as_view(), name="documents_index"),
        path(
            "documents/results/",
            DocumentIndexView.as_view(results_only=True),
            name="documents_index_results",
        ),
    ]

"""Admin and serving hooks of the resource library."""

from django.http import Http404

from wagtail import hooks
from wagtail.documents.rich_text import DocumentLinkHandler


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
    """Only the documents of the user's collections (ifrc_site.permissions.media_visible_to)."""
    from ifrc_site.permissions import media_visible_to

    return media_visible_to(request.user, documents)

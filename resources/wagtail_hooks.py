"""Admin and serving hooks of the resource library."""

from django.http import Http404

from wagtail import hooks


@hooks.register("before_serve_document")
def refuse_missing_files(document, request):
    """A document whose file has gone from storage is a 404 page, not a server error."""
    if not document.file or not document.file.storage.exists(document.file.name):
        raise Http404("The file of this document is missing.")

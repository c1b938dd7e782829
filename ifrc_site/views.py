"""Error pages that help the reader on, in the reader's language, never showing a trace."""

import posixpath
import sys

from django.conf import settings
from django.http import Http404, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.static import serve

from .middleware import DATABASE_ERRORS, database_unavailable_response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    """A form sent without a valid token, or a POST, PUT or DELETE to a page that takes none."""
    return render(request, "403.html", status=403)


def server_error(request):
    # Rendered without a request context: nothing that might itself fail (database, settings).
    # A database outage that surfaced outside a view (in middleware) still gets the 503 page.
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable_response()
    return HttpResponseServerError(loader.get_template("500.html").render())


def media(request, path):
    """Uploaded images and document thumbnails, where no web server stands in front (SERVE_MEDIA).

    Original documents are never served from here: only through Wagtail's serve view, which
    checks privacy and sends them with a strict CSP, nosniff and an attachment disposition.
    """
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("documents/") and not path.startswith("documents/thumbnails/"):
        raise Http404
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:  # a name too long for the file system, or otherwise unreadable
        raise Http404 from None

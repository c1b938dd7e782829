"""Site-wide views: error pages that help the reader on, and the low-data switch."""

import logging
import mimetypes
import posixpath
import sys

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from wagtail.documents import get_document_model

from .caching.pagecache import LOW_DATA_COOKIE
from .security.middleware import DATABASE_ERRORS, database_unavailable_response

logger = logging.getLogger(__name__)
# How long browsers and the CDN keep a picture (a day) and a document's thumbnail (5 minutes).
MEDIA_MAX_AGE = 60 * 60 * 24
THUMBNAIL_MAX_AGE = 60 * 5


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


def low_data(request):
    """Switch images and video off (`?on=1`) or back on (`?on=0`) for this visitor, then go back.

    The choice is kept in a cookie that only this explicit request sets.
    """
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    secure = settings.SESSION_COOKIE_SECURE or request.is_secure()
    if request.GET.get("on") == "1":
        response.set_cookie(
            LOW_DATA_COOKIE,
            "1",
            max_age=365 * 24 * 3600,
            secure=secure,
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(LOW_DATA_COOKIE, samesite="Lax")
    return response


@never_cache
@require_safe
def choose_language(request, language_code):
    """The language switcher's links lead here: remember the reader's choice in the language
    cookie, then go on to the page in that language.

    Only this explicit choice sets a cookie; the pages themselves set none. `/` then sends the
    reader to the chosen language instead of guessing from the browser's Accept-Language.
    """
    if language_code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = f"/{language_code}/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def media(request, path):
    """Uploaded images and document thumbnails, from the media storage (SERVE_MEDIA): the local
    folder, or the object storage's private bucket, streamed.

    Original documents are never served from here: only through Wagtail's serve view, which
    checks privacy and sends them with a strict CSP, nosniff and an attachment disposition.
    """
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("documents/") and not path.startswith("documents/thumbnails/"):
        raise Http404
    if path.startswith("documents/thumbnails/"):
        # A thumbnail shows the first page: it follows its document's rule.
        document = get_document_model().objects.filter(thumbnail=path).first()
        if document is None or not document.may_be_shown_to(request.user):
            raise Http404
    if isinstance(default_storage, FileSystemStorage):
        try:
            response = serve(request, path, document_root=settings.MEDIA_ROOT)
        except OSError:  # a name too long for the file system, or otherwise unreadable
            raise Http404 from None
    else:
        response = _from_storage(path)
    # Names of uploads and renditions are never reused for other content; a thumbnail is kept
    # briefly, since it goes when its document is withdrawn and nothing purges media.
    seconds = THUMBNAIL_MAX_AGE if path.startswith("documents/thumbnails/") else MEDIA_MAX_AGE
    response["Cache-Control"] = f"public, max-age={seconds}"
    return response


def _from_storage(path):
    if path.startswith("..") or not path:
        raise Http404
    try:
        file = default_storage.open(path, "rb")
        size = file.size
    except (OSError, ValueError, SuspiciousOperation):
        raise Http404 from None
    except Exception as error:  # the storage's own errors (a missing key, the service)
        logger.warning("Media %s could not be read from storage: %s", path, error)
        raise Http404 from None
    response = FileResponse(file, content_type=mimetypes.guess_type(path)[0])
    response["Content-Length"] = size
    return response


@require_safe
def robots_txt(request):
    """Crawlers: welcome to every page and document; not to the admin, the search results,
    filtered listings (every query string: an endless space of addresses with nothing new) or
    the language and low-data switches. The sitemap index lists everything worth reading."""
    return render(
        request,
        "robots.txt",
        {"sitemap": request.build_absolute_uri("/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )

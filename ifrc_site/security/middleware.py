"""Middleware for a site that stays safe and standing: security headers and a database outage.
(The Permissions-Policy header comes from django-permissions-policy, settings.PERMISSIONS_POLICY.)

- `SiteCSPMiddleware` is django-csp's middleware with a looser policy under the admin, where
  Wagtail's editor needs inline scripts and styles; public pages keep the strict policy of
  `settings.CONTENT_SECURITY_POLICY`, which previews share but for being framed by the admin.
- `DatabaseUnavailableMiddleware` answers a static 503 page, with Retry-After, when the
  database cannot be reached, instead of an error trace; the next request tries again.
- `PartnerApiMiddleware` keeps the partner API (/api/) read-only and readable from other web
  sites (CORS).
"""

import functools
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import get_script_prefix, get_urlconf, reverse

from csp.constants import HEADER, HEADER_REPORT_ONLY, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def admin_content_security_policy():
    """The admin's directives: the public ones, plus the inline code, eval (the accessibility
    checker's templates) and data: images Wagtail uses, and framing by its own origin (the
    live preview)."""
    public = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return {
        **public,
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*public["img-src"], "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "frame-src": [SELF, *public["frame-src"]],
        "frame-ancestors": [SELF],
    }


def preview_content_security_policy():
    """A page previewed in the admin: the public policy, framed by the site's own origin (the
    editor's preview panel). Wagtail renders the preview through the middleware with a request
    for the page's public address, marked `is_preview`."""
    return {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": [SELF]}


def is_admin_path(path):
    return path.startswith(_admin_prefix(get_urlconf(), get_script_prefix()))


@functools.lru_cache(maxsize=16)
def _admin_prefix(urlconf, script_prefix):
    """The admin's address, worked out once (every response asks)."""
    return reverse("wagtailadmin_home", urlconf=urlconf)


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            if getattr(request, "is_preview", False):
                config = preview_content_security_policy()
            elif is_admin_path(request.path_info):
                config = admin_content_security_policy()
            else:
                return parts
            parts = PolicyParts(config, parts.update, parts.replace, parts.nonce)
        return parts

    def process_response(self, request, response):
        """As django-csp's, with the public policy's headers built once rather than for every
        response (a third of the time of a page served from the cache went on them)."""
        plain = (
            getattr(request, "_csp_nonce", None) is None
            and not getattr(request, "is_preview", False)
            and not any(hasattr(response, name) for name in POLICY_CHANGES)
            and not (settings.DEBUG and response.status_code in (404, 500))
            and not is_admin_path(request.path_info)
        )
        if not plain:
            return super().process_response(request, response)
        policy, report_only = public_headers()
        for header, value, setting in (
            (HEADER, policy, "CONTENT_SECURITY_POLICY"),
            (HEADER_REPORT_ONLY, report_only, "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES")
            if value and header not in response:
                if not excluded or not request.path_info.startswith(tuple(excluded)):
                    response[header] = value
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


# What a view or decorator may set on a response to change its policy (django-csp's names).
POLICY_CHANGES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)

# (settings' policy, settings' report-only policy) -> their two headers, built once.
_public_headers = {}


def public_headers():
    """The headers of the settings' own policies, as django-csp builds them: the same for every
    public page, so built once for each pair of settings (a test may override them)."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
    report_only = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
    key = (id(policy), id(report_only))
    if key not in _public_headers:
        if len(_public_headers) > 16:
            _public_headers.clear()
        _public_headers[key] = (
            (policy, report_only),  # kept alive, so that their ids stay theirs
            build_policy(),
            build_policy(report_only=True),
        )
    return _public_headers[key][1:]


def database_unavailable_response():
    """A 503 that needs neither the database nor a request: a static page in four languages."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.error(
            "Database unavailable, answered 503 for %s: %s",
            request.path,
            str(exception).strip().splitlines()[0] if str(exception).strip() else "",
        )
        return database_unavailable_response()


# The partner API --------------------------------------------------------------------------

API_PREFIX = "/api/"
API_READ_METHODS = ("GET", "HEAD")
API_ALLOW = "GET, HEAD, OPTIONS"
# Headers a partner's script may send in a cross-origin request (beside the simple ones).
API_REQUEST_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
API_PREFLIGHT_SECONDS = 24 * 3600


class PartnerApiMiddleware:
    """The partner API (/api/, ifrc_site/api/) is read-only and readable from any web site.

    - OPTIONS (what a browser asks before some cross-origin requests) is answered here, and
      POST, PUT, DELETE and the rest are refused with a JSON 405: only GET and HEAD reach the
      API's views, which read no sign-in and set no cookie.
    - Every answer under /api/, errors and 429s included, allows any origin to read it
      (`Access-Control-Allow-Origin: *`), never with credentials, and lets scripts read
      Retry-After. No other address of the site gets a CORS header.
    - An address under /api/ that no endpoint answers gets its 404 in JSON too.

    It stands before the page cache, which would refuse other methods with an HTML page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = API_ALLOW
            response["Access-Control-Allow-Methods"] = API_ALLOW
            response["Access-Control-Allow-Headers"] = API_REQUEST_HEADERS
            response["Access-Control-Max-Age"] = str(API_PREFLIGHT_SECONDS)
        elif request.method not in API_READ_METHODS:
            response = JsonResponse(
                {"message": f"method {request.method[:20]} not allowed: the API is read-only"},
                status=405,
            )
            response["Allow"] = API_ALLOW
        else:
            response = self.get_response(request)
            if response.status_code == 404 and not response.get("Content-Type", "").startswith(
                "application/json"
            ):
                response = JsonResponse({"message": "not found"}, status=404)
        if response.status_code in (405, 404) or request.method == "OPTIONS":
            response["Cache-Control"] = "no-store"
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "Retry-After"
        return response

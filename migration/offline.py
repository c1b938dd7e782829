"""The help finder offline: a web app manifest and a service worker, served by the finder.

The service worker lives under the finder's address (`<finder>/service-worker/`) and is allowed
the Migration page's section of its language (`Service-Worker-Allowed`), so it can never see
the admin or any other part of the site. It keeps four pages and nothing else: the Migration
page, the finder, the finder with the visitor's last chosen country, and a small offline page,
with the static files they need. Its cache is named after the deployment: a new deployment
installs a new worker, which deletes the old cache when it takes over.
"""

import functools
import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static

CACHE_PREFIX = "help-offline-"
STATIC_FILES = (
    "css/site.css",
    "css/print.css",
    "js/site.js",
    "js/help-offline.js",
    "js/help-near.js",
)


@functools.cache
def deployment_version():
    """`settings.DEPLOYMENT_VERSION` if set; otherwise a hash of the static files the worker
    keeps and of its own template, so that changing any of them replaces the saved copies."""
    configured = getattr(settings, "DEPLOYMENT_VERSION", "")
    if configured:
        return str(configured)[:32]
    digest = hashlib.sha256()
    for name in STATIC_FILES:
        path = finders.find(name)
        if path:
            with open(path, "rb") as file:
                digest.update(file.read())
    digest.update(render_to_string("migration/offline/sw.js").encode())
    return digest.hexdigest()[:16]


def scope_of(finder):
    """The worker's scope: the Migration page's section in the finder's language."""
    return finder.get_parent().url


def service_worker(finder):
    config = {
        "cache": f"{CACHE_PREFIX}{deployment_version()}",
        "prefix": CACHE_PREFIX,
        "finder": finder.url,
        "migration": scope_of(finder),
        "offline": f"{finder.url}offline/",
        "static": [static(name) for name in STATIC_FILES],
    }
    body = render_to_string("migration/offline/sw.js", {"config": json.dumps(config)})
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = scope_of(finder)
    # Browsers check for a new worker on every visit; never a stale one from a cache.
    response["Cache-Control"] = "no-cache"
    return response


def manifest(finder):
    data = {
        "name": finder.title,
        "short_name": finder.title[:12],
        "lang": finder.locale.language_code,
        "start_url": finder.url,
        "scope": scope_of(finder),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#c8102e",
        "icons": [{"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response

"""The public page cache, and purging it (and a CDN in front) whenever content changes.

Anonymous GET requests for pages, listings and feeds are answered from the configured cache
(local memory in each process by default, Redis shared by all processes when REDIS_URL is set).
Every entry belongs to a *generation*; any change that readers can see (a page published,
unpublished, moved or deleted; a document, image, snippet or setting saved) starts a new
generation, so the very next request renders afresh everywhere. A whole-site purge is cheap,
is always correct for listings, feeds and programme pages that show an item, and publishing is
rare next to reading.

Signed-in editors, previews (under /admin/) and responses that set cookies never read or fill
the cache; methods other than GET and HEAD are refused before rendering. How an entry is keyed
is explained above `PAGE_QUERY_PARAMETERS`.
"""

import contextvars
import functools
import gzip as gzip_module
import hashlib
import logging
import pickle
import time
import uuid
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.middleware.gzip import re_accepts_gzip
from django.template import loader
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.text import compress_string

from ifrc_site.security.policy import keep_from_cache

from .sites import remember_site
from .watch import REDIS_BACKEND, UNKNOWN, watch

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
LOW_DATA_COOKIE = "lowdata"
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
# The partner API (/api/) is never stored: its parameters are open-ended (every one would be a
# new entry), each answer costs a few queries, and its own rate limit guards it.
NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/django-admin/",
    "/api/",
)


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def browser_cache_seconds():
    return getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60)


# Changes that happen by themselves -----------------------------------------------------------
#
# Some content appears or goes at a set time with nobody saving anything: a document's go-live
# and expiry times, a page's expiry time (listings leave it out from then on, before
# `publish_scheduled` unpublishes it). Each app registers a function that returns the next such
# time (an aware datetime) or None. The earliest is stored with the generation whenever one
# starts, and the first request after it starts a new one: a request reads the time from the
# cache, never the database.

_schedules = []


def register_schedule(func):
    """Have the page cache start a new generation when the time `func()` returns has passed."""
    if func not in _schedules:
        _schedules.append(func)
    return func


def next_scheduled_change():
    """The earliest time that a registered schedule returns, as a Unix timestamp, or None."""
    times = []
    for func in _schedules:
        try:
            # In a savepoint: a purge may come in the middle of a transaction (a save's signal),
            # which a failed query must not break.
            with transaction.atomic():
                value = func()
        except Exception:  # no database yet, or none reachable: the entries time out anyway
            logger.warning("Page cache schedule %r failed", func, exc_info=True)
            continue
        if value is not None:
            times.append(value.timestamp())
    return min(times, default=None)


def _new_generation(previous=0):
    """A generation number later than `previous`, with the time it lasts until."""
    return (max(int(time.time() * 1000), previous + 1), next_scheduled_change())


# The generation a page request started with, for the rest of that request: the menus and
# fragments it shows read it from here instead of asking the shared cache each time (a dozen
# round trips to Redis on a programme page).
_request_generation = contextvars.ContextVar("pagecache_generation", default=None)


_UNREAD = object()


def generation(entry=_UNREAD):
    """The current generation; `entry`: the generation's cache entry, where already read."""
    remembered = _request_generation.get()
    if remembered is not None:
        return remembered
    if entry is _UNREAD:
        shared = caches["default"]
        entry = _known_generation(shared)
        if entry is UNKNOWN:
            entry = shared.get(GENERATION_KEY)
            _remember_generation(shared, entry)
    if entry is None:
        # The first request after the cache was emptied looks the schedules up, once: a cache
        # that cannot be reached (where every request gets here) costs no queries.
        if cache.add(f"{GENERATION_KEY}:starting", 1, timeout=10):
            cache.add(GENERATION_KEY, _new_generation(), timeout=None)
            watch.forget()
        entry = cache.get(GENERATION_KEY) or (int(time.time() * 1000), None)
    if isinstance(entry, int):  # as stored before generations had an end
        entry = (entry, None)
    value, ends = entry
    if ends is not None and time.time() >= ends:
        # One process (the first to claim it) starts the next generation; the others keep
        # this one for the moment and find the next on their next request.
        if cache.add(f"{GENERATION_KEY}:ended:{value}", 1, timeout=page_cache_seconds() + 60):
            return purge_all("a scheduled change", previous=value)
    return value


def _fragment_key(current, parts):
    raw = "|".join(str(part) for part in parts)
    return f"fragment:{current}:{hashlib.sha256(raw.encode()).hexdigest()}"


# Fragments of the current generation are also kept in each process's memory: a page's dozen
# fragments then cost no round trip to the shared cache once this process has served them.
# Text and numbers (a card, a menu's HTML, a count), and objects that say they are never
# changed once made (`never_changed`, with their size: a search's matches), are kept as they
# are; other values (a list of links, a model instance) pickled, as the shared cache keeps
# them, so that each request gets its own copy to work on. An entry can never be stale, as
# its key names the generation it belongs to; the whole table goes when the generation
# changes or when it holds more than LOCAL_FRAGMENT_BYTES.
LOCAL_FRAGMENT_BYTES = 16_000_000
_local = {"generation": None, "bytes": 0, "values": {}}
_PICKLED = object()


def _immutable_size(value):
    """The bytes `value` takes, roughly, where it cannot be changed in place; else None."""
    if value is None or isinstance(value, (bool, int, float, uuid.UUID)):
        return 8
    if isinstance(value, str):
        return len(value) + 8
    if getattr(value, "never_changed", False) is True:
        return value.size_in_memory()
    if isinstance(value, (tuple, frozenset)):
        total = 8
        for item in value:
            size = _immutable_size(item)
            if size is None:
                return None
            total += size
        return total
    return None


def _local_get(current, key):
    """(value,) where this process holds the fragment `key` of generation `current`."""
    if _local["generation"] != current:
        return None
    entry = _local["values"].get(key)
    if entry is not None and entry[0] is _PICKLED:
        return (pickle.loads(entry[1]),)
    return entry


def _local_set(current, key, value):
    size = _immutable_size(value)
    if size is None:
        try:
            entry = (_PICKLED, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        except Exception:  # not picklable: the shared cache could not keep it either
            return
        size = len(entry[1])
    else:
        entry = (value,)
    if size > LOCAL_FRAGMENT_BYTES // 8:
        return
    if _local["generation"] != current or _local["bytes"] + size > LOCAL_FRAGMENT_BYTES:
        _local.update(generation=current, bytes=0, values={})
    _local["values"][key] = entry
    _local["bytes"] += size


def forget_local_fragments():
    """Empty this process's copies (tests that change settings the fragments depend on)."""
    _local.update(generation=None, bytes=0, values={})


def fragment(parts, compute):
    """A value computed once per content generation and shared by every request and process:
    menus, the automatic sections of programme pages, site settings. Purged with the pages."""
    timeout = getattr(settings, "FRAGMENT_CACHE_SECONDS", 600)
    if timeout <= 0:
        return compute()
    current = generation()
    key = _fragment_key(current, parts)
    entry = _local_get(current, key)
    if entry is not None:
        return entry[0]
    try:
        entry = cache.get(key)
    except Exception:
        logger.warning("Fragment cache unavailable", exc_info=True)
        return compute()
    if entry is None:
        # Kept in a tuple, so that None (no translation source, no home page) is cached too.
        entry = (compute(),)
        try:
            cache.set(key, entry, timeout)
        except Exception:
            logger.warning("Fragment cache unavailable", exc_info=True)
    _local_set(current, key, entry[0])
    return entry[0]


def fragments(parts_list, compute):
    """`fragment(parts, lambda: compute(index))` for each of many parts at once: one round
    trip to the cache for all of them (a listing's dozen cards) that this process does not
    hold, one more to store the missing. Returns the values in the order of `parts_list`."""
    timeout = getattr(settings, "FRAGMENT_CACHE_SECONDS", 600)
    if timeout <= 0:
        return [compute(index) for index in range(len(parts_list))]
    current = generation()
    keys = [_fragment_key(current, parts) for parts in parts_list]
    local = {key: entry for key in keys if (entry := _local_get(current, key)) is not None}
    found = {}
    if len(local) < len(keys):
        try:
            found = cache.get_many([key for key in keys if key not in local])
        except Exception:
            logger.warning("Fragment cache unavailable", exc_info=True)
            found = None
    values, missing = [], {}
    for index, key in enumerate(keys):
        entry = local.get(key) or (found or {}).get(key)
        if entry is None:
            entry = missing[key] = (compute(index),)
        if key not in local:
            _local_set(current, key, entry[0])
        values.append(entry[0])
    if missing and found is not None:
        try:
            cache.set_many(missing, timeout)
        except Exception:
            logger.warning("Fragment cache unavailable", exc_info=True)
    return values


def purge_all(reason="", previous=0):
    """Start a new generation: every cached page is rendered afresh on its next request. The
    next scheduled change is looked up again, since the change may have been to a schedule."""
    entry = _new_generation(previous)
    cache.set(GENERATION_KEY, entry, timeout=None)
    watch.forget()
    if _request_generation.get() is not None:
        _request_generation.set(entry[0])
    logger.info("Page cache purged: %s", reason)
    return entry[0]


def low_data(request):
    return request.COOKIES.get(LOW_DATA_COOKIE) == "1"


# What a cached page is keyed by -----------------------------------------------------------
#
# A cached page is found by what changes it and nothing else: the scheme, host and path (which
# carries the language), the query parameters that some page reads (PAGE_QUERY_PARAMETERS,
# only the last value of each, as the views read them, in a fixed order) and the low-data mode.
# A request naming any other parameter (?utm_source=..., ?x=1) is sent to the address without
# it, so that made-up parameters neither render pages nor push real ones out of the cache.

# Every parameter a public page reads: the listings' and the search's filters, the page number,
# the search words, and the low-data switch's own two. tests/test_cache_keys.py checks that
# every filter of every listing and of the search is here.
PAGE_QUERY_PARAMETERS = frozenset(
    {
        "q",
        "page",
        "type",
        "programme",
        "country",
        "region",
        "language",
        "year",
        "on",
        "next",
        # The help finder's (migration.finder.FinderForm), beside country and language.
        "city",
        "service",
    }
)
# Addresses that answer other methods for themselves (PartnerApiMiddleware, further in).
ANSWERS_FOR_ITSELF = ("/api/",)
# Methods a public page answers; the others are refused before anything is rendered, except
# at the addresses whose views take forms: the admins, and the password and login forms of
# private documents (under /documents/) and pages (Wagtail's "_util" addresses).
READ_METHODS = ("GET", "HEAD")
FORM_PATH_PREFIXES = ("/admin/", "/django-admin/", "/documents/")
FORM_PATH_PART = "/_util/"


def _query_pairs(request):
    """The known parameters of the request, last value of each, in order; and whether the
    request named any other."""
    known, unknown = {}, False
    for name in request.GET:
        if name in PAGE_QUERY_PARAMETERS:
            known[name] = request.GET.getlist(name)[-1]
        else:
            unknown = True
    return sorted(known.items()), unknown


def _cache_key(request, pairs):
    """The address's key. Its entry says which generation it belongs to: one of an earlier
    generation is a miss, and the next response takes its place."""
    variant = "low" if low_data(request) else "full"
    raw = "|".join((request.scheme, request.get_host(), request.path, urlencode(pairs), variant))
    return f"pagecache:{hashlib.sha256(raw.encode('utf-8', 'surrogateescape')).hexdigest()}"


def _known_generation(shared):
    """The generation's entry where this process knows it is current (watch.py: only with a
    Redis cache); else UNKNOWN."""
    return watch.known(shared.make_key(GENERATION_KEY))


def _remember_generation(shared, found):
    """Whether the generation's entry `found`, just read, is now known until it changes."""
    return found is not None and watch.remember(shared.make_key(GENERATION_KEY), found)


def _generation_value(found):
    return found[0] if isinstance(found, tuple) else found


def _read_generation_and_entry(alias, key):
    """The generation's entry and the page's (in the store `alias`).

    Where this process knows the generation (watch.py), no round trip: the page's entry comes
    from this process's memory where it has served it in this generation (kept with the
    fragments), else from its store. Otherwise both are read in one round trip where the store
    is on the same Redis server as the generation (two took twice the time of one).
    """
    shared, store = caches["default"], caches[alias]
    found = _known_generation(shared)
    if found is not UNKNOWN:
        current = _generation_value(found)
        local = _local_get(current, ("page", alias, key))
        if local is not None:
            return found, local[0]
        entry = store.get(key)
        if entry is not None and entry[0] == current:
            _local_set(current, ("page", alias, key), entry)
        return found, entry
    found, entry = _read_from_redis(shared, store, alias, key)
    if _remember_generation(shared, found) and entry is not None:
        current = _generation_value(found)
        if entry[0] == current:
            _local_set(current, ("page", alias, key), entry)
    return found, entry


def _read_from_redis(shared, store, alias, key):
    if _on_one_redis(alias):
        shared_client = shared.client
        found, entry = shared_client.get_client(write=False).mget(
            [shared.make_key(GENERATION_KEY), store.make_key(key)]
        )
        return (
            None if found is None else shared_client.decode(found),
            None if entry is None else store.client.decode(entry),
        )
    return shared.get(GENERATION_KEY), store.get(key)


@functools.cache
def _on_one_redis(alias):
    """Whether the store `alias` and the default are on one Redis server: worked out once,
    not at every hit (again when a test changes CACHES: `settings_changed`)."""
    configured = settings.CACHES
    shared, page = configured.get("default", {}), configured.get(alias, {})
    return (
        shared.get("BACKEND") == REDIS_BACKEND
        and page.get("BACKEND") == REDIS_BACKEND
        and shared.get("LOCATION") == page.get("LOCATION")
    )


def settings_changed(setting, **kwargs):
    """A signal receiver (Django's `setting_changed`): forget what was worked out of CACHES."""
    if setting == "CACHES":
        _on_one_redis.cache_clear()
    if setting in ("CACHES", "PAGE_CACHE_WATCH"):
        watch.close()


def page_store_alias(pairs):
    """Pages at their plain address and pages with a query string are kept apart, so that
    many filtered or searched addresses never push the plain pages out (`CACHES`)."""
    alias = "pages-query" if pairs else "pages"
    return alias if alias in settings.CACHES else "default"


def _signed_in(request):
    """Whether the request carries the session of a signed-in user. A session cookie that is
    not one (made up, expired, signed out) is dropped, so the request is served as any
    anonymous reader's, from the cache, and its response can fill it."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if key is None:
        return False
    # Read here, before SessionMiddleware (further in) sets `request.session` up.
    if import_module(settings.SESSION_ENGINE).SessionStore(key).get(SESSION_KEY) is not None:
        return True
    del request.COOKIES[settings.SESSION_COOKIE_NAME]
    return False


def _anonymous_read(request):
    """A reader's request that the page cache may answer: anonymous, reading, public paths."""
    return (
        request.method in READ_METHODS
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(NEVER_CACHED_PREFIXES)
        and not _signed_in(request)
    )


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _public_cache_control(request):
    if low_data(request):
        return f"private, max-age={browser_cache_seconds()}"
    value = f"public, max-age={browser_cache_seconds()}"
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        value += f", s-maxage={page_cache_seconds()}"
    return value


def takes_forms(path):
    return path.startswith(FORM_PATH_PREFIXES) or FORM_PATH_PART in path


@functools.cache
def _method_not_allowed_page():
    """A static page in four languages, rendered once per process: refusing costs nothing."""
    return loader.get_template("405.html").render().encode()


def _method_not_allowed(request):
    """OPTIONS says what a public address answers; POST, PUT, DELETE... are refused with a short
    page. Neither renders anything of the site."""
    if request.method == "OPTIONS":
        response = HttpResponse(status=200)
    else:
        response = HttpResponseNotAllowed(READ_METHODS, _method_not_allowed_page())
    response["Allow"] = ", ".join((*READ_METHODS, "OPTIONS"))
    response["Cache-Control"] = "no-store"
    return response


def _compressed(response):
    """The gzip form of a page, made once when it is stored rather than at every hit (where it
    took over half of a hit's time), or None where GZipMiddleware would send it as it is.

    Without the random padding GZipMiddleware adds against BREACH: a stored page is the same
    for every reader and holds no secret of theirs (no cookie, no token) for it to guard.
    """
    content = response.content
    if len(content) < 200:
        return None
    compressed = compress_string(content)
    return compressed if len(compressed) < len(content) else None


class PageCacheMiddleware:
    """Serve anonymous readers from the cache; fill it on a miss.

    It stands early in `MIDDLEWARE`, right after WhiteNoise: a cached page is answered before
    the sessions, languages and the rest are set up, which it does not need, and it stores the
    response those made. It does itself what the two middleware further out would have done
    to a stored page: answer a conditional request with 304 (ConditionalGetMiddleware) and
    send the compressed form to a reader that takes gzip (GZipMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            request.method not in READ_METHODS
            and not takes_forms(path)
            and not path.startswith(ANSWERS_FOR_ITSELF)
        ):
            return _method_not_allowed(request)
        if not _anonymous_read(request):
            return self.get_response(request)
        storing = page_cache_seconds() > 0
        pairs, unknown = _query_pairs(request)
        if unknown and storing:
            query = f"?{urlencode(pairs)}" if pairs else ""
            response = HttpResponseRedirect(f"{path}{query}")
            response["Cache-Control"] = f"public, max-age={browser_cache_seconds()}"
            return response
        alias = page_store_alias(pairs)
        key = _cache_key(request, pairs)
        try:
            if storing:
                found, entry = _read_generation_and_entry(alias, key)
                current = generation(found)
            else:
                entry, current = None, generation()
        except Exception:  # an unreachable cache must not take the site down
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        token = _request_generation.set(current)
        try:
            if not storing:
                # With the page cache switched off (PAGE_CACHE_SECONDS=0) every request is
                # served as a miss is: the fragments and the site of this generation.
                remember_site(request, current)
                return self.get_response(request)
            if entry is not None and entry[0] == current:
                return _from_entry(entry, request, "hit")
            return self._serve(request, alias, key, current)
        finally:
            _request_generation.reset(token)

    def _serve(self, request, alias, key, current):
        store = caches[alias]
        remember_site(request, current)
        response = self.get_response(request)
        if not _cacheable_response(response):
            return response
        if response.get("Content-Encoding") == "gzip":  # compressed on its way here
            compressed, content = response.content, None
        elif response.has_header("Content-Encoding"):
            return response
        else:
            # Where it compresses, only the compressed form is kept: a quarter of the bytes
            # to read at each hit; the rare reader that takes no gzip gets it expanded.
            compressed = _compressed(response)
            content = response.content if compressed is None else None
        raw = content if compressed is None else gzip_module.decompress(compressed)
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "content-length", "content-encoding", "etag")
        }
        headers["Cache-Control"] = _public_cache_control(request)
        headers["ETag"] = f'"{hashlib.sha256(raw).hexdigest()[:32]}"'
        headers["Last-Modified"] = http_date()
        if compressed is not None:
            # Worked out once here rather than at every hit (patch_vary_headers).
            probe = HttpResponse()
            if "Vary" in headers:
                probe["Vary"] = headers["Vary"]
            patch_vary_headers(probe, ("Accept-Encoding",))
            headers["Vary"] = probe["Vary"]
        entry = (current, response.status_code, headers, content, compressed)
        try:
            store.set(key, entry, page_cache_seconds())
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
        else:
            if watch.watching:
                _local_set(current, ("page", alias, key), entry)
        return _from_entry(entry, request, "miss", response=response)


# The request headers that make a GET conditional (RFC 9110, section 13.1).
CONDITIONS = frozenset(
    ("HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE")
)


def _from_entry(entry, request, outcome, response=None):
    """The stored page as `request` takes it: compressed or not, or 304 Not Modified.
    `response`: the one just rendered, whose private attributes (a view's own policy) stay."""
    _generation, status, headers, content, compressed = entry
    gzip = compressed is not None and re_accepts_gzip.search(
        request.META.get("HTTP_ACCEPT_ENCODING", "")
    )
    body = compressed if gzip else content
    if body is None:
        body = gzip_module.decompress(compressed)
    if response is None:
        response = HttpResponse(body, status=status)
    else:
        response.content = body
    for name in [name for name in response.headers if name.lower() not in ("set-cookie",)]:
        del response.headers[name]
    for name, value in headers.items():
        response[name] = value
    if gzip:
        # As GZipMiddleware would have answered, without compressing again.
        response["ETag"] = "W/" + response["ETag"]
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(body))
    keep_from_cache(response)
    response["X-Page-Cache"] = outcome
    # As ConditionalGetMiddleware would have: 304 to a reader whose copy is current.
    if request.method != "GET" or not CONDITIONS.intersection(request.META):
        return response
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response["Last-Modified"]),
        response=response,
    )

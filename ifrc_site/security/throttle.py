"""Protection against too many requests from one address: the client's address behind proxies,
for login lockouts (django-axes; its settings are in settings/base.py) and the search's rate
limit."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)


def client_ip_address(request):
    """The address a login attempt came from, for django-axes to count failures against.

    Without trusted proxies (TRUSTED_PROXY_COUNT=0) it is the connection's own address. Behind
    N proxies that each append to X-Forwarded-For, it is the entry the outermost of them
    wrote: entries to its left come from the client and could be made up to dodge a lockout.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]


def rate_limited(request, scope, limit, seconds=60):
    """Count a request against `limit` per `seconds` for its address; when over, the seconds
    until the count starts again, else None. A fixed window in the shared cache: cheap, and the
    same for every process when the cache is Redis."""
    if limit <= 0:
        return None
    now = time.time()
    window = int(now // seconds)
    key = f"ratelimit:{scope}:{client_ip_address(request)}:{window}"
    try:
        cache.add(key, 0, timeout=seconds + 1)
        count = cache.incr(key)
    except Exception:  # no cache, no limit: the page is still served
        logger.warning("Rate limit unavailable", exc_info=True)
        return None
    if count <= limit:
        return None
    return max(1, int((window + 1) * seconds - now) + 1)


def too_many_requests(request, retry_after):
    """The friendly 429 page: what happened, and when to try again."""
    response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response

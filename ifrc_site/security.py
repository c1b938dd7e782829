"""Login protection helpers (django-axes settings are in settings/base.py)."""

from django.conf import settings


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

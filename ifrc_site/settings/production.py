"""A live site: HTTPS only, secrets and hosts from the environment, refusing to start without."""

import ipaddress
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable for production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated host names) for production.")
# The page cache is purged by starting a new generation in the cache itself. With each process
# keeping its own cache, a purge would reach only the process that made it: not the other
# workers and servers, and never from `publish_scheduled`, which runs in a process of its own.
# There is no exception for a single process: `make serve` starts a Redis of its own.
if not os.environ.get("REDIS_URL"):
    raise ImproperlyConfigured(
        "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) for production: the page cache must be "
        "shared, so that a purge reaches every worker and server and the scheduled-publishing "
        "command (manage.py publish_scheduled)."
    )

DEBUG = False

if os.environ.get("CLOUDFLARE_API_TOKEN") and not os.environ.get("CLOUDFLARE_ZONE_ID"):
    raise ImproperlyConfigured(
        "Set CLOUDFLARE_ZONE_ID with CLOUDFLARE_API_TOKEN: the zone to purge."
    )

# On PostgreSQL, a pool of connections per process (DATABASE_POOL=false with PgBouncer).
pool_connections(DATABASES["default"], default="true")  # noqa: F405
# Background work goes to the worker (`make worker`), unless TASKS_BACKEND=immediate.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "database")]}}  # noqa: F405

# The address of the admin, for the links in notification e-mails: WAGTAILADMIN_BASE_URL, else
# the first public host of ALLOWED_HOSTS over HTTPS. A public site never links to a loopback
# address, which would send reviewers nowhere; a run on this machine alone (`make serve`, whose
# hosts are all loopback) may.


def _is_loopback(host):
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost" or host.endswith(".localhost")


_named_hosts = [host.lstrip(".") for host in ALLOWED_HOSTS if "*" not in host]  # noqa: F405
_public_hosts = [host for host in _named_hosts if not _is_loopback(host)]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/")
if not WAGTAILADMIN_BASE_URL and (_public_hosts or _named_hosts):
    WAGTAILADMIN_BASE_URL = "https://" + (_public_hosts or _named_hosts)[0]
_admin_host = urlsplit(WAGTAILADMIN_BASE_URL).hostname or ""
if not _admin_host or (_public_hosts and _is_loopback(_admin_host)):
    raise ImproperlyConfigured(
        "Set WAGTAILADMIN_BASE_URL to the site's public address (e.g. https://www.example.org) "
        "for production: the links in notification e-mails lead there."
    )

# Behind a proxy or load balancer that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Outgoing e-mail (workflow notifications) leaves the request: the task queue's worker sends it
# through SMTP (ifrc_site/ops/mail.py).
EMAIL_BACKEND = "ifrc_site.ops.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# A mail server that hangs must not hold a worker: the task tries again later.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405

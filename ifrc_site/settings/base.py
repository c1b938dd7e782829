"""Settings shared by every environment.

Secure by default: DEBUG is off, SECRET_KEY and ALLOWED_HOSTS come from the environment, and
each outside service (PostgreSQL, Redis, a CDN) is switched on by an environment variable.
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# The demo content's logins, one "username password" per line (manage.py load_demo_content).
DEMO_CREDENTIALS_FILE = BASE_DIR / ".demo-login"


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty, stripped items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "ifrc_site",
    "migration",
    "immunization",
    "news",
    "resources",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.search_promotions",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # numbers grouped as each language writes them: 12,065
    "axes",
    "django_tasks",
    "django_tasks_db",
    "storages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "ifrc_site.security.middleware.SiteCSPMiddleware",
    "ifrc_site.security.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages, stored and answered before the rest is set up (see there).
    "ifrc_site.caching.pagecache.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, but a 404 of the partner API stays a 404 (not a redirect into a language).
    "ifrc_site.i18n.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The partner API: read-only, CORS (the page cache never stores its answers).
    "ifrc_site.security.middleware.PartnerApiMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ifrc_site.urls"
WSGI_APPLICATION = "ifrc_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "ifrc_site.context_processors.reading_mode",
                "ifrc_site.context_processors.site_settings",
            ],
        },
    },
]

# Database: SQLite beside the code unless DATABASE_URL names another (PostgreSQL in production).
# On PostgreSQL each process keeps a pool of connections (psycopg's pool, DATABASE_POOL_SIZE at
# most; DATABASE_POOL=false for PgBouncer in transaction mode instead, docs/deployment.md).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}


def pool_connections(database, default="false"):
    """psycopg's connection pool for a PostgreSQL database, unless DATABASE_POOL says no."""
    wanted = os.environ.get("DATABASE_POOL", default).lower() == "true"
    if wanted and database["ENGINE"] == "django.db.backends.postgresql":
        database["CONN_MAX_AGE"] = 0  # the pool keeps the connections instead
        database.setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "4")),
            "timeout": 10,
        }


pool_connections(DATABASES["default"])
# Behind PgBouncer in transaction mode, cursors cannot outlive a transaction.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = (
    os.environ.get("DATABASE_DISABLE_SERVER_SIDE_CURSORS", "false").lower() == "true"
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory in each process, or Redis shared by every process when REDIS_URL is set.
# Four stores, so that one kind of entry never pushes out another: "default" for small values
# shared by pages (menus, automatic sections, settings), "pages" for whole pages at their plain
# address, "pages-query" for filtered listings and searches (many addresses, each rarely asked
# for again), and "renditions", where Wagtail keeps image renditions (purging pages keeps them).
CACHE_ALIASES = ("default", "pages", "pages-query", "renditions")
if os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"ifrc-{alias}",
            # A cache that is down or slow must not take the site with it: every cache call
            # gives up after a second and the page is built uncached.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
        for alias in CACHE_ALIASES
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
            "OPTIONS": {"MAX_ENTRIES": entries},
        }
        for alias, entries in zip(CACHE_ALIASES, (2000, 1000, 1000, 5000), strict=True)
    }
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Sessions are rows in the database, read through Redis when there is one: every app server
# sees every session, and one that Redis has lost (a restart, an outage) is read from the
# database rather than signing its user out.
if os.environ.get("REDIS_URL"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Searches the page cache cannot answer cost real work: each address may make this many a
# minute (0: no limit); past it, a 429 page says when to try again.
SEARCH_RATE_LIMIT_PER_MINUTE = int(os.environ.get("SEARCH_RATE_LIMIT_PER_MINUTE", "60"))

# The partner API (/api/v2/, docs/api.md): requests a minute per client address (0: no limit),
# and items per request at most.
API_RATE_LIMIT_PER_MINUTE = int(os.environ.get("API_RATE_LIMIT_PER_MINUTE", "120"))
WAGTAILAPI_LIMIT_MAX = 50

# Anonymous pages are kept this long in the cache above (purged on every publish), and
# browsers may reuse a page this long before asking again (cheaply, with its ETag).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
# Each process hears from Redis when the page cache's generation changes, rather than reading it
# at every request (ifrc_site/caching/watch.py; Redis 6 or later). PAGE_CACHE_WATCH=false reads
# it at every request, for a Redis proxy without client-side tracking.
PAGE_CACHE_WATCH = os.environ.get("PAGE_CACHE_WATCH", "true").lower() == "true"

# A CDN in front, purged on publish (wagtail.contrib.frontend_cache), chosen by environment
# variables: one or more HTTP purgers such as Varnish (comma-separated addresses, each told of
# every change), Cloudflare, or CloudFront (its credentials from boto3's usual places).
WAGTAILFRONTENDCACHE = {}
for number, location in enumerate(env_list("FRONTEND_CACHE_PURGE_URL")):
    WAGTAILFRONTENDCACHE[f"http-{number}"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# Logins: django-axes checks every attempt first and refuses a locked-out one; Django's
# ModelBackend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords from one address lock that address out for an hour, whether they were
# for one user name or for several: one address cannot try a password on every account. A right
# password before then starts the count again. The user name alone locks nothing, so that
# nobody can lock someone else out from elsewhere; the same person from another address can
# still log in.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# The address of the person logging in, not of a proxy, and never one they can forge.
AXES_CLIENT_IP_CALLABLE = "ifrc_site.security.throttle.client_ip_address"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: every public URL starts with one of these codes; Arabic is written right to left.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Set only when a reader picks a language in the switcher; `/` then goes to that language
# rather than the one the browser's Accept-Language asks for.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# Static files: our hand-written sources in static/, collected into staticfiles/ (or STATIC_ROOT)
# and served by whitenoise with hashed names, each content compressed once (static_files.py).
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "ifrc_site.static_files.StaticFilesStorage"},
}
# Media in S3-compatible object storage (django-storages) when a bucket is named. The bucket stays
# private: no listing, no public objects. Readers get images and thumbnails through the site's
# media view (cached by the CDN) and documents through Wagtail's serve view, so that the rules of
# who may see what hold whatever the storage.
MEDIA_IN_BUCKET = bool(os.environ.get("AWS_STORAGE_BUCKET_NAME"))
if MEDIA_IN_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "ifrc_site.storage.PrivateBucketStorage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # No ACL on objects: the bucket's own policy keeps them private (buckets with
            # ACLs disabled, the default on AWS, refuse uploads that name one).
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
            "location": os.environ.get("AWS_LOCATION", ""),
        },
    }

# Media served by the site itself where no web server stands in front of the media folder:
# `make run`, `make serve`, and wherever media live in object storage (the view streams them
# from the bucket). With media on local disk behind a web server, production leaves it off.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").lower() == "true" or MEDIA_IN_BUCKET

# Background work (django-tasks): reading uploaded PDFs, image renditions, CDN purges, search
# index updates and e-mail. "immediate" runs each task in the request that asks for it (`make
# run`, the tests); "database" queues it for the worker (`make worker`, manage.py db_worker).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}

# Security that holds everywhere; production.py adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No one may frame the site; Wagtail's preview views allow their own origin by themselves.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "ifrc_site.views.csrf_failure"

# Content-Security-Policy (django-csp): public pages run only our own scripts and styles, from
# files; the one third-party frame is the video player, loaded when the reader presses play.
# The admin gets a looser policy of its own (ADMIN_CONTENT_SECURITY_POLICY, in
# ifrc_site/middleware.py), because Wagtail's editor needs inline scripts and styles.
VIDEO_EMBED_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# Where images and documents are served from, when not this site (object storage, a CDN).
MEDIA_ORIGINS = env_list("MEDIA_ORIGINS")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "frame-src": VIDEO_EMBED_ORIGINS,
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# Powerful browser features no page of ours uses are switched off (django-permissions-policy;
# "self" is written bare there); the video player keeps what it needs to play (full screen,
# autoplay after the click).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self", *VIDEO_EMBED_ORIGINS],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": ["self", *VIDEO_EMBED_ORIGINS],
    "fullscreen": ["self", *VIDEO_EMBED_ORIGINS],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", *VIDEO_EMBED_ORIGINS],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "IFRC programmes"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "ifrc_site.SiteImage"
WAGTAILDOCS_DOCUMENT_MODEL = "resources.Resource"
# Uploads: what resources/validators.py accepts (each file's content must match its extension).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.forms.ResourceForm"
# Documents are always served through Wagtail's serve view (privacy checks, a CSP of
# "default-src 'none'", nosniff), opened in the browser only when they are PDFs.
WAGTAILDOCS_SERVE_METHOD = os.environ.get("WAGTAILDOCS_SERVE_METHOD", "serve_view")
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
# No SVG: it can carry scripts. Wagtail refuses files over these sizes, pixel counts (a
# decompression bomb included) or whose content is not the format their name says.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Pictures are sent as AVIF to browsers that take it, else WebP, else JPEG (components/
# picture.html). AVIF's quality scale is not WebP's: at 60 the demo's photographs come out 12 to
# 13 per cent smaller than in WebP at its default of 80 (at 80 they were larger than WebP).
WAGTAILIMAGES_AVIF_QUALITY = 60
# How hard the AVIF encoder works, from 0 (slowest, smallest) to 10: Pillow's 6 by default.
# Publishing encodes each picture once, at every size it is shown (ifrc_site/caching/renditions.py).
AVIF_ENCODING_SPEED = int(os.environ.get("AVIF_ENCODING_SPEED", "6"))
# And the WebP encoder, from 0 (quickest, largest) to 6: Pillow's 4 by default.
WEBP_ENCODING_METHOD = int(os.environ.get("WEBP_ENCODING_METHOD", "4"))
# Editors' pictures come from the admin itself, never from a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's database search backend (PostgreSQL full-text search, SQLite FTS5) with titles
# weighted on SQLite too. "simple": no stemming or stop words on PostgreSQL, as on SQLite, and
# the same for every language. After changing search_fields or this, run `update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "ifrc_site.search.backend", "SEARCH_CONFIG": "simple"}
}
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Moderation: case studies go through the approval workflow (ifrc_site/roles.py). An edit by a
# reviewer while a page is in moderation sends it back for approval again.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# No autosave: on a new page whose first submission was refused (a case study without recorded
# consent), autosave saved a draft while the form still posted to the "add" address, so the
# next submission met "this slug is already in use" and the editor's work looked lost. Editors
# save drafts themselves; the editor warns before leaving a page with unsaved changes.
WAGTAIL_AUTOSAVE_INTERVAL = 0

# E-mail: workflow notifications go to the reviewers and the submitter (they need an address).
# dev.py prints mail to the console; production.py sends it by SMTP when EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Dates and numbers as the federation writes them in each language.
FORMAT_MODULE_PATH = ["ifrc_site.formats"]

# No avatars from Gravatar in the admin: staff's e-mail hashes would go to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Hostile uploads: a PDF is read in a process of its own with this much memory (bytes) and
# time (seconds) and refused beyond that many pages (resources/pdf.py); an animated image of
# more frames than this is refused (ifrc_site/image_forms.py).
RESOURCES_MAX_PDF_PAGES = int(os.environ.get("RESOURCES_MAX_PDF_PAGES", "2000"))
RESOURCES_PDF_MEMORY_BYTES = int(os.environ.get("RESOURCES_PDF_MEMORY_BYTES", str(1024**3)))
RESOURCES_PDF_SECONDS = int(os.environ.get("RESOURCES_PDF_SECONDS", "60"))
WAGTAILIMAGES_MAX_FRAMES = 100
WAGTAILIMAGES_IMAGE_FORM_BASE = "ifrc_site.editorial.image_forms.SiteImageForm"

"""Test runs: fast password hashing, plain static storage, one process-local cache."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
# The demo content the tests read, and its commands; never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "ifrc_site.demo"]  # noqa: F405
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in CACHE_ALIASES  # noqa: F405
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests search from one address far more often than a reader would; the limit has its own tests.
SEARCH_RATE_LIMIT_PER_MINUTE = 0
API_RATE_LIMIT_PER_MINUTE = 0
WAGTAILADMIN_BASE_URL = "http://testserver"

# Uploaded and generated files of a test run go to a throwaway folder, never into media/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ifrc-test-media-"))  # noqa: F405
# The demo's logins of a test run stay with it, away from those `make run` printed.
DEMO_CREDENTIALS_FILE = MEDIA_ROOT.parent / f"{MEDIA_ROOT.name}-demo-login"
# Both go when the process ends (each test process, and each command run with these settings).
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
atexit.register(DEMO_CREDENTIALS_FILE.unlink, missing_ok=True)

# Static files straight from their sources: tests don't need collectstatic first.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo's pictures at half the width `make run` draws them: a test run makes every rendition
# of each (AVIF, WebP and JPEG, at each size) in its demo database, and the cluster test's
# worker makes them again: at 800 pixels, 82 s of processor time against 132 s. Sizes wider
# than the picture come out at its own width, as Wagtail never enlarges one.
DEMO_PICTURE_WIDTH = 800
# For the same reason, AVIF and WebP encoded at their quickest: the same formats, sizes and
# code. AVIF at speed 10 takes a tenth of the processor time of production's 6, and its files
# come out a third larger; WebP with method 0, less than half of the time of production's 4.
AVIF_ENCODING_SPEED = 10
WEBP_ENCODING_METHOD = 0

# Tests make renditions on demand; tests/test_renditions.py switches publishing's back on.
WARM_RENDITIONS_ON_PUBLISH = False

# Media from the site itself, as in `make run` and `make serve`, so tests reach the media view.
SERVE_MEDIA = True

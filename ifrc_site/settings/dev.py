"""Local development: debug pages, a fixed insecure key, e-mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-key-never-used-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SERVE_MEDIA = True

# The demo content and its commands (load_demo_content, generate_bulk_content); never in
# production.
INSTALLED_APPS = [*INSTALLED_APPS, "ifrc_site.demo"]  # noqa: F405

"""WSGI entry point: `gunicorn ifrc_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ifrc_site.settings.production")

application = get_wsgi_application()

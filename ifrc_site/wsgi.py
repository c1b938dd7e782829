"""WSGI entry point: `gunicorn ifrc_site.wsgi`."""

import gc
import os

from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ifrc_site.settings.production")

application = get_wsgi_application()


def freeze_the_loaded_code(**kwargs):
    """After the first request, keep what is loaded by then out of the garbage collector.

    Django, Wagtail and their modules, URL patterns and compiled templates live as long as
    the process, yet every full collection walked through all of them: a search that builds
    thousands of results triggered collections that cost as much as its SQL. Once the first
    request has loaded them, `gc.freeze()` moves them out of the collector's sight; what later
    requests allocate is collected as before.
    """
    request_finished.disconnect(freeze_the_loaded_code)
    gc.collect()
    gc.freeze()


request_finished.connect(freeze_the_loaded_code)

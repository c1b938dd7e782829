"""The WSGI entry point that gunicorn loads (`ifrc_site.wsgi`)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import gc
from django.core.signals import request_finished
import ifrc_site.wsgi as wsgi

print("before", gc.get_freeze_count())
request_finished.send(sender=None)
print("after first", gc.get_freeze_count())
gc.unfreeze()
request_finished.send(sender=None)
print("after second", gc.get_freeze_count())
receivers = [receiver() for _key, receiver, *_rest in request_finished.receivers]
print("still connected", wsgi.freeze_the_loaded_code in receivers)
"""


def test_the_loaded_code_is_frozen_once_after_the_first_request():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ifrc_site.settings.test"}
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    values = dict(line.rsplit(" ", 1) for line in out)
    assert values["before"] == "0"
    # Django, Wagtail and the site's modules: tens of thousands of objects at the least.
    assert int(values["after first"]) > 50_000
    # Later requests leave the collector alone: the handler has disconnected itself.
    assert values["after second"] == "0"
    assert values["still connected"] == "False"

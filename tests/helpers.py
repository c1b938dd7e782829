"""Helpers for tests that run the site or its commands as separate processes."""

import os
import socket
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port():
    """A local port with nothing listening on it."""
    return free_port()


def production_env(**overrides):
    """The environment of a production process: production settings, HTTPS-only defaults and
    a real secret key, with the test run's own settings module taken away."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="ifrc_site.settings.production",
        SECRET_KEY="x" * 20 + "-production-like-key-for-checks-only-" + "y" * 20,
        ALLOWED_HOSTS="www.example.org",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}

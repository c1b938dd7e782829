"""Helpers shared by test modules: processes the tests start, and what an admin refusal is."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.urls import reverse

from ifrc_site.caching.pagecache import forget_local_fragments

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


def wait_for_port(port, process, seconds, log=None):
    """Wait until `process` listens on `port`; fail with its log if it stops or takes too long."""
    deadline = time.monotonic() + seconds
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        assert process.poll() is None, log.read_text() if log else "the process stopped"
        assert time.monotonic() < deadline, log.read_text() if log else "no answer"
        time.sleep(0.1)


def wait_for_socket(path, process, seconds):
    """Wait until `process` listens on the Unix socket at `path`; fail if it stops or takes
    too long."""
    deadline = time.monotonic() + seconds
    while True:
        with socket.socket(socket.AF_UNIX) as sock:
            if sock.connect_ex(str(path)) == 0:
                return
        assert process.poll() is None, "the process stopped"
        assert time.monotonic() < deadline, f"nothing listens on {path}"
        time.sleep(0.05)


def stop(process, signal=signal.SIGTERM):
    """Stop a process the tests started, killing it if it does not stop within 20 seconds."""
    if process.poll() is None:
        process.send_signal(signal)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def empty_caches():
    """Pages, fragments and settings (renditions are kept): what each test starts with."""
    for alias in ("default", "pages", "pages-query"):
        (caches[alias] if alias in settings.CACHES else cache).clear()
    forget_local_fragments()


def refused(response):
    """The admin said no: 403, 404, or a redirect to the login or to the dashboard."""
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        location = response["Location"]
        if location == f"/{settings.LANGUAGE_CODE}{response.wsgi_request.path}":
            # An admin 404: LocaleMiddleware offers the same path under the language prefix.
            return True
        return location.startswith(reverse("wagtailadmin_login")) or location == reverse(
            "wagtailadmin_home"
        )
    return False


def sitemap_texts(client):
    """{address: XML} of the sitemap index and of every sitemap it lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    texts = {"/sitemap.xml": index.content.decode()}
    for location in re.findall(r"<loc>([^<]+)</loc>", texts["/sitemap.xml"]):
        path = location.split("://", 1)[-1].split("/", 1)[-1]
        response = client.get(f"/{path}")
        assert response.status_code == 200, path
        texts[f"/{path}"] = response.content.decode()
    return texts


def sitemap_locations(client):
    """Every <loc> of every sitemap the index lists (the index's own left out)."""
    return [
        location
        for address, text in sitemap_texts(client).items()
        if address != "/sitemap.xml"
        for location in re.findall(r"<loc>([^<]+)</loc>", text)
    ]

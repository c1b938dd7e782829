"""Production readiness: deploy checks, `make serve`, security headers and no cookies."""

import os
import re
import signal
import subprocess
import time
import urllib.request
from urllib.error import HTTPError
from urllib.parse import urlsplit

from django.db import connection
from django.test import Client

import pytest

from news.models import NewsStoryPage
from resources.models import CaseStudyPage, Resource

from .factories import ResourceFactory
from .helpers import BASE_DIR, PYTHON, free_port, production_env

pytestmark = pytest.mark.django_db

VIDEO_HOSTS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def public_urls():
    """Every kind of public page, including listings with filters in use."""
    story = NewsStoryPage.objects.live().first()
    case_study = CaseStudyPage.objects.live().first()
    document = Resource.objects.first()
    return [
        "/en/",
        "/en/migration/",
        "/en/immunization/",
        "/en/news/",
        "/en/news/?programme=migration&year=2017&page=2",
        story.url,
        "/en/resources/?type=report&language=en",
        "/en/case-studies/",
        case_study.url,
        "/ar/",
        "/en/no-such-page/",
        "/sitemap.xml",
        document.url,
    ]


# Deploy checks and production settings ----------------------------------------------------


def test_deploy_checks_pass_with_production_settings():
    result = subprocess.run(
        [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        # Production requires a shared cache; the checks never connect to it.
        env=production_env(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_settings_refuse_to_start_without_secrets(missing):
    result = subprocess.run(
        [PYTHON, "manage.py", "check"],
        cwd=BASE_DIR,
        env=production_env(**{missing: None}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


def test_make_serve_runs_production_settings_with_a_throwaway_key(tmp_path, django_db_setup):
    """`make serve` as a developer runs it: no SECRET_KEY, gunicorn, DEBUG off, whitenoise.

    On PostgreSQL it serves this process's test database, migrated already (as on a developer's
    second run): migrating an empty database is what every test run's set-up does anyway."""
    port = free_port()
    database = os.environ.get("DATABASE_URL")
    if database:
        database = urlsplit(database)._replace(path=f"/{connection.settings_dict['NAME']}").geturl()
    else:
        database = f"sqlite:///{tmp_path / 'serve.sqlite3'}"
    env = production_env(
        SECRET_KEY=None,
        ALLOWED_HOSTS=None,
        DATABASE_URL=database,
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        PORT=str(port),
        WORKERS="1",
    )
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 240
        while True:
            try:
                urllib.request.urlopen(f"{base}/static/css/site.css", timeout=5)
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
        output = log.read_text()
        assert "SECRET_KEY is not set: using a throwaway key" in output
        assert "Booting worker" in output  # gunicorn

        try:
            page = urllib.request.urlopen(f"{base}/en/no-such-page/", timeout=10)
        except HTTPError as error:
            page = error
        assert page.status == 404
        body = page.read().decode()
        assert "Traceback" not in body and "DEBUG" not in body  # DEBUG is off
        assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
        assert "Strict-Transport-Security" not in page.headers  # plain HTTP on this machine

        # whitenoise serves the collected, hashed files with a far-future lifetime.
        hashed = re.search(r"/static/css/site\.[0-9a-f]{12}\.css", body).group()
        static = urllib.request.urlopen(f"{base}{hashed}", timeout=10)
        assert "immutable" in static.headers["Cache-Control"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# Headers ----------------------------------------------------------------------------------


def test_public_pages_send_a_strict_policy_and_the_security_headers(client):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        if url.startswith("/documents/"):
            continue  # Wagtail's own, stricter policy: see test_documents_are_served_safely
        csp = csp_directives(response)
        for directive in ("script-src", "style-src", "default-src"):
            assert csp[directive] == {"'self'"}, (url, directive)
        assert csp["frame-src"] == VIDEO_HOSTS
        assert csp["frame-ancestors"] == {"'none'"}
        assert csp["object-src"] == {"'none'"}
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        permissions = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in permissions, feature


def test_admin_has_its_own_looser_policy(admin_client, migration_page):
    response = admin_client.get(f"/admin/pages/{migration_page.pk}/edit/")
    assert response.status_code == 200
    csp = csp_directives(response)
    assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == {"'self'"}
    # Wagtail's own preview may be framed by the editor, nothing else.
    preview = admin_client.get(f"/admin/pages/{migration_page.pk}/edit/preview/")
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # The previewed page is rendered through the middleware as a public request: it keeps the
    # public policy, except that the editor's preview panel may frame it.
    csp = csp_directives(migration_page.make_preview_request())
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["script-src"] == {"'self'"} and csp["style-src"] == {"'self'"}


def test_the_public_policy_built_once_is_django_csps_own(client, settings, migration_page):
    """SiteCSPMiddleware writes the settings' policy from a memo: the same header django-csp
    builds, a changed setting seen at once, and a view's own policy change still honoured."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from csp.middleware import CSPMiddleware

    from ifrc_site.security.middleware import SiteCSPMiddleware

    def both(response_for, path="/en/"):
        headers = []
        for middleware_class in (CSPMiddleware, SiteCSPMiddleware):
            request = RequestFactory().get(path)
            middleware = middleware_class(lambda request: response_for())
            middleware.process_request(request)
            response = middleware.process_response(request, response_for())
            headers.append(
                (
                    response.get("Content-Security-Policy"),
                    response.get("Content-Security-Policy-Report-Only"),
                )
            )
        return headers

    mine, theirs = both(HttpResponse)
    assert mine == theirs and mine[0] and "default-src 'self'" in mine[0]

    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "img-src": ["x.org"]}
    }
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    mine, theirs = both(HttpResponse)
    assert mine == theirs
    assert "img-src x.org" in mine[0]
    assert mine[1] == theirs[1] == "default-src 'none'"
    assert "img-src x.org" in client.get(migration_page.url)["Content-Security-Policy"]

    def changed():
        response = HttpResponse()
        response._csp_update = {"img-src": ["y.org"]}
        return response

    mine, theirs = both(changed)
    assert mine == theirs and "y.org" in mine[0]

    def own():  # a header the view wrote itself is kept
        response = HttpResponse()
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    assert both(own)[0][0] == "default-src 'none'"


def test_hsts_is_preload_ready_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_documents_are_served_safely(client):
    pdf = ResourceFactory()
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    b"".join(response.streaming_content)

    sheet = Resource.objects.create(title="Figures")
    from django.core.files.base import ContentFile

    sheet.file.save("figures.csv", ContentFile(b"country,people\nGreece,120\n"))
    response = client.get(sheet.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    b"".join(response.streaming_content)


def test_original_documents_are_not_served_as_media(client, settings):
    pdf = ResourceFactory()
    response = client.get(f"/media/{pdf.file.name}")
    assert response.status_code == 404
    response = client.get(f"/media/documents/thumbnails/../{pdf.file.name.split('/')[-1]}")
    assert response.status_code == 404


# Cookies ----------------------------------------------------------------------------------


def test_anonymous_visitors_get_no_cookies():
    client = Client(enforce_csrf_checks=True)
    for url in public_urls():
        response = client.get(url)
        assert not response.cookies, (url, list(response.cookies))
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert not client.cookies

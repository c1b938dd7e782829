"""The site as it runs on several machines, started on this one and checked together.

PostgreSQL (scripts/with-postgres, `make cluster-test`), Redis, an S3-compatible server (moto,
standing in for the object storage), the task worker, two gunicorn app servers on production
settings, HAProxy balancing between them and Varnish in front, as the CDN. The tests below run
in order, as one story: each step's time goes into the timeline, printed at the end and kept in
test-artifacts/cluster-timeline.md. Every process is stopped by its PID at the end, pass or fail.
"""

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import boto3
import psycopg
import pytest
import requests
from fpdf import FPDF

from .processes import (
    REPO,
    VCL_TEMPLATE,
    Supervisor,
    find_program,
    free_port,
    render_vcl,
    start_haproxy,
    start_varnish,
)

pytestmark = pytest.mark.cluster

PYTHON = sys.executable
BIN = Path(PYTHON).parent
BUCKET = "cluster-media"
STAFF, PASSWORD = "cluster-admin", secrets.token_urlsafe(16)
# Unpublishing must reach Varnish and both app servers within this many seconds.
PURGE_SECONDS = 2.0
TIMELINE = []


def step(name):
    """Time a step of the story: `with step("..."):`."""

    class Step:
        def __enter__(self):
            self.index = len(TIMELINE)
            TIMELINE.append((name, 0.0, False))
            self.started = time.monotonic()

        def __exit__(self, *exc):
            TIMELINE[self.index] = (name, time.monotonic() - self.started, exc[0] is None)

    return Step()


def wait_until(condition, seconds, interval=0.1, what="the condition"):
    """Poll `condition` until it returns something true; that value, or a failure."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {seconds} s")
        time.sleep(interval)


def manage(env, *args, settings="ifrc_site.settings.production"):
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env={**env, "DJANGO_SETTINGS_MODULE": settings},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.fail(f"manage.py {' '.join(args)}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


# Pages with pictures in several roles: heroes, cards, portraits.
PICTURE_PAGES = ("/en/", "/en/migration/", "/en/immunization/", "/en/news/")

SETUP_SCRIPT = """
import json
from wagtail.models import Collection, Locale, Site
from news.models import NewsIndexPage, NewsStoryPage
from resources.models import ResourceIndexPage

# Readers reach the site through Varnish: the site's address is Varnish's, as a live site's is
# its public name, so that the addresses Wagtail purges are those readers ask for.
Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=VARNISH_PORT)
english = Locale.objects.get(language_code="en")
news = NewsIndexPage.objects.get(locale=english)
story = NewsStoryPage(
    title="Volunteers open a second help point at the border crossing",
    slug="cluster-second-help-point",
    date="2026-12-01",
    city="Medenine",
    country="TN",
    summary="A second help point now gives water, first aid and phone charging.",
    body=[{"type": "paragraph", "value": "<p>The help point opens at dawn.</p>"}],
    live=False,
)
news.add_child(instance=story)
story.save_revision()
library = ResourceIndexPage.objects.get(locale=english)
print(json.dumps({
    "story": story.pk,
    "story_path": story.get_url_parts()[2],
    "library_path": library.get_url_parts()[2],
    "collection": Collection.get_first_root_node().get_children().first().pk,
}))
"""


class Reader:
    """An HTTP client that keeps cookies itself: the site marks its cookies Secure (production
    settings), which a cookie jar would not send back over the plain HTTP of this machine."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}

    def request(self, method, path, base=None, **kwargs):
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method,
            (base or self.base) + path,
            headers=headers,
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        for name, morsel in _set_cookies(response).items():
            if morsel:
                self.cookies[name] = morsel
            else:
                self.cookies.pop(name, None)
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_form(self, path, data, form_path=None, files=None, base=None):
        """POST as the form at `form_path` (default: `path`) would, with its CSRF token."""
        form = self.get(form_path or path, base=base)
        assert form.status_code == 200, (form.status_code, form.headers.get("Location"))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        return self.request(
            "POST",
            path,
            base=base,
            data={"csrfmiddlewaretoken": token, **data},
            files=files,
            headers={"Referer": (base or self.base) + (form_path or path)},
        )


def _set_cookies(response):
    cookies = {}
    for header in response.raw.headers.getlist("Set-Cookie"):
        name, _, rest = header.partition("=")
        value = rest.split(";", 1)[0]
        expired = "max-age=0" in rest.lower() or value in ("", '""')
        cookies[name.strip()] = "" if expired else value
    return cookies


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    assert os.environ.get("DATABASE_URL", "").startswith("postgres"), (
        "run through `make cluster-test`, which starts PostgreSQL"
    )
    work = tmp_path_factory.mktemp("cluster")
    ports = {name: free_port() for name in ("redis", "s3", "a", "b", "lb", "varnish")}
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in ("MEDIA_ROOT",)
    }
    env.update(
        # Its own, not the checkout's: another test run may collect there at the same time.
        STATIC_ROOT=str(work / "static"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        REDIS_URL=f"redis://127.0.0.1:{ports['redis']}/0",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=f"http://127.0.0.1:{ports['s3']}",
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="cluster",
        AWS_SECRET_ACCESS_KEY="cluster-secret",
        TASKS_BACKEND="database",
        FRONTEND_CACHE_PURGE_URL=f"http://127.0.0.1:{ports['varnish']}",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{ports['varnish']}",
        # Varnish and HAProxy each add the address they saw (deploy/haproxy/site.cfg).
        TRUSTED_PROXY_COUNT="2",
        LOG_LEVEL="WARNING",
        # The worker's renditions encoded at the quickest, as in the other test runs
        # (ifrc_site/settings/test.py): the same work, in less of the processor's time.
        AVIF_ENCODING_SPEED="10",
        WEBP_ENCODING_METHOD="0",
    )
    with Supervisor(work / "logs") as sup:
        started = time.monotonic()

        def redis():
            return sup.start(
                "redis",
                [find_program("redis-server"), "--port", ports["redis"], "--bind", "127.0.0.1"]
                + ["--save", "", "--appendonly", "no"],
            )

        def worker():
            return sup.start(
                "worker",
                [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"]
                + ["--no-startup-delay", "--no-reload"],
                env={**env, "DJANGO_SETTINGS_MODULE": "ifrc_site.settings.production"},
                cwd=REPO,
            )

        def app(name):
            return sup.start(
                name,
                [BIN / "gunicorn", "ifrc_site.wsgi", "--bind", f"127.0.0.1:{ports[name]}"]
                + ["--workers", "2", "--no-control-socket", "--access-logfile", "-"],
                env={**env, "DJANGO_SETTINGS_MODULE": "ifrc_site.settings.production"},
                cwd=REPO,
            )

        with step("start Redis and the S3-compatible server (moto)"):
            redis().wait_for_port(ports["redis"], 10)
            sup.start(
                "s3", [BIN / "moto_server", "-H", "127.0.0.1", "-p", ports["s3"]]
            ).wait_for_port(ports["s3"], 30)
            s3 = boto3.client(
                "s3",
                endpoint_url=env["AWS_S3_ENDPOINT_URL"],
                region_name="us-east-1",
                aws_access_key_id="cluster",
                aws_secret_access_key="cluster-secret",
            )
            s3.create_bucket(Bucket=BUCKET)
        with step("migrate PostgreSQL, collect static files"):
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "collectstatic", "--noinput", "-v0")
        with step("load the demo content (media into the bucket), a staff user, a draft story"):
            manage(
                env, "load_demo_content", "--allow-production", settings="ifrc_site.settings.test"
            )
            manage(
                {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
                "createsuperuser",
                "--noinput",
                "--username",
                STAFF,
                "--email",
                "cluster-admin@example.org",
            )
            script = SETUP_SCRIPT.replace("VARNISH_PORT", str(ports["varnish"]))
            made = manage(env, "shell", "-c", script, settings="ifrc_site.settings.test")
            content = json.loads(made.stdout.strip().splitlines()[-1])
        with step("queue the renditions of every live page; the worker makes them"):
            # As publishing would have queued them (the demo is loaded without): no reader, and
            # no app server's first request, waits for a picture to be encoded.
            manage(env, "make_renditions")
            processes = {"worker": worker()}
            wait_until(lambda: queued_tasks(env) == 0, 900, 1, what="the queue emptied")
            assert failed_tasks(env) == [], failed_tasks(env)
        with step("start app servers A and B, HAProxy and Varnish"):
            processes.update(a=app("a"), b=app("b"))
            for name in ("a", "b"):
                # Each gunicorn worker loads the site on its first request: two each.
                processes[name].wait_for_port(ports[name], 60)
                for _ in range(4):
                    processes[name].wait_for_http(f"http://127.0.0.1:{ports[name]}/en/", 60)
            start_haproxy(
                sup,
                env={
                    "LB_BIND": f"127.0.0.1:{ports['lb']}",
                    "APP_A": f"127.0.0.1:{ports['a']}",
                    "APP_B": f"127.0.0.1:{ports['b']}",
                    "CHECK_HOST": "localhost",
                },
            )
            vcl = render_vcl(
                VCL_TEMPLATE, work / "site.vcl", "127.0.0.1", ports["lb"], ["127.0.0.1"]
            )
            start_varnish(sup, vcl, ports["varnish"], work / "varnish")
            # HAProxy counts a server up after two health checks.
            wait_until(
                lambda: requests.get(f"http://127.0.0.1:{ports['varnish']}/robots.txt").ok,
                10,
                what="the site answering through Varnish",
            )
        yield {
            "sup": sup,
            "env": env,
            "s3": s3,
            "content": content,
            "processes": processes,
            "start": {"redis": redis, "worker": worker},
            "url": {name: f"http://127.0.0.1:{port}" for name, port in ports.items()},
            "staff": Reader(f"http://127.0.0.1:{ports['varnish']}"),
            "started": started,
        }
        TIMELINE.append(("whole cluster test", time.monotonic() - started, True))
    write_timeline()


def write_timeline():
    lines = ["| step | seconds | |", "| --- | ---: | --- |"]
    lines += [
        f"| {name} | {seconds:.2f} | {'ok' if ok else 'FAILED'} |" for name, seconds, ok in TIMELINE
    ]
    text = "\n".join(lines) + "\n"
    folder = REPO / "test-artifacts"
    folder.mkdir(exist_ok=True)
    (folder / "cluster-timeline.md").write_text("# Cluster test timeline\n\n" + text)
    print("\n" + text, file=sys.stderr)


def _task_query(env, where, columns="count(*)"):
    sql = f"SELECT {columns} FROM django_tasks_database_dbtaskresult WHERE {where}"
    with psycopg.connect(env["DATABASE_URL"]) as connection:
        return connection.execute(sql).fetchall()


def queued_tasks(env):
    """How many background tasks are waiting or running."""
    return _task_query(env, "status IN ('READY', 'RUNNING')")[0][0]


def failed_tasks(env):
    return _task_query(env, "status = 'FAILED'", "task_path, traceback")


def served_by(cluster, name, pattern):
    """How many requests app server `name` has logged whose line matches `pattern`."""
    log = cluster["processes"][name].log_path.read_text(errors="replace")
    return len(re.findall(pattern, log))


def bucket_keys(cluster, prefix):
    pages = cluster["s3"].get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return {item["Key"] for page in pages for item in page.get("Contents", [])}


def test_pictures_come_from_the_worker_s_renditions_in_the_bucket(cluster):
    url = cluster["url"]
    before = bucket_keys(cluster, "images/")
    with step("the home page and the programme pages through Varnish name AVIF renditions"):
        pages = [requests.get(url["varnish"] + path, timeout=10) for path in PICTURE_PAGES]
        assert [page.status_code for page in pages] == [200] * len(PICTURE_PAGES)
        avif = sorted(
            {
                src
                for page in pages
                for src in re.findall(r'(/media/images/[^" ,]+\.avif)', page.text)
            }
        )
        assert len(avif) >= 6, avif
    with step("each is in the bucket, and served by A, B and Varnish as image/avif"):
        for src in avif[:6]:
            assert src.removeprefix("/media/") in before
            for name in ("a", "b", "varnish"):
                response = requests.get(url[name] + src, timeout=10)
                assert response.status_code == 200, (name, src)
                assert response.headers["Content-Type"] == "image/avif"
                assert response.content[4:12] == b"ftypavif"
    assert bucket_keys(cluster, "images/") == before, "an app server made a rendition"


def test_a_staff_user_keeps_the_session_across_both_servers(cluster):
    staff = cluster["staff"]
    with step("staff login through Varnish; 8 admin pages alternating between A and B"):
        response = staff.post_form(
            "/admin/login/", {"username": STAFF, "password": PASSWORD, "next": "/admin/"}
        )
        assert response.status_code == 302, response.text[:500]
        assert "sessionid" in staff.cookies
        before = {name: served_by(cluster, name, r'"GET /admin/ ') for name in ("a", "b")}
        for _ in range(8):
            page = staff.get("/admin/")
            assert page.status_code == 200 and page.headers["X-Cache"] == "PASS"
            assert STAFF in page.text or "Dashboard" in page.text
        after = {name: served_by(cluster, name, r'"GET /admin/ ') for name in ("a", "b")}
        assert after["a"] > before["a"] and after["b"] > before["b"], (before, after)


def test_a_pdf_uploaded_on_a_is_stored_read_by_the_worker_and_served_everywhere(cluster):
    staff, url, content = cluster["staff"], cluster["url"], cluster["content"]
    title = "Cluster field assessment"
    pdf = (REPO / "tests" / "data").glob("*.pdf")
    data = next(iter(sorted(pdf)), None)
    data = data.read_bytes() if data else _small_pdf()
    with step("upload a PDF on app server A"):
        response = staff.post_form(
            "/admin/documents/add/",
            {
                "title": title,
                "collection": content["collection"],
                "resource_type": "assessment",
                "language": "en",
            },
            files={"file": ("cluster-assessment.pdf", data, "application/pdf")},
            base=url["a"],
        )
        assert response.status_code == 302, response.text[:2000]
    with step("the PDF is in the bucket"):
        keys = [
            item["Key"]
            for item in cluster["s3"].list_objects_v2(Bucket=BUCKET, Prefix="documents/")[
                "Contents"
            ]
        ]
        assert any("cluster-assessment" in key for key in keys), keys
    listing = staff.get(f"/admin/documents/?q={title.replace(' ', '+')}", base=url["b"]).text
    document_id = re.search(r"/admin/documents/edit/(\d+)/", listing).group(1)
    address = f"/documents/{document_id}/cluster-assessment.pdf"
    with step("the worker reads it; then B and Varnish serve it and the library lists it"):
        wait_until(
            lambda: requests.get(url["b"] + address, timeout=10).status_code == 200,
            30,
            what="the document served by B once read",
        )
    for base in (url["b"], url["varnish"]):
        response = requests.get(base + address, timeout=10)
        assert response.status_code == 200 and response.content == data
    library = requests.get(url["varnish"] + content["library_path"], timeout=10)
    assert title in library.text
    edit = staff.get(f"/admin/documents/edit/{document_id}/", base=url["b"]).text
    assert "data-document-processing" not in edit
    cluster["document"] = (document_id, address)


def _small_pdf():
    document = FPDF()
    document.add_page()
    document.set_font("helvetica")
    document.cell(text="Assessment of the help points at the border crossing.")
    return bytes(document.output())


def statuses(cluster, path):
    url = cluster["url"]
    return {
        name: requests.get(url[name] + path, timeout=10).status_code
        for name in ("varnish", "a", "b")
    }


def test_publishing_on_a_shows_everywhere_and_unpublishing_is_gone_within_2_seconds(cluster):
    staff, url, content = cluster["staff"], cluster["url"], cluster["content"]
    story, path = content["story"], content["story_path"]
    assert statuses(cluster, path) == {"varnish": 404, "a": 404, "b": 404}
    with step("publish a story on A; Varnish and B show it at the next request"):
        response = staff.post_form(
            f"/admin/bulk/wagtailcore/page/publish/?id={story}", {}, base=url["a"]
        )
        assert response.status_code == 302, response.text[:1000]
        assert statuses(cluster, path) == {"varnish": 200, "a": 200, "b": 200}
    with step("once the worker has sent the purges publishing queued, Varnish keeps the page"):
        wait_until(lambda: queued_tasks(cluster["env"]) == 0, 30, what="the queue emptied")
        requests.get(url["varnish"] + path, timeout=10)
        again = requests.get(url["varnish"] + path, timeout=10)
        assert again.headers["X-Cache"] == "HIT", again.headers
    with step("unpublish it on A; gone from Varnish, A and B"):
        response = staff.post_form(f"/admin/pages/{story}/unpublish/", {}, base=url["a"])
        assert response.status_code == 302, response.text[:1000]
        done = time.monotonic()
        wait_until(
            lambda: statuses(cluster, path) == {"varnish": 404, "a": 404, "b": 404},
            PURGE_SECONDS,
            interval=0.05,
            what="the unpublished story gone everywhere",
        )
        TIMELINE.append(("  of which: unpublish to gone everywhere", time.monotonic() - done, True))


def test_killing_app_server_a_under_load_loses_no_request_beyond_those_in_flight(cluster):
    url = cluster["url"]
    connections = 32
    with step(f"wrk, {connections} connections for 6 s through HAProxy; A killed after 2 s"):
        load = subprocess.Popen(
            [find_program("wrk"), "-t2", f"-c{connections}", "-d6s", url["lb"] + "/en/"],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(2)
        cluster["processes"]["a"].stop(signal.SIGKILL)
        output = load.communicate(timeout=60)[0]
    completed = int(re.search(r"(\d+) requests in", output).group(1))
    failed = int((re.search(r"Non-2xx or 3xx responses: (\d+)", output) or [0, 0])[1])
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    lost = failed + (sum(int(n) for n in errors.groups()) if errors else 0)
    TIMELINE.append((f"  of which: {completed} requests, {lost} lost", 0.0, lost <= connections))
    assert completed > 100, output
    assert lost <= connections, output
    assert requests.get(url["lb"] + "/en/", timeout=10).status_code == 200


def test_without_redis_pages_still_serve_and_the_staff_session_holds(cluster):
    staff, url, content = cluster["staff"], cluster["url"], cluster["content"]
    redis = cluster["sup"].processes[0]
    with step("stop Redis: pages served uncached, the staff session read from the database"):
        redis.stop()
        for path in ("/en/", content["library_path"]):
            response = requests.get(url["lb"] + path, timeout=10)
            assert response.status_code == 200, path
        # Sessions are rows in the database, read through Redis: still signed in.
        admin = staff.get("/admin/")
        assert admin.status_code == 200, (admin.status_code, admin.headers.get("Location"))
    with step("start Redis again: pages cached again"):
        cluster["sup"].processes[0] = cluster["start"]["redis"]()
        cluster["sup"].processes[0].wait_for_port(int(url["redis"].rsplit(":", 1)[1]), 10)
        wait_until(
            lambda: (
                requests.get(url["b"] + "/en/", timeout=10).headers.get("X-Page-Cache") == "hit"
            ),
            10,
            what="the page cache answering again",
        )


def test_uploads_wait_for_a_stopped_worker_and_are_read_when_it_returns(cluster):
    staff, url, content = cluster["staff"], cluster["url"], cluster["content"]
    with step("stop the worker; upload a PDF through Varnish: accepted, waiting"):
        cluster["processes"]["worker"].stop()
        response = staff.post_form(
            "/admin/documents/add/",
            {
                "title": "Cluster waiting report",
                "collection": content["collection"],
                "resource_type": "report",
                "language": "en",
            },
            files={"file": ("cluster-waiting.pdf", _small_pdf(), "application/pdf")},
        )
        assert response.status_code == 302, response.text[:2000]
        listing = staff.get("/admin/documents/?q=Cluster+waiting").text
        document_id = re.search(r"/admin/documents/edit/(\d+)/", listing).group(1)
        address = f"/documents/{document_id}/cluster-waiting.pdf"
        time.sleep(1)
        assert (
            'data-document-processing="pending"'
            in staff.get(f"/admin/documents/edit/{document_id}/").text
        )
        assert requests.get(url["lb"] + address, timeout=10).status_code == 404
    with step("start the worker again: the PDF is read and served"):
        cluster["processes"]["worker"] = cluster["start"]["worker"]()
        wait_until(
            lambda: requests.get(url["lb"] + address, timeout=10).status_code == 200,
            30,
            what="the waiting document read once the worker is back",
        )

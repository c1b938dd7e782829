"""The Varnish rules (deploy/varnish/site.vcl) against a stub of the app, and HAProxy
(deploy/haproxy/site.cfg) in front of two stubs.

The stub answers every path with the headers the app would send for it, and public headers
wherever only the VCL stands between a reader and a shared copy (the admin, signed-in and
low-data readers, forms), so that each rule is what the test sees. It counts what reaches it
per path: a cached answer never does.
"""

import collections
import http.client
import socket
import threading
import time
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from .processes import (
    HAPROXY_CONFIG,
    VCL_TEMPLATE,
    MissingProgram,
    Supervisor,
    find_program,
    free_port,
    render_vcl,
    start_haproxy,
    start_varnish,
)

pytestmark = pytest.mark.cluster

HOST = "www.example.org"
PUBLIC = "public, max-age=60, s-maxage=600"


# The stub app --------------------------------------------------------------------------------


class Stub:
    """A threaded HTTP server in this process that answers like the app and counts requests."""

    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.hits = collections.Counter()
        self.seen = collections.defaultdict(list)  # path: [(method, headers, body)]
        self.failing = set()  # paths whose connection is dropped without an answer
        self.dead = False
        self.connections = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def count(self, path):
        with self.lock:
            return self.hits[path]

    def last(self, path):
        with self.lock:
            return self.seen[path][-1]

    def total(self):
        with self.lock:
            return sum(count for path, count in self.hits.items() if path != "/robots.txt")

    def kill(self):
        """As if the process died: no new connections, and the open ones are cut."""
        self.dead = True
        self.server.shutdown()
        self.server.server_close()
        with self.lock:
            connections = list(self.connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def answer(self, method, path, headers):
        """(status, headers) the app would send for this request."""
        url = urlsplit(path).path
        if url == "/robots.txt":
            return 200, {"Cache-Control": "public, max-age=3600", "Content-Type": "text/plain"}
        if url == "/":
            cookie = SimpleCookie(headers.get("Cookie", ""))
            language = cookie["django_language"].value if "django_language" in cookie else "en"
            return 302, {"Location": f"/{language}/", "Cache-Control": PUBLIC}
        if url.startswith("/en/private/"):
            return 200, {"Cache-Control": "private, max-age=60"}
        if url.startswith("/en/no-store/"):
            return 200, {"Cache-Control": "no-store"}
        if url.startswith("/en/sets-cookie/"):
            return 200, {"Cache-Control": PUBLIC, "Set-Cookie": "csrftoken=new; Path=/"}
        if url.startswith("/en/no-headers/"):
            return 200, {}
        if url.startswith("/en/short/"):
            return 200, {"Cache-Control": "public, max-age=1, s-maxage=1"}
        # Pages, and the admin, forms, signed-in and low-data answers: shareable as far as the
        # stub is concerned, so that only the VCL keeps them apart.
        return 200, {"Cache-Control": PUBLIC}

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                super().setup()
                # Headers and body go out in separate writes: without this, Nagle's algorithm
                # and delayed ACKs hold each answer back for some 40 ms.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with stub.lock:
                    stub.connections.add(self.connection)

            def finish(self):
                with stub.lock:
                    stub.connections.discard(self.connection)
                super().finish()

            def log_message(self, format, *args):
                pass

            def handle_one_request_for_any_method(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path
                if stub.dead or urlsplit(path).path in stub.failing:
                    self.close_connection = True
                    return
                with stub.lock:
                    stub.hits[path] += 1
                    count = stub.hits[path]
                    stub.seen[path].append((self.command, self.headers, body))
                status, headers = stub.answer(self.command, path, self.headers)
                content = f"{stub.name} {self.command} {path} #{count}\n".encode()
                self.send_response(status)
                headers = {"Content-Type": "text/html; charset=utf-8", **headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("X-Stub", stub.name)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(content)

            do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = handle_one_request_for_any_method

        return Handler


# Talking to Varnish --------------------------------------------------------------------------

Answer = collections.namedtuple("Answer", "status headers body")


def request(port, method, path, headers=None, body=None, source="127.0.0.1", host=HOST):
    """One request on a connection of its own, from the loopback address `source`."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def get(port, path, cookie=None, **kwargs):
    return request(port, "GET", path, headers={"Cookie": cookie} if cookie else None, **kwargs)


# Fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def programs():
    """varnishd and haproxy, or a failure saying how to install them (never a skip)."""
    missing = []
    for name in ("varnishd", "haproxy"):
        try:
            find_program(name)
        except MissingProgram as error:
            missing.append(str(error))
    if missing:
        pytest.fail("\n".join(missing), pytrace=False)


def varnish_in_front_of(sup, workdir, backend_port, port):
    vcl = render_vcl(
        VCL_TEMPLATE, workdir / "site.vcl", "127.0.0.1", backend_port, purgers=["127.0.0.1"]
    )
    return start_varnish(sup, vcl, port, workdir / "varnish")


@pytest.fixture(scope="module")
def supervisor(request, tmp_path_factory):
    failed_before = request.session.testsfailed
    with Supervisor(tmp_path_factory.mktemp("cluster-logs")) as sup:
        yield sup
        if request.session.testsfailed > failed_before:
            capture = request.config.pluginmanager.getplugin("capturemanager")
            with capture.global_and_fixture_disabled():
                sup.print_tails()


@pytest.fixture(scope="module")
def stub():
    app = Stub("app")
    yield app
    app.kill()


@pytest.fixture(scope="module")
def varnish(supervisor, stub, tmp_path_factory):
    port = free_port()
    varnish_in_front_of(supervisor, tmp_path_factory.mktemp("varnish"), stub.port, port)
    return port


# What is cached ------------------------------------------------------------------------------


def test_a_public_page_is_cached(varnish, stub):
    first = get(varnish, "/en/news/")
    second = get(varnish, "/en/news/")
    assert (first.status, first.headers["X-Cache"]) == (200, "MISS")
    assert (second.status, second.headers["X-Cache"]) == (200, "HIT")
    assert second.body == first.body
    assert stub.count("/en/news/") == 1


def test_a_signed_in_reader_passes(varnish, stub):
    assert get(varnish, "/en/session/").headers["X-Cache"] == "MISS"
    answer = get(varnish, "/en/session/", cookie="csrftoken=x; sessionid=abc")
    assert answer.headers["X-Cache"] == "PASS"
    assert stub.count("/en/session/") == 2
    # The app sees the session, and the shared copy stays as it was.
    assert "sessionid=abc" in stub.last("/en/session/")[1]["Cookie"]
    assert get(varnish, "/en/session/").headers["X-Cache"] == "HIT"


def test_low_data_readers_pass(varnish, stub):
    assert get(varnish, "/en/low/").headers["X-Cache"] == "MISS"
    assert get(varnish, "/en/low/", cookie="lowdata=1").headers["X-Cache"] == "PASS"
    assert stub.count("/en/low/") == 2
    assert stub.last("/en/low/")[1]["Cookie"] == "lowdata=1"
    # Low-data mode switched off again reads the shared copy.
    assert get(varnish, "/en/low/", cookie="lowdata=0").headers["X-Cache"] == "HIT"
    assert stub.count("/en/low/") == 2


@pytest.mark.parametrize("path", ["/en/private/page/", "/en/no-store/page/"])
def test_private_and_no_store_answers_are_not_cached(varnish, stub, path):
    first = get(varnish, path)
    second = get(varnish, path)
    assert first.status == second.status == 200
    assert second.headers["X-Cache"] == "PASS"
    assert stub.count(path) == 2


def test_an_answer_that_sets_a_cookie_is_not_cached(varnish, stub):
    first = get(varnish, "/en/sets-cookie/")
    second = get(varnish, "/en/sets-cookie/")
    assert second.headers["Set-Cookie"] == "csrftoken=new; Path=/"
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("PASS", "PASS")
    assert stub.count("/en/sets-cookie/") == 2


def test_an_answer_without_cache_control_is_not_cached(varnish, stub):
    get(varnish, "/en/no-headers/")
    assert get(varnish, "/en/no-headers/").headers["X-Cache"] == "PASS"
    assert stub.count("/en/no-headers/") == 2


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/3/", "/django-admin/"])
def test_the_admin_passes(varnish, stub, path):
    assert get(varnish, path).headers["X-Cache"] == "PASS"
    assert get(varnish, path).headers["X-Cache"] == "PASS"
    assert stub.count(path) == 2


def test_a_form_post_passes(varnish, stub):
    for _ in range(2):
        answer = request(
            varnish,
            "POST",
            "/en/contact/",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            body=b"name=A",
        )
        assert answer.headers["X-Cache"] == "PASS"
    assert stub.count("/en/contact/") == 2
    method, _, body = stub.last("/en/contact/")
    assert (method, body) == ("POST", b"name=A")
    # Nothing of the POST was stored for readers.
    assert get(varnish, "/en/contact/").headers["X-Cache"] == "MISS"


def test_tracking_and_csrf_cookies_do_not_split_the_cache(varnish, stub):
    first = get(varnish, "/en/stories/", cookie="_ga=GA1.2.3; csrftoken=abc")
    assert first.headers["X-Cache"] == "MISS"
    assert "Cookie" not in stub.last("/en/stories/")[1]
    other = get(varnish, "/en/stories/", cookie="csrftoken=def; django_language=fr; _pk=9")
    assert other.headers["X-Cache"] == "HIT"
    assert stub.count("/en/stories/") == 1


def test_the_root_redirect_varies_by_language_cookie(varnish, stub):
    french = get(varnish, "/", cookie="_ga=1; django_language=fr; csrftoken=abc")
    assert (french.status, french.headers["Location"]) == (302, "/fr/")
    # Only the language cookie reaches the app.
    assert stub.last("/")[1]["Cookie"] == "django_language=fr"
    english = get(varnish, "/", cookie="django_language=en")
    assert (english.headers["Location"], english.headers["X-Cache"]) == ("/en/", "MISS")
    again = get(varnish, "/", cookie="csrftoken=zz; django_language=fr")
    assert (again.headers["Location"], again.headers["X-Cache"]) == ("/fr/", "HIT")
    again = get(varnish, "/", cookie="django_language=en; _ga=2")
    assert (again.headers["Location"], again.headers["X-Cache"]) == ("/en/", "HIT")
    assert stub.count("/") == 2


# Purging -------------------------------------------------------------------------------------


def test_purge_from_a_purger_drops_the_page(varnish, stub):
    get(varnish, "/en/purged/")
    assert get(varnish, "/en/purged/").headers["X-Cache"] == "HIT"
    answer = request(varnish, "PURGE", "/en/purged/")
    assert answer.status == 200
    assert get(varnish, "/en/purged/").headers["X-Cache"] == "MISS"
    assert stub.count("/en/purged/") == 2


@pytest.mark.parametrize("method", ["PURGE", "BAN"])
def test_purge_and_ban_from_elsewhere_are_refused(varnish, stub, method):
    path = f"/en/kept-{method.lower()}/"
    get(varnish, path)
    answer = request(varnish, method, path, headers={"X-Ban-Url": ".*"}, source="127.0.0.2")
    assert answer.status == 403
    assert answer.headers["Content-Type"].startswith("text/plain")
    assert len(answer.body) < 100
    assert get(varnish, path).headers["X-Cache"] == "HIT"
    assert stub.count(path) == 1


def test_ban_drops_the_matching_pages_of_its_host_only(varnish, stub):
    paths = ["/en/ban/a1/", "/en/ban/a2/?page=2", "/en/ban/b/"]
    for path in paths:
        get(varnish, path)
    get(varnish, "/en/ban/a1/", host="other.example.org")

    answer = request(varnish, "BAN", "/", headers={"X-Ban-Url": "^/en/ban/a"})
    assert answer.status == 200

    assert get(varnish, "/en/ban/a1/").headers["X-Cache"] == "MISS"
    assert get(varnish, "/en/ban/a2/?page=2").headers["X-Cache"] == "MISS"
    assert get(varnish, "/en/ban/b/").headers["X-Cache"] == "HIT"
    assert get(varnish, "/en/ban/a1/", host="other.example.org").headers["X-Cache"] == "HIT"


def test_ban_without_a_pattern_is_refused(varnish):
    assert request(varnish, "BAN", "/").status == 400


# When the backend fails ----------------------------------------------------------------------


def test_a_failing_backend_gives_a_plain_503(varnish, stub):
    stub.failing.add("/en/broken/")
    answer = get(varnish, "/en/broken/")
    assert answer.status == 503
    assert answer.headers["Content-Type"].startswith("text/plain")
    assert b"unavailable" in answer.body
    assert b"Guru Meditation" not in answer.body


def test_a_stale_page_is_served_while_the_backend_fails(varnish, stub):
    first = get(varnish, "/en/short/")
    time.sleep(1.2)  # past its s-maxage of one second
    stub.failing.add("/en/short/")
    stale = get(varnish, "/en/short/")
    assert (stale.status, stale.headers["X-Cache"]) == (200, "HIT")
    assert stale.body == first.body


# Through HAProxy -----------------------------------------------------------------------------


def test_haproxy_shares_the_load_and_survives_a_dead_server(tmp_path):
    a, b = Stub("a"), Stub("b")
    try:
        with Supervisor(tmp_path / "logs") as sup:
            lb_port, cache_port = free_port(), free_port()
            env = {
                "LB_BIND": f"127.0.0.1:{lb_port}",
                "APP_A": f"127.0.0.1:{a.port}",
                "APP_B": f"127.0.0.1:{b.port}",
            }
            start_haproxy(sup, HAPROXY_CONFIG, env)
            varnish_in_front_of(sup, tmp_path, lb_port, cache_port)

            # Answers that are never stored reach the servers in turn.
            for n in range(6):
                answer = get(cache_port, f"/en/no-store/{n}/")
                assert (answer.status, answer.headers["X-Cache"]) == (200, "PASS")
            assert a.total() >= 2 and b.total() >= 2, (a.hits, b.hits)
            # The app is told who asked: Varnish's entry for the reader, then HAProxy's.
            _, headers, _ = (a if a.total() else b).last("/en/no-store/0/")
            forwarded = ",".join(headers.get_all("X-Forwarded-For"))
            assert [part.strip() for part in forwarded.split(",")] == ["127.0.0.1"] * 2
            # A page fetched through both is cached as usual.
            get(cache_port, "/en/through/")
            assert get(cache_port, "/en/through/").headers["X-Cache"] == "HIT"

            # With one server gone, every request is still answered, by the other.
            a.kill()
            served_by_a = a.total()
            for n in range(6):
                answer = get(cache_port, f"/en/no-store/after-{n}/")
                assert answer.status == 200, answer.body
                assert answer.headers["X-Stub"] == "b"
            assert a.total() == served_by_a
    finally:
        a.kill()
        b.kill()

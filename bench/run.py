"""Page-speed benchmark: `make bench`.

Builds a large site in a throwaway database (the demo plus generated news, documents and case
studies), serves it as production does (`make serve`: gunicorn, production settings) on a free
local port, and measures every page type and one static CSS file in the same run:

- with `wrk`: requests a second, median and 99th-percentile latency, and server CPU
  milliseconds per request (from the gunicorn processes' CPU counters), for cached pages
  (what anonymous readers get) and uncached pages (the page cache switched off);
- in-process with Django's test client: SQL queries per page, cold and warm, at the demo's size
  and at the large size; HTML bytes raw and compressed;
- in Chromium at 390 px wide: the bytes a phone downloads for each page, images included.

Results go to the terminal as a table and to bench/results/ as JSON. Only 127.0.0.1 is used.

Environment: BENCH_SIZE (stories; documents are a fifth and case studies a twentieth of it,
10,000 by default), or BENCH_STORIES, BENCH_DOCUMENTS, BENCH_CASE_STUDIES one by one;
BENCH_SECONDS (per wrk run), BENCH_CONNECTIONS, BENCH_DATABASE_URL (default: a throwaway SQLite
file; `make bench DATABASES="sqlite postgresql"` runs on a throwaway PostgreSQL cluster too).
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from private_redis import private_redis

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
RESULTS = ROOT / "bench" / "results"

SIZE = int(os.environ.get("BENCH_SIZE") or "10000")
STORIES = int(os.environ.get("BENCH_STORIES") or SIZE)
DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS") or SIZE // 5)
CASE_STUDIES = int(os.environ.get("BENCH_CASE_STUDIES") or SIZE // 20)
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, **kwargs):
    print("$", " ".join(str(a) for a in args)[:300], flush=True)
    try:
        return subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)
    except subprocess.CalledProcessError as error:
        if error.stderr:
            print(error.stderr, file=sys.stderr)
        raise


def manage(env, *args, capture=False):
    result = run(
        [PYTHON, "manage.py", *args], env, capture_output=capture, text=True if capture else None
    )
    return result.stdout if capture else None


def demo(env):
    """The same database, media and cache under the dev settings, the only ones (with the test
    settings) that install the demo app and so its commands."""
    return {**env, "DJANGO_SETTINGS_MODULE": "ifrc_site.settings.dev"}


def build_demo(env):
    started = time.monotonic()
    manage(env, "migrate", "--noinput", "-v0")
    manage(demo(env), "load_demo_content", "-v0")
    return time.monotonic() - started


def build_bulk(env):
    started = time.monotonic()
    manage(
        demo(env),
        "generate_bulk_content",
        "--stories", str(STORIES),
        "--documents", str(DOCUMENTS),
        "--case-studies", str(CASE_STUDIES),
    )  # fmt: skip
    return time.monotonic() - started


PAGES_SCRIPT = r"""
import gzip, json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.core.cache import cache
from django.test.utils import override_settings

urls = json.loads(sys.argv[1])
client = Client(HTTP_HOST="127.0.0.1")
out = {}


# The queries of one request, counted at once: the next request empties the log.
def count(url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


for name, url in urls.items():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=0):
        response, cold = count(url)
        _, uncached = count(url)
    client.get(url)
    _, warm = count(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    out[name] = {
        "status": response.status_code,
        "queries_cold": cold,
        "queries_uncached": uncached,
        "queries_cached": warm,
        "html_bytes": len(body),
        "html_gzip_bytes": len(gzip.compress(body, 6)),
    }
print(json.dumps(out))
"""


def measure_in_process(env, urls):
    env = {**env, "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver"}
    result = run(
        [PYTHON, "-c", "import django; django.setup(); exec(" + repr(PAGES_SCRIPT) + ")",
         json.dumps(urls)],
        env,
        capture_output=True,
        text=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def process_cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / ticks


def database_cpu_seconds():
    """CPU seconds so far of each PostgreSQL process on the machine, by pid: the server of the
    benchmark's throwaway cluster (the only one while it runs), whose time the pages' figure
    leaves out. Empty on SQLite, which works inside the pages' own processes."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, rest = stat.read_text().split(" (", 1)[1].rsplit(")", 1)
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        if name == "postgres":
            fields = rest.split()
            found[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def server_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    pids = [master]
    if children.exists():
        pids += [int(pid) for pid in children.read_text().split()]
    return pids


GZIP = "Accept-Encoding: gzip, deflate, br"


def wrk(url, pids):
    before = process_cpu_seconds(pids)
    database_before = database_cpu_seconds()
    result = subprocess.run(
        # As a browser asks: pages and the static file both answered compressed.
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-H", GZIP, url],
        capture_output=True,
        text=True,
        check=True,
    )
    cpu = process_cpu_seconds(pids) - before
    # Backends that started during the run count from zero.
    database_cpu = sum(
        seconds - database_before.get(pid, 0) for pid, seconds in database_cpu_seconds().items()
    )
    text = result.stdout
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", text, re.MULTILINE)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "rps": rps,
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "cpu_ms_per_request": 1000 * cpu / max(requests, 1),
        "database_cpu_ms_per_request": 1000 * database_cpu / max(requests, 1),
        "requests": requests,
        "errors": int(errors.group(1)) if errors else 0,
    }


# The gunicorn master's command line (anchored: the shell running `make serve` has the same
# words in its own command line).
GUNICORN_COMMAND = r"^\S*python\S* \S*gunicorn ifrc_site\.wsgi --bind "


def serve(env, port, page_cache_seconds):
    env = {**env, "PORT": str(port), "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    process = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise SystemExit("the server did not start")
    time.sleep(1.5)  # let every worker boot
    master = int(
        subprocess.run(
            ["pgrep", "-o", "-f", rf"{GUNICORN_COMMAND}127\.0\.0\.1:{port}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[0]
    )
    return process, master


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def phone_bytes(base, urls):
    """Bytes a 390 px wide phone downloads for each page, first view and after scrolling."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for name, url in urls.items():
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            sizes = {}

            def record(response, sizes=sizes):
                try:
                    sizes[response.url] = len(response.body())
                except Exception:
                    sizes.setdefault(response.url, 0)

            page.on("response", record)
            page.goto(base + url, wait_until="networkidle")
            first_view = sum(sizes.values())
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(800)
            page.wait_for_load_state("networkidle")
            out[name] = {"first_view_bytes": first_view, "scrolled_bytes": sum(sizes.values())}
            context.close()
        browser.close()
    return out


def table(rows, columns):
    widths = [max(len(str(c)), *(len(str(r.get(c, ""))) for r in rows)) for c in columns]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(columns, widths, strict=True))]
    for row in rows:
        lines.append(
            "  ".join(str(row.get(c, "")).ljust(w) for c, w in zip(columns, widths, strict=True))
        )
    return "\n".join(lines)


def production_env(media_root, **settings):
    """The environment of the production settings on this machine, as every benchmark runs
    them: a throwaway key, local host names, plain HTTP, media served by the site itself, and
    background tasks run where they are asked for, as `make serve` runs them (no worker)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ifrc_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SERVE_MEDIA": "true",
        "TASKS_BACKEND": "immediate",
        "MEDIA_ROOT": str(media_root),
        **settings,
    }


def main():
    workdir = Path(tempfile.mkdtemp(prefix="ifrc-bench-"))
    env = production_env(
        workdir / "media",
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
        DATABASE_CONN_MAX_AGE="600",
    )
    with private_redis(workdir) as redis_url:
        env["REDIS_URL"] = redis_url
        return _measure_with(env, workdir)


def _measure_with(env, workdir):
    try:
        results = {
            "sizes": {"stories": STORIES, "documents": DOCUMENTS, "case_studies": CASE_STUDIES},
            "database": env["DATABASE_URL"].split(":", 1)[0],
        }
        results["build"] = {"demo_seconds": build_demo(env)}
        small = discover_urls(env)
        results["in_process_demo_size"] = measure_in_process(env, small)
        results["build"]["bulk_seconds"] = build_bulk(env)
        urls = discover_urls(env)
        results["in_process"] = measure_in_process(env, urls)
        results["static"] = static_sizes()

        port = free_port()
        for mode, seconds in (("cached", 600), ("uncached", 0)):
            process, master = serve(env, port, seconds)
            try:
                base = f"http://127.0.0.1:{port}"
                pids = server_pids(master)
                for url in urls.values():  # warm every worker's caches
                    for _ in range(4):
                        subprocess.run(["curl", "-s", "-o", "/dev/null", base + url], check=False)
                results[mode] = {name: wrk(base + url, pids) for name, url in urls.items()}
                if mode == "cached":
                    results["phone"] = phone_bytes(
                        base, {k: v for k, v in urls.items() if k != "static_css"}
                    )
            finally:
                stop(process)
        report(results)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def discover_urls(env):
    script = (
        "import django, json; django.setup();"
        "from news.models import NewsStoryPage;"
        "from resources.models import CaseStudyPage;"
        "from django.contrib.staticfiles.storage import staticfiles_storage;"
        "en = {'locale__language_code': 'en'};"
        "s = NewsStoryPage.objects.live().filter(**en).order_by('-date').first();"
        "c = CaseStudyPage.objects.live().filter(**en).first();"
        "n = NewsStoryPage.objects.live().filter(**en).count();"
        "print(json.dumps({'story': s.url, 'case_study': c.url, 'pages': n // 12 + 1,"
        " 'css': staticfiles_storage.url('css/site.css')}))"
    )
    manage(env, "collectstatic", "--noinput", "-v0")
    found = json.loads(run([PYTHON, "-c", script], env, capture_output=True, text=True).stdout)
    return {
        "home": "/en/",
        "migration": "/en/migration/",
        "immunization": "/en/immunization/",
        "news_first": "/en/news/",
        "news_deep": f"/en/news/?page={found['pages']}",
        "news_filtered": "/en/news/?programme=migration&year=2017",
        "story": found["story"],
        "resources": "/en/resources/",
        "case_studies": "/en/case-studies/",
        "case_study": found["case_study"],
        "static_css": found["css"],
    }


def static_sizes():
    """Compressed sizes of the CSS and JavaScript every page loads."""
    sizes = {}
    for name, pattern in (("css", "css/site.*.css"), ("js", "js/site.*.js")):
        for path in (ROOT / "staticfiles").glob(pattern):
            if re.fullmatch(r"site\.[0-9a-f]{12}\.(css|js)", path.name):
                sizes[name] = {
                    "raw": path.stat().st_size,
                    "gzip": Path(f"{path}.gz").stat().st_size,
                    "brotli": Path(f"{path}.br").stat().st_size,
                }
    return sizes


def report(results):
    static_rps = results["cached"]["static_css"]["rps"]
    rows = []
    for name in results["cached"]:
        cached, uncached = results["cached"][name], results["uncached"][name]
        page = results["in_process"].get(name, {})
        phone = results.get("phone", {}).get(name, {})
        rows.append(
            {
                "page": name,
                "rps": round(cached["rps"]),
                "vs static": f"{cached['rps'] / static_rps:.0%}",
                "p50 ms": round(cached["p50_ms"], 1),
                "p99 ms": round(cached["p99_ms"], 1),
                "cpu ms/req": round(cached["cpu_ms_per_request"], 2),
                "uncached rps": round(uncached["rps"]),
                "uncached p50": round(uncached["p50_ms"], 1),
                "uncached cpu ms": round(uncached["cpu_ms_per_request"], 1),
                "uncached db cpu ms": round(uncached["database_cpu_ms_per_request"], 1),
                "sql cold/uncached/cached": (
                    f"{page.get('queries_cold', '')}/{page.get('queries_uncached', '')}/"
                    f"{page.get('queries_cached', '')}"
                ),
                "html KB": round(page.get("html_bytes", 0) / 1024, 1),
                "gzip KB": round(page.get("html_gzip_bytes", 0) / 1024, 1),
                "phone KB": round(phone.get("first_view_bytes", 0) / 1024, 1),
                "phone scrolled KB": round(phone.get("scrolled_bytes", 0) / 1024, 1),
                "errors": cached["errors"] + uncached["errors"],
            }
        )
    print()
    print(table(rows, list(rows[0])))
    print()
    small, large = results["in_process_demo_size"], results["in_process"]
    same = {
        k: (small[k]["queries_uncached"], large[k]["queries_uncached"]) for k in small if k in large
    }
    print("SQL queries per uncached page at the demo's size and at the large size:", same)
    print("Static files (bytes):", results["static"])
    first = results["uncached"]["news_first"]["p50_ms"]
    deep = results["uncached"]["news_deep"]["p50_ms"]
    print(
        f"News index uncached p50: first page {first:.1f} ms, deepest page {deep:.1f} ms "
        f"({deep / first:.2f}x)"
    )
    print(
        f"Built in {results['build']['demo_seconds']:.0f} s (demo) + "
        f"{results['build']['bulk_seconds']:.0f} s (bulk content: {results['sizes']})"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / time.strftime("bench-%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(results, indent=2))
    print(f"JSON: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())

"""Where a page's server time goes: `make profile URL=/en/news/`.

Profiles one address of the large content set (the demo plus BENCH_STORIES news stories,
BENCH_DOCUMENTS documents and BENCH_CASE_STUDIES case studies, as `make bench` builds it) under
the production settings, with the page cache switched off: what a crawler, a filter
combination or the first reader after a publish costs the server. The content set is built
once, into bench/results/profile-site-<stories>/, and kept for the next profiles (remove the
folder to build it again).

Prints the status, the server CPU milliseconds per request (median of PROFILE_REQUESTS), the
SQL queries of one request, and pyinstrument's call tree; writes the same profile as an HTML
page and as a flame graph file for speedscope (bench/results/profile-<address>.html and
.speedscope.json).

PROFILE_CACHE=cold empties the shared cache (menus, fragments) before each request, as after a
publish; the default keeps it, as between publishes.
"""

import json
import os
import re
import sys

from private_redis import private_redis
from run import (
    PYTHON,
    RESULTS,
    ROOT,
    STORIES,
    build_bulk,
    build_demo,
    production_env,
    run,
)

REQUESTS = int(os.environ.get("PROFILE_REQUESTS", "20"))
COLD = os.environ.get("PROFILE_CACHE", "warm") == "cold"

PROFILE_SCRIPT = r"""
import json, statistics, sys, time
from django.core.cache import caches
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from pyinstrument import Profiler
from pyinstrument.renderers import SpeedscopeRenderer

url, requests, cold, html_path, flame_path = sys.argv[1:6]
requests, cold = int(requests), cold == "1"
client = Client(HTTP_HOST="127.0.0.1")


def fetch():
    if cold:
        for alias in settings.CACHES:
            caches[alias].clear()
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


with override_settings(PAGE_CACHE_SECONDS=0):
    first = fetch()  # renditions and, unless cold, the shared fragments
    with CaptureQueriesContext(connection) as queries:
        fetch()
    query_count = len(queries)
    times = []
    for _ in range(requests):
        started = time.process_time()
        fetch()
        times.append((time.process_time() - started) * 1000)
    profiler = Profiler(interval=0.0002)
    profiler.start()
    for _ in range(requests):
        fetch()
    profiler.stop()

with open(html_path, "w") as page:
    page.write(profiler.output_html())
with open(flame_path, "w") as flame:
    flame.write(profiler.output(SpeedscopeRenderer()))
print(json.dumps({
    "status": first.status_code,
    "cpu_ms_median": round(statistics.median(times), 1),
    "cpu_ms_p90": round(sorted(times)[int(0.9 * (len(times) - 1))], 1),
    "queries": query_count,
    "tree": profiler.output_text(unicode=True, color=False),
}))
"""


def build_site(site, env):
    """The demo and the generated content (as `make bench` builds them), once: kept for the
    next profiles."""
    if not (site / "ready").exists():
        build_demo(env)
        build_bulk(env)
        (site / "ready").touch()


def main():
    if len(sys.argv) != 2 or not sys.argv[1].startswith("/"):
        raise SystemExit("usage: make profile URL=/en/news/   (an address on this site)")
    url = sys.argv[1]
    site = RESULTS / f"profile-site-{STORIES}"
    site.mkdir(parents=True, exist_ok=True)
    env = production_env(site / "media", DATABASE_URL=f"sqlite:///{site / 'site.sqlite3'}")
    name = re.sub(r"[^A-Za-z0-9]+", "-", url).strip("-") or "root"
    html_path = RESULTS / f"profile-{name}.html"
    flame_path = RESULTS / f"profile-{name}.speedscope.json"
    with private_redis(site) as redis_url:
        env["REDIS_URL"] = redis_url
        build_site(site, env)
        script = "import django; django.setup(); exec(" + repr(PROFILE_SCRIPT) + ")"
        result = run(
            [PYTHON, "-c", script, url, str(REQUESTS), "1" if COLD else "0",
             str(html_path), str(flame_path)],
            env,
            capture_output=True,
            text=True,
        )  # fmt: skip
    report = json.loads(result.stdout.strip().splitlines()[-1])
    print(report["tree"])
    print(
        f"{url}: status {report['status']}, {report['cpu_ms_median']} ms CPU median "
        f"(90th percentile {report['cpu_ms_p90']} ms) over {REQUESTS} requests, "
        f"{report['queries']} queries; page cache off, shared cache {'cold' if COLD else 'warm'}; "
        f"{STORIES} stories"
    )
    print(f"Profile: {html_path.relative_to(ROOT)} (flame graph: {flame_path.relative_to(ROOT)})")


if __name__ == "__main__":
    main()

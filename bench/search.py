"""Search benchmark: `make bench-search`.

On SQLite and then on a throwaway PostgreSQL cluster (`scripts/with-postgres`), builds the demo
site plus generated content (10,000 news stories, 2,000 documents with text, 500 case studies by
default), then runs a set of searches through the whole search view (parsing, the search
backend, filters and counts, the template) with the page cache off, and reports each search's
median and 95th-percentile time, its SQL queries and its number of results. Each search is
timed twice over: once its words have been searched since the content last changed (the
matches are kept until then, see ifrc_site/search/matches.py), and as the first search of its
words after a publish (`first_`: nothing kept, not even the menus). Results go to the terminal
as a table and to bench/results/search-<database>.json.

Environment: BENCH_STORIES, BENCH_DOCUMENTS, BENCH_CASE_STUDIES (sizes), BENCH_REPEAT (timed
runs of each search, 20), BENCH_DATABASES ("sqlite postgresql", or one of them).
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from private_redis import private_redis
from run import production_env

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
RESULTS = ROOT / "bench" / "results"

STORIES = int(os.environ.get("BENCH_STORIES", "10000"))
DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "2000"))
CASE_STUDIES = int(os.environ.get("BENCH_CASE_STUDIES", "500"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))

# (name, query string parameters): common and rare words, text inside PDFs, a phrase, filters,
# every language and a later page of results.
SEARCHES = [
    ("common word", {"q": "volunteers"}),
    ("rare word", {"q": "Moerwijk"}),
    ("words inside a PDF", {"q": "acute flaccid paralysis"}),
    ("quoted phrase", {"q": '"routine immunization"'}),
    ("two words", {"q": "vaccine rumours"}),
    ("hyphenated term", {"q": "zero-dose"}),
    ("type and country filters", {"q": "health", "type": "news", "country": "KE"}),
    ("programme and year filters", {"q": "migrants", "programme": "migration", "year": "2020"}),
    ("all languages", {"q": "migration", "language": "all"}),
    ("third page", {"q": "community", "page": "3"}),
    ("no match", {"q": "xylophonequartz"}),
]


def run(args, env):
    print("$", " ".join(str(a) for a in args), flush=True)
    subprocess.run(args, env=env, cwd=ROOT, check=True)


def build(env):
    """The demo site and the generated content, in the database of env's DATABASE_URL."""
    started = time.monotonic()
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    # Production settings read static files through the manifest that collectstatic writes.
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    # The demo's commands come with the demo app, which the dev settings install (production's
    # do not): same database, media and cache.
    demo = {**env, "DJANGO_SETTINGS_MODULE": "ifrc_site.settings.dev"}
    run([PYTHON, "manage.py", "load_demo_content", "-v0"], demo)
    run(
        [
            PYTHON, "manage.py", "generate_bulk_content",
            "--stories", str(STORIES),
            "--documents", str(DOCUMENTS),
            "--case-studies", str(CASE_STUDIES),
        ],
        demo,
    )  # fmt: skip
    return time.monotonic() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure():
    """Time every search in this process (Django set up from the environment)."""
    sys.path.insert(0, str(ROOT))  # this script runs from bench/
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bs4 import BeautifulSoup

    # Django set up as gunicorn sets it up, through the site's WSGI module: after the first
    # request, what is loaded stays out of the garbage collector's way (ifrc_site/wsgi.py).
    # Without it each search here also paid for collections walking every loaded module,
    # which the site's processes do not (a common word at 10,000 stories: 480 ms of processor
    # time against 270).
    import ifrc_site.wsgi  # noqa: F401
    from ifrc_site.caching.pagecache import purge_all

    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    for name, params in SEARCHES:
        response = client.get("/en/search/", params)  # warm: imports, templates, connections
        if response.status_code != 200:
            raise SystemExit(f"{name}: status {response.status_code}")
        soup = BeautifulSoup(response.content, "html.parser")
        summary = soup.select_one(".search-summary")
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/search/", params)
        query_count = len(queries)  # now: the next request empties the connection's log
        times, first_times = [], []
        for _ in range(REPEAT):
            started = time.perf_counter()
            client.get("/en/search/", params)
            times.append((time.perf_counter() - started) * 1000)
            # The first search of these words since the content changed: a publish starts a
            # new generation (in the editor's request, not timed), so nothing of the search
            # or the page around it (menus, settings) is kept.
            purge_all("a benchmark's publish")
            started = time.perf_counter()
            client.get("/en/search/", params)
            first_times.append((time.perf_counter() - started) * 1000)
        rows.append(
            {
                "search": name,
                "params": params,
                "median_ms": round(statistics.median(times), 1),
                "p95_ms": round(percentile(times, 0.95), 1),
                "first_median_ms": round(statistics.median(first_times), 1),
                "first_p95_ms": round(percentile(first_times, 0.95), 1),
                "queries": query_count,
                "results": " ".join(summary.get_text(" ", strip=True).split()) if summary else "",
            }
        )
    every = [row["median_ms"] for row in rows]
    first = [row["first_median_ms"] for row in rows]
    return {
        "searches": rows,
        "median_of_medians_ms": round(statistics.median(every), 1),
        "first_median_of_medians_ms": round(statistics.median(first), 1),
    }


def table(rows, columns):
    widths = [max(len(str(c)), *(len(str(r.get(c, ""))) for r in rows)) for c in columns]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(columns, widths, strict=True))]
    for row in rows:
        cells = (str(row.get(c, "")).ljust(w) for c, w in zip(columns, widths, strict=True))
        lines.append("  ".join(cells))
    return "\n".join(lines)


def one_database(name):
    """Build and measure on the database in DATABASE_URL, or on a new SQLite file."""
    workdir = Path(tempfile.mkdtemp(prefix="ifrc-bench-search-"))
    # The page cache off and no rate limit: each search is measured as a first search is.
    env = production_env(
        workdir / "media", PAGE_CACHE_SECONDS="0", SEARCH_RATE_LIMIT_PER_MINUTE="0"
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'search.sqlite3'}")
    with private_redis(workdir) as redis_url:
        env["REDIS_URL"] = redis_url
        return _measure_with(name, env, workdir)


def _measure_with(name, env, workdir):
    try:
        build_seconds = build(env)
        os.environ.update(env)
        results = {
            "database": name,
            "sizes": {"stories": STORIES, "documents": DOCUMENTS, "case_studies": CASE_STUDIES},
            "repeat": REPEAT,
            "build_seconds": round(build_seconds),
            **measure(),
        }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"search-{name}.json").write_text(json.dumps(results, indent=2))
    print(f"\nSearch on {name}: {STORIES} stories, {DOCUMENTS} documents, {CASE_STUDIES} case")
    print(f"studies (built in {results['build_seconds']} s); {REPEAT} timed runs of each search\n")
    columns = ["search", "median_ms", "p95_ms", "first_median_ms", "first_p95_ms", "queries"]
    print(table(results["searches"], [*columns, "results"]))
    print(f"\nmedian of the medians: {results['median_of_medians_ms']} ms; first searches since a")
    print(f"publish: {results['first_median_of_medians_ms']} ms\n", flush=True)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--database":
        one_database(sys.argv[2])
        return
    databases = os.environ.get("BENCH_DATABASES", "sqlite postgresql").split()
    for name in databases:
        command = [PYTHON, __file__, "--database", name]
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        if name == "postgresql":
            command = [ROOT / "scripts" / "with-postgres", *command]
        elif name != "sqlite":
            raise SystemExit(f"Unknown database {name!r}: use sqlite or postgresql")
        run(command, env)


if __name__ == "__main__":
    main()

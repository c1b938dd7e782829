#!/usr/bin/env bash
# Soak test: `make serve` (gunicorn, production settings) under wrk, 64 connections for five
# minutes over a mix of pages, on this machine only (127.0.0.1). Reports the requests, errors,
# timeouts and latency, and the resident memory of the gunicorn processes from start to end.
#
#   bench/soak.sh                     # or: make soak
#   SOAK_SECONDS=60 bench/soak.sh     # a shorter run
#
# Settings (environment): SOAK_SECONDS (300), SOAK_CONNECTIONS (64), SOAK_THREADS (4),
# SOAK_WORKERS (gunicorn workers, 4), PORT (a free port). With DATABASE_URL set the site is
# served from that database as it is; otherwise from a fresh SQLite database with the demo
# content, in bench/results/. Exits non-zero when any request failed or timed out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "soak: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

DURATION="${SOAK_SECONDS:-300}"
CONNECTIONS="${SOAK_CONNECTIONS:-64}"
THREADS="${SOAK_THREADS:-4}"
WORKERS="${SOAK_WORKERS:-4}"
PORT="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
BASE="http://127.0.0.1:$PORT"
RESULTS="bench/results"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
REPORT="$RESULTS/soak-$STAMP.txt"
mkdir -p "$RESULTS"

if ! command -v wrk >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 ||
        die "wrk is not installed (Debian: apt-get install wrk)."
    say "installing wrk with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

make --no-print-directory install >/dev/null
export DJANGO_SETTINGS_MODULE=ifrc_site.settings.production
export SECRET_KEY="${SECRET_KEY:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export ALLOWED_HOSTS="127.0.0.1,localhost"
# As `make serve`: background tasks run where they are asked for, with no worker.
export TASKS_BACKEND="${TASKS_BACKEND:-immediate}"
if [ -z "${DATABASE_URL:-}" ]; then
    export DATABASE_URL="sqlite:///$PWD/$RESULTS/soak.sqlite3"
    export MEDIA_ROOT="$PWD/$RESULTS/media"
    say "preparing a SQLite database with the demo content in $RESULTS/"
    LOG_LEVEL=WARNING .venv/bin/python manage.py migrate --noinput -v0
    # The demo app (and its command) is installed by the dev settings, never by production's.
    DJANGO_SETTINGS_MODULE=ifrc_site.settings.dev LOG_LEVEL=WARNING \
        .venv/bin/python manage.py load_demo_content -v0 >/dev/null
fi

say "starting make serve on $BASE with $WORKERS workers"
setsid make --no-print-directory serve PORT="$PORT" WORKERS="$WORKERS" \
    >"$RESULTS/serve-$STAMP.log" 2>&1 &
SERVER=$!
stop_server() {
    kill -TERM -- "-$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
}
trap stop_server EXIT

for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$BASE/en/" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$RESULTS/serve-$STAMP.log" >&2; die "the server stopped"; }
    sleep 0.5
done
curl -fsS -o /dev/null "$BASE/en/" || die "the server did not answer on $BASE"

# The mix: every page of the sitemaps (the index lists one per language and one of documents),
# the listings with filters and pages, documents, CSS.
PATHS="$RESULTS/paths-$STAMP.txt"
locations() { grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]*##; s#</loc>##'; }
for sitemap in $(curl -fsS "$BASE/sitemap.xml" | locations); do
    curl -fsS "$BASE$sitemap" | locations
done >"$PATHS"
{
    echo "/en/news/?programme=migration"
    echo "/en/news/?region=europe&page=2"
    echo "/en/news/?year=2017"
    echo "/en/resources/?type=report&language=en"
    echo "/en/resources/?page=2"
    echo "/en/case-studies/?programme=immunization"
    curl -fsS "$BASE/en/resources/" | grep -o 'href="/documents/[^"]*"' | sed 's/href="//; s/"$//' |
        awk 'NR <= 5' || true
    curl -fsS "$BASE/en/" | grep -o 'href="/static/css/site[^"]*"' | sed 's/href="//; s/"$//' |
        awk 'NR <= 1' || true
} >>"$PATHS"
say "$(wc -l <"$PATHS") paths in the mix; warming up"
while read -r path; do curl -fsS -o /dev/null "$BASE$path" || die "warm-up: $path failed"; done <"$PATHS"

# Resident memory (kB) of the gunicorn master and each worker.
MASTER="$(ps -o pid= --ppid "$SERVER" | head -1 | tr -d ' ')"
memory() {
    local line="" pid
    for pid in "$MASTER" $(ps -o pid= --ppid "$MASTER"); do
        line+="$pid:$(ps -o rss= -p "$pid" | tr -d ' ')kB "
    done
    echo "$line"
}
total_memory() {
    ps -o rss= -p "$MASTER" --ppid "$MASTER" | awk '{ sum += $1 } END { printf "%d", sum / 1024 }'
}

{
    echo "Soak $STAMP: $DURATION s, $CONNECTIONS connections, $THREADS threads, $WORKERS workers, $(wc -l <"$PATHS") paths"
    echo "memory at start: $(total_memory) MB total ($(memory))"
} | tee "$REPORT"

# Memory every tenth of the run, to see whether it levels off.
(
    for i in $(seq 1 10); do
        sleep "$(( (DURATION + 9) / 10 ))"
        kill -0 "$MASTER" 2>/dev/null || break
        echo "memory after ${i}0%: $(total_memory) MB"
    done
) | tee -a "$REPORT" &
SAMPLER=$!

SOAK_PATHS="$PATHS" wrk --latency -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s \
    -s bench/mix.lua "$BASE" >"$RESULTS/wrk-$STAMP.txt"
wait "$SAMPLER" 2>/dev/null || true

{
    echo "memory at end: $(total_memory) MB total ($(memory))"
    grep -E "Requests/sec|Latency |Non-2xx|Socket errors" "$RESULTS/wrk-$STAMP.txt" || true
    grep -E "^(STATUS|SUMMARY)" "$RESULTS/wrk-$STAMP.txt"
} | tee -a "$REPORT"

summary="$(grep '^SUMMARY' "$RESULTS/wrk-$STAMP.txt")"
failed=0
for field in connect_errors read_errors write_errors timeouts status_errors; do
    value="$(sed -E "s/.*$field=([0-9]+).*/\1/" <<<"$summary")"
    [ "$value" = 0 ] || failed=1
done
if [ "$failed" = 0 ]; then
    say "no errors, no timeouts. Report: $REPORT"
else
    say "errors or timeouts above. Report: $REPORT"
    exit 1
fi

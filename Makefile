# Run `make` or `make help` for the list of targets.

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
WORKERS ?= 2
PYTEST_ARGS ?=
# pytest-xdist processes of each test run; on PostgreSQL two of them run the browser tests.
SQLITE_WORKERS ?= 1
POSTGRES_WORKERS ?= 4
# make bench: stories in the large content set, and the databases to measure on
SIZE ?= 10000
DATABASES ?= sqlite
# The browser tests drive Debian's Chromium (never a browser build downloaded by Playwright).
CHROMIUM ?= /usr/bin/chromium

BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed

# Settings per use. Tests and checks never see a DATABASE_URL from the shell:
# test-sqlite runs on SQLite, test-postgres gets its URL from scripts/with-postgres.
DEV_ENV := DJANGO_SETTINGS_MODULE=ifrc_site.settings.dev
# They keep Python's bytecode caches (__pycache__/, ignored by git) even where the environment
# says not to write them: a run's dozen processes would otherwise each compile the tests again
# (pytest rewrites their asserts: about 2 s of processor time a process).
TEST_ENV := env -u DATABASE_URL -u PYTHONDONTWRITEBYTECODE DJANGO_SETTINGS_MODULE=ifrc_site.settings.test
# The two test runs: on SQLite the tests marked both_engines, those that depend on the database
# engine (tests/conftest.py says which); on PostgreSQL, production's database, the whole suite.
SQLITE_TESTS = $(TEST_ENV) $(BIN)/pytest -m both_engines -n $(SQLITE_WORKERS)
POSTGRES_TESTS = $(TEST_ENV) scripts/with-postgres $(BIN)/pytest -n $(POSTGRES_WORKERS)
# The cluster test (tests/cluster/), collected only when CLUSTER_TEST is set, on a PostgreSQL
# cluster of its own.
CLUSTER_TESTS = CLUSTER_TEST=1 $(TEST_ENV) scripts/with-postgres $(BIN)/pytest tests/cluster \
	-p no:cacheprovider -o addopts="-ra --strict-markers"

.DEFAULT_GOAL := help
# Targets run one after another, in the order given, even under `make -j`.
.NOTPARALLEL:
.PHONY: help install run serve worker backup restore soak lint check audit test test-sqlite \
	test-postgres cluster-test cluster-packages coverage messages makemessages redis bench \
	bench-search profile browser screenshots guide lock clean distclean

help: ## Show this list of targets
	@echo "Usage: make TARGET   (variables: PYTHON=$(PYTHON) VENV=$(VENV) PORT=$(PORT))"
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[a-zA-Z_-]+:.*## / { printf "  %-14s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

install: $(STAMP) ## Create the virtualenv and install the pinned dependencies

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || { echo "Creating virtualenv in $(VENV)"; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --disable-pip-version-check -q -c requirements.lock -e ".[dev]"
	@touch $@

run: install messages ## Set up and serve the site with demo content on SQLite
	$(DEV_ENV) $(MANAGE) migrate --noinput
	$(DEV_ENV) $(MANAGE) load_demo_content
	$(DEV_ENV) $(MANAGE) collectstatic --noinput -v0
	@echo
	@echo "  Site:   http://127.0.0.1:$(PORT)/"
	@echo "  Admin:  http://127.0.0.1:$(PORT)/admin/"
	@echo "          log in as admin / the password printed by load_demo_content above"
	@echo
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:$(PORT)

# Plain HTTP on this machine: no HTTPS redirect or HSTS unless asked for; media served by the
# site itself (SERVE_MEDIA). The database is the same db.sqlite3 as `make run` unless
# DATABASE_URL is set. Production settings require a shared cache (REDIS_URL): unless one is
# given, a private redis-server listens on a socket in run/ and stops when gunicorn does.
serve: install messages ## Serve production-like: gunicorn, DEBUG off, collected static files
	@set -e; \
	export DJANGO_SETTINGS_MODULE=ifrc_site.settings.production; \
	redis_pid=""; redis_socket=""; \
	stop_redis() { \
		[ -z "$$redis_pid" ] || { kill "$$redis_pid" 2>/dev/null; wait "$$redis_pid" 2>/dev/null; }; \
		[ -z "$$redis_socket" ] || rm -f "$$redis_socket"; \
	}; \
	trap stop_redis EXIT; trap 'exit 130' INT; trap 'exit 143' TERM; \
	if [ -z "$${REDIS_URL:-}" ]; then \
		command -v redis-server >/dev/null || make --no-print-directory redis; \
		mkdir -p run; \
		redis_socket="$$(pwd)/run/redis-$$$$.sock"; \
		redis-server --port 0 --unixsocket "$$redis_socket" --unixsocketperm 700 \
			--save "" --appendonly no --loglevel warning & \
		redis_pid=$$!; \
		for i in $$(seq 1 50); do [ -S "$$redis_socket" ] && break; sleep 0.1; done; \
		[ -S "$$redis_socket" ] || { echo "redis-server did not start" >&2; exit 1; }; \
		export REDIS_URL="unix://$$redis_socket?db=0"; \
		echo "REDIS_URL is not set: using a private redis-server on $$redis_socket."; \
	fi; \
	if [ -z "$${SECRET_KEY:-}" ]; then \
		SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
		export SECRET_KEY; \
		echo "SECRET_KEY is not set: using a throwaway key generated for this local run."; \
	fi; \
	export ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}"; \
	export SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}"; \
	export SECURE_HSTS_SECONDS="$${SECURE_HSTS_SECONDS:-0}"; \
	export SERVE_MEDIA="$${SERVE_MEDIA:-true}"; \
	export TASKS_BACKEND="$${TASKS_BACKEND:-immediate}"; \
	$(MANAGE) migrate --noinput; \
	$(MANAGE) collectstatic --noinput -v0; \
	echo "Serving http://127.0.0.1:$(PORT)/ with gunicorn (Ctrl-C to stop)"; \
	$(BIN)/gunicorn ifrc_site.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--no-control-socket

# The site's own settings from the environment (production), else those of `make run`.
SITE_ENV := DJANGO_SETTINGS_MODULE="$${DJANGO_SETTINGS_MODULE:-ifrc_site.settings.dev}"

# Background work from the queue in the database (TASKS_BACKEND=database): reading uploaded PDFs,
# renditions, CDN purges, search index updates, e-mail. `make run` and `make serve` need none:
# they run each task at once, unless started with TASKS_BACKEND=database beside this.
worker: install ## Run the task worker (for a site started with TASKS_BACKEND=database)
	$(SITE_ENV) TASKS_BACKEND=database $(MANAGE) db_worker --queue-name '*' --interval 0.5

backup: install ## Write the database and media into backups/site-DATE.tar.gz
	$(SITE_ENV) $(MANAGE) backup_site

restore: install ## Bring back a backup: ARCHIVE=backups/....tar.gz (default: the newest)
	$(SITE_ENV) $(MANAGE) restore_site $(ARCHIVE)

soak: install ## Load-test `make serve` with wrk for 5 minutes (SOAK_SECONDS=60 for less)
	bench/soak.sh

messages: install ## Compile translations (.po to .mo) when the project has any
	@if find . -path ./.venv -prune -o -path './$(VENV)' -prune -o -path ./node_modules -prune \
		-o -type f -path '*/locale/*' -name '*.po' -print | grep -q .; then \
		if ! command -v msgfmt >/dev/null; then \
			if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
				echo "Installing gettext (msgfmt) with apt-get"; \
				DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
				DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext; \
			else \
				echo "msgfmt not found: install GNU gettext (e.g. apt-get install gettext)" >&2; exit 1; \
			fi; \
		fi; \
		echo "$(TEST_ENV) $(MANAGE) compilemessages"; \
		$(TEST_ENV) $(MANAGE) compilemessages -v0 --ignore=.venv --ignore='$(VENV)' \
			--ignore=node_modules --ignore=staticfiles; \
	fi

# The .po files hold the strings readers see: everything in the project's templates (each app's
# templates/ and the top-level templates/), the modules below that write to readers (filters, feeds,
# search, the help finder, the refusal pages), and these strings from the models (document types,
# sizes, the dateline, the organisation's name). Labels and help texts that only editors see in the
# admin are left to Wagtail's own translations.
PUBLIC_MODEL_STRINGS := ^(International Federation of Red Cross and Red Crescent Societies|%\(city\)s, %\(country\)s|Report|Assessment|Poster|Guideline|Policy|Case study|Toolkit|%\(size\)s MB|%\(size\)s KB|Type|All types|Language|All languages|Help points and hotlines of the %\(society\)s for people on the move\.|Case studies by the %\(society\)s\.|%\(kind\)s of the %\(society\)s, %\(country\)s: %\(services\)s\.|This is a demonstration copy of the site: its stories, documents and contacts are examples\.)$$
PUBLIC_MODULES := ifrc_site/listing.py ifrc_site/taxonomy.py ifrc_site/feeds.py \
	ifrc_site/syndication.py ifrc_site/settings/* ifrc_site/templatetags/* ifrc_site/search/* \
	ifrc_site/security/* news/feeds.py news/search.py news/apps.py resources/feeds.py \
	resources/search.py migration/finder.py migration/directory.py migration/offline.py
# msggrep's file patterns do not cross "/": each template is named.
PUBLIC_TEMPLATES = $(shell find templates */templates -name '*.html' -not -path 'ifrc_site/demo/*' \
	-not -path '*/reports/*' -not -path '*/dashboard/*' -not -path '*/wagtaildocs/*' | sort)

makemessages: install ## Update locale/*/django.po from the code (then translate the new strings)
	$(TEST_ENV) $(MANAGE) makemessages -l fr -l es -l ar --no-obsolete --add-location=file --ignore=.venv \
		--ignore='$(VENV)' --ignore=node_modules --ignore=staticfiles --ignore=media --ignore=tests \
		--ignore=ifrc_site/demo
	@for po in locale/*/LC_MESSAGES/django.po; do \
		msggrep $(foreach file,$(PUBLIC_TEMPLATES) $(PUBLIC_MODULES),-N '$(file)') \
			-K -E -e '$(PUBLIC_MODEL_STRINGS)' -o "$$po" "$$po" || exit 1; \
	done

lint: install ## Ruff lint and format check; djhtml check of the templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@if [ -d templates ]; then echo "$(BIN)/djhtml --check templates"; $(BIN)/djhtml --check templates; fi

check: install ## Django system checks, missing migrations, migrations the previous release would not survive
	$(TEST_ENV) $(MANAGE) check
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(TEST_ENV) $(MANAGE) check_migrations

audit: install ## Audit requirements.lock for known vulnerabilities (exceptions: .pip-audit-ignore)
	$(PY) scripts/audit-deps

# The test runs go side by side: the SQLite run in one process and the cluster test (its own
# processes) beside the PostgreSQL run's (more processes than cores only cost processor time),
# and with them the checks and the audit (which mostly waits for the network); their output
# follows the PostgreSQL run's. Any failing fails the target.
test: install lint messages redis browser cluster-packages ## Everything CI runs: lint, checks, audit, the tests on SQLite and PostgreSQL, the cluster test
	@checks_log="$$(mktemp)"; sqlite_log="$$(mktemp)"; cluster_log="$$(mktemp)"; \
	trap 'rm -f "$$checks_log" "$$sqlite_log" "$$cluster_log"' EXIT; \
	echo "make check audit > $$checks_log &"; \
	$(MAKE) --no-print-directory check audit > "$$checks_log" 2>&1 & checks=$$!; \
	echo "$(SQLITE_TESTS) $(PYTEST_ARGS) > $$sqlite_log &"; \
	$(SQLITE_TESTS) $(PYTEST_ARGS) > "$$sqlite_log" 2>&1 & sqlite=$$!; \
	echo "$(CLUSTER_TESTS) > $$cluster_log &"; \
	$(CLUSTER_TESTS) > "$$cluster_log" 2>&1 & cluster=$$!; \
	echo "$(POSTGRES_TESTS) $(PYTEST_ARGS)"; \
	postgres_status=0; $(POSTGRES_TESTS) $(PYTEST_ARGS) || postgres_status=$$?; \
	sqlite_status=0; wait $$sqlite || sqlite_status=$$?; \
	cluster_status=0; wait $$cluster || cluster_status=$$?; \
	checks_status=0; wait $$checks || checks_status=$$?; \
	echo; echo "SQLite run, the tests marked both_engines:"; cat "$$sqlite_log"; \
	echo; echo "Cluster test (tests/cluster/):"; cat "$$cluster_log"; \
	echo; echo "Checks and audit:"; cat "$$checks_log"; \
	[ $$postgres_status -eq 0 ] && [ $$sqlite_status -eq 0 ] && [ $$cluster_status -eq 0 ] && \
		[ $$checks_status -eq 0 ]

# Debian's redis-server, for the tests of the cache shared between processes.
redis:
	@command -v redis-server >/dev/null || { \
		echo "Installing Debian's redis-server with apt-get"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; \
	}
	@command -v redis-server >/dev/null || { echo "redis-server is required for the tests" >&2; exit 1; }

# Chromium with the Noto fonts (Arabic among them), from Debian's packages, as root or through
# password-less sudo. Fails loudly when neither is possible.
browser: ## Install Debian's chromium and fonts-noto-core for the browser tests when missing
	@if [ ! -x "$(CHROMIUM)" ] || { command -v dpkg-query >/dev/null && \
		! dpkg-query -W -f='$${Status}' fonts-noto-core 2>/dev/null | grep -q 'ok installed'; }; then \
		if [ "$$(id -u)" = 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
		else echo "$(CHROMIUM) or fonts-noto-core is missing and this user cannot install them:" \
			"install Debian's chromium and fonts-noto-core packages" >&2; exit 1; fi; \
		command -v apt-get >/dev/null || { echo "$(CHROMIUM) is missing and apt-get is not" \
			"available: install Chromium, or set CHROMIUM=/path/to/chromium" >&2; exit 1; }; \
		echo "Installing Debian's chromium and fonts-noto-core with apt-get"; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends chromium fonts-noto-core || exit 1; \
		test -x "$(CHROMIUM)" || { echo "$(CHROMIUM) is still missing after installing" \
			"chromium" >&2; exit 1; }; \
	fi

test-sqlite: install messages redis ## Run the engine-dependent tests on SQLite (PYTEST_ARGS="..." to pass options)
	$(SQLITE_TESTS) $(PYTEST_ARGS)

test-postgres: install messages redis browser ## Run the whole pytest suite on a throwaway PostgreSQL cluster
	$(POSTGRES_TESTS) $(PYTEST_ARGS)

# Debian's varnish, haproxy and wrk, for the cluster test, as root or through password-less sudo.
cluster-packages:
	@missing=""; for program in varnishd haproxy wrk; do \
		command -v $$program >/dev/null || [ -x /usr/sbin/$$program ] || missing="$$missing $$program"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
		else echo "Missing:$$missing. Install Debian's varnish, haproxy and wrk." >&2; exit 1; fi; \
		echo "Installing Debian's varnish, haproxy and wrk with apt-get"; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends varnish haproxy wrk || exit 1; \
	fi

# The site on several processes of this machine, as on several machines: PostgreSQL, Redis, an
# S3-compatible server (moto), the task worker, two gunicorn app servers, HAProxy and Varnish;
# the Varnish rules on their own first. Its timeline goes to test-artifacts/cluster-timeline.md.
cluster-test: install messages redis cluster-packages ## Start the site as a cluster and check it together (tests/cluster/)
	$(CLUSTER_TESTS) $(PYTEST_ARGS)

# Both runs as `make test` makes them, measured with branch coverage, in one report.
coverage: install messages redis browser ## Both test runs with branch coverage, combined, and the report
	rm -f .coverage
	$(SQLITE_TESTS) --cov --cov-branch --cov-report= $(PYTEST_ARGS)
	$(POSTGRES_TESTS) --cov --cov-branch --cov-append --cov-report= $(PYTEST_ARGS)
	$(BIN)/coverage report

# The references of the screenshot comparisons (tests/browser/screenshots/), made on PostgreSQL
# as the test run compares them. Look at the pictures (git diff shows which changed) before
# committing them.
screenshots: install messages browser ## Take the reference pictures of every page type again
	UPDATE_SCREENSHOTS=1 $(TEST_ENV) scripts/with-postgres $(BIN)/pytest \
		tests/browser/test_screenshots.py -q -p no:cacheprovider -o addopts="--strict-markers"

guide: install messages browser ## Take the README's editor's guide pictures again (docs/guide/)
	$(TEST_ENV) GUIDE_SCREENSHOTS=docs/guide $(BIN)/pytest tests/browser/test_editor_journeys.py -q

bench: install redis ## Benchmark every page type under gunicorn: SIZE=100000 stories, DATABASES="sqlite postgresql"
	@command -v wrk >/dev/null || { \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk; }
	@test -x /usr/bin/chromium || { \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }
	@set -e; for database in $(DATABASES); do \
		case "$$database" in \
		sqlite) BENCH_SIZE=$(SIZE) $(PY) bench/run.py ;; \
		postgresql) scripts/with-postgres sh -c \
			'BENCH_DATABASE_URL="$$DATABASE_URL" BENCH_SIZE=$(SIZE) $(PY) bench/run.py' ;; \
		*) echo "DATABASES: sqlite and/or postgresql, not $$database" >&2; exit 2 ;; \
		esac; \
	done

profile: install redis ## Where one page's server time goes: make profile URL=/en/news/ (content built once)
	$(PY) bench/profile.py "$(URL)"

bench-search: install ## Search times on SQLite and PostgreSQL with the large content set (takes minutes)
	$(PY) bench/search.py

lock: ## Regenerate requirements.lock from a clean install of pyproject.toml
	@set -e; \
	tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	echo "Installing .[dev] into a throwaway virtualenv"; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --disable-pip-version-check -q ".[dev]"; \
	"$$tmp/venv/bin/python" -m pip freeze --disable-pip-version-check --exclude-editable \
		| grep -E '^[A-Za-z0-9_.-]+==' \
		| grep -viE '^(ifrc-site|ifrc_site|pip|setuptools|wheel)==' > "$$tmp/requirements.lock"; \
	mv "$$tmp/requirements.lock" requirements.lock; \
	rm -rf build ifrc_site.egg-info; \
	echo "Wrote requirements.lock ($$(wc -l < requirements.lock) packages)"

clean: ## Remove caches, collected static files and test artefacts (keeps .venv, db.sqlite3, media/)
	find . -path ./.venv -prune -o -path './$(VENV)' -prune \
		-o -type d -name __pycache__ -prune -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache staticfiles test-artifacts .coverage htmlcov build *.egg-info

distclean: clean ## Also remove the virtualenv, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 db.sqlite3-journal db.sqlite3-wal db.sqlite3-shm media

# Opstap: `make run` to try it, `make test` to prove it. Everything installs into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
LANGS := nl en fr ar uk
PYTEST_ARGS ?=
# Test processes (pytest-xdist); each has its own test database.
TEST_WORKERS ?= auto

.PHONY: run install assets compilemessages messages migrate seed test e2e bench lint audit format check-deploy clean

## run: install, compile translations, migrate, load the demo site, start server and worker
run: install compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo --site-url http://$(HOST):$(PORT)
	@echo "Starting the task worker and the web server (Ctrl-C stops both)."
	@$(MANAGE) db_worker --interval 1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT)

## install: the Python environment and the front-end assets
install: $(VENV)/.installed assets

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed: install it and run make again."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $@

## assets: the NL Design System stylesheets and the certificates' fonts (Noto Sans, and
## DejaVu Sans for Arabic: its text extracts correctly from the PDF), from
## the npm registry into static/vendor
assets: static/vendor/.built

static/vendor/.built: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && \
	  mkdir -p static/vendor/utrecht static/vendor/voorbeeld-design-tokens && \
	  cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht/component-library.css && \
	  cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css static/vendor/voorbeeld-design-tokens/theme.css && \
	  mkdir -p static/vendor/fonts && \
	  for weight in 400 700; do \
	    for subset in latin latin-ext cyrillic cyrillic-ext; do \
	      cp node_modules/@fontsource/noto-sans/files/noto-sans-$$subset-$$weight-normal.woff2 static/vendor/fonts/ || exit 1; \
	    done; \
	  done && \
	  cp node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf \
	     node_modules/dejavu-fonts-ttf/LICENSE static/vendor/fonts/ && \
	  touch $@; \
	else \
	  echo "npm was not found: the site runs with its own stylesheet only. Install Node.js for the NL Design System components."; \
	fi

## compilemessages: build the .mo files from locale/*/LC_MESSAGES/django.po
compilemessages: $(VENV)/.installed
	@if command -v msgfmt >/dev/null 2>&1; then \
	  $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0; \
	else \
	  $(BIN)/pybabel compile --domain=django --directory=locale --statistics; \
	fi

## messages: update the catalogues from the source (needs GNU gettext)
messages: $(VENV)/.installed
	$(MANAGE) makemessages --ignore=.venv --ignore=node_modules --ignore=static/vendor \
	  --no-obsolete --add-location=file $(addprefix -l ,$(LANGS))

migrate: install
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo

## test: the whole suite (set DATABASE_URL to run it on PostgreSQL)
test: install compilemessages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

## e2e: only the browser journeys and accessibility checks (tests/e2e), in Debian's
## Chromium (/usr/bin/chromium; skipped with a reason when it is missing); make test runs them too
e2e: install compilemessages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest tests/e2e -m e2e -p no:xdist $(PYTEST_ARGS)

## bench: the benchmarks (tests/bench), one table each, also written to var/bench/; the
## pages benchmark seeds var/bench/bench.sqlite3 with seed_bench (or DATABASE_URL) and
## drives gunicorn with wrk, against nginx as the ceiling (both from apt-get when missing)
bench: install compilemessages
	OPSTAP_BENCH=1 DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest tests/bench -p no:xdist -s -q $(PYTEST_ARGS)

## lint: ruff, and migrations that match the models
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

## audit: bandit over our own code (any high-severity finding fails), and pip-audit over
## the dependencies exactly as installed (any known vulnerability fails; a package it
## cannot look up, as on a machine without a vulnerability database, is listed as such)
audit: $(VENV)/.installed
	$(BIN)/bandit -q -r cms programmes forms workflows -x '*/migrations/*' --severity-level high
	@mkdir -p var
	$(BIN)/pip freeze --exclude-editable > var/requirements-installed.txt
	$(BIN)/pip-audit --progress-spinner off --disable-pip --no-deps -r var/requirements-installed.txt

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## check-deploy: Django's deployment checklist against the production settings
check-deploy: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=cms.settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-opstap.example.org} \
	$(MANAGE) check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles

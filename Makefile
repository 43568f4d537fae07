# healthsite: `make run` serves the demo site, `make test` runs every test. `make help` lists all.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# PostgreSQL tests run when DATABASE_URL names a PostgreSQL database; say MARKERS to choose.
MARKERS ?= $(if $(DATABASE_URL),,not postgres)
# `make run` serves on PORT, and records SITE_URL as the site's address (links in pages, feeds,
# the sitemap and e-mails): `make run PORT=8001`, or SITE_URL=http://mybox.local:8001 too.
PORT ?= 8000
SITE_URL ?= http://127.0.0.1:$(PORT)
# Tests run in parallel, one pytest-xdist worker per core, each with its own test database;
# tests sharing a costly fixture stay on one worker (tests/conftest.py). JOBS=0: one at a time.
JOBS ?= auto

.PHONY: help run setup test lint check packages bench

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# The site with the demo app's own requirements (requirements-demo.txt includes the site's).
$(VENV)/.installed: requirements.txt requirements-demo.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-demo.txt
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

setup run: export SITE_URL := $(SITE_URL)
setup: $(VENV)/.installed ## Install, migrate SQLite, load the demo content, create the admin and demo users
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py set_site_address
	$(PY) manage.py create_admin
	$(PY) manage.py create_demo_team

run: setup ## Set up and serve the demo site at http://127.0.0.1:8000 (PORT=… for another port)
	@echo "Serving $(SITE_URL) (admin: $(SITE_URL)/admin/). Ctrl-C stops."
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.dev-installed ## Ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(VENV)/.dev-installed ## Django system checks and missing migrations
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=healthsite.settings.test $(PY) manage.py check
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=healthsite.settings.test $(PY) manage.py makemigrations --check --dry-run

# Debian packages the tests use: Varnish (the proxy tests), Redis (the cache outage tests), Java
# (the HTML checker) and, unless the browser tests are left out, Chromium and the newsboat feed
# reader.
PACKAGES := varnish redis-server openjdk-17-jre-headless $(if $(findstring not browser,$(MARKERS)),,chromium newsboat)

packages: ## Install the Debian packages the tests need (as root), or say how
	@missing="$$(for package in $(PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || echo $$package; done)"; \
	if [ -z "$$missing" ]; then exit 0; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing for the tests:" $$missing; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
		echo "The tests need these Debian packages. Install them with:"; \
		echo "    sudo apt-get install -y" $$missing; \
		echo "(MARKERS='not browser' leaves out the browser tests, Chromium and newsboat)"; exit 1; \
	fi

# axe-core, which the accessibility tests inject into pages, the Nu HTML checker and Lighthouse
# (all pinned in package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

test: lint check packages node_modules/.installed ## Run every test (PostgreSQL ones too when DATABASE_URL is set)
	@if [ -n "$(MARKERS)" ]; then echo "Not run in this pass: tests marked '$(MARKERS)'" \
		"(set DATABASE_URL=postgres://… to include the PostgreSQL ones)."; fi
	$(PY) -m pytest --numprocesses=$(JOBS) --dist=loadgroup $(if $(MARKERS),-m "$(MARKERS)")

# Speed (bench/run.py, given ARGS), then the site under load and faults (bench/faults.py, which
# also runs alone: .venv/bin/python bench/faults.py).
bench: $(VENV)/.installed ## Speed at 1,000 and 10,000 pages on PostgreSQL, then under load and faults
	@bench/install-tools.sh
	$(PY) -m pip install --quiet -r bench/requirements.txt
	$(PY) bench/run.py $(ARGS)
	$(PY) bench/faults.py

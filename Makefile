# Carbon-neutrality association portal. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
PRODUCTION_LOCK := requirements-production.lock
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install check-lock lock demo serve migrate test lint format messages bench-load services-up services-down worker beat clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# Every dependency comes from the lock, at its locked version and hash, and one missing from it
# fails the install. pip and setuptools are locked too: the copies a new virtualenv gets from
# Python 3.11 are replaced (its setuptools, 65.5, has known vulnerabilities). The project is then
# built by the locked setuptools, not one fetched for an isolated build, and brings nothing else.
# Last, what the lock no longer pins is uninstalled and the virtualenv checked against the lock.
# The lock names every package, so pip installs it as written (--no-deps) and `pip check` confirms
# each one's requirements are met: resolving again, pip took a dependency's extra
# (pip-audit's CacheControl[filecache]) as a requirement of its own, chose the newest release
# for it, not the pinned one, and refused the install, the day that release came out.
$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-deps --require-hashes -r $(LOCK)
	$(BIN)/pip check
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python scripts/check_lock.py --prune
	touch $(STAMP)

install: $(STAMP) ## Create the virtualenv and install the project with its dev tools, exactly as requirements.lock pins them

check-lock: $(STAMP) ## Check the virtualenv holds exactly what requirements.lock pins, and both locks meet pyproject.toml
	$(BIN)/python scripts/check_lock.py

# Resolved for CPython 3.11.7 on Linux, what CI runs, wherever this is run. Pins already in the
# lock are kept while pyproject.toml allows them: LOCK_ARGS=--upgrade moves everything to the
# newest allowed, LOCK_ARGS='--upgrade-package wagtail' one package. The production lock is the
# runtime part of the full one, at its versions. The pinned uv comes from the lock itself.
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --group install --generate-hashes --quiet \
	--python-version 3.11.7 --python-platform linux --custom-compile-command 'make lock'
lock: ## Update requirements.lock and requirements-production.lock after changing dependencies in pyproject.toml
	test -x $(BIN)/uv || { $(PYTHON) -m venv $(VENV) && $(BIN)/pip install --quiet --no-deps --require-hashes -r $(LOCK); }
	$(UV_COMPILE) --extra dev $(LOCK_ARGS) -o $(LOCK)
	$(UV_COMPILE) -c $(LOCK) -o $(PRODUCTION_LOCK)

migrate: $(STAMP) ## Apply database migrations
	$(BIN)/python manage.py migrate --no-input

demo: migrate ## Install, migrate, load demo content and serve on http://127.0.0.1:8000/
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: $(STAMP) ## Serve the site without reloading demo content
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP) ## Install and run the whole test suite (services are used when their URLs are set)
	$(BIN)/pytest

lint: $(STAMP) ## Ruff, the import layers (import-linter), Django system checks and a check for missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

audit: $(STAMP) ## Check pinned dependencies with pip-audit (says so when PyPI's advisory data is out of reach)
	scripts/audit

format: $(STAMP) ## Fix lint and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP) ## Update the Chinese translation catalogue and compile it (needs GNU gettext)
	$(BIN)/python manage.py makemessages -l zh_Hans --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py compilemessages -l zh_Hans --ignore=.venv

bench-load: $(STAMP) ## Load bench: gunicorn on the real services under 50 locust visitors (needs services-up's variables)
	$(BIN)/python bench/load.py

services-up: ## Start PostgreSQL, Redis and Elasticsearch; prints the URLs to export
	scripts/services up

services-down: ## Stop the services
	scripts/services down

worker: $(STAMP) ## Run a Celery worker (needs CELERY_BROKER_URL)
	$(BIN)/celery -A portal worker --loglevel INFO

beat: $(STAMP) ## Run Celery beat (needs CELERY_BROKER_URL)
	$(BIN)/celery -A portal beat --loglevel INFO

clean: ## Remove the virtualenv and local data (SQLite database, media)
	rm -rf $(VENV) var

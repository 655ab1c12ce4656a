# Carbon-neutrality association portal. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install demo serve migrate test lint format messages bench-load services-up services-down worker beat clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# setuptools is upgraded too: the copy a new virtualenv gets from Python 3.11 (65.5) has known vulnerabilities.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create the virtualenv and install the project with its dev tools

migrate: $(STAMP) ## Apply database migrations
	$(BIN)/python manage.py migrate --no-input

demo: migrate ## Install, migrate, load demo content and serve on http://127.0.0.1:8000/
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: $(STAMP) ## Serve the site without reloading demo content
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP) ## Install and run the whole test suite (services are used when their URLs are set)
	$(BIN)/pytest

lint: $(STAMP) ## Ruff, Django system checks and a check for missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
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

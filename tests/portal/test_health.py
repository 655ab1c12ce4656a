import json

import pytest

from tests.conftest import require_service

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/healthz")
    return response.status_code, json.loads(response.content)


def test_healthz_reports_embedded_defaults_as_healthy(client, settings):
    settings.ELASTICSEARCH_URL = ""
    settings.CELERY_BROKER_URL = ""

    status, body = health(client)

    assert status == 200
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "up"
    assert body["checks"]["search"]["status"] == "embedded"
    assert body["checks"]["broker"]["status"] == "embedded"


def test_unreachable_search_makes_healthz_503_but_pages_still_serve(client, settings, home_page):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port

    status, body = health(client)

    assert status == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["search"]["status"] == "down"
    assert "error" in body["checks"]["search"]
    assert body["checks"]["database"]["status"] == "up"
    assert client.get("/").status_code == 200


def test_unreachable_broker_makes_healthz_503(client, settings):
    settings.ELASTICSEARCH_URL = ""
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"

    status, body = health(client)

    assert status == 503
    assert body["checks"]["broker"]["status"] == "down"


def test_healthz_is_never_cached_and_only_answers_get(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]
    assert client.post("/healthz").status_code == 405


@pytest.mark.services
def test_healthz_with_every_real_service_up(client, settings):
    require_service("ELASTICSEARCH_URL")
    require_service("CELERY_BROKER_URL")

    status, body = health(client)

    assert status == 200, body
    assert {name: check["status"] for name, check in body["checks"].items() if name != "worker"} == {
        "database": "up",
        "broker": "up",
        "search": "up",
    }

"""Schemathesis walks every read operation of the published schema with generated parameters.

It loads `/api/v1/openapi.json` from the Django application itself (WSGI, no
server) while the site holds data of every kind, and for each operation sends
a bounded number of generated requests, valid and invalid: none may answer
5xx, and every answer must be one the schema declares, in content type and
shape. Writes are covered by the representatives' tests, not fuzzed.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# Loaded when the module is collected: building the schema reads no data.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(method="GET")


@pytest.fixture
def same_connection():
    """As Django's test client does: requests reuse the test's connection, whose transaction holds the site.

    Django closes a connection that is inside a transaction when a request starts or ends, which on
    PostgreSQL would end the test's transaction (an in-memory SQLite database is never closed).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    # The site is built once per module; every example reads it, none changes it.
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
    derandomize=True,
)
def test_no_read_operation_answers_5xx_or_off_schema(case, site, same_connection):
    case.call_and_validate(checks=CHECKS)

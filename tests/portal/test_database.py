import pytest
from django.db import connection

from tests.conftest import require_service


@pytest.mark.services
@pytest.mark.django_db
def test_suite_runs_on_postgresql_when_database_url_is_set():
    require_service("DATABASE_URL")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        assert int(cursor.fetchone()[0].split(".")[0]) >= 15

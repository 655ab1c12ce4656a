"""Production settings: refuse to start without secrets, pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment |= {"DJANGO_SETTINGS_MODULE": "portal.settings.production", **env}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_passes_check_deploy_with_no_warnings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="x" * 20 + "-real-looking-secret-" + "y" * 30,
        ALLOWED_HOSTS="portal.example.org",
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "portal.example.org"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "portal.example.org"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "s" * 60}, "ALLOWED_HOSTS must list"),
    ],
)
def test_production_refuses_to_start_without_a_secret_and_hosts(env, message):
    result = run_manage("check", **env)

    assert result.returncode != 0
    assert message in result.stderr


def test_embedded_defaults_need_no_service(settings):
    # The test environment may point at services; the defaults are what base.py does with none.
    result = subprocess.run(
        [
            sys.executable, "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='portal.settings.dev'; django.setup();"
            "from django.conf import settings as s;"
            "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, repr(s.ELASTICSEARCH_URL),"
            " s.TASKS['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL")},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip

    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "''",
        "django_tasks.backends.immediate.ImmediateBackend",
    ], result.stderr


def test_a_development_server_serves_images_but_never_document_files(settings):

    from portal.urls import media_urlpatterns

    settings.DEBUG = True  # static() serves nothing otherwise
    patterns = media_urlpatterns()

    def served(path: str) -> bool:
        return any(pattern.resolve(path.lstrip("/")) for pattern in patterns)

    assert served("/media/images/river.2e16d0ba.fill-800x450.jpg")
    assert served("/media/original_images/river.jpg")
    assert not served("/media/documents/financial-model.pdf")  # only Wagtail's checked view serves these

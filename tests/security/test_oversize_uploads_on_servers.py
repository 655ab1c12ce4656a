"""An over-size upload gets the 413 page from the servers the site runs on: never a 500, never a reset.

Each server is a process of its own on a free loopback port, with the test settings and a
throwaway SQLite database (the refusal comes before anything reads it). A plain HTTP client
sends the whole body before it reads the answer, as a browser does: the page arrives only if
the server takes in what it refused instead of closing the connection on it (a reset), and
only if nothing in the answer is one the server refuses to send (`runserver`'s WSGI reference
server turns an application's `Connection` header into a 500).
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from tests.reliability.workers import wait_for

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MB = 1024 * 1024
UPLOAD_PATH = "/members/pledges/new/"  # the member area's evidence upload

GUNICORN = [str(BIN / "gunicorn"), "portal.wsgi", "--preload", "--workers", "1", "--bind", "127.0.0.1:{port}"]
SERVERS = {
    "runserver": [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", "127.0.0.1:{port}"],
    # As in production (docs/operations.md), and gunicorn's default worker (its short version).
    "gunicorn gthread": [*GUNICORN, "--worker-class", "gthread"],
    "gunicorn sync": [*GUNICORN, "--worker-class", "sync"],
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="module", params=list(SERVERS))
def server(request, tmp_path_factory):
    """The server's port, once it accepts connections; the process group is stopped at the end."""
    port, workdir = free_port(), tmp_path_factory.mktemp("server")
    command = [part.format(port=port) for part in SERVERS[request.param]]
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "PORTAL_VAR_DIR": str(workdir)}
    env.pop("DATABASE_URL", None)  # the throwaway SQLite database in PORTAL_VAR_DIR
    log = workdir / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - a server from this virtualenv, fixed arguments
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        if not wait_for(lambda: answers(port) or process.poll() is not None, timeout=60):
            pytest.fail(f"{request.param} did not start:\n{log.read_text()[-3000:]}")
        if process.poll() is not None:
            pytest.fail(f"{request.param} stopped:\n{log.read_text()[-3000:]}")
        yield port
    finally:
        os.killpg(process.pid, signal.SIGINT)  # quick shutdown, for gunicorn and runserver alike
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


def post(port: int, path: str, body: bytes) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", path, body=body, headers={"Content-Type": "application/pdf"})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def test_an_over_size_upload_gets_the_413_page(server):
    limit = settings.REQUEST_BODY_LIMITS["/members/"]
    size = limit + MB  # more than the socket buffers hold: the client is still sending when the page is ready
    status, page = post(server, UPLOAD_PATH, b"x" * size)

    assert status == 413
    assert "The upload is too large" in page
    assert f"What you sent is {filesizeformat(size)}; this page accepts at most {filesizeformat(limit)}." in page

"""Real services taken down and brought back, and Celery workers run as processes of their own.

`scripts/services` does the stopping and starting, exactly as a developer
would; a `WorkerProcess` is `celery -A portal worker` on the test run's
database and queue (see `worker_settings`), so the tests can SIGKILL it.
"""

import email
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from portal.celery import app
from tests.conftest import REQUIRE_SERVICES

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "scripts" / "services"
CELERY = Path(sys.executable).with_name("celery")


def require_root() -> None:
    """Stopping and starting the services takes root, as `scripts/services up` does (CI runs as root)."""
    if os.geteuid() != 0:
        reason = "scripts/services needs root to stop and start a service"
        if REQUIRE_SERVICES:
            pytest.fail(f"{reason} (PORTAL_REQUIRE_SERVICES=1 forbids skipping)")
        pytest.skip(reason)


def services(command: str, service: str) -> None:
    """`scripts/services <command> <service>`: start and restart return once the service answers."""
    subprocess.run([SERVICES, command, service], check=True, stdout=subprocess.DEVNULL, timeout=240)  # noqa: S603 - our own script


def wait_for(condition, timeout: float = 30.0, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


@contextmanager
def publishing_to_own_queue():
    """Tasks this process sends go to a queue of its own on the real broker, not run in-process.

    Its own queue so that no other worker on the same broker (another test run) takes them.
    """
    queue = f"reliability-{uuid.uuid4().hex[:8]}"
    conf = app.conf
    previous = conf.task_always_eager, conf.broker_url, conf.task_default_queue
    conf.task_always_eager, conf.broker_url, conf.task_default_queue = False, settings.CELERY_BROKER_URL, queue
    try:
        yield queue
    finally:
        conf.task_always_eager, conf.broker_url, conf.task_default_queue = previous
        with suppress(Exception), app.connection_for_write() as broker:  # best effort: the broker may be down
            broker.default_channel.queue_delete(queue)


class WorkerProcess:
    """`celery -A portal worker` with one process (solo) or one pool child (prefork), logging to a file."""

    def __init__(self, workdir: Path, queue: str, *, name: str, pool: str = "solo", beat: bool = False, **env):
        self.workdir, self.queue, self.name, self.pool, self.beat = workdir, queue, name, pool, beat
        self.log = workdir / f"{name}.log"
        self.mail_dir = workdir / "mail"
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        self.env = (
            os.environ
            | {
                "DJANGO_SETTINGS_MODULE": "tests.reliability.worker_settings",
                "PYTHONPATH": str(ROOT),
                "PORTAL_TEST_DATABASE": connection.settings_dict["NAME"],
                "PORTAL_TEST_QUEUE": queue,
                "PORTAL_TEST_EMAIL_DIR": str(self.mail_dir),
                "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            }
            | {key: str(value) for key, value in env.items()}
        )
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> "WorkerProcess":
        command = [str(CELERY), "-A", "portal", "worker", "--pool", self.pool, "--concurrency", "1"]
        command += ["-Q", self.queue, "-n", f"{self.name}@%h", "--loglevel", "INFO"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        if self.beat:
            command += ["--beat", "--schedule", str(self.workdir / f"{self.name}-beat")]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - celery from this virtualenv, fixed arguments
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        if not wait_for(lambda: " ready." in self.output() or self.process.poll() is not None, timeout):
            raise AssertionError(f"worker {self.name} not ready after {timeout}s:\n{self.output()[-3000:]}")
        if self.process.poll() is not None:
            raise AssertionError(f"worker {self.name} exited:\n{self.output()[-3000:]}")
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def pool_children(self) -> list[int]:
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        return [int(child) for child in children]

    def kill(self) -> None:
        """SIGKILL the whole worker: no warm shutdown, no acknowledgement, nothing handed back."""
        os.kill(self.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        children = self.pool_children()
        # Cold shutdown: by now the test has seen its tasks finish, and a warm one takes seconds.
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for child in children:  # a prefork child left behind by a killed parent
            with suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def task_ids(self, task_name: str) -> list[str]:
        """Ids of the tasks of that name this worker received, in order, once per delivery."""
        return re.findall(rf"Task {re.escape(task_name)}\[([0-9a-f-]+)\] received", self.output())

    def deliveries(self, task_id: str) -> int:
        """How many times this worker received the task (a redelivery counts again)."""
        return len(re.findall(rf"Task [\w.]+\[{re.escape(task_id)}\] received", self.output()))


def sent_emails(mail_dir: Path) -> list[email.message.Message]:
    """Every message the file-based email backend wrote: one file per connection, messages separated by dashes."""
    messages = []
    for path in sorted(mail_dir.glob("*.log")):
        for chunk in path.read_text().split("\n" + "-" * 79 + "\n"):
            if chunk.strip():
                messages.append(email.message_from_string(chunk))
    return messages


def recipients(mail_dir: Path) -> Counter:
    return Counter(message["To"] for message in sent_emails(mail_dir))

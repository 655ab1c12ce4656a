"""Visitors, registrants and an editor of the public site, for `bench/load.py` (which passes the addresses and
reads the report).

Each simulated visitor opens a page, reads it for one to two seconds, opens the
next: home, the events listing, an event, the pledge tracker, a company, a site
search or an EOD catalogue search, in the proportions below. Requests are
grouped by page in locust's statistics. Every response's `X-Cache`,
`X-DB-Queries` and `X-CPU-Ms` headers and its time are tallied per page and
cache state, and written to $LOAD_REPORT at the end.

With $LOAD_REGISTRATIONS_PER_MINUTE, registrants register for events open for
registration as a visitor would: the event page, the form's token from the
address the page's script asks, then the form, each from an address of its
own (an X-Forwarded-For entry the bench's server trusts as its proxy's).
With $LOAD_PUBLISHES_PER_HOUR, an editor signed in to the admin publishes a
page's latest revision through the admin's bulk publish action.
"""

import json
import os
import random
import re
import time
from collections import defaultdict

import gevent
from locust import FastHttpUser, between, constant_throughput, events, task

URLS: dict[str, list[str]] = json.loads(os.environ["LOAD_URLS"])
WEIGHTS = {"home": 3, "events": 3, "event page": 3, "tracker": 3, "company": 3, "search": 3, "EOD search": 2}
PAGES = [page for page in WEIGHTS if URLS.get(page)]
REGISTRATIONS_PER_MINUTE = float(os.environ.get("LOAD_REGISTRATIONS_PER_MINUTE") or 0)
REGISTRANTS = int(os.environ.get("LOAD_REGISTRANTS") or 0)
PUBLISHES_PER_HOUR = float(os.environ.get("LOAD_PUBLISHES_PER_HOUR") or 0)
EDITOR = os.environ.get("LOAD_EDITOR", "")
EDITOR_PASSWORD = os.environ.get("LOAD_EDITOR_PASSWORD", "")

FORM_ACTION = re.compile(
    r'<form class="form registration__form" method="post" action="([^"]+)"(?: data-token-url="([^"]+)")?'
)
TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')

tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
times: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
cpu: dict[str, list[float]] = defaultdict(list)


class Visitor(FastHttpUser):
    wait_time = between(1, 2)

    @task
    def visit(self) -> None:
        page = random.choices(PAGES, weights=[WEIGHTS[page] for page in PAGES])[0]  # noqa: S311 - load mix
        self.client.get(random.choice(URLS[page]), name=page)  # noqa: S311


# Only the writers asked for exist: locust runs every user class a locustfile defines.
if REGISTRANTS:

    class Registrant(FastHttpUser):
        """Registers for an open event: page, token, form; a fresh address and email each time."""

        fixed_count = REGISTRANTS
        wait_time = constant_throughput(REGISTRATIONS_PER_MINUTE / 60 / max(REGISTRANTS, 1) or 1)

        @task
        def register(self) -> None:
            if not URLS.get("register"):
                return
            address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"  # noqa: S311
            headers = {"X-Forwarded-For": address}
            html = self.client.get(random.choice(URLS["register"]), name="event page", headers=headers).text or ""  # noqa: S311
            form, token = FORM_ACTION.search(html), TOKEN_FIELD.search(html)
            if form is None:
                events.request.fire(request_type="POST", name="registration", response_time=0, response_length=0,
                                    exception=RuntimeError("no registration form on the page"), context={})  # fmt: skip
                return
            value = token.group(1) if token else ""
            if not value and form.group(2):  # a cached page: its script would fetch the token
                value = self.client.get(form.group(2), name="token", headers=headers).json()["token"]
            number = random.randrange(10**9)  # noqa: S311
            data = {
                "csrfmiddlewaretoken": value,
                "name": f"Bench Visitor {number}",
                "email": f"bench{number}@example.com",
                "organisation": "Bench Chemicals",
                "role": "Energy manager",
                "needs": "",
                "consent": "on",
                "website": "",
            }
            with self.client.post(
                form.group(1),
                data=data,
                name="registration",
                headers=headers,
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code == 302:
                    response.success()
                else:
                    response.failure(f"registration answered {response.status_code}")


if PUBLISHES_PER_HOUR:

    class Editor(FastHttpUser):
        """Publishes a page's latest revision from the admin now and then, as staff would."""

        fixed_count = 1
        wait_time = constant_throughput(PUBLISHES_PER_HOUR / 3600 or 1)

        def on_start(self) -> None:
            # The first publish half an interval in, as on average, rather than at the first second of the run.
            self._first_publish = time.monotonic() + 3600 / PUBLISHES_PER_HOUR / 2
            self.client.get("/admin/login/", name="admin")
            self.client.post(
                "/admin/login/",
                data={"username": EDITOR, "password": EDITOR_PASSWORD, "csrfmiddlewaretoken": self._token()},
                name="admin",
                allow_redirects=False,  # signed in; the admin dashboard it leads to is no part of the mix
            )

        def _token(self) -> str:
            return next((cookie.value for cookie in self.client.cookiejar if cookie.name == "csrftoken"), "")

        @task
        def publish(self) -> None:
            if not URLS.get("publish"):
                return
            if time.monotonic() < self._first_publish:
                gevent.sleep(self._first_publish - time.monotonic())
            page_id = random.choice(URLS["publish"])  # noqa: S311
            with self.client.post(
                f"/admin/bulk/wagtailcore/page/publish/?id={page_id}",
                data={"csrfmiddlewaretoken": self._token(), "include_descendants": ""},
                headers={"Referer": f"{self.host}/admin/"},
                name="publish",
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code == 302:
                    response.success()
                else:
                    response.failure(f"publish answered {response.status_code}")


@events.request.add_listener
def count_cache_and_queries(name, response_time=0, response=None, exception=None, **kwargs) -> None:
    if response is None or exception is not None:
        return
    headers = response.headers or {}
    cache_state = headers.get("X-Cache") or "none"
    queries = int(headers.get("X-DB-Queries") or -1)
    counts = tally[name]
    counts[cache_state] += 1
    counts[f"queries_{cache_state}"] += max(queries, 0)
    counts[f"max_queries_{cache_state}"] = max(counts[f"max_queries_{cache_state}"], queries)
    times[name][cache_state].append(response_time)
    if cache_state in ("miss", "none") and headers.get("X-CPU-Ms"):  # renders, not answers from the cache
        cpu[name].append(float(headers["X-CPU-Ms"]))


@events.quitting.add_listener
def write_report(environment, **kwargs) -> None:
    with open(os.environ["LOAD_REPORT"], "w") as report:
        json.dump({"tally": tally, "times": times, "cpu": cpu}, report)

"""Anonymous visitors of the public site, for `bench/load.py` (which passes the addresses and reads the report).

Each simulated visitor opens a page, reads it for one to two seconds, opens the
next: home, the events listing, an event, the pledge tracker, a company, a site
search or an EOD catalogue search, in the proportions below. Requests are
grouped by page in locust's statistics. Every response's `X-Cache` and
`X-DB-Queries` headers are tallied per page and written to $LOAD_REPORT at
the end.
"""

import json
import os
import random
from collections import defaultdict

from locust import FastHttpUser, between, events, task

URLS: dict[str, list[str]] = json.loads(os.environ["LOAD_URLS"])
WEIGHTS = {"home": 3, "events": 3, "event page": 3, "tracker": 3, "company": 3, "search": 3, "EOD search": 2}
PAGES = [page for page in WEIGHTS if URLS.get(page)]

tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))


class Visitor(FastHttpUser):
    wait_time = between(1, 2)

    @task
    def visit(self) -> None:
        page = random.choices(PAGES, weights=[WEIGHTS[page] for page in PAGES])[0]  # noqa: S311 - load mix
        self.client.get(random.choice(URLS[page]), name=page)  # noqa: S311


@events.request.add_listener
def count_cache_and_queries(name, response=None, exception=None, **kwargs) -> None:
    if response is None or exception is not None:
        return
    headers = response.headers or {}
    cache_state = headers.get("X-Cache") or "none"
    queries = int(headers.get("X-DB-Queries") or -1)
    counts = tally[name]
    counts[cache_state] += 1
    counts[f"queries_{cache_state}"] += max(queries, 0)
    counts[f"max_queries_{cache_state}"] = max(counts[f"max_queries_{cache_state}"], queries)


@events.quitting.add_listener
def write_report(environment, **kwargs) -> None:
    with open(os.environ["LOAD_REPORT"], "w") as report:
        json.dump(tally, report)

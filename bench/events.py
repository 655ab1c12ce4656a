"""Benchmark of the events listing, calendar, feeds and registration on PostgreSQL. Prints figures; not a test.

    eval "$(scripts/services up 2>/dev/null)"
    .venv/bin/python bench/events.py [--events 500] [--runs 30] [--registrants 400] [--threads 16]

Builds a throwaway database with N published events over two years (a third of
them with registrations), renders the listing views, an event page and the
iCal feeds, then has --threads visitors post --registrants registrations to one
event with few seats at once, and prints the throughput, latency and the
confirmed / waitlisted split (which must equal the capacity and the rest).
"""

import argparse
import datetime
import random
import statistics
import threading
import time

from common import print_table, throwaway_database
from django.db import connections
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Site

from initiatives.models import EventIndexPage, EventKind, EventPage, Registration
from portal.models import HomePage, Topic

CITIES = ["Shanghai", "Beijing", "Suzhou", "Guangzhou", "Shenzhen", "Chengdu"]


def build(events: int) -> EventIndexPage:
    rng = random.Random(2030)  # noqa: S311 - seeded bench data, not security
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="bench-home", hero_heading="Bench"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "testserver", "root_page": home})
    index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    topics = [Topic.objects.create(name_en=f"Topic {n}", slug=f"topic-{n}") for n in range(8)]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n in range(events):
        start = now + datetime.timedelta(days=rng.randint(-365, 365), hours=rng.randint(-6, 6))
        online = n % 5 == 0
        event = index.add_child(
            instance=EventPage(
                title=f"Bench event {n:04d}",
                slug=f"bench-event-{n:04d}",
                kind=rng.choice(EventKind.values),
                introduction="Measuring and cutting emissions in manufacturing.",
                start=start,
                end=start + datetime.timedelta(hours=rng.randint(2, 30)),
                venue_name="" if online else "Conference Centre",
                city="" if online else rng.choice(CITIES),
                online_url="https://live.example.org/room" if online or n % 7 == 0 else "",
                capacity=rng.choice([30, 80, 200, None]),
            )
        )
        event.topics.set(rng.sample(topics, 2))
        if n % 3 == 0:
            Registration.objects.bulk_create(
                Registration(
                    event=event,
                    name=f"Visitor {i}",
                    email=f"v{i}@example.com",
                    email_key=f"v{i}@example.com",
                    organisation="Example Co",
                    role="Engineer",
                    status=Registration.Status.CONFIRMED,
                    consented_at=now,
                )
                for i in range(25)
            )
    return index


def race(url: str, registrants: int, threads: int) -> tuple[float, list[float], list[int]]:
    latencies: list[float] = []
    codes: list[int] = []
    gate = threading.Barrier(threads)

    def visitor_batch(batch: range) -> None:
        client = Client()
        try:
            gate.wait()
            for i in batch:
                data = {"name": f"Racer {i}", "email": f"r{i}@example.com", "organisation": "Example Co"}
                data |= {"role": "Engineer", "consent": "on"}
                started = time.perf_counter()
                response = client.post(url, data, REMOTE_ADDR=f"10.2.{i // 200}.{i % 200}")
                latencies.append((time.perf_counter() - started) * 1000)
                codes.append(response.status_code)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=visitor_batch, args=(range(t, registrants, threads),)) for t in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started, latencies, codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30, help="renders per view")
    parser.add_argument("--registrants", type=int, default=400)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--capacity", type=int, default=50)
    args = parser.parse_args()

    started = time.perf_counter()
    with throwaway_database("events"):
        from django.conf import settings

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        settings.EVENT_REGISTRATION_RATE = (10**6, 600)
        index = build(args.events)
        upcoming = EventPage.objects.filter(start__gt=timezone.now()).order_by("start")
        sample = upcoming.first()
        month = sample.start.strftime("%Y-%m")
        print(
            f"{EventPage.objects.count()} events, {Registration.objects.count()} registrations "
            f"(built in {time.perf_counter() - started:.0f} s)"
        )
        views = [
            ("listing, upcoming", index.url),
            ("listing, page 3", f"{index.url}?page=3"),
            ("listing, past archive", f"{index.url}?when=past"),
            ("listing, filtered", f"{index.url}?kind=seminar&city=Shanghai&topic=topic-1"),
            ("calendar month", f"{index.url}?view=calendar&month={month}"),
            ("event page", sample.url),
            ("event iCal", sample.url + "ical/"),
            ("iCal feed, all", f"{index.url}ical/"),
            ("iCal feed, filtered", f"{index.url}ical/?kind=webinar"),
        ]
        print_table(Client(), views, args.runs)

        event = upcoming.last()
        event.capacity = args.capacity
        event.save()
        elapsed, latencies, codes = race(event.url + "register/", args.registrants, args.threads)
        statuses = list(event.registrations.values_list("status", flat=True))
        confirmed = statuses.count(Registration.Status.CONFIRMED)
        print(
            f"\nregistration race: {args.registrants} posts from {args.threads} threads for {args.capacity} seats\n"
            f"  {args.registrants / elapsed:.0f} registrations/s, latency p50 {statistics.median(latencies):.0f} ms, "
            f"p95 {statistics.quantiles(latencies, n=20)[18]:.0f} ms, max {max(latencies):.0f} ms\n"
            f"  answers {sorted(set(codes))}, confirmed {confirmed}, waitlisted {len(statuses) - confirmed}"
            f"{'  (OVERBOOKED)' if confirmed > args.capacity else ''}"
        )


if __name__ == "__main__":
    main()

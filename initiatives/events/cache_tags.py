"""What the page cache retires when registrations change (`portal.page_cache`).

A registration changes the seats its event's page shows, in both languages
(registrations belong to the original page). The events listing shows each
card's seats band only (`EventPage.availability`: seats available, few left,
fully booked), so a registration retires the listing only when it moves its
event into another band: in a registration drive, a handful of times per
event rather than once per registration. The tracker and the library show
nothing of events.
"""

from django.core.cache import cache
from django.db import transaction

from initiatives.events.models import EventPage
from portal import page_cache

LISTING_TAG = "events-listing"


def event_tag(event_id: int) -> str:
    return f"event:{event_id}"


def _band_key(translation_key) -> str:
    # By translation key: the listing shows translations, registrations belong to the original page.
    return f"page-cache:events:band:{translation_key}"


def remember_bands(events) -> None:
    """Note the seats band each card of a listing being rendered shows (`seats_band`), so that a registration
    retires the listing only when it changes one of them."""
    cache.set_many({_band_key(e.translation_key): _value(e.seats_band) for e in events}, timeout=None)


def _value(band) -> str:
    return band.value if band is not None else ""


def retire_listing_if_band_changed(event_id: int) -> None:
    """Bump the listing's tag if the event's seats band is not the one last seen (unknown counts as changed).
    Run after the commit, so the band is read from committed rows and a rolled-back registration moves nothing."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        page_cache.bump_tags(LISTING_TAG)
        return
    band = _value(event.availability())
    if cache.get(_band_key(event.translation_key)) != band:
        cache.set(_band_key(event.translation_key), band, timeout=None)
        page_cache.bump_tags(LISTING_TAG)


def registration_tags(registration) -> list[str]:
    event_id = registration.event_id
    transaction.on_commit(lambda: retire_listing_if_band_changed(event_id))
    return [event_tag(event_id)]


def register() -> None:
    page_cache.register_tags("initiatives.registration", registration_tags)

"""What the page cache retires when registrations change (`portal.page_cache`).

A registration changes the seats its event's page shows, in both languages
(registrations belong to the original page), and nothing else: the events
listing shows no seats, and the tracker and the library nothing of events.
"""

from portal import page_cache


def event_tag(event_id: int) -> str:
    return f"event:{event_id}"


def register() -> None:
    page_cache.register_tags("initiatives.registration", lambda registration: [event_tag(registration.event_id)])

"""schema.org Event data for search engines, as a JSON-LD script element in the event page's head.

Words come from the page being read, practical details (times, status, online
link, seats) from the original page, as on the page itself.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from initiatives.events.models import Attendance, EventLanguage, EventPage, RegistrationStatus
from portal.jsonld import image_urls
from portal.models import SiteIdentity

SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    Attendance.IN_PERSON: "OfflineEventAttendanceMode",
    Attendance.ONLINE: "OnlineEventAttendanceMode",
    Attendance.HYBRID: "MixedEventAttendanceMode",
}
LANGUAGES = {EventLanguage.CHINESE: "zh", EventLanguage.ENGLISH: "en", EventLanguage.BILINGUAL: ["zh", "en"]}


def event_data(
    page: EventPage,
    request: HttpRequest | None = None,
    *,
    event: EventPage | None = None,
    registration_status: str | None = None,
    seats_left: int | None = None,
) -> dict:
    """The schema.org Event for ``page``; ``event`` is the original page (``page.source`` by default)."""
    event = event or page.source
    url = page.get_full_url(request) or ""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.introduction,
        "url": url,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": SCHEMA + ("EventCancelled" if event.cancelled else "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODES[Attendance(event.attendance)],
        "inLanguage": LANGUAGES.get(event.language, event.language),
    }

    locations = []
    if page.venue_name:
        place = {"@type": "Place", "name": page.venue_name}
        address = {"@type": "PostalAddress"}
        if page.venue_address:
            address["streetAddress"] = page.venue_address
        if page.city:
            address["addressLocality"] = page.city
        if len(address) > 1:
            place["address"] = address
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations

    if page.hero_image:
        data["image"] = image_urls(request, page.hero_image)

    site = Site.find_for_request(request) if request is not None else page.get_site()
    if site is not None:
        # For the request when there is one: the header has already loaded it for this request.
        identity = SiteIdentity.for_request(request) if request is not None else SiteIdentity.for_site(site)
        organizer = {"@type": "Organization", "name": identity.name}
        if site.root_url:
            organizer["url"] = site.root_url + "/"
        data["organizer"] = organizer

    performers = []
    for link in page.speaker_list:
        speaker = link.speaker
        person = {"@type": "Person", "name": speaker.display_name}
        if speaker.display_title:
            person["jobTitle"] = speaker.display_title
        if speaker.display_organisation:
            person["affiliation"] = {"@type": "Organization", "name": speaker.display_organisation}
        performers.append(person)
    if performers:
        data["performer"] = performers

    status = registration_status or event.registration_status()
    if status == RegistrationStatus.OPEN:
        if seats_left is None and event.capacity is not None:
            seats_left = event.seats_left()
        offer = {
            "@type": "Offer",
            "url": url,
            "price": "0",
            "priceCurrency": "CNY",
            # A full event still takes registrations, on its waitlist.
            "availability": SCHEMA + ("SoldOut" if seats_left == 0 else "InStock"),
        }
        if event.registration_opens:
            offer["validFrom"] = event.registration_opens.astimezone(event.zone).isoformat()
        data["offers"] = offer
    return data

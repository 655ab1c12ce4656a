import datetime

import factory
import wagtail_factories
from django.utils import timezone

from initiatives.models import EventIndexPage, EventKind, EventPage, Registration, Speaker


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    introduction = "Seminars, forums and open days on the road to carbon neutrality."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An upcoming seminar in Shanghai, a week from now, open for registration."""

    title = factory.Sequence(lambda n: f"Seminar {n}")
    kind = EventKind.SEMINAR
    introduction = "How manufacturers measure and cut their emissions."
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    time_zone = "Asia/Shanghai"
    venue_name = "Pudong Conference Centre"
    venue_address = "2727 Binjiang Avenue, Pudong"
    city = "Shanghai"
    capacity = 50
    # Freed seats go straight to the next person, as before offers existed; the offer tests set hours.
    offer_hours = 0

    class Meta:
        model = EventPage


class SpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Speaker {n}")
    title = "Head of Sustainability"
    organisation = "Tsinghua University"

    class Meta:
        model = Speaker


class RegistrationFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Visitor {n}")
    email = factory.Sequence(lambda n: f"visitor{n}@example.com")
    organisation = "Example Chemicals"
    role = "Energy manager"
    status = Registration.Status.CONFIRMED
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration

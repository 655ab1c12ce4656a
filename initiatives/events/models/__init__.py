"""The events feature's models: event pages and their index, speakers, registrations."""

from .pages import (
    AgendaBlock,
    Attendance,
    Availability,
    EventIndexPage,
    EventKind,
    EventLanguage,
    EventMaterial,
    EventPage,
    EventPartner,
    EventPhoto,
    EventSpeaker,
    RegistrationStatus,
)
from .registrations import FollowUp, Registration, RegistrationEmail
from .speakers import Speaker

__all__ = [
    "AgendaBlock",
    "Attendance",
    "Availability",
    "EventIndexPage",
    "EventKind",
    "EventLanguage",
    "EventMaterial",
    "EventPage",
    "EventPartner",
    "EventPhoto",
    "EventSpeaker",
    "FollowUp",
    "Registration",
    "RegistrationEmail",
    "RegistrationStatus",
    "Speaker",
]

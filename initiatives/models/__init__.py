from .events import (
    AgendaBlock,
    Attendance,
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
from .registrations import Registration, RegistrationEmail
from .speakers import Speaker

__all__ = [
    "AgendaBlock",
    "Attendance",
    "EventIndexPage",
    "EventKind",
    "EventLanguage",
    "EventMaterial",
    "EventPage",
    "EventPartner",
    "EventPhoto",
    "EventSpeaker",
    "Registration",
    "RegistrationEmail",
    "RegistrationStatus",
    "Speaker",
]

"""The app's models, re-exported for the "initiatives" app label: each feature package holds its own.

- `initiatives.events.models`: event pages and their index, speakers, registrations;
- `initiatives.eod.models`: the EOD catalogue page and programme pages;
- `initiatives.financiers.models`: financier accounts, saved searches and alerts, expressions of interest.
"""

from initiatives.eod.models import (
    RESTRICTED_FIELDS,
    EnvironmentalKind,
    EodCatalogPage,
    EodEnvironmentalComponent,
    EodIndustrialComponent,
    EodProgrammeDocument,
    EodProgrammeImage,
    EodProgrammePage,
    EodSector,
    Instrument,
    OutcomeUnit,
    ProgrammeStage,
)
from initiatives.events.models import (
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
    FollowUp,
    Registration,
    RegistrationEmail,
    RegistrationStatus,
    Speaker,
)
from initiatives.financiers.models import (
    AlertDigest,
    AlertItem,
    ExpressionOfInterest,
    Financier,
    FinancierEmail,
    SavedSearch,
)

__all__ = [
    "RESTRICTED_FIELDS",
    "AgendaBlock",
    "AlertDigest",
    "AlertItem",
    "Attendance",
    "EnvironmentalKind",
    "EodCatalogPage",
    "EodEnvironmentalComponent",
    "EodIndustrialComponent",
    "EodProgrammeDocument",
    "EodProgrammeImage",
    "EodProgrammePage",
    "EodSector",
    "EventIndexPage",
    "EventKind",
    "EventLanguage",
    "EventMaterial",
    "EventPage",
    "EventPartner",
    "EventPhoto",
    "EventSpeaker",
    "ExpressionOfInterest",
    "Financier",
    "FinancierEmail",
    "FollowUp",
    "Instrument",
    "OutcomeUnit",
    "ProgrammeStage",
    "Registration",
    "RegistrationEmail",
    "RegistrationStatus",
    "SavedSearch",
    "Speaker",
]

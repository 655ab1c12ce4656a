from .catalogue import EodCatalogPage
from .eod import (
    RESTRICTED_FIELDS,
    EnvironmentalKind,
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
    "RESTRICTED_FIELDS",
    "AgendaBlock",
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
    "Instrument",
    "OutcomeUnit",
    "ProgrammeStage",
    "Registration",
    "RegistrationEmail",
    "RegistrationStatus",
    "Speaker",
]

from .financiers import (
    AlertDigest,
    AlertItem,
    ExpressionOfInterest,
    Financier,
    FinancierEmail,
    SavedSearch,
)

__all__ += ["AlertDigest", "AlertItem", "ExpressionOfInterest", "Financier", "FinancierEmail", "SavedSearch"]

"""The EOD feature's models: the catalogue page, programme pages and their components, documents and images."""

from initiatives.eod.choices import EnvironmentalKind, EodSector, Instrument, OutcomeUnit, ProgrammeStage

from .catalogue import EodCatalogPage
from .programmes import (
    RESTRICTED_FIELDS,
    EodEnvironmentalComponent,
    EodIndustrialComponent,
    EodProgrammeDocument,
    EodProgrammeImage,
    EodProgrammePage,
)

__all__ = [
    "RESTRICTED_FIELDS",
    "EnvironmentalKind",
    "EodCatalogPage",
    "EodEnvironmentalComponent",
    "EodIndustrialComponent",
    "EodProgrammeDocument",
    "EodProgrammeImage",
    "EodProgrammePage",
    "EodSector",
    "Instrument",
    "OutcomeUnit",
    "ProgrammeStage",
]

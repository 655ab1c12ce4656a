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
from .taxonomy import CatalogueEdition, GreenCategory

__all__ = [
    "RESTRICTED_FIELDS",
    "CatalogueEdition",
    "EnvironmentalKind",
    "EodCatalogPage",
    "EodEnvironmentalComponent",
    "EodIndustrialComponent",
    "EodProgrammeDocument",
    "EodProgrammeImage",
    "EodProgrammePage",
    "EodSector",
    "GreenCategory",
    "Instrument",
    "OutcomeUnit",
    "ProgrammeStage",
]

from .briefs import BriefAuthor, BriefDocument, PolicyBriefIndexPage, PolicyBriefPage
from .documents import (
    DocumentLanguage,
    DocumentStatus,
    DocumentType,
    ExtractedPage,
    Extraction,
    Jurisdiction,
    PolicyDocument,
    PolicyLibraryPage,
)

__all__ = [
    "BriefAuthor",
    "BriefDocument",
    "DocumentLanguage",
    "DocumentStatus",
    "DocumentType",
    "ExtractedPage",
    "Extraction",
    "Jurisdiction",
    "PolicyBriefIndexPage",
    "PolicyBriefPage",
    "PolicyDocument",
    "PolicyLibraryPage",
]

from .briefs import BriefAuthor, BriefDocument, PolicyBriefIndexPage, PolicyBriefPage
from .heartbeat import WorkerHeartbeat
from .library import (
    DocumentLanguage,
    DocumentStatus,
    DocumentType,
    ExtractedPage,
    Extraction,
    Jurisdiction,
    PolicyDocument,
    PolicyLibraryPage,
)
from .pages import HomePage, StandardPage
from .site_settings import FooterLink, MenuItem, SiteIdentity
from .topics import Topic

__all__ = [
    "BriefAuthor",
    "BriefDocument",
    "DocumentLanguage",
    "DocumentStatus",
    "DocumentType",
    "ExtractedPage",
    "Extraction",
    "FooterLink",
    "HomePage",
    "Jurisdiction",
    "MenuItem",
    "PolicyBriefIndexPage",
    "PolicyBriefPage",
    "PolicyDocument",
    "PolicyLibraryPage",
    "SiteIdentity",
    "StandardPage",
    "Topic",
    "WorkerHeartbeat",
]

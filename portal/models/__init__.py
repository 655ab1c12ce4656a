"""The `portal` app label's models: the site's own (pages, settings, topics, heartbeat) and the library's.

The library and briefs live in `portal.library`; they are re-exported here so that Django finds them
under the `portal` label (their tables and migrations stay the portal app's).
"""

from portal.library.models import (
    BriefAuthor,
    BriefDocument,
    DocumentLanguage,
    DocumentStatus,
    DocumentType,
    ExtractedPage,
    Extraction,
    Jurisdiction,
    PolicyBriefIndexPage,
    PolicyBriefPage,
    PolicyDocument,
    PolicyLibraryPage,
)

from .heartbeat import WorkerHeartbeat
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

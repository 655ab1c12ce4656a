"""What the page cache retires when the policy-document library changes (`portal.page_cache`).

A document and its extracted pages show in the library's listing and on the
document's own page there; search pages follow when the index task has run.
"""

from portal import page_cache

LIBRARY = "library"


def register() -> None:
    for label in ("portal.policydocument", "portal.extractedpage"):
        page_cache.register_tags(label, lambda row: [LIBRARY])

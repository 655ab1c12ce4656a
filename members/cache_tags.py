"""What the page cache retires when a company's public data changes (`portal.page_cache`).

A pledge, milestone, progress report, plant, public change or alignment
assessment shows on its company's page, in the tracker (its rows and totals),
on its sector's peer page and the pages of its peers (their place among them)
and in the home page's member panel; search pages follow when the index task has run. The company
row itself (its name, slug, logo) shows across the site and its slug names
the tag, so it stays unmapped and retires everything.
"""

from portal import page_cache

TRACKER = "tracker"


def company_tag(slug: str) -> str:
    return f"company:{slug}"


def sector_tag(sector: str) -> str:
    return f"sector:{sector}"


def _of_company(row) -> list[str]:
    return [company_tag(row.company.slug), sector_tag(row.company.sector), TRACKER]


def register() -> None:
    for label in (
        "members.pledge",
        "members.progressreport",
        "members.publicchange",
        "members.plant",
        "members.alignmentassessment",
    ):
        page_cache.register_tags(label, _of_company)
    page_cache.register_tags("members.milestone", lambda milestone: _of_company(milestone.pledge))

"""Downloads of exactly what the tracker shows: one row per public pledge, all pages.

Each row also carries its company's alignment label per milestone year, its
disclosure status, the provenance of its latest report's figures and the
methodology version (`members.tracker.pathways.views_data.open_data`).

The rows come from `queries.companies()` and the same pledge filter as the page,
so a download can never hold a pledge the page would not show (and never an
unapproved one). Labels (sector, type, status...) are in the visitor's language;
the JSON also carries the stable codes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import MemberCompany, Pledge, provenance
from members.tracker import queries
from members.tracker.pathways import alignment, views_data
from portal.spreadsheets import JSON_TYPE, Column, attachment, csv_response, number, xlsx_response


def columns() -> list[Column]:
    return [
        Column("company_name_en", _("Company (English)"), wide=True),
        Column("company_name_zh", _("Company (Chinese)")),
        Column("sector", _("Sector")),
        Column("pledge_type", _("Pledge type")),
        Column("scopes", _("Scopes")),
        Column("baseline_year", _("Baseline year")),
        Column("baseline_value", _("Baseline value")),
        Column("target_year", _("Target year")),
        Column("target_value", _("Target value")),
        Column("unit", _("Unit")),
        Column("status", _("Status")),
        Column("verification", _("Verification")),
        Column("source_url", _("Source"), wide=True),
        Column("milestones", _("Milestones"), wide=True),
        *(Column(f"alignment_{year}", _("Alignment %(year)s") % {"year": year}) for year in alignment.MILESTONE_YEARS),
        Column("disclosure", _("Disclosure of progress")),
        Column("latest_report_year", _("Latest report")),
        Column("latest_report_provenance", _("Provenance of the latest report"), wide=True),
        Column("methodology_version", _("Methodology version")),
    ]


def filename(extension: str) -> str:
    return f"member-pledges-{timezone.localdate():%Y-%m-%d}.{extension}"


def milestone_text(pledge: Pledge) -> str:
    """Milestones in one cell: "2025: 80000 (Halve coal use); 2030: 50000"."""
    parts = []
    for milestone in pledge.milestones.all():
        text = str(milestone.year)
        if milestone.value is not None:
            text += f": {number(milestone.value)}"
        if milestone.description:
            text += f" ({milestone.description})"
        parts.append(text)
    return "; ".join(parts)


def pledges(filters: queries.Filters) -> Iterator[tuple[MemberCompany, Pledge]]:
    """Every (company, pledge) the tracker shows for `filters`, in the page's order."""
    for company in queries.for_export(queries.companies(filters), filters):
        for pledge in company.shown_pledges:
            yield company, pledge


def with_open_data(filters: queries.Filters) -> Iterator[tuple[MemberCompany, Pledge, views_data.OpenData]]:
    rows = list(pledges(filters))
    data = views_data.open_data({company.pk for company, _pledge in rows}, timezone.localdate().year)
    for company, pledge in rows:
        yield company, pledge, data[company.pk]


def open_data_cells(data: views_data.OpenData) -> dict:
    disclosure = dict(alignment.Disclosure.choices)
    return {
        **{f"alignment_{year}": data.label_texts.get(year, "") for year in alignment.MILESTONE_YEARS},
        "disclosure": str(disclosure.get(data.disclosure, data.disclosure)),
        "latest_report_year": data.latest_report_year,
        "latest_report_provenance": provenance.describe(data.latest_provenance),
        "methodology_version": data.methodology_version,
    }


def row(company: MemberCompany, pledge: Pledge, labels: queries.Labels) -> dict:
    """One pledge as labelled values (CSV and XLSX)."""
    return {
        "company_name_en": company.name_en,
        "company_name_zh": company.name_zh,
        "sector": labels.sector.get(company.sector, company.sector),
        "pledge_type": labels.pledge_type[pledge.pledge_type],
        "scopes": ", ".join(str(scope) for scope in pledge.scopes),
        "baseline_year": pledge.baseline_year,
        "baseline_value": number(pledge.baseline_value),
        "target_year": pledge.target_year,
        "target_value": number(pledge.target_value),
        "unit": labels.unit[pledge.unit],
        "status": labels.status[pledge.status],
        "verification": labels.verification[pledge.verification],
        "source_url": pledge.source_url,
        "milestones": milestone_text(pledge),
    }


def record(company: MemberCompany, pledge: Pledge, labels: queries.Labels) -> dict:
    """One pledge for JSON: typed values, codes next to their labels, milestones as a list."""
    return {
        "company_name_en": company.name_en,
        "company_name_zh": company.name_zh,
        "company_slug": company.slug,
        "sector": company.sector,
        "sector_label": labels.sector.get(company.sector, company.sector),
        "pledge_type": pledge.pledge_type,
        "pledge_type_label": labels.pledge_type[pledge.pledge_type],
        "scopes": pledge.scopes,
        "baseline_year": pledge.baseline_year,
        "baseline_value": number(pledge.baseline_value),
        "target_year": pledge.target_year,
        "target_value": number(pledge.target_value),
        "unit": pledge.unit,
        "status": pledge.status,
        "status_label": labels.status[pledge.status],
        "verification": pledge.verification,
        "verification_label": labels.verification[pledge.verification],
        "source_url": pledge.source_url,
        "milestones": [
            {"year": m.year, "value": number(m.value), "description": m.description} for m in pledge.milestones.all()
        ],
    }


def _rows(filters: queries.Filters) -> Iterator[dict]:
    labels = queries.Labels.current()
    for company, pledge, data in with_open_data(filters):
        yield row(company, pledge, labels) | open_data_cells(data)


def as_csv(filters: queries.Filters) -> HttpResponse:
    return csv_response(columns(), _rows(filters), filename("csv"))


def as_xlsx(filters: queries.Filters) -> HttpResponse:
    return xlsx_response(columns(), _rows(filters), _("Pledges"), filename("xlsx"))


def as_json(filters: queries.Filters, source: str) -> HttpResponse:
    labels = queries.Labels.current()
    records = [record(company, pledge, labels) | data.record() for company, pledge, data in with_open_data(filters)]
    document = {
        "source": source,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "methodology_version": alignment.METHODOLOGY_VERSION,
        "filters": filters.params(),
        "count": len(records),
        "pledges": records,
    }
    content = json.dumps(document, ensure_ascii=False, indent=2).encode()
    return attachment(content, JSON_TYPE, filename("json"))

"""Demo provenance of the member companies' reported figures, and their alignment history.

Each company gets one evidence PDF (its sustainability report) that its figures
cite by page, with a mix of assurance levels and assurers; a few companies
estimate their latest figures or restate an earlier year (published the way an
approval publishes them, so the restatement is in the public history). Then
each company's alignment assessments are recorded again in date order, one for
every day something of it was published, from the data public on that day, so
the pages show up, down or unchanged the way they would have happened.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from demo.library import text_pdf
from demo.members import aware, publish_reviewed
from members.area.forms import evidence_collection
from members.models import AlignmentAssessment, MemberCompany, ProgressReport, PublicChange, Representative
from members.tracker.pathways import assessments, snapshots
from portal.progress import progress

ASSURERS = ("SGS", "Bureau Veritas", "TÜV SÜD", "DNV", "China Quality Certification Centre", "LRQA")
FIGURES = ("scope_1", "scope_2_location", "scope_2_market", "scope_3")


def report_document(company: MemberCompany, uploader) -> object:
    """The company's sustainability report as evidence, made once."""
    Document = get_document_model()
    title = f"{company.name_en}: Sustainability report 2024"
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    blocks = [
        ("title", f"{company.name_en} Sustainability Report 2024"),
        ("paragraph", "Greenhouse gas inventory prepared under the GHG Protocol Corporate Standard."),
        (
            "paragraph",
            "Scope 1 and Scope 2 (location- and market-based) emissions by year, with the assurance statement.",
        ),
    ]
    content = text_pdf(blocks, False, title, company.name_en)
    document = Document(title=title, collection=evidence_collection(), uploaded_by_user=uploader)
    document.file.save(f"{company.slug}-sustainability-report-2024.pdf", ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def provenance_for(report: ProgressReport, document, rng: random.Random, estimated: bool) -> dict:
    roll = rng.random()
    assurance = "reasonable" if roll < 0.1 else "limited" if roll < 0.6 else "none"
    assurer = rng.choice(ASSURERS) if assurance != "none" else ""
    data = {}
    for name in FIGURES:
        if getattr(report, name) is None:
            continue
        data[name] = {
            "basis": "estimated" if estimated else "reported",
            "document": document.pk,
            "page": rng.randint(18, 64),
            "assurance": "none" if estimated else assurance,
            "assurer": "" if estimated else assurer,
        }
    return data


def load_provenance(stdout=None) -> int:
    """Provenance for every published demo report without one. Returns how many reports changed."""
    staff = get_user_model().objects.in_bulk(["editor", "moderator"], field_name="username")
    approver = staff["moderator"]
    editors = Representative.objects.filter(role=Representative.Role.EDITOR).select_related("user").order_by("-pk")
    submitters = {rep.company_id: rep.user for rep in editors}
    changed = 0
    companies = list(MemberCompany.objects.order_by("pk"))
    for company in progress(companies, "Provenance of reported figures", stream=stdout):
        submitter = submitters.get(company.pk, staff["editor"])
        rng = random.Random(f"provenance-{company.slug}")
        document = report_document(company, submitter)
        estimates_latest = rng.random() < 0.15
        restates = rng.random() < 0.12
        reports = list(ProgressReport.objects.public().filter(company=company).order_by("year"))
        latest_year = reports[-1].year if reports else None
        for report in reports:
            if report.provenance or report.has_unpublished_changes:
                continue  # done before, or a representative's change is waiting: publishing would end its review
            report.evidence = report.evidence or document  # the source cited is the report's evidence
            report.provenance = provenance_for(report, document, rng, estimates_latest and report.year == latest_year)
            day = timezone.localdate(report.last_published_at) + datetime.timedelta(days=1)
            publish_reviewed(report, submitter, approver, day)
            changed += 1
            if restates and report.year == 2022 and report.scope_1 is not None:
                restated = ProgressReport.objects.get(pk=report.pk)
                earlier = restated.scope_1
                restated.scope_1 = (earlier * Decimal("1.04")).quantize(Decimal(1))
                restated.provenance["scope_1"] |= {"basis": "restated", "earlier": str(earlier)}
                restated.notes = "Scope 1 restated: a boiler house left out of the 2022 boundary."
                publish_reviewed(restated, submitter, approver, datetime.date(2025, 5, 20))
    return changed


def load_assessments(stdout=None) -> int:
    """Each company's assessment history, one per day something was published, in date order."""
    count = 0
    companies = list(MemberCompany.objects.order_by("pk"))
    for company in progress(companies, "Alignment assessments", stream=stdout):
        AlignmentAssessment.objects.filter(company=company).delete()
        days = sorted(
            {
                timezone.localdate(stamp)
                for stamp in PublicChange.objects.filter(company=company).values_list("published_at", flat=True)
            }
        )
        for day in days:
            pledges, reports, changes = snapshots.public_on(company.pk, day)
            label = next((c.object_label for c in changes if timezone.localdate(c.published_at) == day), "")
            assessments.record(company.pk, trigger=label, when=aware(day), rows=(pledges, reports))
            count += 1
    return count


def load_pathways_demo(stdout=None) -> dict:
    return {"provenance": load_provenance(stdout), "assessments": load_assessments(stdout)}

"""A representative's own company's progress reports, with the provenance of each figure.

The same rules as the member area, run by the same code: `ProgressReportForm`
validates (figures, year, provenance: a source that is not the company's, an
assurance without an assurer... with the web form's messages), the draft is
kept as a revision by `members.review.save_version`, and only a moderator's
approval publishes it. Roles, 401/403/404 and 409 as for pledge drafts.
"""

import datetime

from django.http import Http404, HttpRequest, QueryDict
from django.urls import reverse
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import ValidationError as RequestInvalid

from api.common import Language, absolute, language
from api.pledge_drafts import EDITORS_ONLY, REFUSALS, WRITE_RESPONSES, RepresentativeSession, editor, representative
from members import review
from members.area.forms import ProgressReportForm
from members.area.provenance import field_name
from members.models import ProgressReport, Representative
from members.models.provenance import FIGURES, MAX_PAGE, Assurance, Basis
from portal.text import Lines, OneLine

router = Router(tags=["Representatives: progress report drafts"], auth=RepresentativeSession())
REPORT_ID = Path(..., ge=1, le=2**31 - 1)


class ProvenanceIn(Schema):
    basis: Basis = Field(description="reported, estimated or restated")
    document: int | None = Field(
        None,
        ge=1,
        le=2**31 - 1,
        description="A document of the company (the evidence of one of its pledges or reports).",
    )
    page: int | None = Field(None, ge=1, le=MAX_PAGE)
    assurance: Assurance = Assurance.NONE
    assurer: OneLine = Field("", description="Who gave a limited or reasonable assurance (required with one).")


class ProvenanceOut(ProvenanceIn):
    earlier: str | None = Field(None, description="For a restated figure: the figure first published.")


class ReportIn(Schema):
    year: int
    scope_1: float | None = None
    scope_2_location: float | None = None
    scope_2_market: float | None = None
    scope_3: float | None = None
    renewable_share: float | None = None
    notes: Lines = ""
    provenance: dict[str, ProvenanceIn] = Field(
        default_factory=dict, description="Keyed by figure: scope_1, scope_2_location, scope_2_market, scope_3."
    )
    submit: bool = Field(False, description="Also send the saved draft to staff review.")


class ReportValues(Schema):
    year: int
    scope_1: float | None
    scope_2_location: float | None
    scope_2_market: float | None
    scope_3: float | None
    renewable_share: float | None
    notes: str
    provenance: dict[str, ProvenanceOut]
    has_evidence: bool


class ReportDraftOut(Schema):
    id: int
    state: str = Field(description="draft, in_review, changes_requested or published")
    state_label: str
    review_comment: str
    reviewed_at: datetime.datetime | None
    submitted_at: datetime.datetime | None
    can_edit: bool
    can_submit: bool
    current: ReportValues
    public: ReportValues | None
    url: str


class ReportDraftWritten(ReportDraftOut):
    messages: list[str]


def own_report(rep: Representative, report_id: int) -> ProgressReport:
    report = ProgressReport.objects.filter(pk=report_id, company_id=rep.company_id).first()
    if report is None:
        raise Http404
    return report


def values(report: ProgressReport) -> dict:
    return {
        "year": report.year,
        "scope_1": report.scope_1,
        "scope_2_location": report.scope_2_location,
        "scope_2_market": report.scope_2_market,
        "scope_3": report.scope_3,
        "renewable_share": report.renewable_share,
        "notes": report.notes,
        "provenance": report.provenance or {},
        "has_evidence": bool(report.evidence_id),
    }


def draft_data(request: HttpRequest, rep: Representative, report: ProgressReport) -> dict:
    item = review.read_item(rep, report)
    state = item.state
    return {
        "id": report.pk,
        "state": state.code,
        "state_label": str(state.label),
        "review_comment": state.comment or "",
        "reviewed_at": state.reviewed_at,
        "submitted_at": state.submitted_at,
        "can_edit": item.can_edit,
        "can_submit": item.can_submit,
        "current": values(item.current),
        "public": values(report) if report.live else None,
        "url": absolute(request, reverse("member_area:report_detail", kwargs={"pk": report.pk})),
    }


def _text(value) -> str:
    return "" if value is None else str(value)


def form_data(body: ReportIn) -> QueryDict:
    """The body as the member area's form would post it."""
    unknown = sorted(set(body.provenance) - set(FIGURES))
    if unknown:
        raise RequestInvalid(
            [
                {
                    "loc": ["body", "provenance", name],
                    "msg": "Unknown figure; use one of " + ", ".join(FIGURES) + ".",
                    "type": "value_error",
                }
                for name in unknown
            ]
        )
    data = QueryDict(mutable=True)
    for name in ("year", "scope_1", "scope_2_location", "scope_2_market", "scope_3", "renewable_share", "notes"):
        data[name] = _text(getattr(body, name))
    for figure, entry in body.provenance.items():
        data[field_name(figure, "basis")] = entry.basis
        data[field_name(figure, "document")] = _text(entry.document)
        data[field_name(figure, "page")] = _text(entry.page)
        data[field_name(figure, "assurance")] = entry.assurance
        data[field_name(figure, "assurer")] = entry.assurer
    return data


def form_errors(form: ProgressReportForm) -> list[dict]:
    errors = []
    for name, messages in form.errors.items():
        if name == "__all__":
            location = ["body"]
        elif "__" in name:
            figure, key = name.split("__", 1)
            location = ["body", "provenance", figure, key]
        else:
            location = ["body", name]
        errors += [{"loc": location, "msg": message, "type": "value_error"} for message in messages]
    return errors


def save(rep: Representative, body: ReportIn, report: ProgressReport | None) -> tuple[ProgressReport, list[str]]:
    if report is not None:
        review.refuse_while_in_review(report)
    instance = review.version_to_edit(rep, ProgressReport, report)
    form = ProgressReportForm(form_data(body), instance=instance)
    # A document number the company does not own is not among the form's choices: say so in the model's words.
    for figure, entry in body.provenance.items():
        if entry.document is not None:
            form.fields[field_name(figure, "document")].choices += [(str(entry.document), "")]
    if not form.is_valid():
        raise RequestInvalid(form_errors(form))
    saved = review.save_version(rep, form, submit=body.submit)
    return ProgressReport.objects.get(pk=saved.obj.pk), saved.messages


@router.get("/me/reports", response={200: list[ReportDraftOut], **REFUSALS}, summary="My company's reports and drafts")
def list_drafts(request: HttpRequest, lang: Language | None = None):
    with language(lang):
        rep = representative(request)
        drafts = [draft_data(request, rep, r) for r in ProgressReport.objects.filter(company=rep.company)]
        drafts.sort(key=lambda d: (-d["current"]["year"], d["id"]))
        return drafts


@router.get("/me/reports/{report_id}", response={200: ReportDraftOut, **REFUSALS}, summary="One of my reports")
def get_draft(request: HttpRequest, report_id: int = REPORT_ID, lang: Language | None = None):
    with language(lang):
        rep = representative(request)
        return draft_data(request, rep, own_report(rep, report_id))


@router.post(
    "/me/reports",
    response={201: ReportDraftWritten, **WRITE_RESPONSES},
    summary="Draft a new progress report",
    auth=EDITORS_ONLY,
)
def create_draft(request: HttpRequest, body: ReportIn, lang: Language | None = None):
    """A new report with the provenance of its figures, kept as a draft; with `submit: true` also sent to review."""
    with language(lang):
        rep = editor(request)
        saved, messages = save(rep, body, None)
        return Status(201, {**draft_data(request, rep, saved), "messages": messages})


@router.put(
    "/me/reports/{report_id}",
    response={200: ReportDraftWritten, **WRITE_RESPONSES},
    summary="Save a new version of a report",
    auth=EDITORS_ONLY,
)
def update_draft(request: HttpRequest, body: ReportIn, report_id: int = REPORT_ID, lang: Language | None = None):
    """A new version, kept as a revision; a restated figure keeps the figure first published."""
    with language(lang):
        rep = editor(request)
        saved, messages = save(rep, body, own_report(rep, report_id))
        return {**draft_data(request, rep, saved), "messages": messages}


@router.post(
    "/me/reports/{report_id}/submit", response={200: ReportDraftWritten, **WRITE_RESPONSES}, summary="Send to review"
)
def submit_draft(request: HttpRequest, report_id: int = REPORT_ID, lang: Language | None = None):
    with language(lang):
        rep = representative(request)
        report = own_report(rep, report_id)
        if not rep.can_edit:
            editor(request)
        review.submit_for_review(rep, report)
        return {**draft_data(request, rep, report), "messages": [str(review.SENT_FOR_REVIEW)]}

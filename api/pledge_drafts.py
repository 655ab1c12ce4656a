"""A representative's own company's pledges: read the drafts, save new versions, send them to staff review.

The member area's rules, run by the same code: `PledgeForm` validates (the
same messages as the web form), `members.review.save_version` keeps the
version as a revision without touching the public row and, when asked,
`members.review.submit_for_review` starts or resumes the "Member data review"
workflow, whose approval alone publishes it and whose emails go out as for the
web. The review state returned is `members.review.read_item`'s, the one the
member area shows. Signed-in people who are not representatives get 403,
viewers may read but not write, and another company's pledge is a 404, as in
the member area.
"""

import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from ninja import Field, Path, Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import ValidationError as RequestInvalid
from ninja.security import SessionAuth

from api.common import Language, MilestoneOut, Problem, absolute, language
from members import review
from members.area.forms import PledgeForm
from members.models import Pledge, PledgeStatus, PledgeType, Representative, Unit, Verification
from portal.text import Lines, OneLine


class RepresentativeSession(SessionAuth):
    """The session's user, refused unless a representative (and, for writes, an editor) of a member company.

    Checked as authentication, before the body is read: a signed-in account that may not write gets 403
    whatever it sends, never the form's validation messages (anonymous callers still get 401).
    """

    def __init__(self, *, editors_only: bool = False):
        super().__init__()
        self.editors_only = editors_only

    def authenticate(self, request: HttpRequest, key: str | None):
        user = super().authenticate(request, key)
        if user is not None:
            request.auth = user
            (editor if self.editors_only else representative)(request)
        return user


router = Router(tags=["Representatives: pledge drafts"], auth=RepresentativeSession())
EDITORS_ONLY = RepresentativeSession(editors_only=True)

REFUSALS = {401: Problem, 403: Problem, 404: Problem}
PLEDGE_ID = Path(..., ge=1, le=2**31 - 1)


class CompanyRef(Schema):
    slug: str
    name: str


class Me(Schema):
    username: str
    company: CompanyRef
    role: str = Field(description="editor (drafts and submits) or viewer (reads).")
    can_edit: bool


class MilestoneIn(Schema):
    year: int
    value: float | None = None
    description: OneLine = ""


class PledgeIn(Schema):
    """A whole pledge as the member area's form takes it; milestones replace the draft's milestones."""

    pledge_type: PledgeType
    scopes: list[Literal[1, 2, 3]] = Field(description="The scopes covered: at least one of 1, 2, 3.")
    unit: Unit = Unit.TONNES
    baseline_year: int | None = None
    baseline_value: float | None = None
    target_year: int
    target_value: float | None = None
    status: PledgeStatus = PledgeStatus.DECLARED
    verification: Verification = Verification.SELF_DECLARED
    description_en: Lines = ""
    description_zh: Lines = ""
    source_url: OneLine = ""
    milestones: list[MilestoneIn] = Field(default_factory=list, max_length=20)
    submit: bool = Field(False, description="Also send the saved draft to staff review.")


class PledgeValues(Schema):
    pledge_type: str
    scopes: list[int]
    unit: str
    baseline_year: int | None
    baseline_value: float | None
    target_year: int
    target_value: float | None
    status: str
    verification: str
    description_en: str
    description_zh: str
    source_url: str
    milestones: list[MilestoneOut]
    has_evidence: bool = Field(
        description="An evidence PDF is attached (uploaded in the member area; never served here)."
    )


class DraftOut(Schema):
    id: int
    state: str = Field(description="draft, in_review, changes_requested or published")
    state_label: str
    review_comment: str
    reviewed_at: datetime.datetime | None
    submitted_at: datetime.datetime | None
    can_edit: bool
    can_submit: bool
    current: PledgeValues = Field(description="The latest version, submitted or not.")
    public: PledgeValues | None = Field(description="What the public sees now; null until first approved.")
    url: str = Field(description="The pledge in the member area.")


class DraftWritten(DraftOut):
    messages: list[str]


def representative(request: HttpRequest) -> Representative:
    found = Representative.objects.select_related("company", "user").filter(user=request.auth).first()
    if found is None:
        raise PermissionDenied(_("This account is not linked to a member company."))
    return found


def editor(request: HttpRequest) -> Representative:
    found = representative(request)
    review.check_editor(found)
    return found


def own_pledge(rep: Representative, pledge_id: int) -> Pledge:
    pledge = Pledge.objects.filter(pk=pledge_id, company_id=rep.company_id).first()
    if pledge is None:
        raise Http404  # another company's pledge is not revealed
    return pledge


def values(pledge: Pledge) -> dict:
    return {
        "pledge_type": pledge.pledge_type,
        "scopes": pledge.scopes,
        "unit": pledge.unit,
        "baseline_year": pledge.baseline_year,
        "baseline_value": pledge.baseline_value,
        "target_year": pledge.target_year,
        "target_value": pledge.target_value,
        "status": pledge.status,
        "verification": pledge.verification,
        "description_en": pledge.description_en,
        "description_zh": pledge.description_zh,
        "source_url": pledge.source_url,
        "milestones": [
            {"year": m.year, "value": m.value, "description": m.description}
            for m in sorted(pledge.milestones.all(), key=lambda m: m.year)
        ],
        "has_evidence": bool(pledge.evidence_id),
    }


def draft_data(request: HttpRequest, rep: Representative, pledge: Pledge) -> dict:
    item = review.read_item(rep, pledge)
    state = item.state
    return {
        "id": pledge.pk,
        "state": state.code,
        "state_label": str(state.label),
        "review_comment": state.comment or "",
        "reviewed_at": state.reviewed_at,
        "submitted_at": state.submitted_at,
        "can_edit": item.can_edit,
        "can_submit": item.can_submit,
        "current": values(item.current),
        "public": values(pledge) if pledge.live else None,
        "url": absolute(request, reverse("member_area:pledge_detail", kwargs={"pk": pledge.pk})),
    }


def _number(value) -> str:
    return "" if value is None else str(value)


def form_data(body: PledgeIn, instance: Pledge) -> tuple[QueryDict, int]:
    """The body as the member area's form would post it: the draft's milestones deleted, the body's added.

    Also returns how many deleted milestone forms come first, to locate errors in the body.
    """
    data = QueryDict(mutable=True)
    data.update(
        {
            "pledge_type": body.pledge_type,
            "unit": body.unit,
            "baseline_year": _number(body.baseline_year),
            "baseline_value": _number(body.baseline_value),
            "target_year": _number(body.target_year),
            "target_value": _number(body.target_value),
            "status": body.status,
            "verification": body.verification,
            "description_en": body.description_en,
            "description_zh": body.description_zh,
            "source_url": body.source_url,
        }
    )
    for scope in set(body.scopes):
        data[f"scope_{scope}"] = "on"
    existing = [m for m in instance.milestones.all() if m.pk] if instance.pk else []
    for index, milestone in enumerate(existing):
        prefix = f"milestones-{index}-"
        data.update({f"{prefix}id": str(milestone.pk), f"{prefix}DELETE": "on", f"{prefix}year": str(milestone.year)})
    for index, milestone in enumerate(body.milestones, start=len(existing)):
        prefix = f"milestones-{index}-"
        data.update(
            {
                f"{prefix}year": str(milestone.year),
                f"{prefix}value": _number(milestone.value),
                f"{prefix}description": milestone.description,
            }
        )
    data.update(
        {
            "milestones-TOTAL_FORMS": str(len(existing) + len(body.milestones)),
            "milestones-INITIAL_FORMS": str(len(existing)),
            "milestones-MIN_NUM_FORMS": "0",
            "milestones-MAX_NUM_FORMS": "1000",
        }
    )
    return data, len(existing)


def form_errors(form: PledgeForm, skipped: int) -> list[dict]:
    """The form's messages, located in the request body (milestones by their index in the body)."""
    errors = []
    for name, messages in form.errors.items():
        location = ["body"] if name == "__all__" else ["body", "scopes" if name.startswith("scope_") else name]
        errors += [{"loc": location, "msg": message, "type": "value_error"} for message in messages]
    milestones = form.formsets["milestones"]
    errors += [
        {"loc": ["body", "milestones"], "msg": message, "type": "value_error"}
        for message in milestones.non_form_errors()
    ]
    # The body's milestones follow the draft's deleted ones (whose errors the formset leaves out).
    for index, milestone in enumerate(milestones.forms[skipped:]):
        for name, messages in milestone.errors.items():
            location = ["body", "milestones", index] + ([] if name == "__all__" else [name])
            errors += [{"loc": location, "msg": message, "type": "value_error"} for message in messages]
    return errors


def save(rep: Representative, body: PledgeIn, pledge: Pledge | None) -> tuple[Pledge, list[str]]:
    """Validate with the member area's form, keep the result as a draft revision and submit it if asked."""
    if pledge is not None:
        review.refuse_while_in_review(pledge)  # a 409 before the body's values are checked
    instance = review.version_to_edit(rep, Pledge, pledge)
    data, skipped = form_data(body, instance)
    form = PledgeForm(data, instance=instance)
    if not form.is_valid():
        raise RequestInvalid(form_errors(form, skipped))
    # Keeps the current evidence: files are uploaded on the web.
    saved = review.save_version(rep, form, submit=body.submit)
    # Read back: the form's instance holds the draft's values, the row holds the public ones.
    return Pledge.objects.get(pk=saved.obj.pk), saved.messages


@router.get("/me", response={200: Me, **REFUSALS}, summary="Who is signed in")
@decorate_view(ensure_csrf_cookie)
def me(request: HttpRequest):
    """The signed-in representative and their company; also sets the `csrftoken` cookie writes need."""
    rep = representative(request)
    return {
        "username": rep.user.get_username(),
        "company": {"slug": rep.company.slug, "name": rep.company.name},
        "role": rep.role,
        "can_edit": rep.can_edit,
    }


@router.get("/me/pledges", response={200: list[DraftOut], **REFUSALS}, summary="My company's pledges and drafts")
def list_drafts(request: HttpRequest, lang: Language | None = None):
    """Every pledge of the representative's company, with its latest version and review state, as on `/members/`."""
    with language(lang):
        rep = representative(request)
        pledges = Pledge.objects.filter(company=rep.company)
        drafts = [draft_data(request, rep, pledge) for pledge in pledges]
        drafts.sort(key=lambda d: (d["current"]["target_year"], d["current"]["pledge_type"], d["id"]))
        return drafts


@router.get("/me/pledges/{pledge_id}", response={200: DraftOut, **REFUSALS}, summary="One of my company's pledges")
def get_draft(request: HttpRequest, pledge_id: int = PLEDGE_ID, lang: Language | None = None):
    with language(lang):
        rep = representative(request)
        return draft_data(request, rep, own_pledge(rep, pledge_id))


WRITE_RESPONSES = {**REFUSALS, 409: Problem, 422: Problem}


@router.post(
    "/me/pledges", response={201: DraftWritten, **WRITE_RESPONSES}, summary="Draft a new pledge", auth=EDITORS_ONLY
)
def create_draft(request: HttpRequest, body: PledgeIn, lang: Language | None = None):
    """A new pledge, kept as a draft (not public); with `submit: true` also sent to staff review."""
    with language(lang):
        rep = editor(request)
        saved, messages = save(rep, body, None)
        return Status(201, {**draft_data(request, rep, saved), "messages": messages})


@router.put(
    "/me/pledges/{pledge_id}",
    response={200: DraftWritten, **WRITE_RESPONSES},
    summary="Save a new version",
    auth=EDITORS_ONLY,
)
def update_draft(request: HttpRequest, body: PledgeIn, pledge_id: int = PLEDGE_ID, lang: Language | None = None):
    """A new version of the pledge, kept as a revision: what the public sees changes only when staff approve it."""
    with language(lang):
        rep = editor(request)
        saved, messages = save(rep, body, own_pledge(rep, pledge_id))
        return {**draft_data(request, rep, saved), "messages": messages}


@router.post(
    "/me/pledges/{pledge_id}/submit", response={200: DraftWritten, **WRITE_RESPONSES}, summary="Send to review"
)
def submit_draft(request: HttpRequest, pledge_id: int = PLEDGE_ID, lang: Language | None = None):
    """Send the latest version to staff review, also after staff asked for changes; 409 when there is nothing to send."""
    with language(lang):
        rep = representative(request)
        pledge = own_pledge(rep, pledge_id)  # another company's pledge is a 404 before any role check
        if not rep.can_edit:
            editor(request)
        review.submit_for_review(rep, pledge)
        return {**draft_data(request, rep, pledge), "messages": [str(review.SENT_FOR_REVIEW)]}

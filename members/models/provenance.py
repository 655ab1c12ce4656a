"""Where each emissions figure of a progress report came from.

Stored on the report (`ProgressReport.provenance`, a revision like every other
field, so staff review it with the figures) and checked by `check_provenance`,
called from the model's `clean()`: the member area, the API and the admin all
refuse the same bad input with the same messages.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model

FIGURES = ("scope_1", "scope_2_location", "scope_2_market", "scope_3")
KEYS = {"basis", "document", "page", "assurance", "assurer", "earlier"}
MAX_PAGE = 5000


class Basis(models.TextChoices):
    REPORTED = "reported", gettext_lazy("Reported")
    ESTIMATED = "estimated", gettext_lazy("Estimated")
    RESTATED = "restated", gettext_lazy("Restated")


class Assurance(models.TextChoices):
    NONE = "none", gettext_lazy("None")
    LIMITED = "limited", gettext_lazy("Limited")
    REASONABLE = "reasonable", gettext_lazy("Reasonable")


def figure_label(name: str) -> str:
    return {
        "scope_1": _("Scope 1"),
        "scope_2_location": _("Scope 2 (location)"),
        "scope_2_market": _("Scope 2 (market)"),
        "scope_3": _("Scope 3"),
    }[name]


def company_documents(company_id) -> models.QuerySet:
    """Documents that are this company's: evidence of its pledges or reports, or uploaded by its representatives
    (a report's own evidence, in the version being checked, counts too)."""
    return get_document_model().objects.filter(
        Q(uploaded_by_user__representative__company_id=company_id)
        | Q(pk__in=_evidence_ids("pledge", company_id))
        | Q(pk__in=_evidence_ids("progressreport", company_id))
    )


def _evidence_ids(model_name: str, company_id):
    model = apps.get_model("members", model_name)
    return model.objects.filter(company_id=company_id, evidence__isnull=False).values("evidence_id")


def check_provenance(report) -> None:
    """Refuse provenance that is malformed or untrue to the rules; fill in the earlier figure of a restatement."""
    data = report.provenance
    if data in (None, ""):
        report.provenance = {}
        return
    if not isinstance(data, dict):
        raise ValidationError(_("Provenance must be an object keyed by figure (scope_1, scope_2_location, …)."))
    errors = []
    unknown = sorted(set(data) - set(FIGURES))
    if unknown:
        errors.append(_("Provenance is given for unknown figures: %(names)s.") % {"names": ", ".join(unknown)})
    public = type(report).objects.filter(pk=report.pk, live=True).first() if report.pk else None
    for name in FIGURES:
        entry = data.get(name)
        if entry is None:
            continue
        errors += _check_entry(report, name, entry, public)
    if errors:
        raise ValidationError(errors)


def _check_entry(report, name: str, entry, public) -> list[str]:
    label = figure_label(name)
    if not isinstance(entry, dict):
        return [_("%(figure)s: provenance must be an object.") % {"figure": label}]
    errors = []

    def refuse(message):
        errors.append(f"{label}: {message}")

    extra = sorted(set(entry) - KEYS)
    if extra:
        refuse(_("unknown keys %(keys)s.") % {"keys": ", ".join(extra)})
    if getattr(report, name) is None:
        refuse(_("there is no figure to describe; enter the figure or leave its provenance out."))
    if entry.get("basis") not in Basis.values:
        refuse(_("say whether the figure is reported, estimated or restated."))
    document, page = entry.get("document"), entry.get("page")
    if document not in (None, ""):
        if not isinstance(document, int) or isinstance(document, bool) or not 0 < document < 2**31:
            refuse(_("the source document must be given by its number."))
        elif document != report.evidence_id and not company_documents(report.company_id).filter(pk=document).exists():
            refuse(_("the source document does not belong to your company. Upload it as evidence first."))
    if page not in (None, ""):
        if not isinstance(page, int) or isinstance(page, bool) or not 1 <= page <= MAX_PAGE:
            refuse(_("the page must be a whole number from 1 to %(max)s.") % {"max": MAX_PAGE})
        elif document in (None, ""):
            refuse(_("a page needs its source document."))
    assurance, assurer = entry.get("assurance") or Assurance.NONE, (entry.get("assurer") or "").strip()
    if assurance not in Assurance.values:
        refuse(_("assurance must be none, limited or reasonable."))
    elif assurance != Assurance.NONE and not assurer:
        refuse(_("name who gave the %(level)s assurance.") % {"level": Assurance(assurance).label.lower()})
    elif assurance == Assurance.NONE and assurer:
        refuse(_("an assurer is named but the assurance is “none”."))
    if len(assurer) > 200:
        refuse(_("the assurer’s name is longer than 200 characters."))
    earlier = entry.get("earlier")
    if entry.get("basis") != Basis.RESTATED and earlier not in (None, ""):
        refuse(_("only a restated figure keeps an earlier figure."))
    if errors:
        return errors
    entry["assurance"], entry["assurer"] = assurance, assurer
    if entry["basis"] == Basis.RESTATED:
        if earlier in (None, "") and public is not None and getattr(public, name) is not None:
            if getattr(public, name) != getattr(report, name):
                entry["earlier"] = str(getattr(public, name))
        elif earlier not in (None, ""):
            try:
                entry["earlier"] = str(Decimal(str(earlier)))
            except InvalidOperation:
                refuse(_("the earlier figure is not a number."))
    return errors


def entries(report) -> list[dict]:
    """The provenance of each figure that has a value, labelled for a page."""
    data = report.provenance or {}
    rows = []
    for name in FIGURES:
        entry = data.get(name)
        value = getattr(report, name)
        if value is None:
            continue
        entry = entry or {}
        basis = entry.get("basis", "")
        rows.append(
            {
                "figure": name,
                "label": figure_label(name),
                "value": value,
                "basis": basis,
                "basis_label": Basis(basis).label if basis in Basis.values else _("Not stated"),
                "document": entry.get("document"),
                "page": entry.get("page"),
                "assurance": entry.get("assurance", ""),
                "assurance_label": Assurance(entry["assurance"]).label
                if entry.get("assurance") in Assurance.values
                else _("Not stated"),
                "assurer": entry.get("assurer", ""),
                "earlier": Decimal(entry["earlier"]) if entry.get("earlier") else None,
            }
        )
    return rows


def scope_1_2_basis(report) -> str:
    """The weakest basis of the figures summed into Scope 1+2: estimated or restated taints the sum."""
    data = report.provenance or {}
    scope_2 = "scope_2_market" if report.scope_2_market is not None else "scope_2_location"
    bases = {(data.get(name) or {}).get("basis") for name in ("scope_1", scope_2)}
    for basis in (Basis.ESTIMATED, Basis.RESTATED, Basis.REPORTED):
        if basis in bases:
            return basis
    return ""


def describe(data) -> str:
    """Provenance in words, for the review comparison and the public history."""
    if not isinstance(data, dict):
        return ""
    titles = dict(
        get_document_model()
        .objects.filter(pk__in=[e.get("document") for e in data.values() if isinstance(e, dict)])
        .values_list("pk", "title")
    )
    parts = []
    for name in FIGURES:
        entry = data.get(name)
        if not isinstance(entry, dict):
            continue
        basis = entry.get("basis")
        words = [str(Basis(basis).label) if basis in Basis.values else _("not stated")]
        if entry.get("earlier"):
            words.append(_("earlier figure %(value)s") % {"value": entry["earlier"]})
        if entry.get("document") in titles:
            source = titles[entry["document"]]
            if entry.get("page"):
                source = _("%(document)s, page %(page)s") % {"document": source, "page": entry["page"]}
            words.append(source)
        assurance = entry.get("assurance")
        if assurance in (Assurance.LIMITED, Assurance.REASONABLE):
            words.append(
                _("%(level)s assurance by %(assurer)s")
                % {"level": Assurance(assurance).label, "assurer": entry.get("assurer", "")}
            )
        elif assurance == Assurance.NONE:
            words.append(_("no assurance"))
        parts.append(f"{figure_label(name)}: {', '.join(words)}")
    return "; ".join(parts)

"""Forms of the member area: a representative's pledges and progress reports.

The company is never a field: the instance is built with the representative's
company (`members.review.version_to_edit`) before the form sees it. Saving never
touches the public row of a live item: the member area's views and the API hand
the valid form to `members.review.save_version`, which keeps its in-memory
result as a draft revision.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import BaseModelFormSet
from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet, ClusterForm
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from members.area.provenance import ProvenanceFormMixin
from members.models import Milestone, Pledge, ProgressReport, Representative, Unit
from portal.text import PlainTextFormMixin

EVIDENCE_COLLECTION = "Member evidence"
# Groups that may open evidence through Wagtail's own document links; the
# member area serves a company's documents to its representatives itself.
EVIDENCE_READERS = ("Moderators", "Editors")

YEAR_ATTRS = {"min": 1990, "max": 2100, "step": 1, "inputmode": "numeric", "class": "area-input--year"}
AMOUNT_ATTRS = {"min": 0, "step": "0.01", "inputmode": "decimal"}


def evidence_collection() -> Collection:
    """The collection evidence goes to, created on first use and closed to the public.

    Documents are evidence for values staff have not approved yet, and
    Wagtail's document URLs carry guessable ids, so the collection is
    restricted to staff groups.
    """
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=EVIDENCE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=EVIDENCE_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=EVIDENCE_READERS))
    return collection


class EvidenceUploadMixin(forms.Form):
    """An optional PDF (MEMBER_EVIDENCE_MAX_UPLOAD_SIZE at most), stored as a Wagtail document once the form is valid.

    A larger request is refused before it is read (portal.uploads.RequestSizeMiddleware).
    """

    evidence_file = forms.FileField(
        label=_("Evidence document (PDF)"),
        required=False,
        help_text=_(
            "Optional. A PDF of at most 20 MB, for example your published report. Staff see it when reviewing."
        ),
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    remove_evidence = forms.BooleanField(label=_("Remove the current evidence document"), required=False)

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if not upload:
            return None
        limit = settings.MEMBER_EVIDENCE_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; evidence documents can be at most %(limit)s."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        if not upload.name.lower().endswith(".pdf"):
            raise forms.ValidationError(_("Upload a PDF file (its name should end in .pdf)."), code="not_pdf")
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(0)
        if b"%PDF-" not in head:
            raise forms.ValidationError(
                _("This file is not a PDF, although its name ends in .pdf. Export it as PDF and try again."),
                code="not_pdf",
            )
        return upload

    @transaction.atomic
    def attach_evidence(self, obj, user) -> None:
        """Store the uploaded PDF, if any, as a document and point `obj.evidence` at it."""
        upload = self.cleaned_data.get("evidence_file")
        if not upload:
            if self.cleaned_data.get("remove_evidence"):
                obj.evidence = None
            return
        Document = get_document_model()
        document = Document(
            title=_("Evidence: %(item)s") % {"item": obj},
            file=upload,
            collection=evidence_collection(),
            uploaded_by_user=user,
        )
        document._set_document_file_metadata()
        document.save()
        obj.evidence = document


class MemberAuthenticationForm(PlainTextFormMixin, AuthenticationForm):
    """Django's sign-in form, for member representatives only."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "not_representative": _(
            "This account is not linked to a member company. Association staff sign in to the administration site."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not Representative.objects.filter(user=user).exists():
            raise forms.ValidationError(self.error_messages["not_representative"], code="not_representative")


class MilestoneForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["year", "value", "description"]
        widgets = {
            "year": forms.NumberInput(attrs=YEAR_ATTRS),
            "value": forms.NumberInput(attrs=AMOUNT_ATTRS),
        }

    unmatched = False  # set by the formset for a row posted as an existing milestone without its id

    def clean(self):
        cleaned = super().clean()
        if self.unmatched:
            raise ValidationError(
                _(
                    "This milestone could not be matched to one of the pledge's milestones. Reload the page and try again."
                )
            )
        return cleaned


class MilestoneFormSet(BaseChildFormSet):
    """modelcluster's formset reads each existing milestone's posted id as it comes: a missing or
    non-numeric id raised (a 500). Here such a row is refused with a message: the row claims to be
    a milestone the pledge has, and without its id nobody can tell which (saving it as a new one
    kept or dropped the old one depending on where the pledge was loaded from)."""

    def _construct_form(self, i, **kwargs):
        if not (self.is_bound and i < self.initial_form_count()):
            return super()._construct_form(i, **kwargs)
        pk_field = self.model._meta.pk
        try:
            pk = pk_field.to_python(self.data.get(f"{self.add_prefix(i)}-{pk_field.name}") or None)
        except ValidationError:
            pk = None
        kwargs["instance"] = (self._existing_object(pk) if pk is not None else None) or self.model()
        form = super(BaseModelFormSet, self)._construct_form(i, **kwargs)
        form.unmatched = pk is None
        return form


class PledgeForm(PlainTextFormMixin, EvidenceUploadMixin, ClusterForm):
    """A pledge with its interim milestones (a modelcluster formset, kept in memory until saved)."""

    source_url = forms.URLField(
        label=capfirst(Pledge._meta.get_field("source_url").verbose_name),
        max_length=Pledge._meta.get_field("source_url").max_length,
        required=False,
        assume_scheme="https",
        help_text=_("Where the public can read this pledge, for example your sustainability report."),
    )

    class Meta:
        model = Pledge
        fields = [
            "pledge_type",
            "scope_1",
            "scope_2",
            "scope_3",
            "unit",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_value",
            "status",
            "verification",
            "description_en",
            "description_zh",
            "source_url",
        ]
        formsets = {
            "milestones": {
                "form": MilestoneForm,
                "formset": MilestoneFormSet,
                "fields": ["year", "value", "description"],
                "extra": 1,
                "can_delete": True,
                "max_num": 20,
                "validate_max": True,
            }
        }
        widgets = {
            "baseline_year": forms.NumberInput(attrs=YEAR_ATTRS),
            "target_year": forms.NumberInput(attrs=YEAR_ATTRS),
            "baseline_value": forms.NumberInput(attrs=AMOUNT_ATTRS),
            "target_value": forms.NumberInput(attrs=AMOUNT_ATTRS),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "description_zh": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "baseline_year": _("The year your baseline emissions refer to."),
            "baseline_value": _("Emissions in the baseline year (tCO2e), or the starting share (%)."),
            "description_zh": _("Shown on the Chinese site; the English description is used when it is empty."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Existing milestones can only be this pledge's own ones.
        milestones = self.formsets["milestones"]
        own = Milestone.objects.filter(pledge_id=self.instance.pk) if self.instance.pk else Milestone.objects.none()
        for form in milestones.forms:
            form.fields["id"].queryset = own

    def clean(self):
        cleaned = super().clean()
        years = {}
        milestones = self.formsets["milestones"]
        milestones.is_valid()  # cleans each milestone, so their values can be checked against the pledge
        target_year = cleaned.get("target_year")
        baseline_year = cleaned.get("baseline_year")
        for form in milestones.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            year = form.cleaned_data.get("year")
            if year is None:
                continue
            if target_year and year > target_year:
                form.add_error(
                    "year", _("A milestone cannot come after the target year (%(year)s).") % {"year": target_year}
                )
            elif baseline_year and year < baseline_year:
                form.add_error(
                    "year", _("A milestone cannot come before the baseline year (%(year)s).") % {"year": baseline_year}
                )
            elif year in years:
                form.add_error("year", _("There is already a milestone for %(year)s.") % {"year": year})
            years[year] = form
            value = form.cleaned_data.get("value")
            if cleaned.get("unit") == Unit.PERCENT and value is not None and value > 100:
                form.add_error("value", _("A share cannot be above 100 %."))
        return cleaned


class ProgressReportForm(PlainTextFormMixin, ProvenanceFormMixin, EvidenceUploadMixin, forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["year", "scope_1", "scope_2_location", "scope_2_market", "scope_3", "renewable_share", "notes"]
        widgets = {
            "year": forms.NumberInput(attrs=YEAR_ATTRS),
            "scope_1": forms.NumberInput(attrs=AMOUNT_ATTRS),
            "scope_2_location": forms.NumberInput(attrs=AMOUNT_ATTRS),
            "scope_2_market": forms.NumberInput(attrs=AMOUNT_ATTRS),
            "scope_3": forms.NumberInput(attrs=AMOUNT_ATTRS),
            "renewable_share": forms.NumberInput(attrs={**AMOUNT_ATTRS, "max": 100}),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "year": _("The calendar year the figures cover."),
            "scope_2_location": _("Using average grid emission factors."),
            "scope_2_market": _("Using the factors of the electricity you bought, including green certificates."),
            "notes": _("Method, boundary changes or anything reviewers should know."),
        }

    def clean_year(self):
        """One report per company and year, counting other reports' unapproved changes of year too."""
        year = self.cleaned_data.get("year")
        if year is None:
            return year
        others = ProgressReport.objects.filter(company_id=self.instance.company_id).exclude(pk=self.instance.pk)
        for other in others:
            claimed = {other.year}
            if other.has_unpublished_changes:
                claimed.add(other.get_latest_revision_as_object().year)
            if year in claimed:
                raise forms.ValidationError(
                    _("Your company already has a report for %(year)s. Edit that report instead."),
                    code="duplicate_year",
                    params={"year": year},
                )
        return year

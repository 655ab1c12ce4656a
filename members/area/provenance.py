"""The provenance fields of the member area's progress report form (also used by the API).

Five fields per emissions figure; `clean()` turns them into the report's
`provenance`, which the model checks (`provenance.check_provenance`) with the
same messages wherever it comes from. "This report's evidence" may name a PDF
uploaded with the same form: it is filled in once the upload is stored.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import provenance
from members.models.provenance import FIGURES, Assurance, Basis

THIS_EVIDENCE = "evidence"


def field_name(figure: str, key: str) -> str:
    return f"{figure}__{key}"


class ProvenanceFormMixin(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        documents = provenance.company_documents(self.instance.company_id).order_by("-created_at")
        choices = [("", _("None given")), (THIS_EVIDENCE, _("This report’s evidence document"))]
        choices += [(str(document.pk), document.title) for document in documents]
        data = self.instance.provenance or {}
        for figure in FIGURES:
            entry = data.get(figure) or {}
            document = entry.get("document")
            initial_document = THIS_EVIDENCE if document and document == self.instance.evidence_id else document or ""
            self.fields[field_name(figure, "basis")] = forms.ChoiceField(
                label=_("Basis"), choices=[("", "–"), *Basis.choices], required=False, initial=entry.get("basis", "")
            )
            self.fields[field_name(figure, "document")] = forms.ChoiceField(
                label=_("Source document"), choices=choices, required=False, initial=str(initial_document)
            )
            self.fields[field_name(figure, "page")] = forms.IntegerField(
                label=_("Page"),
                min_value=1,
                max_value=provenance.MAX_PAGE,
                required=False,
                initial=entry.get("page"),
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "area-input--year"}),
            )
            self.fields[field_name(figure, "assurance")] = forms.ChoiceField(
                label=_("Assurance"), choices=Assurance.choices, required=False, initial=entry.get("assurance", "none")
            )
            self.fields[field_name(figure, "assurer")] = forms.CharField(
                label=_("Assured by"), max_length=200, required=False, initial=entry.get("assurer", "")
            )

    def provenance_rows(self):
        """The fields of each figure, for the template."""
        return [
            {
                "label": provenance.figure_label(figure),
                "fields": [
                    self[field_name(figure, key)] for key in ("basis", "document", "page", "assurance", "assurer")
                ],
            }
            for figure in FIGURES
        ]

    def clean(self):
        cleaned = super().clean()
        data, self._cite_upload = {}, []
        earlier = self.instance.provenance or {}
        for figure in FIGURES:
            values = {key: cleaned.get(field_name(figure, key)) for key in ("basis", "document", "page", "assurer")}
            assurance = cleaned.get(field_name(figure, "assurance")) or Assurance.NONE
            if not any(values.values()) and assurance == Assurance.NONE:
                continue
            if not values["basis"]:
                self.add_error(
                    field_name(figure, "basis"), _("Say whether the figure is reported, estimated or restated.")
                )
                continue
            entry = {"basis": values["basis"], "assurance": assurance, "assurer": values["assurer"] or ""}
            document = values["document"]
            if document == THIS_EVIDENCE:
                self._cite_upload.append(figure)
                entry["document"] = self.instance.evidence_id
            elif document:
                entry["document"] = int(document)
            if values["page"] is not None:
                entry["page"] = values["page"]
            kept = (earlier.get(figure) or {}).get("earlier")
            if values["basis"] == Basis.RESTATED and kept:
                entry["earlier"] = kept
            data[figure] = entry
        self.instance.provenance = data
        return cleaned

    def attach_evidence(self, obj, user) -> None:
        super().attach_evidence(obj, user)
        for figure in getattr(self, "_cite_upload", []):
            obj.provenance[figure]["document"] = obj.evidence_id

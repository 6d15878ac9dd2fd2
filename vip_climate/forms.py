from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedModelForm
from core.workflow_forms import VersionedReportForm

from .models import MunicipalityCommitment, StatusReport


class StatusReportForm(VersionedReportForm):
    class Meta:
        model = StatusReport
        fields = list(StatusReport.CONTENT_FIELDS)
        widgets = {
            field: forms.Textarea(attrs={"rows": 6})
            for field in StatusReport.CONTENT_FIELDS
            if field != "overall_status"
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overall_status"].required = True
        self.fields["overall_status"].choices = [("", _("Vælg samlet status"))] + list(
            StatusReport.Overall.choices
        )
        self.fields["participants_text"].widget.attrs["rows"] = 3

    def clean(self):
        data = super().clean()
        if not any((data.get(f) or "").strip() for f in ("status_text", "targets_activities")):
            raise forms.ValidationError(_("Skriv status på mål og aktiviteter eller mindst ét statuspunkt."))
        return data


class CommitmentEntryForm(LocalizedModelForm):
    evidence_url = forms.URLField(
        label=_("Link til dokumentation"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = MunicipalityCommitment
        fields = ["status", "date", "evidence_url", "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Gem"), css_class="btn-primary"))


class CommitmentImportForm(forms.Form):
    file = forms.FileField(label=_("Fil (CSV eller XLSX, højst 5 MB)"))

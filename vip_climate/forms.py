from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedModelForm
from core.workflow_forms import VersionedReportForm

from .models import MunicipalityCommitment, StatusReport

# The texts rendered with the status texts' Markdown (core/markdown.py) on the pages and in the PDFs.
MARKDOWN_FIELDS = (
    "status_text",
    "targets_activities",
    "changes",
    "challenges",
    "cooperation_funding",
    "perspectives",
)
MARKDOWN_HINT = _(
    "Hver linje er sit eget afsnit. En linje, der starter med «- », er et punkt i en liste; "
    "ryk to mellemrum ind («  - ») for et underpunkt. *kursiv*, **fed** og [tekst](https://…) for et link."
)


def markdown_widget_attrs() -> dict:
    """What static/js/markdown-preview.js needs on a textarea to add its preview button."""
    return {
        "data-markdown-preview": reverse_lazy("markdown_preview"),
        "data-preview-button": _("Forhåndsvis"),
        "data-preview-failed": _("Forhåndsvisningen kunne ikke hentes. Teksten er ikke påvirket."),
    }


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
        for name in MARKDOWN_FIELDS:
            self.fields[name].help_text = MARKDOWN_HINT
            self.fields[name].widget.attrs.update(markdown_widget_attrs())

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


class ReopenRoundForm(forms.Form):
    """Reopening a closed round needs a reason: it is kept in the round's history."""

    reason = forms.CharField(
        label=_("Hvorfor genåbnes runden?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class CommitmentImportForm(forms.Form):
    file = forms.FileField(label=_("Fil (CSV eller XLSX, højst 5 MB)"))

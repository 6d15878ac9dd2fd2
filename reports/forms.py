from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedForm
from core.models import ReportingPeriod

from .models import ReportJob
from .services import ReportParameterError, resolve_parameters


class ReportRequestForm(LocalizedForm):
    kind = forms.ChoiceField(
        label=_("Rapport"),
        choices=[(kind.value, kind.label) for kind in ReportJob.REPORT_KINDS],
        widget=forms.RadioSelect,
    )
    period = forms.ChoiceField(
        label=_("Periode"),
        help_text=_("Halvårsstatus: vælg en statusrunde. Årsrapport: vælg et år."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        periods = list(ReportingPeriod.objects.order_by("-year", "half"))
        self.fields["period"].choices = [
            (_("Statusrunder"), [(p.code, p.label) for p in periods if p.is_round]),
            (_("År"), [(p.code, p.label) for p in periods if not p.is_round]),
        ]

    def clean(self):
        cleaned = super().clean()
        kind, code = cleaned.get("kind"), cleaned.get("period")
        if kind and code:
            try:
                cleaned["kind"], cleaned["period_obj"] = resolve_parameters(kind, code)
            except ReportParameterError as error:
                self.add_error("period", str(error))
        return cleaned

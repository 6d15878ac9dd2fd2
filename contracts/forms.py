from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedForm, LocalizedModelForm
from core.models import Organisation
from core.widgets import YearInput

from .models import Measurement, Target

RANGES = {
    Target.Unit.PERCENT: (Decimal(0), Decimal(100), _("En procentdel skal ligge mellem 0 og 100.")),
    Target.Unit.COUNT: (Decimal(0), None, _("Et antal kan ikke være negativt.")),
    Target.Unit.NPS: (Decimal(-100), Decimal(100), _("En NPS skal ligge mellem −100 og 100.")),
    Target.Unit.POINTS: (Decimal(-100), Decimal(100), _("Procentpoint skal ligge mellem −100 og 100.")),
}


def range_error(unit: str, value: Decimal | None):
    """The Danish message for a value outside what its unit allows, or None."""
    if value is None or unit not in RANGES:
        return None
    low, high, message = RANGES[unit]
    if (low is not None and value < low) or (high is not None and value > high):
        return message
    return None


def is_duplicate(target: Target, *, measured_on, segment="", municipality=None, is_baseline=False) -> bool:
    return Measurement.objects.filter(
        target=target,
        measured_on=measured_on,
        segment=segment or "",
        municipality=municipality,
        is_baseline=is_baseline,
    ).exists()


class MeasurementForm(LocalizedModelForm):
    """A measurement for one target; the fields shown follow the target's kind."""

    class Meta:
        model = Measurement
        fields = [
            "measured_on",
            "value",
            "control_value",
            "segment",
            "municipality",
            "milestone_status",
            "is_baseline",
            "source",
            "note",
        ]
        widgets = {"measured_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, target: Target, **kwargs):
        self.target = target
        super().__init__(*args, **kwargs)
        kind = target.kind
        keep = {"measured_on", "source", "note"}
        if kind == Target.Kind.MILESTONE:
            keep |= {"milestone_status"}
            self.fields["milestone_status"].required = True
        else:
            keep |= {"value"}
            self.fields["value"].required = True
        if kind == Target.Kind.CONTROL:
            keep |= {"control_value"}
            self.fields["control_value"].required = True
        if kind == Target.Kind.SEGMENT:
            keep |= {"segment"}
            self.fields["segment"].required = True
            self.fields["segment"].choices = [
                c for c in self.fields["segment"].choices if c[0] in (target.segments or [])
            ]
        if kind == Target.Kind.CHANGE:
            keep |= {"is_baseline"}
        if target.goal.number == 2 and target.unit == Target.Unit.COUNT:
            keep |= {"municipality"}
            self.fields["municipality"].queryset = Organisation.objects.municipalities()
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.fields["measured_on"].input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
        if target.source and not self.is_bound:
            self.initial.setdefault("source", target.source)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("save", _("Gem måling")))

    def clean(self):
        data = super().clean()
        unit = self.target.unit
        if self.target.kind == Target.Kind.CHANGE:
            unit = Target.Unit.PERCENT  # the share is entered; the target is its change in percentage points
        for name in ("value", "control_value"):
            message = range_error(unit, data.get(name))
            if message:
                self.add_error(name, message)
        if (
            data.get("measured_on")
            and not self.errors
            and is_duplicate(
                self.target,
                measured_on=data["measured_on"],
                segment=data.get("segment", ""),
                municipality=data.get("municipality"),
                is_baseline=data.get("is_baseline", False),
            )
        ):
            raise ValidationError(_("Der findes allerede en måling for dette delmål på denne dato."))
        return data


class ImportForm(LocalizedForm):
    file = forms.FileField(
        label=_("Fil (CSV eller XLSX)"),
        help_text=_(
            "Kolonner: delmål, dato, værdi, kontrolgruppe, segment, kommune, milepæl, baseline, kilde, note."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("preview", _("Vis forhåndsvisning")))


class CopyForm(LocalizedForm):
    year = forms.IntegerField(label=_("Nyt år"), min_value=2000, max_value=2100, widget=YearInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("copy", _("Kopiér kontrakten")))

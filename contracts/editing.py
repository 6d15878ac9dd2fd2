"""The secretariat's editors for the result contract: a target's values, and measurements for every
municipality pasted at once (goal 2's per-municipality counts).

The paste has one format, one line per municipality: "Albertslund;12,5" (a semicolon or a tab between
the name and the value, so two columns copied from Excel paste as they are). Every line is checked
against the municipalities (unknown names get suggestions from core.models.OrganisationLookup), shown in a
preview, and saved all or nothing through core.tabular's preview store and services.measurements_import.
"""

from __future__ import annotations

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.validators import RegexValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import LocalizedForm, LocalizedModelForm
from core.models import Organisation, OrganisationLookup, UnknownOrganisation
from core.numbers import parse_optional_number
from core.tabular import Row
from core.widgets import IsoDateInput

from . import services
from .forms import range_error
from .models import Measurement, Segment, Source, Target

PASTE_MAX_CHARS = 10_000
PASTE_MAX_LINES = 100
NOTE_MAX = 1000
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]


def per_municipality(target: Target) -> bool:
    """Goal 2 counts guidance per municipality (its geographic spread); no other target does."""
    return target.goal.number == 2 and target.unit == Target.Unit.COUNT and target.kind != Target.Kind.PARTS


# --- a target's values ------------------------------------------------------------------------------


class TargetForm(LocalizedModelForm):
    """What the secretariat may change on a target: its figures, dates and the portal's note.

    The target's text, kind and unit are the contract's words and stay as loaded.
    """

    portal_note = forms.CharField(
        label=gettext_lazy("Portalens bemærkning"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Hvad portalen gør, hvor kilden ikke siger det; vises som portalens, ikke kildens, ord."
        ),
    )

    class Meta:
        model = Target
        fields = [
            "comparison",
            "threshold",
            "baseline_value",
            "baseline_label",
            "expected_text",
            "expected_on",
            "weight",
            "portal_note",
        ]
        widgets = {"expected_on": IsoDateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        target = self.instance
        if target.kind in (Target.Kind.MILESTONE, Target.Kind.PARTS):
            for name in ("comparison", "threshold", "baseline_value", "baseline_label"):
                del self.fields[name]
        self.fields["expected_on"].input_formats = DATE_FORMATS
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("save", _("Gem delmålet")))

    def clean(self):
        data = super().clean()
        unit = self.instance.unit
        if "threshold" in data:
            message = range_error(unit, data.get("threshold"))
            if message:
                self.add_error("threshold", message)
        if data.get("baseline_value") is not None:
            # A change target's baseline is the share itself, in per cent.
            kind = self.instance.kind
            message = range_error(
                Target.Unit.PERCENT if kind == Target.Kind.CHANGE else unit, data["baseline_value"]
            )
            if message:
                self.add_error("baseline_value", message)
        weight = data.get("weight")
        if weight is not None and not (Decimal(0) < weight <= Decimal(100)):
            self.add_error("weight", _("Vægten skal være større end 0 og højst 100."))
        return data


def target_update(*, form: TargetForm, by) -> Target:
    """Save the target's new values; the fulfilment snapshot is recomputed after the commit."""
    with transaction.atomic():
        target = form.save(commit=False)
        target.full_clean()
        target.save()
        services.snapshot_queue(target.goal.contract_id)
    return target


# --- measurements for every municipality, pasted ---------------------------------------------------


class PasteForm(LocalizedForm):
    measured_on = forms.DateField(
        label=gettext_lazy("Dato eller periodens slutning"),
        input_formats=DATE_FORMATS,
        widget=IsoDateInput(),
    )
    source = forms.ChoiceField(label=gettext_lazy("Kilde"), choices=Source.choices)
    lines = forms.CharField(
        label=gettext_lazy("Én linje pr. kommune: navn;værdi"),
        max_length=PASTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text=gettext_lazy(
            "Fx «Albertslund;12,5». Et semikolon eller en tabulator mellem navn og værdi, så to kolonner "
            "kopieret fra Excel kan indsættes direkte. Decimaltal med komma; tomme linjer springes over."
        ),
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=NOTE_MAX)

    def __init__(self, *args, target: Target, **kwargs):
        self.target = target
        super().__init__(*args, **kwargs)
        if target.source and not self.is_bound:
            self.initial.setdefault("source", target.source)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("preview", _("Vis forhåndsvisning")))

    def clean_lines(self):
        text = self.cleaned_data["lines"]
        count = sum(1 for line in text.splitlines() if line.strip())
        if count > PASTE_MAX_LINES:
            raise forms.ValidationError(
                _("Højst %(max)s linjer ad gangen (der er %(count)s).")
                % {"max": PASTE_MAX_LINES, "count": count}
            )
        if "\x00" in text:
            raise forms.ValidationError(_("Teksten indeholder ugyldige tegn."))
        return text


def _split(line: str) -> tuple[str, str] | None:
    for separator in ("\t", ";"):
        if separator in line:
            name, _sep, value = line.partition(separator)
            return name.strip(), value.strip().rstrip(";\t").strip()
    return None


def paste_validate(*, target: Target, measured_on, source: str, note: str, text: str) -> list[Row]:
    """One Row per non-empty line, with its errors or the measurement it becomes."""
    lookup = OrganisationLookup(Organisation.objects.municipalities())
    existing = set(
        Measurement.objects.filter(
            target=target, measured_on=measured_on, segment="", is_baseline=False
        ).values_list("municipality_id", flat=True)
    )
    seen: dict[int, int] = {}
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = _split(line)
        cells = {
            "kommune": (parts[0] if parts else line.strip())[:100],
            "værdi": parts[1][:40] if parts else "",
        }
        row = Row(line=number, cells=cells)
        rows.append(row)
        if parts is None:
            row.errors.append(_("Skriv navn og værdi adskilt af semikolon, fx «Albertslund;12,5»."))
            continue
        name, raw_value = parts
        municipality = None
        try:
            municipality = lookup.resolve(name)
        except UnknownOrganisation as error:
            hint = (
                _(" Mente du: %(names)s?") % {"names": ", ".join(error.suggestions)}
                if error.suggestions
                else ""
            )
            row.errors.append(_("Ukendt kommune «%(name)s».") % {"name": name[:100]} + hint)
        try:
            value = parse_optional_number(raw_value)
        except ValueError as error:
            value = None
            row.errors.append(str(error))
        else:
            if value is None:
                row.errors.append(_("Værdi mangler."))
            else:
                message = range_error(target.unit, value)
                if message:
                    row.errors.append(str(message))
                elif abs(value) >= Decimal(10) ** 10:
                    row.errors.append(_("Tallet er for stort."))
        if municipality is not None:
            if municipality.pk in existing:
                row.errors.append(_("Der findes allerede en måling for kommunen på denne dato."))
            elif municipality.pk in seen:
                row.errors.append(_("Kommunen står også i linje %(line)s.") % {"line": seen[municipality.pk]})
            else:
                seen[municipality.pk] = number
        if row.errors:
            continue
        row.values = {
            "target": target,
            "measured_on": measured_on,
            "value": value,
            "control_value": None,
            "segment": "",
            "municipality": municipality,
            "milestone_status": "",
            "is_baseline": False,
            "source": source,
            "note": note,
        }
    return rows


class PasteConflict(ValueError):
    """Someone saved a measurement for one of the pasted municipalities after the preview."""


def paste_commit(*, target: Target, rows: list[dict], by) -> list[Measurement]:
    """Save the previewed rows (from importer.from_session), all or none; duplicates are checked again."""
    with transaction.atomic():
        Target.objects.select_for_update().filter(pk=target.pk).first()
        for row in rows:
            if row["target"].pk != target.pk:
                raise PasteConflict
            if Measurement.objects.filter(
                target=target,
                measured_on=row["measured_on"],
                segment="",
                municipality_id=row["municipality_id"],
                is_baseline=False,
            ).exists():
                raise PasteConflict
        return services.measurements_import(rows=rows, by=by)


# --- a new target, and deleting one that has no measurements -----------------------------------------

CODE_PATTERN = r"^\d{1,2}(\.\d{1,2}){1,3}[a-z]?$"


class NewTargetForm(LocalizedModelForm):
    """A target the secretariat adds to a goal (a later contract, a new internal target)."""

    text = forms.CharField(
        label=gettext_lazy("Tekst"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    portal_note = TargetForm.base_fields["portal_note"]
    segments = forms.MultipleChoiceField(
        label=gettext_lazy("Segmenter"),
        choices=Segment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Kun for typen «niveau i hvert segment»."),
    )

    class Meta:
        model = Target
        fields = [
            "code",
            "parent",
            "text",
            "measured",
            "kind",
            "unit",
            "comparison",
            "threshold",
            "baseline_value",
            "baseline_label",
            "segments",
            "aggregation",
            "parts_rule",
            "source",
            "expected_text",
            "expected_on",
            "weight",
            "portal_note",
        ]
        widgets = {"expected_on": IsoDateInput()}

    def __init__(self, *args, goal, **kwargs):
        self.goal = goal
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(
            RegexValidator(CODE_PATTERN, _("Skriv koden som fx 1.5 eller 4.1a."))
        )
        self.fields["code"].help_text = _("Målets nummer først, fx %(example)s.") % {
            "example": f"{goal.number}.9"
        }
        self.fields["parent"].queryset = goal.targets.filter(kind=Target.Kind.PARTS).order_by("position")
        self.fields["parent"].required = False
        self.fields["expected_on"].input_formats = DATE_FORMATS
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("save", _("Opret delmålet")))

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.startswith(f"{self.goal.number}."):
            raise forms.ValidationError(
                _("Koden skal begynde med målets nummer, %(number)s.") % {"number": self.goal.number}
            )
        if self.goal.targets.filter(code=code).exists():
            raise forms.ValidationError(
                _("Målet har allerede et delmål med koden %(code)s.") % {"code": code}
            )
        return code

    def clean(self):
        data = super().clean()
        kind, unit = data.get("kind"), data.get("unit") or ""
        judged = kind in (Target.Kind.LEVEL, Target.Kind.CHANGE, Target.Kind.CONTROL, Target.Kind.SEGMENT)
        if judged and data.get("threshold") is None and "threshold" not in self.errors:
            self.add_error("threshold", _("Et delmål af denne type skal have et mål."))
        if judged and not unit:
            self.add_error("unit", _("Et delmål af denne type skal have en enhed."))
        if kind == Target.Kind.SEGMENT and not data.get("segments"):
            self.add_error("segments", _("Vælg mindst ét segment."))
        if kind == Target.Kind.PARTS and not data.get("parts_rule"):
            self.add_error("parts_rule", _("Vælg reglen for delene."))
        message = range_error(unit, data.get("threshold"))
        if message:
            self.add_error("threshold", message)
        weight = data.get("weight")
        if weight is not None and not (Decimal(0) < weight <= Decimal(100)):
            self.add_error("weight", _("Vægten skal være større end 0 og højst 100."))
        return data


def target_create(*, form: NewTargetForm, by) -> Target:
    with transaction.atomic():
        target = form.save(commit=False)
        target.goal = form.goal
        target.segments = list(form.cleaned_data.get("segments") or [])
        siblings = form.goal.targets.filter(parent=target.parent)
        target.position = (max(siblings.values_list("position", flat=True), default=0) or 0) + 1
        target.source_ref = ""  # entered in the portal: the history says who and when
        target.full_clean()
        target.save()
        services.snapshot_queue(form.goal.contract_id)
    return target


class TargetInUse(ValueError):
    """A target with measurements or parts is not deleted: its data would go with it."""


def target_delete(*, target: Target, by) -> None:
    with transaction.atomic():
        locked = Target.objects.select_for_update().get(pk=target.pk)
        if locked.measurements.exists() or locked.parts.exists():
            raise TargetInUse
        contract_id = target.goal.contract_id
        locked.delete()
        services.snapshot_queue(contract_id)


def measurement_delete(*, measurement: Measurement, by) -> None:
    """Delete a wrong measurement; simple-history keeps it, and the snapshot is recomputed."""
    with transaction.atomic():
        contract_id = measurement.target.goal.contract_id
        measurement.delete()
        services.snapshot_queue(contract_id)

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedForm, LocalizedModelForm
from core.models import Organisation
from core.widgets import YearInput

from .models import LocalStrategy, Programme


def _programme_field():
    return forms.ModelChoiceField(
        label=_("Uddannelse"), queryset=Programme.objects.filter(is_allocated=True), empty_label=None
    )


def _year_field():
    return forms.IntegerField(label=_("År"), min_value=2000, max_value=2100, widget=YearInput)


class MoveForm(LocalizedForm):
    from_municipality = forms.ModelChoiceField(
        label=_("Fra kommune"), queryset=Organisation.objects.municipalities()
    )
    to_municipality = forms.ModelChoiceField(
        label=_("Til kommune"), queryset=Organisation.objects.municipalities()
    )
    places = forms.IntegerField(label=_("Antal pladser"), min_value=1)
    reason = forms.CharField(
        label=_("Begrundelse"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )

    def clean(self):
        data = super().clean()
        if data.get("from_municipality") and data.get("from_municipality") == data.get("to_municipality"):
            raise forms.ValidationError(_("Vælg to forskellige kommuner."))
        return data


class CalculatorForm(LocalizedForm):
    KEY_PREVIOUS = "previous"
    KEY_FILE = "file"

    year = _year_field()
    programme = _programme_field()
    total = forms.IntegerField(label=_("Regionalt antal pladser"), min_value=0, max_value=1_000_000)
    key_source = forms.ChoiceField(
        label=_("Fordelingsnøgle"),
        choices=[
            (KEY_PREVIOUS, _("Forrige års fordeling (godkendt eller forelagt KKR)")),
            (KEY_FILE, _("Nøgle fra fil (fx befolkning eller antal ansatte)")),
        ],
        widget=forms.RadioSelect,
        initial=KEY_PREVIOUS,
    )
    key_file = forms.FileField(
        label=_("Nøglefil (CSV eller XLSX med kolonnerne Kommune og Nøgle)"), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("key_source") == self.KEY_FILE and not data.get("key_file"):
            self.add_error("key_file", _("Vælg en nøglefil, eller brug forrige års fordeling."))
        return data


class ImportForm(forms.Form):
    year = _year_field()
    programme = _programme_field()
    file = forms.FileField(label=_("Fil (CSV eller XLSX med kolonnerne Kommune og Pladser/Optag)"))


class IntakeForm(LocalizedForm):
    """One field per municipality: the places it filled; empty means not reported."""

    def __init__(self, *args, municipalities, initial_places: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = list(municipalities)
        for municipality in self.municipalities:
            self.fields[f"m{municipality.pk}"] = forms.IntegerField(
                label=municipality.name,
                min_value=0,
                max_value=100_000,
                required=False,
                initial=initial_places.get(municipality.pk),
            )
        # LocalizedFormMixin ran before the fields existed: localise the new ones too.
        for field in self.fields.values():
            field.localize = True
            field.widget = forms.TextInput(attrs={"inputmode": "numeric"})
            field.widget.is_localized = True

    def places(self) -> dict[Organisation, int | None]:
        return {m: self.cleaned_data.get(f"m{m.pk}") for m in self.municipalities}


class LocalStrategyForm(LocalizedModelForm):
    exists = forms.NullBooleanField(
        label=_("Har kommunen en lokal uddannelsesstrategi?"),
        required=False,
        widget=forms.NullBooleanSelect,
    )
    url = forms.URLField(
        label=_("Link til strategien"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = LocalStrategy
        fields = ["exists", "adopted", "url", "note"]
        widgets = {"adopted": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"adopted": _("Dato for vedtagelse"), "url": _("Link til strategien")}

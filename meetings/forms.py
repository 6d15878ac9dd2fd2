"""The meeting forms (crispy Bootstrap 5). Lengths are the model's: a 1 MB title is a form error."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedForm, LocalizedModelForm
from core.models import Organisation, ReportingPeriod
from core.widgets import IsoDateInput

from . import annexes, links
from .models import AgendaItem, Appointment, Decision, FollowUpAction, Meeting
from .services import check_pdf


def _helper(label) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("submit", label))
    return helper


class MeetingForm(LocalizedModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "title", "date", "time", "place", "note"]
        widgets = {
            "date": IsoDateInput(),
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Gem mødet"))


class ItemForm(LocalizedModelForm):
    links = forms.MultipleChoiceField(
        label=_("Henviser til"),
        required=False,
        help_text=_("Portalens data, punktet handler om (hold Ctrl nede for at vælge flere)."),
    )

    class Meta:
        model = AgendaItem
        fields = ["number", "title", "kind", "presentation", "recommendation"]
        widgets = {
            "presentation": forms.Textarea(attrs={"rows": 6}),
            "recommendation": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"presentation": _("Enkel Markdown: lister, fremhævning og links.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        grouped, self._objects = links.choices()
        self.fields["links"].choices = grouped
        self.fields["links"].widget.attrs["size"] = 8
        if self.instance.pk:
            self.initial["links"] = [links.key_of(obj) for obj in links.linked_objects(self.instance)]
        self.helper = _helper(_("Gem punktet"))

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        meeting_id = self.instance.meeting_id
        if (
            number
            and AgendaItem.objects.filter(meeting_id=meeting_id, number=number)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(_("Dagsordenen har allerede et punkt med det nummer."))
        return number

    def linked(self) -> list:
        return [self._objects[key] for key in self.cleaned_data.get("links", [])]


def generator_period(key: str) -> str:
    """Which period a generator's args name: "round" ({"round": "2022-autumn"}) or "year" ({"year": 2023})."""
    spec = annexes.GENERATORS.get(key) or {}
    return spec.get("period") or ("round" if key == "vip_climate.half_yearly" else "year")


class GeneratedAnnexForm(LocalizedForm):
    generator = forms.ChoiceField(label=_("Bilagstype"))
    period = forms.ChoiceField(label=_("Periode"), help_text=_("Statusrunde for VIP-status, ellers år."))
    title = forms.CharField(
        label=_("Titel"), max_length=300, required=False, help_text=_("Tom: bilagstypens titel.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["generator"].choices = [
            (key, str(spec.get("title", key))) for key, spec in sorted(annexes.GENERATORS.items())
        ]
        periods = ReportingPeriod.objects.order_by("-year", "half")
        self.fields["period"].choices = [(p.code, p.label) for p in periods]
        self.helper = _helper(_("Tilføj bilaget"))

    def args(self) -> dict:
        code = self.cleaned_data["period"]
        generator = self.cleaned_data["generator"]
        if generator_period(generator) == "round":
            if "-" not in code:
                raise forms.ValidationError(_("Vælg en statusrunde (forår eller efterår)."))
            return {"round": code}
        return {"year": int(code.split("-")[0])}

    def clean(self):
        cleaned = super().clean()
        if "generator" in cleaned and "period" in cleaned:
            try:
                cleaned["args"] = self.args()
            except forms.ValidationError as error:
                self.add_error("period", error)
        return cleaned


class UploadAnnexForm(LocalizedForm):
    title = forms.CharField(label=_("Titel"), max_length=300)
    file = forms.FileField(
        label=_("PDF-fil"), widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Upload bilaget"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content = check_pdf(upload)
        return upload


class DecisionForm(LocalizedModelForm):
    owner = forms.ModelChoiceField(
        label=_("Ansvarlig organisation"), queryset=Organisation.objects.all(), required=False
    )
    description = forms.CharField(
        label=_("Opfølgning"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )
    due = forms.DateField(label=_("Frist"), widget=IsoDateInput(), required=False)

    class Meta:
        model = Decision
        fields = ["outcome", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].max_length = 20000
        self.helper = _helper(_("Registrér beslutningen"))

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text) > 20000:
            raise forms.ValidationError(_("Teksten er for lang (højst 20.000 tegn)."))
        return text

    def clean(self):
        cleaned = super().clean()
        action = [cleaned.get("owner"), cleaned.get("description"), cleaned.get("due")]
        if any(action) and not all(action):
            raise forms.ValidationError(
                _("En opfølgning skal have ansvarlig organisation, beskrivelse og frist.")
            )
        return cleaned

    def actions(self) -> list[dict]:
        c = self.cleaned_data
        if not c.get("owner"):
            return []
        return [{"owner": c["owner"], "description": c["description"], "due": c["due"]}]


class FollowUpStateForm(forms.Form):
    state = forms.ChoiceField(label=_("Status"), choices=FollowUpAction.State.choices)


class AppointmentForm(LocalizedModelForm):
    class Meta:
        model = Appointment
        fields = ["person", "municipality", "role", "decided_by", "starts", "ends"]
        widgets = {"starts": IsoDateInput(), "ends": IsoDateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Organisation.objects.municipalities()
        self.fields["decided_by"].queryset = AgendaItem.objects.select_related("meeting").order_by(
            "-meeting__date", "position"
        )
        self.fields["decided_by"].label_from_instance = lambda item: f"{item.meeting}: {item}"
        self.helper = _helper(_("Registrér udpegningen"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts") and cleaned.get("ends") and cleaned["ends"] < cleaned["starts"]:
            self.add_error("ends", _("Slutdatoen ligger før startdatoen."))
        return cleaned

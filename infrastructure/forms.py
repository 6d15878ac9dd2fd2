from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedForm, LocalizedModelForm
from core.models import Organisation
from core.widgets import YearInput
from core.workflow_forms import VersionedReportForm

from . import services
from .models import Assessment, CostEstimate, FollowUpReport, Project


def _helper(label):
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


class EstimateForm(LocalizedModelForm):
    part = forms.ModelChoiceField(label=_("Delprojekt"), queryset=None, required=False)
    new_part_name = forms.CharField(
        label=_("Eller nyt delprojekt"),
        max_length=200,
        required=False,
        help_text=_("Navnet på et nyt delprojekt."),
    )
    high = forms.DecimalField(
        label=_("Høj (mio. kr.)"),
        required=False,
        max_digits=12,
        decimal_places=3,
        help_text=_("Kun for et spænd, fx 1.000–1.750. Tomt: et enkelt tal."),
    )
    price_year = forms.IntegerField(
        label=_("Prisniveau (år)"), required=False, min_value=1950, max_value=2100
    )

    class Meta:
        model = CostEstimate
        fields = ["part", "new_part_name", "low", "high", "price_year", "source"]
        labels = {"low": _("Overslag / lav (mio. kr.)")}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["part"].queryset = project.parts.all()
        self.fields["part"].empty_label = _("– nyt delprojekt –")
        # A year, not an amount: no thousands dot ("2024", not "2.024").
        self.fields["price_year"].localize = False
        self.fields["price_year"].widget.is_localized = False
        self.helper = _helper(_("Gem overslag"))

    def clean(self):
        data = super().clean()
        low, high = data.get("low"), data.get("high")
        if high is None:
            data["high"] = low
        try:
            services.validate_estimate(low, data.get("high"))
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(name, message)
        if not data.get("part") and not (data.get("new_part_name") or "").strip():
            self.add_error("part", _("Vælg et delprojekt eller skriv navnet på et nyt."))
        return data

    def _post_clean(self):
        # The model instance is built by the service, not here (the constraint check needs the part).
        pass


class AssessmentForm(LocalizedModelForm):
    yes = forms.TypedChoiceField(
        label=_("Ja/nej"),
        choices=[("", "–"), ("1", _("Ja")), ("0", _("Nej"))],
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
    )
    score = forms.IntegerField(label=_("Point (0–3)"), required=False, min_value=0, max_value=3)

    class Meta:
        model = Assessment
        fields = ["level", "yes", "score", "figure", "unit", "rationale"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.yes is not None:
            self.initial["yes"] = "1" if self.instance.yes else "0"
        self.helper = _helper(_("Gem vurdering"))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data.update(
                services.validate_assessment(
                    level=data.get("level"),
                    yes=data.get("yes"),
                    score=data.get("score"),
                    figure=data.get("figure"),
                    unit=data.get("unit") or "",
                )
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(name if name in self.fields else None, message)
        return data


class ProjectForm(LocalizedModelForm):
    """A candidate project, or the secretariat's edit of any project (plan status, leads, municipalities)."""

    municipalities = forms.ModelMultipleChoiceField(
        label=_("Berørte kommuner"),
        queryset=Organisation.objects.municipalities(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    leads = forms.ModelMultipleChoiceField(
        label=_("Tovholdere"),
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.SelectMultiple,
    )

    class Meta:
        model = Project
        fields = ["name", "mode", "description", "plan_status", "municipalities", "leads"]

    def __init__(self, *args, candidate=False, **kwargs):
        super().__init__(*args, **kwargs)
        if candidate:
            del self.fields["plan_status"]
        self.helper = _helper(_("Gem projekt"))


class FollowUpStartForm(LocalizedForm):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100, widget=YearInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Start opfølgning"))


class FollowUpForm(VersionedReportForm):
    class Meta:
        model = FollowUpReport
        fields = ["status", "milestones", "next_steps", "national_decisions"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}

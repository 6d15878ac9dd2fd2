"""The secretariat's editors for VIP reference data: a project's lead periods and its participants.

Forms validate; the services write inside one transaction, with the project row locked so that two
editors cannot save overlapping periods at the same moment. simple-history records who changed what.
"""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedForm, LocalizedModelForm
from core.models import Organisation
from core.widgets import IsoDateInput

from .models import LeadPeriod, Participation, Project

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
NOTE_MAX = 1000


def lead_candidates():
    """Who may lead a VIP project: a municipality or the region ("Tovholder: kommune eller Region H")."""
    return Organisation.objects.filter(
        kind__in=[Organisation.Kind.MUNICIPALITY, Organisation.Kind.REGION]
    ).order_by("name")


def overlapping(*, project, organisation, starts, ends, exclude_pk=None):
    """The project's periods of the same organisation (or of "no lead") that share a day with starts–ends.

    Periods of different organisations may overlap: several municipalities can lead together, and a later
    lead supersedes a "no lead" period (VIP 2 in 2022).
    """
    periods = LeadPeriod.objects.filter(project=project, organisation=organisation)
    if exclude_pk:
        periods = periods.exclude(pk=exclude_pk)
    periods = periods.filter(Q(ends__isnull=True) | Q(ends__gte=starts))
    if ends is not None:
        periods = periods.filter(starts__lte=ends)
    return periods.order_by("starts")


class LeadPeriodForm(LocalizedModelForm):
    source = forms.CharField(
        label=_("Kilde eller bemærkning"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Hvad kilden eller beslutningen siger om tovholderen."),
    )

    class Meta:
        model = LeadPeriod
        fields = ["organisation", "starts", "ends", "precision", "source"]
        widgets = {
            "starts": IsoDateInput(),
            "ends": IsoDateInput(),
        }

    def __init__(self, *args, project: Project, **kwargs):
        self.project = project
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = lead_candidates()
        self.fields["organisation"].label = _("Tovholder")
        self.fields["organisation"].empty_label = _("– ingen tovholder i perioden –")
        self.fields["organisation"].required = False
        self.fields["ends"].help_text = _("Tom: perioden løber stadig.")
        for name in ("starts", "ends"):
            self.fields[name].input_formats = DATE_FORMATS
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("save", _("Gem tovholderperiode")))

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", _("Perioden kan ikke slutte, før den begynder."))
        if starts and not self.errors:
            clash = overlapping(
                project=self.project,
                organisation=data.get("organisation"),
                starts=starts,
                ends=ends,
                exclude_pk=self.instance.pk,
            ).first()
            if clash is not None:
                raise ValidationError(overlap_message(clash))
        return data


def overlap_message(clash: LeadPeriod) -> str:
    who = clash.organisation.name if clash.organisation else _("ingen tovholder")
    until = date_format(clash.ends) if clash.ends else _("uden slutdato")
    return _(
        "Perioden overlapper en anden periode for samme tovholder (%(who)s: %(starts)s – %(until)s). "
        "Ret datoerne, eller ret den anden periode."
    ) % {"who": who, "starts": date_format(clash.starts), "until": until}


class OverlapRefused(ValueError):
    """Someone saved an overlapping period between the form's check and this save."""


def lead_period_save(*, form: LeadPeriodForm, by) -> LeadPeriod:
    """Save the form's period; the overlap is checked again with the project row locked."""
    period = form.save(commit=False)
    period.project = form.project
    with transaction.atomic():
        Project.objects.select_for_update().filter(pk=form.project.pk).first()
        clash = overlapping(
            project=form.project,
            organisation=period.organisation,
            starts=period.starts,
            ends=period.ends,
            exclude_pk=period.pk,
        ).first()
        if clash is not None:
            raise OverlapRefused(overlap_message(clash))
        if period.pk is None:
            period.source_ref = ""  # entered in the portal: the history says who and when
        period.full_clean()
        period.save()
    return period


def lead_period_delete(*, period: LeadPeriod, by) -> None:
    with transaction.atomic():
        period.delete()


class ParticipantsForm(LocalizedForm):
    """The project's participants (role "participant"); theme-group memberships are kept as they are."""

    organisations = forms.ModelMultipleChoiceField(
        label=_("Deltagende kommuner og region"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, project: Project, **kwargs):
        self.project = project
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = lead_candidates()
        if not self.is_bound:
            self.initial["organisations"] = list(
                project.participations.filter(role=Participation.Role.PARTICIPANT).values_list(
                    "organisation_id", flat=True
                )
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("save", _("Gem deltagere")))


def participants_save(*, project: Project, organisations, by) -> tuple[int, int]:
    """Add and remove participations so that exactly `organisations` take part; returns (added, removed)."""
    wanted = {o.pk for o in organisations}
    with transaction.atomic():
        Project.objects.select_for_update().filter(pk=project.pk).first()
        current = {
            p.organisation_id: p
            for p in project.participations.filter(
                role=Participation.Role.PARTICIPANT, organisation__in=lead_candidates()
            )
        }
        removed = [p for org_id, p in current.items() if org_id not in wanted]
        for participation in removed:
            participation.delete()  # one by one: each deletion gets its history record
        added = sorted(wanted - current.keys())
        for org_id in added:
            Participation.objects.create(
                project=project, organisation_id=org_id, role=Participation.Role.PARTICIPANT
            )
    return len(added), len(removed)

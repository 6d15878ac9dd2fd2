"""The 7+3 priority infrastructure projects: cost estimates, guiding criteria, assessments, follow-up."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import Organisation
from core.sources import SourcedModel
from core.sources import SourcePassage as BaseSourcePassage
from core.workflow import WorkflowReport


class ProjectQuerySet(models.QuerySet):
    def priorities(self):
        """The agreed 7+3 (not the proposed candidates)."""
        return self.filter(is_candidate=False)

    def candidates(self):
        return self.filter(is_candidate=True)

    def with_overview(self):
        """Leads, municipalities and every part with its estimates, in a fixed number of queries."""
        return self.prefetch_related(
            "leads",
            "municipalities",
            Prefetch(
                "parts",
                queryset=CostPart.objects.order_by("order", "pk").prefetch_related(
                    Prefetch(
                        "estimates",
                        queryset=CostEstimate.objects.select_related("recorded_by").order_by("-pk"),
                    )
                ),
            ),
        )


class Project(SourcedModel):
    class Group(models.TextChoices):
        SEVEN = "7", _("De 7")
        PLUS_THREE = "+3", _("De +3")

    class Mode(models.TextChoices):
        ROAD = "road", _("Vej")
        RAIL = "rail", _("Jernbane")
        S_TRAIN = "s_train", _("S-tog")
        METRO = "metro", _("Metro")
        LIGHT_RAIL = "light_rail", _("Letbane")
        STATION = "station", _("Station")

    class PlanStatus(models.TextChoices):
        INCLUDED = "included", _("Med i planen")
        ANALYSIS = "analysis", _("Kun med som analyse")
        NOT_INCLUDED = "not_included", _("Ikke med i planen")
        UNKNOWN = "unknown", _("Ikke angivet")

    name = models.CharField(_("navn"), max_length=200, unique=True)
    slug = models.SlugField(_("kort navn i adresser"), max_length=120, unique=True)
    group = models.CharField(_("gruppe"), max_length=2, choices=Group.choices, blank=True)
    is_candidate = models.BooleanField(
        _("foreslået projekt"), default=False, help_text=_("Et nyt projekt, der vurderes i samme ramme.")
    )
    mode = models.CharField(_("transportform"), max_length=12, choices=Mode.choices)
    description = models.TextField(_("beskrivelse"), blank=True)
    municipalities = models.ManyToManyField(
        Organisation, verbose_name=_("berørte kommuner"), blank=True, related_name="infrastructure_projects"
    )
    leads = models.ManyToManyField(
        Organisation, verbose_name=_("tovholdere"), blank=True, related_name="infrastructure_leads"
    )
    plan_status = models.CharField(
        _("status i Infrastrukturplan 2035"),
        max_length=12,
        choices=PlanStatus.choices,
        default=PlanStatus.UNKNOWN,
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords(m2m_fields=[municipalities, leads])

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["is_candidate", "order", "name"]
        verbose_name = _("infrastrukturprojekt")
        verbose_name_plural = _("infrastrukturprojekter")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_candidate=True) | ~models.Q(group=""), name="priority_project_has_group"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def group_label(self) -> str:
        return self.get_group_display() if self.group else str(_("Foreslået"))

    def latest_estimates(self):
        """(part, latest estimate or None) for every part; uses the prefetched rows when present."""
        return [(part, part.latest_estimate) for part in self.parts.all()]

    def estimate_range(self):
        """(low, high) summed over the parts' latest estimates; None when no part has an estimate."""
        estimates = [e for _part, e in self.latest_estimates() if e is not None]
        if not estimates:
            return None
        return sum((e.low for e in estimates), Decimal(0)), sum((e.high for e in estimates), Decimal(0))

    @property
    def missing_parts(self):
        return [part for part, estimate in self.latest_estimates() if estimate is None]


class CostPart(SourcedModel):
    """A part of a project with its own estimate (the Hillerød and the Frederikssund motorway)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="parts")
    name = models.CharField(_("delprojekt"), max_length=200)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["project", "name"], name="unique_part_name")]
        verbose_name = _("delprojekt")
        verbose_name_plural = _("delprojekter")

    def __str__(self) -> str:
        return self.name

    @property
    def latest_estimate(self):
        estimates = list(self.estimates.all())
        if not estimates:
            return None
        return max(estimates, key=lambda e: e.pk)


class CostEstimate(SourcedModel):
    """An estimate in million DKK; a single figure has low == high. New figures are new rows."""

    part = models.ForeignKey(CostPart, on_delete=models.CASCADE, related_name="estimates")
    low = models.DecimalField(_("lav (mio. kr.)"), max_digits=12, decimal_places=3)
    high = models.DecimalField(_("høj (mio. kr.)"), max_digits=12, decimal_places=3)
    price_year = models.PositiveSmallIntegerField(
        _("prisniveau (år)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    source = models.CharField(_("kilde"), max_length=300, blank=True)
    quote = models.CharField(_("ordlyd i kilden"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(low__gte=0), name="estimate_low_not_negative"),
            models.CheckConstraint(
                condition=models.Q(high__gte=models.F("low")), name="estimate_high_gte_low"
            ),
        ]
        verbose_name = _("anlægsoverslag")
        verbose_name_plural = _("anlægsoverslag")

    def __str__(self) -> str:
        from core.formatting import dkk_millions

        return format_range(self.low, self.high) if self.low != self.high else dkk_millions(self.low)


def format_range(low, high) -> str:
    """'2,9 mia. kr.', '1–1,75 mia. kr.', '980 mio.–1,2 mia. kr.'."""
    from core.formatting import dkk_millions

    if low is None:
        return "–"
    if low == high:
        return dkk_millions(low)
    low_text, high_text = dkk_millions(low), dkk_millions(high)
    low_unit, high_unit = low_text.split(" ", 1)[1], high_text.split(" ", 1)[1]
    if low_unit == high_unit:
        return f"{low_text.split(' ', 1)[0]}–{high_text}"
    return f"{low_text.removesuffix(' kr.')}–{high_text}"


class CriterionSet(SourcedModel):
    """A set of guiding criteria (pejlemærker) with the vision behind it; a new set can be added later."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    vision_intro = models.TextField(_("vision"), blank=True)
    levels_note = models.TextField(_("vurderingsniveauer"), blank=True)
    is_current = models.BooleanField(_("gældende"), default=True)
    is_proposal = models.BooleanField(
        _("forslag"),
        default=False,
        help_text=_("Kilden fremlægger vision og pejlemærker som forslag, ikke som vedtaget."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_current", "name"]
        verbose_name = _("sæt af pejlemærker")
        verbose_name_plural = _("sæt af pejlemærker")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls):
        return cls.objects.filter(is_current=True).order_by("pk").first()


class VisionAim(SourcedModel):
    criterion_set = models.ForeignKey(CriterionSet, on_delete=models.CASCADE, related_name="aims")
    order = models.PositiveSmallIntegerField()
    text = models.CharField(pgettext_lazy("vision aim", "mål"), max_length=300)
    reasons = models.JSONField(_("begrundelser"), default=list)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["criterion_set", "order"], name="unique_vision_aim")]

    def __str__(self) -> str:
        return self.text


class Criterion(SourcedModel):
    criterion_set = models.ForeignKey(CriterionSet, on_delete=models.CASCADE, related_name="criteria")
    number = models.CharField(_("nummer"), max_length=5)
    title = models.CharField(pgettext_lazy("infrastructure criterion", "pejlemærke"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["criterion_set", "number"]
        constraints = [models.UniqueConstraint(fields=["criterion_set", "number"], name="unique_criterion")]
        verbose_name = pgettext_lazy("infrastructure criterion", "pejlemærke")
        verbose_name_plural = pgettext_lazy("infrastructure criterion", "pejlemærker")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class SubCriterion(SourcedModel):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="sub_criteria")
    code = models.CharField(_("nummer"), max_length=8)
    title = models.CharField(_("underpunkt"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["criterion__number", "code"]
        constraints = [models.UniqueConstraint(fields=["criterion", "code"], name="unique_sub_criterion")]
        verbose_name = _("underpunkt")
        verbose_name_plural = _("underpunkter")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Assessment(models.Model):
    """A project judged against one sub-criterion, on the level the assessor picks."""

    class Level(models.TextChoices):
        NOT_ASSESSED = "not_assessed", _("Ikke vurderet")
        YES_NO = "yes_no", _("Ja/nej")
        SCORE = "score", _("Point 0–3")
        FIGURE = "figure", _("Tal med enhed")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="assessments")
    sub_criterion = models.ForeignKey(SubCriterion, on_delete=models.CASCADE, related_name="assessments")
    level = models.CharField(_("niveau"), max_length=12, choices=Level.choices, default=Level.NOT_ASSESSED)
    yes = models.BooleanField(_("ja/nej"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(
        _("point (0–3)"), null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    figure = models.DecimalField(_("tal"), max_digits=14, decimal_places=3, null=True, blank=True)
    unit = models.CharField(_("enhed"), max_length=60, blank=True, help_text=_("Fx timer sparet, t CO2e."))
    rationale = models.TextField(_("begrundelse"), blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vurderet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assessed_at = models.DateTimeField(_("vurderet"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "sub_criterion"]
        constraints = [
            models.UniqueConstraint(fields=["project", "sub_criterion"], name="unique_assessment"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__lte=3), name="assessment_score_0_3"
            ),
        ]
        verbose_name = _("vurdering")
        verbose_name_plural = _("vurderinger")

    def __str__(self) -> str:
        return f"{self.project} / {self.sub_criterion.code}: {self.value_text}"

    @property
    def value_text(self) -> str:
        """The cell's words: readable without colour."""
        from core.formatting import number

        if self.level == self.Level.YES_NO:
            return str(_("Ja")) if self.yes else str(_("Nej"))
        if self.level == self.Level.SCORE:
            return f"{self.score} {_('af')} 3"
        if self.level == self.Level.FIGURE:
            decimals = 0 if self.figure == self.figure.to_integral_value() else 3
            text = number(self.figure, decimals)
            if "," in text:
                text = text.rstrip("0").rstrip(",")
            return f"{text} {self.unit}"
        return str(_("Ikke vurderet"))


class FollowUpReport(WorkflowReport):
    """A lead's yearly follow-up on a project, moved through the shared report workflow."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="follow_ups")
    year = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    lead = models.ForeignKey(
        Organisation,
        verbose_name=_("tovholder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="infrastructure_follow_ups",
    )
    status = models.TextField(_("status"), blank=True)
    milestones = models.TextField(_("nåede milepæle"), blank=True)
    next_steps = models.TextField(_("næste skridt"), blank=True)
    national_decisions = models.TextField(_("hvad er besluttet nationalt"), blank=True)

    class Meta:
        ordering = ["-year", "project"]
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="unique_follow_up_per_year")]
        verbose_name = _("årlig opfølgning")
        verbose_name_plural = _("årlige opfølgninger")

    def __str__(self) -> str:
        return f"{self.project} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("infrastructure:follow_up", args=[self.pk])

    def lead_organisation(self):
        return self.lead


class MobilityAnalysisQuerySet(models.QuerySet):
    def joint_analysis(self):
        """The capital area's joint mobility analysis (København and the Region), the one the infrastructure
        pages show; the source knows it by Københavns Kommune's budget note number."""
        return self.filter(code=MobilityAnalysis.JOINT_ANALYSIS_CODE)


class MobilityAnalysis(SourcedModel):
    JOINT_ANALYSIS_CODE = "TM274"

    code = models.CharField(_("nummer"), max_length=20, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    purpose = models.TextField(_("formål"))
    due_text = models.CharField(_("tidsplan"), max_length=200)
    due_year = models.PositiveSmallIntegerField(_("færdig år"))
    due_month = models.PositiveSmallIntegerField(_("færdig måned"))
    price_basis = models.CharField(_("beløb i"), max_length=60)
    financing = models.TextField(_("finansiering"), blank=True)
    history = HistoricalRecords()

    objects = MobilityAnalysisQuerySet.as_manager()

    class Meta:
        verbose_name = _("mobilitetsanalyse")
        verbose_name_plural = _("mobilitetsanalyser")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def budget_table(self, years):
        """Rows per activity and totals per year, per kind and overall: computed, never typed."""
        lines = list(self.budget_lines.all())
        activities: dict[tuple[str, str], dict[int, Decimal]] = {}
        for line in lines:
            activities.setdefault((line.activity, line.kind), {})[line.year] = line.amount
        rows = []
        for (activity, kind), amounts in activities.items():
            cells = [amounts.get(y, Decimal(0)) for y in years]
            rows.append(
                {
                    "activity": activity,
                    "kind": kind,
                    "kind_label": BudgetLine.Kind(kind).label,
                    "cells": cells,
                    "total": sum(cells, Decimal(0)),
                }
            )
        per_year = [sum((r["cells"][i] for r in rows), Decimal(0)) for i in range(len(years))]
        per_kind = {
            kind: sum((r["total"] for r in rows if r["kind"] == kind), Decimal(0))
            for kind in BudgetLine.Kind.values
        }
        return {
            "years": years,
            "rows": rows,
            "per_year": per_year,
            "per_kind": per_kind,
            "total": sum(per_year, Decimal(0)),
        }


class BudgetLine(SourcedModel):
    class Kind(models.TextChoices):
        CONSTRUCTION = "construction", _("Anlæg")
        SERVICE = "service", _("Service")

    analysis = models.ForeignKey(MobilityAnalysis, on_delete=models.CASCADE, related_name="budget_lines")
    activity = models.CharField(_("aktivitet"), max_length=200)
    kind = models.CharField(_("styringsområde"), max_length=12, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("år"))
    amount = models.DecimalField(_("beløb (1.000 kr.)"), max_digits=12, decimal_places=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["analysis", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "activity", "kind", "year"], name="unique_budget_line"
            )
        ]
        verbose_name = _("budgetlinje")
        verbose_name_plural = _("budgetlinjer")

    def __str__(self) -> str:
        return f"{self.activity} ({self.get_kind_display()}) {self.year}"


class AppropriationLine(SourcedModel):
    """Tabel 2 of the TM274 budget note: the same costs split by committee and appropriation."""

    analysis = models.ForeignKey(
        MobilityAnalysis, on_delete=models.CASCADE, related_name="appropriation_lines"
    )
    activity = models.CharField(_("aktivitet"), max_length=200)
    committee = models.CharField(_("udvalg"), max_length=20)
    appropriation = models.CharField(_("bevilling"), max_length=100)
    kind = models.CharField(_("styringsområde"), max_length=12, choices=BudgetLine.Kind.choices)
    year = models.PositiveSmallIntegerField(_("år"))
    amount = models.DecimalField(_("beløb (1.000 kr.)"), max_digits=12, decimal_places=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["analysis", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "activity", "committee", "year"], name="unique_appropriation_line"
            )
        ]
        verbose_name = _("bevillingslinje")
        verbose_name_plural = _("bevillingslinjer")

    def __str__(self) -> str:
        return f"{self.activity} ({self.committee}) {self.year}"


def appropriation_table(analysis: MobilityAnalysis, years: list[int]) -> dict:
    """Tabel 2's rows per activity and committee, with totals per kind and year: computed, never typed."""
    rows: dict[tuple[str, str], dict] = {}
    for line in analysis.appropriation_lines.all():
        row = rows.setdefault(
            (line.activity, line.committee),
            {
                "activity": line.activity,
                "committee": line.committee,
                "appropriation": line.appropriation,
                "kind": line.kind,
                "amounts": {},
            },
        )
        row["amounts"][line.year] = line.amount
    kinds = []
    for kind, label in BudgetLine.Kind.choices:
        kind_rows = [r for r in rows.values() if r["kind"] == kind]
        for r in kind_rows:
            r["cells"] = [r["amounts"].get(y, Decimal(0)) for y in years]
            r["total"] = sum(r["cells"], Decimal(0))
        per_year = [sum((r["cells"][i] for r in kind_rows), Decimal(0)) for i in range(len(years))]
        kinds.append(
            {"kind": kind, "label": label, "rows": kind_rows, "per_year": per_year, "total": sum(per_year)}
        )
    return {"years": years, "kinds": kinds}


class ChallengeFigure(SourcedModel):
    """A figure of the challenge picture (trips, hours in congestion, ...), with the sentence it stands in."""

    order = models.PositiveSmallIntegerField(_("rækkefølge"), unique=True)
    figure = models.CharField(_("tal"), max_length=60, help_text=_("Tallet, som kilden skriver det."))
    quote = models.TextField(_("ordlyd i kilden"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        verbose_name = _("tal i udfordringsbilledet")
        verbose_name_plural = _("tal i udfordringsbilledet")

    def __str__(self) -> str:
        return self.figure


class SourcePassage(BaseSourcePassage):
    """A passage of the source shown as text on the area's pages (verbatim, never edited)."""

    class Topic(models.TextChoices):
        FOCUS = "focus", _("Fokus frem mod Infrastrukturplan 2035")
        GOVERNANCE = "governance", _("Organisering af mobilitetsanalysen")
        TM274 = "tm274", _("Budgetnotat TM274")
        TASK_COMMITTEE = (
            "task_committee",
            _("Region Hovedstadens opgaveudvalg for rejsen med bus, tog og cykler"),
        )

    topic = models.CharField(_("emne"), max_length=20, choices=Topic.choices)
    heading = models.CharField(_("overskrift i kilden"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta(BaseSourcePassage.Meta):
        constraints = [models.UniqueConstraint(fields=["topic", "order"], name="unique_source_passage")]
        verbose_name = _("tekst fra kilden")
        verbose_name_plural = _("tekster fra kilden")

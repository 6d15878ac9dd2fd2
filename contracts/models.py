"""The result contract with Erhvervshus Hovedstaden: contract, goals, targets, measurements, snapshots.

The fulfilment rules themselves live in `contracts/rules_fulfilment.py` (pure functions); the snapshot
computed from them is stored here so that pages and reports read it and never recompute it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.sources import SourcedModel


class Contract(SourcedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("udkast")
        ADOPTED = "adopted", _("vedtaget")

    class Rollup(models.TextChoices):
        ALL = "all", _("alle delmål skal være opfyldt")
        SHARE = "share", _("en andel af delmålene skal være opfyldt")
        WEIGHTED = "weighted", _("vægtet andel af delmålene skal være opfyldt")

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    parties = models.TextField(_("parter"))
    counterpart = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("erhvervshus"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": "business_hub"},
        related_name="result_contracts",
        help_text=_("Erhvervshuset, der er part i kontrakten: dets medlemmer indberetter målingerne."),
    )
    legal_basis = models.TextField(_("grundlag"), blank=True)
    responsibility = models.TextField(_("ansvar og afrapportering"), blank=True)
    adopted_on = models.DateField(_("vedtaget den"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    rollup_rule = models.CharField(
        _("regel for målopfyldelse pr. mål"), max_length=10, choices=Rollup.choices, default=Rollup.ALL
    )
    rollup_share = models.DecimalField(
        _("krævet andel (procent)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Kun for reglerne andel og vægtet andel."),
    )
    rollup_rule_stated_in_source = models.BooleanField(
        _("reglen står i kontrakten"),
        default=False,
        help_text=_("Falsk: kilden angiver ingen regel, og portalen bruger den strengeste (alle delmål)."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("resultatkontrakt")
        verbose_name_plural = _("resultatkontrakter")

    def __str__(self) -> str:
        return self.title


class ContractSection(SourcedModel):
    """A part of Erhvervshus Hovedstaden's introduction to the contract (vision, priorities, focus areas).

    The text is the source's, verbatim; the portal shows it with the contract.
    """

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("rækkefølge"))
    heading = models.CharField(_("overskrift"), max_length=200)
    text = models.TextField(_("tekst"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "position"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "position"], name="unique_contract_section_position")
        ]
        verbose_name = _("afsnit af indledningen")
        verbose_name_plural = _("afsnit af indledningen")

    def __str__(self) -> str:
        return self.heading


class Goal(SourcedModel):
    class Scope(models.TextChoices):
        NATIONAL = "national", _("Nationalt mål")
        LOCAL = "local", _("Lokalt mål")
        BOTH = "both", _("Nationalt og lokalt mål")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=200)
    scope = models.CharField(_("type"), max_length=10, choices=Scope.choices)
    rationale = models.TextField(_("baggrund"), blank=True)
    method = models.TextField(_("metode"), blank=True)
    reporting = models.TextField(_("afrapportering"), blank=True)
    weight = models.DecimalField(_("vægt"), max_digits=5, decimal_places=2, default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "number"]
        constraints = [models.UniqueConstraint(fields=["contract", "number"], name="unique_goal_number")]
        verbose_name = pgettext_lazy("contract goal", "mål")
        verbose_name_plural = pgettext_lazy("contract goals", "mål")

    def __str__(self) -> str:
        return f"Mål {self.number} – {self.title}"


class Source(models.TextChoices):
    ERHVERVSSTYRELSEN = "erhvervsstyrelsen", _("Erhvervsstyrelsen (brugerevaluering)")
    EXTERNAL_SURVEY = "external_survey", _("Ekstern måling foranlediget af Erhvervsstyrelsen")
    CRM = "crm", _("Erhvervshusets CRM-system")
    OWN_COUNT = "own_count", _("Erhvervshusets egen månedlige opgørelse")
    # Goal 2's method: "Målene opgøres løbende af Erhvervshuset internt" (no frequency given).
    OWN_CONTINUOUS = "own_continuous", _("Opgøres løbende af Erhvervshuset internt")
    OWN_SURVEY = "own_survey", _("Erhvervshusets spørgeskema")
    DST_REGISTERS = "dst_registers", _("Danmarks Statistiks registre")
    OWN_ACCOUNT = "own_account", _("Erhvervshusets redegørelse til bestyrelsen")


class Segment(models.TextChoices):
    OPERATIONS = "drift", _("driftssegment")
    GROWTH = "vaekst", _("vækstsegment")


class MilestoneStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("ikke påbegyndt")
    IN_PROGRESS = "in_progress", _("i gang")
    DELAYED = "delayed", _("forsinket")
    DONE = "done", _("gennemført")


class Target(SourcedModel):
    class Kind(models.TextChoices):
        LEVEL = "level", _("niveau")
        CHANGE = "change", _("ændring i procentpoint mod en baseline")
        CONTROL = "control", _("forskel mod en kontrolgruppe")
        SEGMENT = "segment", _("niveau i hvert segment")
        MILESTONE = "milestone", _("milepæl")
        PARTS = "parts", _("består af dele")
        # "anslået ca. 1500 stk.": the source gives an estimate, not a target; it is never judged.
        ESTIMATE = "estimate", _("skøn (anslået i kilden, ikke et mål)")

    class Unit(models.TextChoices):
        PERCENT = "percent", _("procent")
        COUNT = "count", _("antal")
        NPS = "nps", _("NPS (−100 til 100)")
        POINTS = "pp", _("procentpoint")
        NONE = "", _("ingen (kvalitativ)")

    class Comparison(models.TextChoices):
        AT_LEAST = "at_least", _("mindst")
        AT_MOST = "at_most", _("højst")
        MORE_THAN = "more_than", _("mere end")

    class Aggregation(models.TextChoices):
        LATEST = "latest", _("seneste måling")
        SUM = "sum", _("summen af årets målinger")

    class PartsRule(models.TextChoices):
        ALL = "all", _("alle dele skal være opfyldt")
        SUM = "sum", _("summen af delene skal nå målet")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="targets")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("del af"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="parts",
    )
    code = models.CharField(_("kode"), max_length=12)
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    text = models.TextField(_("tekst"))
    measured = models.CharField(_("hvad måles"), max_length=300, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    unit = models.CharField(_("enhed"), max_length=8, choices=Unit.choices, blank=True)
    comparison = models.CharField(
        _("sammenligning"), max_length=10, choices=Comparison.choices, default=Comparison.AT_LEAST
    )
    threshold = models.DecimalField(
        pgettext_lazy("target value", "mål"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_label = models.CharField(_("baseline fra"), max_length=100, blank=True)
    segments = models.JSONField(_("segmenter"), default=list, blank=True)
    aggregation = models.CharField(
        _("opgørelse"), max_length=8, choices=Aggregation.choices, default=Aggregation.LATEST
    )
    parts_rule = models.CharField(_("regel for dele"), max_length=4, choices=PartsRule.choices, blank=True)
    parts_rule_stated_in_source = models.BooleanField(
        _("reglen for dele står i kontrakten"),
        default=False,
        help_text=_(
            "Falsk: kilden siger ikke, om alle dele skal være opfyldt; reglen er portalens antagelse."
        ),
    )
    source = models.CharField(_("kilde"), max_length=20, choices=Source.choices, blank=True)
    expected_text = models.CharField(_("data ventes (som kilden siger)"), max_length=200, blank=True)
    # A month, as the source gives it ("januar 2024"): any day of it; data are overdue after the month.
    expected_on = models.DateField(
        _("data ventes i måneden"),
        null=True,
        blank=True,
        help_text=_("Kun måneden bruges: data er udeblevet, når måneden er gået."),
    )
    weight = models.DecimalField(_("vægt"), max_digits=5, decimal_places=2, default=1)
    portal_note = models.TextField(
        _("portalens bemærkning"),
        blank=True,
        help_text=_("Hvad portalen gør, hvor kilden ikke siger det; vises som portalens, ikke kildens, ord."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["goal__number", "position"]
        constraints = [models.UniqueConstraint(fields=["goal", "code"], name="unique_target_code")]
        verbose_name = _("delmål")
        verbose_name_plural = _("delmål")

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"

    @property
    def is_estimate(self) -> bool:
        return self.kind == self.Kind.ESTIMATE


class Measurement(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("dato eller periodens slutning"))
    value = models.DecimalField(_("værdi"), max_digits=12, decimal_places=2, null=True, blank=True)
    control_value = models.DecimalField(
        _("kontrolgruppens værdi"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    milestone_status = models.CharField(
        _("milepælens status"), max_length=12, choices=MilestoneStatus.choices, blank=True
    )
    segment = models.CharField(_("segment"), max_length=8, choices=Segment.choices, blank=True)
    municipality = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contract_measurements",
    )
    is_baseline = models.BooleanField(_("baseline-måling"), default=False)
    source = models.CharField(_("kilde"), max_length=20, choices=Source.choices)
    note = models.TextField(_("note"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("indtastet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("indtastet"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["target", "measured_on", "id"]
        indexes = [models.Index(fields=["target", "measured_on"])]
        verbose_name = _("måling")
        verbose_name_plural = _("målinger")

    def __str__(self) -> str:
        return f"{self.target.code} {self.measured_on}"


class Status(models.TextChoices):
    MET = "met", _("opfyldt")
    ON_TRACK = "on_track", _("på vej")
    AT_RISK = "at_risk", _("i risiko")
    NOT_MET = "not_met", _("ikke opfyldt")
    AWAITING = "awaiting", _("afventer data")
    OVERDUE = "overdue", _("data udeblevet")
    ESTIMATE = "estimate", _("skøn, vurderes ikke")


class FulfilmentSnapshotQuerySet(models.QuerySet):
    def newest_first(self):
        """The newest measurement date first; of two computed for one date, the later computation."""
        return self.order_by("-as_of", "-computed_at")

    def latest_for_year(self, year: int):
        """The snapshot the pages and reports show for a contract year, or None."""
        return self.filter(contract__year=year).select_related("contract").newest_first().first()


class FulfilmentSnapshot(models.Model):
    """Every target's and goal's status for a contract on a date, as a task computed it."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="snapshots")
    as_of = models.DateField(_("opgjort pr."))
    computed_at = models.DateTimeField(_("beregnet"))
    measurement_ids = models.JSONField(_("anvendte målinger"), default=list)
    status = models.CharField(_("samlet status"), max_length=10, choices=Status.choices)
    progress = models.DecimalField(_("fremdrift"), max_digits=5, decimal_places=1, null=True)
    goals_met = models.PositiveSmallIntegerField(default=0)

    objects = FulfilmentSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["contract", "-as_of"]
        constraints = [models.UniqueConstraint(fields=["contract", "as_of"], name="unique_snapshot_per_day")]
        verbose_name = _("opgørelse af målopfyldelse")
        verbose_name_plural = _("opgørelser af målopfyldelse")

    def __str__(self) -> str:
        return f"{self.contract} pr. {self.as_of}"


class GoalStatus(models.Model):
    snapshot = models.ForeignKey(FulfilmentSnapshot, on_delete=models.CASCADE, related_name="goal_statuses")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="statuses")
    status = models.CharField(max_length=10, choices=Status.choices)
    progress = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    targets_met = models.PositiveSmallIntegerField(default=0)
    targets_total = models.PositiveSmallIntegerField(default=0)
    latest_data_on = models.DateField(null=True)
    explanation = models.TextField(blank=True)

    class Meta:
        ordering = ["goal__number"]
        constraints = [models.UniqueConstraint(fields=["snapshot", "goal"], name="unique_goal_status")]

    def __str__(self) -> str:
        return f"{self.goal}: {self.status}"


class TargetStatus(models.Model):
    snapshot = models.ForeignKey(FulfilmentSnapshot, on_delete=models.CASCADE, related_name="target_statuses")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="statuses")
    status = models.CharField(max_length=10, choices=Status.choices)
    progress = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    value = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    value_text = models.CharField(max_length=300, blank=True)
    latest_data_on = models.DateField(null=True)
    explanation = models.TextField(blank=True)
    measurement_ids = models.JSONField(default=list)

    class Meta:
        ordering = ["target__goal__number", "target__position"]
        constraints = [models.UniqueConstraint(fields=["snapshot", "target"], name="unique_target_status")]

    def __str__(self) -> str:
        return f"{self.target.code}: {self.status}"

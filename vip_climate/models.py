"""The seven climate VIP projects, who takes part, who leads when, commitments and half-yearly status."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import Organisation, ReportingPeriod
from core.sources import SourcedModel, SourcePassage
from core.workflow import ReportState, WorkflowReport


class Project(SourcedModel):
    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    compendium_title = models.CharField(_("titel i kompendiet"), max_length=200, blank=True)
    goal = models.TextField(_("hvad er målet?"), blank=True)
    why = models.TextField(_("hvorfor er det vigtigt?"), blank=True)
    each_municipality = models.TextField(_("hvad kan den enkelte kommune gøre?"), blank=True)
    jointly = models.TextField(_("hvad skal en fælles indsats indeholde?"), blank=True)
    next_steps = models.TextField(_("hvad er næste skridt?"), blank=True)
    actors = models.TextField(_("relevante aktører"), blank=True, help_text=_("Én aktør pr. linje."))
    anchoring = models.TextField(_("forankring"), blank=True)
    participants_text = models.TextField(
        _("deltagere som kilden angiver dem"), blank=True, help_text=_("Ordret fra halvvejsstatus 2022.")
    )
    start_year = models.PositiveSmallIntegerField(_("startår"), default=2020)
    end_year = models.PositiveSmallIntegerField(_("slutår"), default=2023)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("VIP-projekt")
        verbose_name_plural = _("VIP-projekter")

    def __str__(self) -> str:
        return f"VIP {self.number}: {self.title}"

    @property
    def actor_list(self) -> list[str]:
        return [line.strip() for line in self.actors.splitlines() if line.strip()]

    def leads_on(self, day) -> list[Organisation]:
        """The lead organisations on a day, from prefetched lead periods when available."""
        return [
            p.organisation
            for p in self.lead_periods.all()
            if p.organisation_id and p.starts <= day and (p.ends is None or p.ends >= day)
        ]

    def lead_period_on(self, day) -> "LeadPeriod | None":
        """The period covering the day; where periods overlap, the later-starting one supersedes.

        (VIP 2 was on stand-by "i 2022" and Albertslund took over "fra november 2022".)
        """
        covering = [
            p for p in self.lead_periods.all() if p.starts <= day and (p.ends is None or p.ends >= day)
        ]
        return max(covering, key=lambda p: p.starts, default=None)


class ProjectTarget(SourcedModel):
    """A target or figure with its numbers in the source's own form (text verbatim, figures structured).

    "Alle kommuner" stays "all" (never a count), "tre til fem" is a range, and a potential or a national
    target is not labelled as the project's own target.
    """

    class Kind(models.TextChoices):
        GOAL = "goal", _("Projektets mål")
        POTENTIAL = "potential", _("Potentiale")
        NATIONAL = "national", _("Nationalt mål")

    class Form(models.TextChoices):
        VALUE = "value", _("Tal")
        ALL = "all", _("Alle")
        RANGE = "range", _("Interval")
        WORDS = "words", _("Ord")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    text = models.TextField(_("målsætning"))
    baseline_value = models.DecimalField(
        _("udgangspunkt"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("udgangsår"), null=True, blank=True)
    target_value = models.DecimalField(
        pgettext_lazy("target value", "mål"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("målår"), null=True, blank=True)
    unit = models.CharField(_("enhed"), max_length=50, blank=True)
    kind = models.CharField(_("art"), max_length=10, choices=Kind.choices, default=Kind.GOAL)
    form = models.CharField(_("form"), max_length=10, choices=Form.choices, default=Form.VALUE)
    stated_as = models.CharField(
        _("som kilden skriver det"),
        max_length=200,
        blank=True,
        help_text=_("Fx «Alle kommuner i hovedstadsregionen»."),
    )
    range_low = models.DecimalField(_("fra"), max_digits=14, decimal_places=3, null=True, blank=True)
    range_high = models.DecimalField(_("til"), max_digits=14, decimal_places=3, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project__number", "order"]
        constraints = [models.UniqueConstraint(fields=["project", "order"], name="unique_vip_target_order")]
        verbose_name = _("projektmål")
        verbose_name_plural = _("projektmål")

    def __str__(self) -> str:
        return self.text


class Participation(SourcedModel):
    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("Deltager (medlem eller følger)")
        THEME_GROUP = "theme_group", _("Medlem af temagruppe")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="vip_participations"
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    group = models.CharField(_("gruppe"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project__number", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="unique_vip_participation"
            )
        ]
        verbose_name = _("deltagelse")
        verbose_name_plural = _("deltagelser")

    def __str__(self) -> str:
        return f"{self.organisation} · VIP {self.project.number}"


class LeadPeriod(SourcedModel):
    """Who leads a project from when; a period without organisation records that there was no lead.

    `precision` says how exactly the source dates the period ("i 2022", "fra november 2022"): the dates
    are shown only to that precision.
    """

    class Precision(models.TextChoices):
        DAY = "day", _("Dag")
        MONTH = "month", _("Måned")
        YEAR = "year", _("År")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="lead_periods")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="vip_lead_periods"
    )
    starts = models.DateField(_("fra"))
    ends = models.DateField(_("til"), null=True, blank=True)
    source = models.TextField(_("kilde"), blank=True, help_text=_("Hvad kilden siger om tovholderen."))
    precision = models.CharField(
        _("datoernes præcision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["project__number", "starts"]
        verbose_name = _("tovholderperiode")
        verbose_name_plural = _("tovholderperioder")

    @property
    def period_text(self) -> str:
        """The period only as exactly as the source gives it: "i 2022", "fra november 2022"."""
        from django.utils.formats import date_format

        def show(day) -> str:
            if self.precision == self.Precision.YEAR:
                return str(day.year)
            if self.precision == self.Precision.MONTH:
                return date_format(day, "F Y")
            return date_format(day, "j. F Y")

        if self.precision == self.Precision.YEAR and self.ends and self.ends.year == self.starts.year:
            return _("i %(year)s") % {"year": self.starts.year}
        if self.ends is None:
            return _("fra %(start)s") % {"start": show(self.starts)}
        return f"{show(self.starts)}–{show(self.ends)}"

    def __str__(self) -> str:
        who = self.organisation.name if self.organisation else "ingen tovholder"
        return f"VIP {self.project.number}: {who} fra {self.starts}"


class Commitment(SourcedModel):
    """A commitment every municipality made, as the compendium states it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="commitments")
    code = models.SlugField(_("kode"), max_length=50, unique=True)
    title = models.CharField(_("kort titel"), max_length=150)
    text = models.TextField(_("forpligtelse"))
    due = models.DateField(_("frist"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project__number", "code"]
        verbose_name = _("forpligtelse")
        verbose_name_plural = _("forpligtelser")

    def __str__(self) -> str:
        return self.title


class MunicipalityCommitment(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Ikke påbegyndt")
        IN_PROGRESS = "in_progress", _("I gang")
        FULFILLED = "fulfilled", _("Opfyldt")
        NOT_FULFILLED = "not_fulfilled", _("Ikke opfyldt")

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="entries")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="vip_commitments")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    date = models.DateField(_("dato"), null=True, blank=True, help_text=_("Fx datoen for vedtagelsen."))
    evidence_url = models.URLField(_("link til dokumentation"), blank=True)
    note = models.TextField(_("bemærkning"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["commitment", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "organisation"], name="unique_vip_commitment_entry")
        ]
        verbose_name = _("kommunes forpligtelse")
        verbose_name_plural = _("kommuners forpligtelser")

    def __str__(self) -> str:
        return f"{self.organisation} · {self.commitment}"


class StatusReportQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(state=ReportState.APPROVED)

    def with_related(self):
        return self.select_related("project", "period", "updated_by", "submitted_by", "reviewed_by")


class StatusReport(WorkflowReport, SourcedModel):
    class Overall(models.TextChoices):
        ON_TRACK = "on_track", _("På rette spor")
        CHALLENGES = "challenges", _("Udfordringer")
        OFF_TRACK = "off_track", _("Ikke på rette spor")

    CONTENT_FIELDS = (
        "overall_status",
        "participants_text",
        "status_text",
        "targets_activities",
        "changes",
        "challenges",
        "cooperation_funding",
        "perspectives",
    )

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="vip_reports", verbose_name=_("runde")
    )
    overall_status = models.CharField(_("samlet status"), max_length=20, choices=Overall.choices, blank=True)
    participants_text = models.TextField(_("deltagere"), blank=True)
    status_text = models.TextField(
        _("status"),
        blank=True,
        help_text=_("Ét punkt pr. linje; start en linje med «-» for et underpunkt."),
    )
    targets_activities = models.TextField(_("status på mål og aktiviteter"), blank=True)
    changes = models.TextField(_("ændringer"), blank=True)
    challenges = models.TextField(_("udfordringer"), blank=True)
    cooperation_funding = models.TextField(_("samarbejde og finansiering"), blank=True)
    perspectives = models.TextField(
        _("fremadrettede opmærksomhedspunkter og perspektiver"),
        blank=True,
        help_text=_("Ét punkt pr. linje; start en linje med «-» for et underpunkt."),
    )

    source_state = models.CharField(
        _("status i kilden"),
        max_length=100,
        blank=True,
        help_text=_(
            "For en rapport indlæst fra kilden: hvad den er, fx «Forelagt KKR Hovedstaden som samlet opsummeret halvvejsstatus»."
        ),
    )

    objects = StatusReportQuerySet.as_manager()

    class Meta:
        ordering = ["project__number", "period__year", "-period__half"]
        constraints = [
            models.UniqueConstraint(fields=["project", "period"], name="unique_vip_report_per_round")
        ]
        verbose_name = _("statusrapport")
        verbose_name_plural = _("statusrapporter")

    def __str__(self) -> str:
        return f"VIP {self.project.number} · {self.period.label}"

    def get_absolute_url(self) -> str:
        return reverse("vip_climate:report_detail", args=[self.pk])

    def lead_organisations(self) -> list[Organisation]:
        return self.project.leads_on(self.period.deadline)

    def lead_organisation(self):
        leads = self.lead_organisations()
        return leads[0] if leads else None

    def content(self) -> dict:
        return {field: getattr(self, field) for field in self.CONTENT_FIELDS}

    def reporting_period(self):
        return self.period

    @property
    def state_label(self) -> str:
        """What the report is: a loaded report says what the source says it is, not "Godkendt".

        A loaded round keeps the workflow state APPROVED (final, read-only, the basis of the next round and
        of the PDFs) but the portal never approved it: it was presented to KKR.
        """
        if self.source_state and self.state == ReportState.APPROVED:
            return self.source_state
        return str(self.get_state_display())


class ProgrammeText(SourcePassage):
    """A passage of the source about the programme as a whole, shown verbatim on the VIP pages."""

    class Topic(models.TextChoices):
        GOVERNANCE = "governance", _("Governance-model")
        MEETING = "meeting", _("Politisk møde 14. december 2022")
        PURCHASING = "purchasing", _("Eksisterende kommunale indkøbsfællesskaber")

    topic = models.CharField(_("emne"), max_length=12, choices=Topic.choices)
    history = HistoricalRecords()

    class Meta(SourcePassage.Meta):
        constraints = [models.UniqueConstraint(fields=["topic", "order"], name="unique_vip_programme_text")]
        verbose_name = _("tekst om programmet")
        verbose_name_plural = _("tekster om programmet")


class CompendiumTask(SourcedModel):
    """A task of the compendium's «Samlet oversigt over opgaver» for one project, verbatim."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="compendium_tasks")
    order = models.PositiveSmallIntegerField(_("rækkefølge"))
    text = models.CharField(_("opgave"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project__number", "order"]
        constraints = [models.UniqueConstraint(fields=["project", "order"], name="unique_compendium_task")]
        verbose_name = _("opgave i kompendiets oversigt")
        verbose_name_plural = _("opgaver i kompendiets oversigt")

    def __str__(self) -> str:
        return self.text


class ReminderLog(models.Model):
    """One row per reminder sent, so the daily beat task never sends the same reminder twice."""

    class Kind(models.TextChoices):
        LEAD_DUE = "lead_due", _("Påmindelse til tovholder")
        SECRETARIAT_OVERDUE = "secretariat_overdue", _("Manglende rapporter til sekretariatet")

    key = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    recipients = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.key

    @staticmethod
    def key_for(kind: str, period, project=None) -> str:
        return f"{kind}:{period.pk}:{project.pk if project else '-'}"

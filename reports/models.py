"""Report jobs: one row per rendered (or to be rendered) PDF, with its file, checksum and version."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import ReportingPeriod


def report_file_path(job: "ReportJob", filename: str) -> str:
    """Under a non-public folder, one fixed name per job: a second save of the same job replaces it."""
    folder = f"{job.period.code}/{job.subject.replace(':', '-')}" if job.subject else job.period.code
    return f"private/reports/{job.kind}/{folder}/job-{job.pk}-v{job.version}.{job.extension}"


class ReportJobQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=ReportJob.ACTIVE_STATES)

    def for_report(self, kind: str, period, subject: str = ""):
        return self.filter(kind=kind, period=period, subject=subject)

    def reports(self):
        """The area reports of the archive (/reports/); jobs for a subject are shown where it lives."""
        return self.filter(subject="")

    def with_people(self):
        return self.select_related("period", "requested_by", "issued_by")


class ReportJob(models.Model):
    class Kind(models.TextChoices):
        HALF_YEARLY = "half_yearly", _("Halvårsstatus for klima-VIP-projekterne")
        ANNUAL = "annual", _("Årsrapport til KKR")
        # Documents about one subject (a meeting), rendered by the subject's app (EXTERNAL_RENDERERS).
        MEETING_PACKET = "meeting_packet", _("Mødemappe")
        MEETING_MINUTES = "meeting_minutes", _("Referat")
        MEETING_EXPORT = "meeting_export", _("Dagsorden til mødesystemer")

    class State(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RUNNING = "running", _("Dannes")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Fejlet")

    ACTIVE_STATES = (State.QUEUED, State.RUNNING)
    # The area reports of /reports/; the other kinds are a subject's documents (a meeting's packet...).
    REPORT_KINDS = (Kind.HALF_YEARLY, Kind.ANNUAL)

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    kind = models.CharField(_("rapporttype"), max_length=20, choices=Kind.choices)
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="report_jobs"
    )
    # What a subject job is about ("meeting:7"); blank for the area reports. Part of the report's identity.
    subject = models.CharField(_("emne"), max_length=64, blank=True, default="")
    version = models.PositiveIntegerField(_("version"), default=1)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestilt af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("forsøg"), default=0)
    created_at = models.DateTimeField(_("bestilt"), auto_now_add=True)
    queued_at = models.DateTimeField(_("sat i kø"), auto_now_add=True)
    started_at = models.DateTimeField(_("startet"), null=True, blank=True)
    finished_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    # While a worker renders, it touches this every few seconds; a running job whose heartbeat is older
    # than the limit (reports.conf) lost its worker and is queued again by the sweeper.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The Celery delivery that claimed the job: a redelivery of the same task may take over at once; a
    # different delivery only once the heartbeat has stopped.
    task_id = models.CharField(max_length=255, blank=True, editable=False)
    render_seconds = models.FloatField(_("sekunder i alt"), null=True, blank=True)
    weasyprint_seconds = models.FloatField(_("sekunder i WeasyPrint"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("sider"), null=True, blank=True)
    error = models.TextField(_("fejl"), blank=True)
    file = models.FileField(_("fil"), upload_to=report_file_path, blank=True, max_length=255)
    size = models.PositiveIntegerField(_("størrelse i bytes"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    issued = models.BooleanField(_("udsendt til KKR"), default=False)
    issued_at = models.DateTimeField(_("udsendt"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("udsendt af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords(
        excluded_fields=["started_at", "render_seconds", "weasyprint_seconds", "heartbeat_at", "task_id"]
    )

    objects = ReportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("rapportjob")
        verbose_name_plural = _("rapportjobs")
        constraints = [
            # One render at a time per report: a second request while one is queued or running is refused
            # by the database, and the service returns the job already under way.
            models.UniqueConstraint(
                fields=["kind", "period", "subject"],
                condition=Q(state__in=["queued", "running"]),
                name="reports_one_active_job_per_report_subject",
            ),
            models.UniqueConstraint(
                fields=["kind", "period", "subject", "version"], name="reports_unique_subject_version"
            ),
            # Only a finished file can be issued.
            models.CheckConstraint(
                condition=~Q(issued=True) | Q(state="done"), name="reports_issued_is_done"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period.label} (v{self.version})"

    @property
    def requested_by_label(self) -> str:
        """Who asked: a name, or the command line when the job came from `render_report`."""
        if self.requested_by is None:
            return str(_("kommandolinjen"))
        return self.requested_by.get_full_name() or self.requested_by.username

    @property
    def is_active(self) -> bool:
        return self.state in self.ACTIVE_STATES

    @property
    def is_done(self) -> bool:
        return self.state == self.State.DONE and bool(self.file)

    @property
    def extension(self) -> str:
        return "zip" if self.kind == self.Kind.MEETING_EXPORT else "pdf"

    @property
    def content_type(self) -> str:
        return "application/zip" if self.extension == "zip" else "application/pdf"

    @property
    def title(self) -> str:
        if self.subject:
            return str(self.get_kind_display())
        if self.kind == self.Kind.HALF_YEARLY:
            return str(_("Halvårsstatus for klima-VIP-projekterne"))
        return str(_("Årsrapport til KKR Hovedstaden"))

    @property
    def period_label(self) -> str:
        if self.period.is_round:
            return f"{self.period.get_half_display().capitalize()} {self.period.year}"
        return str(self.period.year)

    @property
    def download_name(self) -> str:
        """A Danish file name without diacritics: KKR-halvaarsstatus-efteraar-2022.pdf."""
        halves = {"spring": "foraar", "autumn": "efteraar"}
        if self.subject:
            return f"KKR-{self.kind}-{self.subject.replace(':', '-')}-v{self.version}.{self.extension}"
        if self.kind == self.Kind.HALF_YEARLY:
            name = f"KKR-halvaarsstatus-{halves[self.period.half]}-{self.period.year}"
        else:
            name = f"KKR-aarsrapport-{self.period.year}"
        if self.version > 1:
            name += f"-version-{self.version}"
        return f"{name}.pdf"

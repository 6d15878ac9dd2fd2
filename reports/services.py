"""Report jobs: request, render, retry, issue and the sweeper. Every write goes through here."""

import hashlib
import logging
import time
import traceback
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import dispatch
from core.models import ReportingPeriod

from . import conf, sections, summary
from .heartbeat import beating
from .models import ReportJob, report_file_path

logger = logging.getLogger(__name__)

# Errors worth another try later: the database or the disk was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, OSError)

KIND_ALIASES = {
    "half-yearly": ReportJob.Kind.HALF_YEARLY,
    "half_yearly": ReportJob.Kind.HALF_YEARLY,
    "annual": ReportJob.Kind.ANNUAL,
}


class ReportParameterError(ValueError):
    """Parameters that name no report (a Danish message for the user)."""


class RenderError(Exception):
    """A document that cannot be rendered from its data (a Danish message for the user; not retried)."""


class ReportJobError(Exception):
    """A transition the job's state does not allow (a Danish message for the user)."""


# --- parameters -------------------------------------------------------------------------------------


def resolve_parameters(kind: str, code: str, *, today=None) -> tuple[str, ReportingPeriod]:
    """('half-yearly', '2022-autumn') → (kind, period); ReportParameterError for anything that names no report."""
    today = today or timezone.localdate()
    resolved_kind = KIND_ALIASES.get((kind or "").strip())
    if resolved_kind is None:
        raise ReportParameterError(
            _("Ukendt rapporttype «%(kind)s». Brug half-yearly eller annual.") % {"kind": kind}
        )
    try:
        period = ReportingPeriod.from_code(code)
    except ValueError as error:
        raise ReportParameterError(str(error)) from None
    if resolved_kind == ReportJob.Kind.HALF_YEARLY:
        if not period.is_round:
            raise ReportParameterError(
                _("Halvårsstatus gælder en statusrunde, fx 2022-autumn, ikke «%(code)s».") % {"code": code}
            )
        if period.starts > today:
            raise ReportParameterError(
                _("Statusrunden %(period)s er ikke begyndt endnu.") % {"period": period.label}
            )
    else:
        if period.is_round:
            raise ReportParameterError(
                _("Årsrapporten gælder et helt år, fx 2023, ikke «%(code)s».") % {"code": code}
            )
        if period.year > today.year:
            raise ReportParameterError(_("Året %(year)s er ikke begyndt endnu.") % {"year": period.year})
        refusal = sections.annual_report_refusal(period.year)
        if refusal is not None:
            raise ReportParameterError(refusal)
    return resolved_kind, period


# --- requesting, retrying, issuing -----------------------------------------------------------------


def report_job_request(
    *, kind: str, period: ReportingPeriod, subject: str = "", by=None, queue: bool = True
) -> tuple[ReportJob, bool]:
    """A new job (the next version), or the job already queued or running for the same report.

    Returns (job, created). The database's conditional unique constraint makes two simultaneous requests
    end with one job; the render is queued once the job is committed. A job already under way that has no
    live task (its sending failed, its message was lost, its worker died) is sent again instead of blocking.
    """
    try:
        with transaction.atomic():
            existing = (
                ReportJob.objects.active().for_report(kind, period, subject).select_for_update().first()
            )
            if existing is not None and queue:
                _revive(existing)  # may give up on it (MAX_ATTEMPTS): then this request starts anew
            if existing is not None and existing.is_active:
                return existing, False
            last = (
                ReportJob.objects.for_report(kind, period, subject).aggregate(last=Max("version"))["last"]
                or 0
            )
            job = ReportJob.objects.create(
                kind=kind, period=period, subject=subject, version=last + 1, requested_by=by
            )
            if queue:
                _queue(job.pk)
            return job, True
    except IntegrityError:
        existing = ReportJob.objects.active().for_report(kind, period, subject).first()
        if existing is None:
            raise
        return existing, False


def report_job_retry(*, job: ReportJob, by=None) -> ReportJob:
    """A failed job goes back in the queue (same version: it never produced a file)."""
    try:
        with transaction.atomic():
            locked = ReportJob.objects.select_for_update().get(pk=job.pk)
            if locked.state != ReportJob.State.FAILED:
                raise ReportJobError(_("Kun en fejlet rapport kan dannes igen."))
            locked.state = ReportJob.State.QUEUED
            locked.error = ""
            locked.attempts = 0
            locked.queued_at = timezone.now()
            locked.started_at = locked.finished_at = None
            locked.save()
            _queue(locked.pk)
            return locked
    except IntegrityError:
        raise ReportJobError(_("Den samme rapport er allerede ved at blive dannet.")) from None


def report_job_issue(*, job: ReportJob, by) -> ReportJob:
    """Mark a finished report as the one sent to KKR. From then on the job and its file never change."""
    with transaction.atomic():
        locked = ReportJob.objects.select_for_update().get(pk=job.pk)
        if locked.issued:
            raise ReportJobError(_("Rapporten er allerede udsendt."))
        if not locked.is_done:
            raise ReportJobError(_("Kun en færdig rapport kan udsendes."))
        locked.issued = True
        locked.issued_at = timezone.now()
        locked.issued_by = by
        locked.save()
        return locked


def _queue(job_id: int) -> None:
    from .tasks import render_report_job

    dispatch.enqueue_on_commit(render_report_job, job_id)


def report_job_waiting_for_broker(job: ReportJob) -> bool:
    """Is the job queued but its task not yet taken by the broker (the broker was down)?"""
    from .tasks import render_report_job

    return job.state == ReportJob.State.QUEUED and dispatch.is_pending(render_report_job, job.pk)


def _orphaned(job: ReportJob, now) -> bool:
    """Under way without a live task: running with a stale heartbeat, or sent long ago and still queued."""
    if job.state == ReportJob.State.RUNNING:
        last_sign = job.heartbeat_at or job.started_at or job.queued_at
        return last_sign < now - timedelta(seconds=conf.heartbeat_timeout())
    return job.state == ReportJob.State.QUEUED and job.queued_at < now - timedelta(seconds=conf.stuck_after())


def _revive(job: ReportJob, now=None) -> None:
    """A new request for a job under way (row locked): send it again if nothing will run it."""
    from .tasks import render_report_job

    now = now or timezone.now()
    if report_job_waiting_for_broker(job):
        transaction.on_commit(
            lambda: dispatch.send_pending(task=render_report_job, args=(job.pk,), older_than=timedelta(0))
        )
    elif _orphaned(job, now):
        _requeue(job, now)
        job.save()


def _requeue(job: ReportJob, now) -> bool:
    """Back in the queue with a new task (the row is locked; the caller saves), or failed for good."""
    if job.attempts >= conf.MAX_ATTEMPTS:
        job.state = ReportJob.State.FAILED
        job.error = _("Rapporten kunne ikke dannes efter %(attempts)s forsøg.") % {"attempts": job.attempts}
        job.finished_at = now
        return False
    job.state = ReportJob.State.QUEUED
    job.queued_at = now
    job.heartbeat_at = None
    job.task_id = ""
    _queue(job.pk)
    return True


# --- running a job (the task calls this) -------------------------------------------------------------


def report_job_run(*, job_id: int, task_id: str | None = None) -> ReportJob | None:
    """Render the job's PDF and store it. Idempotent: a job already done (or failed) is left alone.

    `task_id` names the Celery delivery. A job left 'running' is claimed by a redelivery of the same task at
    once, by another task only when its heartbeat has gone stale (its worker died); while the heartbeat is
    fresh another delivery leaves it alone. Only the delivery that claimed the job stores its file, under the
    job's one fixed name while the row is locked, so a job never gets two files.
    Transient errors propagate (the task retries); anything else marks the job failed with its error.
    """
    task_id = task_id or ""
    with transaction.atomic():
        now = timezone.now()
        job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state not in ReportJob.ACTIVE_STATES:
            return job
        if job.state == ReportJob.State.RUNNING and job.task_id != task_id and not _orphaned(job, now):
            return job  # another delivery is rendering it and its worker is alive
        job.state = ReportJob.State.RUNNING
        job.attempts += 1
        job.started_at = job.heartbeat_at = now
        job.task_id = task_id
        job.error = ""
        job.save()
    job = ReportJob.objects.select_related("period").get(pk=job_id)
    try:
        with beating(job_id):
            result = render_report(job)
    except TRANSIENT_ERRORS:
        _release(job_id, task_id)
        raise
    except Exception as error:  # a bug or bad data: record it for the user, do not retry blindly
        logger.exception("report job %s failed", job_id)
        report_job_fail(job_id=job_id, error=_describe(error))
        return ReportJob.objects.get(pk=job_id)
    return _store(job_id, result, task_id)


def _release(job_id: int, task_id: str) -> None:
    """A transient error: the job waits queued for the task's retry (the sweeper would not take it as dead)."""
    try:
        ReportJob.objects.filter(pk=job_id, state=ReportJob.State.RUNNING, task_id=task_id).update(
            state=ReportJob.State.QUEUED, queued_at=timezone.now(), heartbeat_at=None
        )
    except TRANSIENT_ERRORS:
        logger.warning("report job %s: not released after a transient error", job_id, exc_info=True)


def _store(job_id: int, result: "RenderResult", task_id: str = "") -> ReportJob:
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().select_related("period").get(pk=job_id)
        if job.state != ReportJob.State.RUNNING or job.task_id != task_id:
            return job  # another delivery finished, failed or took over meanwhile: its file counts
        storage = job.file.storage
        name = report_file_path(job, "report.pdf")
        if storage.exists(name):
            storage.delete(name)  # left by an attempt that died before its commit
        job.file.name = storage.save(name, ContentFile(result.pdf))  # the file's bytes (a PDF or a ZIP)
        job.size = len(result.pdf)
        job.sha256 = hashlib.sha256(result.pdf).hexdigest()
        job.pages = result.pages
        job.render_seconds = result.total_seconds
        job.weasyprint_seconds = result.weasyprint_seconds
        job.state = ReportJob.State.DONE
        job.finished_at = timezone.now()
        job.save()
        return job


def report_job_fail(*, job_id: int, error: str) -> None:
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().get(pk=job_id)
        if job.state == ReportJob.State.DONE:
            return
        job.state = ReportJob.State.FAILED
        job.error = error[:4000]
        job.finished_at = timezone.now()
        job.save()


def _describe(error: BaseException) -> str:
    from celery.exceptions import SoftTimeLimitExceeded

    if isinstance(error, SoftTimeLimitExceeded):
        return _("Dannelsen tog længere end tidsgrænsen og blev afbrudt.")
    if isinstance(error, RenderError):
        return _("Rapporten kunne ikke dannes: %(error)s") % {"error": error}
    last = traceback.format_exception_only(type(error), error)[-1].strip()
    return _("Rapporten kunne ikke dannes: %(error)s") % {"error": last}


def report_jobs_requeue_stuck(*, now=None) -> list[int]:
    """The beat sweeper: a running job whose heartbeat is stale (its worker died) and a job sent long ago but
    still queued (its message was lost) are queued again, once each, or given up after MAX_ATTEMPTS. A job
    whose sending failed is not touched here: core's `send_pending_tasks` sends it when the broker is back.
    """
    now = now or timezone.now()
    stale = now - timedelta(seconds=conf.heartbeat_timeout())
    lost = now - timedelta(seconds=conf.stuck_after())
    requeued = []
    with transaction.atomic():
        stuck = (
            ReportJob.objects.select_for_update(skip_locked=True)
            .alias(last_sign=Coalesce("heartbeat_at", "started_at", "queued_at"))
            .filter(
                Q(state=ReportJob.State.QUEUED, queued_at__lt=lost)
                | Q(state=ReportJob.State.RUNNING, last_sign__lt=stale)
            )
            .order_by("pk")
        )
        for job in stuck:
            if job.state == ReportJob.State.QUEUED and report_job_waiting_for_broker(job):
                continue
            if _requeue(job, now):
                requeued.append(job.pk)
            job.save()
    return requeued


# --- rendering ----------------------------------------------------------------------------------------

AUTHOR = "KKR Hovedstaden"

# Job kinds about a subject, rendered by the subject's app: kind -> dotted path of `render(job) -> RenderResult`.
# The pipeline (queue, heartbeat, retries, the one stored file and its checksum) stays here.
EXTERNAL_RENDERERS = {
    ReportJob.Kind.MEETING_PACKET: "meetings.packet.render_packet_job",
    ReportJob.Kind.MEETING_MINUTES: "meetings.packet.render_minutes_job",
    ReportJob.Kind.MEETING_EXPORT: "meetings.packet.render_export_job",
}


@dataclass
class RenderResult:
    pdf: bytes
    pages: int
    total_seconds: float
    weasyprint_seconds: float
    html_seconds: float


def build_context(kind: str, period: ReportingPeriod, *, today=None) -> dict:
    """Everything the template needs, with a fixed number of queries (each area's section has its own)."""
    today = today or timezone.localdate()
    if kind == ReportJob.Kind.HALF_YEARLY:
        title = _("Halvårsstatus for klima-VIP-projekterne")
        period_label = _("Statusrunden %(half)s %(year)s") % {
            "half": period.get_half_display(),
            "year": period.year,
        }
        report_sections = [sections.half_yearly_section(period)]
    else:
        title = _("Årsrapport til KKR Hovedstaden")
        period_label = _("Året %(year)s") % {"year": period.year}
        report_sections = sections.annual_sections(period.year)
    for section in report_sections:
        section.html = section.render()
    return {
        "summary": summary.summary_context(period, today),
        "portal_url": settings.PORTAL_BASE_URL,
        "data_as_of": timezone.localtime(),
        "kind": kind,
        "period": period,
        "title": title,
        "period_label": period_label,
        "date": today,
        "author": AUTHOR,
        "organisation": AUTHOR,
        "sections": report_sections,
    }


def render_html(context: dict) -> str:
    with translation.override("da"):
        return render_to_string("reports/pdf/report.html", context)


def stylesheet_path() -> str:
    return finders.find("css/report-print.css")


def render_document(html: str):
    """WeasyPrint's laid-out document (pages, anchors) with the reports' stylesheet."""
    from weasyprint import CSS, HTML

    return HTML(string=html, base_url=str(finders.find("css") or ".")).render(
        stylesheets=[CSS(filename=stylesheet_path())]
    )


def document_to_pdf(document, *, variant: str | None = None) -> bytes:
    """Tagged PDF bytes (PDF/UA-1 by default, conf.PDF_VARIANT) of a rendered document."""
    options = {"pdf_variant": variant} if variant else {}
    options["pdf_tags"] = True
    return document.write_pdf(**_supported(options))


def html_to_pdf(html: str, *, variant: str | None = None) -> tuple[bytes, int]:
    document = render_document(html)
    return document_to_pdf(document, variant=variant), len(document.pages)


def _supported(options: dict) -> dict:
    """WeasyPrint's options differ between versions; pass only what this one understands."""
    from weasyprint import DEFAULT_OPTIONS

    return {key: value for key, value in options.items() if key in DEFAULT_OPTIONS}


def render_report(job_or_kind, period: ReportingPeriod | None = None, *, today=None) -> RenderResult:
    """One code path for the task, the command and the benchmark: context → HTML → WeasyPrint → PDF."""
    kind = job_or_kind if period is not None else job_or_kind.kind
    if kind in EXTERNAL_RENDERERS:
        from django.utils.module_loading import import_string

        return import_string(EXTERNAL_RENDERERS[kind])(job_or_kind)
    period = period if period is not None else job_or_kind.period
    started = time.perf_counter()
    html = render_html(build_context(kind, period, today=today))
    html_done = time.perf_counter()
    delay = conf.render_delay()
    if delay:
        time.sleep(delay)
    weasy_started = time.perf_counter()
    pdf, pages = html_to_pdf(html, variant=conf.PDF_VARIANT or None)
    finished = time.perf_counter()
    return RenderResult(
        pdf=pdf,
        pages=pages,
        total_seconds=finished - started - delay,
        weasyprint_seconds=finished - weasy_started,
        html_seconds=html_done - started,
    )

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access import require_perm

from . import services
from .forms import ReportRequestForm
from .models import ReportJob


def _archive_groups(jobs):
    """[(kind label, period label, [jobs newest first])] in the order the queryset gives."""
    groups = []
    for (_kind, _period), items in groupby(jobs, key=lambda j: (j.kind, j.period_id)):
        items = list(items)
        groups.append({"title": items[0].title, "period": items[0].period_label, "jobs": items})
    return groups


@require_GET
def index(request):
    require_perm(request.user, "reports.view_reports")
    return _index(request, ReportRequestForm() if request.user.has_perm("reports.request_report") else None)


def _index(request, form, status=200):
    jobs = list(
        ReportJob.objects.reports()
        .with_people()
        .order_by("kind", "-period__year", "period__half", "-version")
    )
    for job in jobs:
        job.can_issue = request.user.has_perm("reports.issue_report", job)
    return render(
        request,
        "reports/index.html",
        {
            "form": form,
            "groups": _archive_groups(jobs),
        },
        status=status,
    )


@require_POST
def request_report(request):
    require_perm(request.user, "reports.request_report")
    form = ReportRequestForm(request.POST)
    if not form.is_valid():
        return _index(request, form)
    job, created = services.report_job_request(
        kind=form.cleaned_data["kind"], period=form.cleaned_data["period_obj"], by=request.user
    )
    if services.report_job_waiting_for_broker(job):
        messages.warning(
            request,
            _(
                "Rapporten står i kø. Baggrundstjenesten svarer ikke lige nu; rapporten dannes, så snart "
                "den svarer igen."
            ),
        )
    elif created:
        messages.success(request, _("Rapporten er bestilt og dannes nu."))
    else:
        messages.info(request, _("Den samme rapport er allerede ved at blive dannet; her er den."))
    return redirect("reports:job_detail", pk=job.pk)


def _job_for(request, pk) -> ReportJob:
    if not request.user.has_perm("reports.view_reports"):
        raise Http404
    return get_object_or_404(ReportJob.objects.reports().with_people(), pk=pk)


@require_GET
def job_detail(request, pk):
    job = _job_for(request, pk)
    return render(request, "reports/job_detail.html", _job_context(request, job))


@require_GET
def job_status(request, pk):
    job = _job_for(request, pk)
    return render(request, "reports/_job_status.html", _job_context(request, job))


def _job_context(request, job) -> dict:
    user = request.user
    history = job.history.select_related("history_user").order_by("history_date")
    return {
        "job": job,
        "can_download": user.has_perm("reports.download_report", job),
        "can_retry": user.has_perm("reports.retry_report", job),
        "can_issue": user.has_perm("reports.issue_report", job),
        "history": history,
    }


@require_POST
def job_retry(request, pk):
    job = _job_for(request, pk)
    require_perm(request.user, "reports.retry_report", job)
    try:
        services.report_job_retry(job=job, by=request.user)
        messages.success(request, _("Rapporten dannes igen."))
    except services.ReportJobError as error:
        messages.error(request, str(error))
    return redirect("reports:job_detail", pk=job.pk)


@require_POST
def job_issue(request, pk):
    job = _job_for(request, pk)
    require_perm(request.user, "reports.issue_report", job)
    try:
        services.report_job_issue(job=job, by=request.user)
        messages.success(request, _("Rapporten er markeret som udsendt til KKR."))
    except services.ReportJobError as error:
        messages.error(request, str(error))
    return redirect("reports:job_detail", pk=job.pk)


@require_GET
def job_download(request, pk):
    job = get_object_or_404(ReportJob.objects.reports().select_related("period"), pk=pk)
    if not request.user.has_perm("reports.view_reports"):
        raise PermissionDenied
    if not job.is_done:
        raise Http404
    require_perm(request.user, "reports.download_report", job)
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=job.download_name, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response

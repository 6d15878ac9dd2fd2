import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import get_for_user, require_perm
from core.models import Organisation, ReportingPeriod
from core.workflow import (
    StaleVersion,
    WorkflowError,
    report_approve,
    report_return,
    report_save,
    report_submit,
)

from . import selectors
from .forms import CommitmentEntryForm, ReturnForm, StatusReportForm
from .models import Commitment, MunicipalityCommitment, Participation, Project, StatusReport
from .services import commitment_entry_save, previous_approved, status_report_start


def _reports():
    return StatusReport.objects.with_related().prefetch_related("project__lead_periods__organisation")


def _report_for(user, pk, perm="core.view_report"):
    report, _can = get_for_user(user, _reports(), view_perm=perm, pk=pk)
    return report


def index(request):
    rows = selectors.project_rows(request.user)
    return render(request, "vip_climate/index.html", {"rows": rows})


def project_detail(request, number):
    project = get_object_or_404(
        Project.objects.prefetch_related(
            "targets", "lead_periods__organisation", "participations__organisation", "commitments"
        ),
        number=number,
    )
    participations = list(project.participations.all())
    entries = MunicipalityCommitment.objects.filter(commitment__project=project)
    counts = {}
    for entry in entries:
        counts.setdefault(entry.commitment_id, {}).setdefault(entry.get_status_display(), 0)
        counts[entry.commitment_id][entry.get_status_display()] += 1
    commitments = [{"commitment": c, "counts": counts.get(c.pk, {})} for c in project.commitments.all()]
    context = {
        "project": project,
        "lead": selectors.lead_label(project, timezone.localdate()),
        "participants": [p for p in participations if p.role == Participation.Role.PARTICIPANT],
        "theme_group": [p for p in participations if p.role == Participation.Role.THEME_GROUP],
        "commitments": commitments,
        "reports": selectors.visible_reports_of_project(project, request.user),
        "startable": selectors.startable_rounds(project, request.user),
    }
    return render(request, "vip_climate/project_detail.html", context)


@require_POST
def report_start(request, number):
    project = get_object_or_404(Project.objects.prefetch_related("lead_periods"), number=number)
    try:
        period = ReportingPeriod.from_code(request.POST.get("period", ""))
        if not period.is_round:
            raise ValueError(_("Vælg en halvårlig runde, fx 2023-spring."))
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("vip_climate:project_detail", number=number)
    require_perm(request.user, "vip_climate.start_report", StatusReport(project=project, period=period))
    report = status_report_start(project=project, period=period, by=request.user)
    return redirect("vip_climate:report_edit", pk=report.pk)


def report_detail(request, pk):
    report = _report_for(request.user, pk)
    previous = previous_approved(project=report.project, period=report.period)
    context = {
        "report": report,
        "previous": previous,
        "changes": selectors.report_changes(report, previous),
        "status_blocks": selectors.bullet_blocks(report.status_text),
        "perspective_blocks": selectors.bullet_blocks(report.perspectives),
        "can_edit": request.user.has_perm("core.edit_report", report),
        "can_submit": request.user.has_perm("core.submit_report", report),
        "can_review": request.user.has_perm("core.review_report", report),
        "return_form": ReturnForm(initial={"version": report.version}),
        "leads": report.lead_organisations(),
    }
    return render(request, "vip_climate/report_detail.html", context)


def report_edit(request, pk):
    report = get_object_or_404(_reports(), pk=pk)
    # The edit form is refused (403) to anyone who may not edit this report now, whether or not
    # they may read it: a lead of another project, another municipality, the board, a closed report.
    require_perm(request.user, "core.edit_report", report)
    previous = previous_approved(project=report.project, period=report.period)
    theirs = None
    status = 200
    if request.method == "POST":
        form = StatusReportForm(request.POST, instance=StatusReport.objects.get(pk=report.pk))
        if form.is_valid():
            try:
                with transaction.atomic():
                    report_save(
                        report=report,
                        fields=form.content(),
                        expected_version=form.cleaned_data["version"],
                        by=request.user,
                    )
                    if "submit" in request.POST:
                        report_submit(report=report, by=request.user, expected_version=report.version)
            except StaleVersion as stale:
                theirs = stale.current
                data = request.POST.copy()
                data["version"] = theirs.version
                # A separate instance: validating the form must not overwrite the other version shown.
                form = StatusReportForm(data, instance=StatusReport.objects.get(pk=report.pk))
                form.is_valid()
                messages.error(request, str(stale))
                status = 409
            except WorkflowError as error:
                messages.error(request, str(error))
                return redirect("vip_climate:report_detail", pk=report.pk)
            else:
                if "submit" in request.POST:
                    messages.success(request, _("Rapporten er indsendt til sekretariatet."))
                else:
                    messages.success(request, _("Kladden er gemt."))
                return redirect("vip_climate:report_detail", pk=report.pk)
    else:
        form = StatusReportForm(instance=report)
    context = {
        "report": report,
        "form": form,
        "previous": previous,
        "theirs": theirs,
        "theirs_fields": [
            (
                theirs._meta.get_field(f).verbose_name,
                theirs.get_overall_status_display() if f == "overall_status" else getattr(theirs, f),
            )
            for f in StatusReport.CONTENT_FIELDS
        ]
        if theirs
        else [],
    }
    return render(request, "vip_climate/report_form.html", context, status=status)


def _version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@require_POST
def report_submit_view(request, pk):
    report = _report_for(request.user, pk)
    require_perm(request.user, "core.submit_report", report)
    try:
        report_submit(report=report, by=request.user, expected_version=_version(request) or report.version)
        messages.success(request, _("Rapporten er indsendt til sekretariatet."))
    except WorkflowError as error:
        messages.error(request, str(error))
    return redirect("vip_climate:report_detail", pk=report.pk)


@require_POST
def report_approve_view(request, pk):
    report = _report_for(request.user, pk)
    require_perm(request.user, "core.review_report", report)
    try:
        report_approve(report=report, by=request.user, expected_version=_version(request) or report.version)
        messages.success(request, _("Rapporten er godkendt."))
    except WorkflowError as error:
        messages.error(request, str(error))
    return redirect("vip_climate:review_queue")


@require_POST
def report_return_view(request, pk):
    report = _report_for(request.user, pk)
    require_perm(request.user, "core.review_report", report)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en kommentar, der forklarer, hvad der skal rettes."))
        return redirect("vip_climate:report_detail", pk=report.pk)
    try:
        report_return(
            report=report,
            by=request.user,
            comment=form.cleaned_data["comment"],
            expected_version=form.cleaned_data["version"],
        )
        messages.success(request, _("Rapporten er sendt retur til tovholderen."))
    except WorkflowError as error:
        messages.error(request, str(error))
    return redirect("vip_climate:review_queue")


def report_history(request, pk):
    report = _report_for(request.user, pk)
    records = list(report.history.select_related("history_user").order_by("history_date"))
    entries = []
    previous = None
    for record in records:
        changed = []
        if previous is not None:
            delta = record.diff_against(previous)
            changed = [report._meta.get_field(c.field).verbose_name for c in delta.changes]
        entries.append({"record": record, "changed": changed})
        previous = record
    entries.reverse()
    return render(request, "vip_climate/report_history.html", {"report": report, "entries": entries})


def review_queue(request):
    require_perm(request.user, "vip_climate.review_queue")
    reports = StatusReport.objects.with_related().filter(state=StatusReport.State.SUBMITTED)
    return render(request, "vip_climate/review_queue.html", {"reports": reports})


def round_page(request, period=None):
    require_perm(request.user, "vip_climate.view_round")
    if period:
        try:
            current = ReportingPeriod.from_code(period)
        except ValueError:
            raise Http404 from None
    else:
        current = ReportingPeriod.current_round()
    if not current.is_round:
        raise Http404
    rows = selectors.round_matrix(current)
    rounds = ReportingPeriod.objects.rounds().filter(year__gte=2020, starts__lte=timezone.localdate())
    return render(
        request,
        "vip_climate/round.html",
        {"period": current, "rows": rows, "rounds": rounds, "today": timezone.localdate()},
    )


def participation_matrix(request):
    projects, rows = selectors.participation_matrix()
    return render(request, "vip_climate/participation_matrix.html", {"projects": projects, "rows": rows})


def commitment_matrix(request):
    commitments, rows = selectors.commitment_matrix()
    for row in rows:
        row["can_edit"] = request.user.has_perm("vip_climate.edit_commitments", row["organisation"])
    return render(request, "vip_climate/commitment_matrix.html", {"commitments": commitments, "rows": rows})


def commitment_edit(request, code, slug):
    commitment = get_object_or_404(Commitment.objects.select_related("project"), code=code)
    organisation = get_object_or_404(Organisation.objects.municipalities(), slug=slug)
    require_perm(request.user, "vip_climate.edit_commitments", organisation)
    entry = MunicipalityCommitment.objects.filter(commitment=commitment, organisation=organisation).first()
    form = CommitmentEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        commitment_entry_save(
            commitment=commitment, organisation=organisation, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Forpligtelsen er opdateret."))
        return redirect("vip_climate:commitment_matrix")
    history = entry.history.select_related("history_user")[:20] if entry else []
    return render(
        request,
        "vip_climate/commitment_form.html",
        {"form": form, "commitment": commitment, "organisation": organisation, "history": history},
    )


# --- exports ---------------------------------------------------------------------------------------


def _export_rows(kind, user):
    if kind == "deltagere":
        header = ["projekt", "projekttitel", "organisation", "rolle", "gruppe"]
        rows = [
            [p.project.number, p.project.title, p.organisation.name, p.get_role_display(), p.group]
            for p in Participation.objects.select_related("project", "organisation")
        ]
    elif kind == "forpligtelser":
        header = ["forpligtelse", "projekt", "kommune", "status", "dato", "dokumentation", "bemærkning"]
        rows = [
            [
                e.commitment.code,
                e.commitment.project.number,
                e.organisation.name,
                e.get_status_display(),
                e.date.isoformat() if e.date else "",
                e.evidence_url,
                e.note,
            ]
            for e in MunicipalityCommitment.objects.select_related("commitment__project", "organisation")
        ]
    elif kind == "rapporter":
        reports = StatusReport.objects.select_related("project", "period")
        if not user.has_perm("vip_climate.export_all_reports"):
            reports = reports.approved()
        header = [
            "projekt",
            "runde",
            "status",
            "samlet status",
            "deltagere",
            "statuspunkter",
            "mål og aktiviteter",
            "ændringer",
            "udfordringer",
            "samarbejde og finansiering",
            "opmærksomhedspunkter og perspektiver",
        ]
        rows = [
            [
                r.project.number,
                r.period.code,
                r.state_label,
                r.get_overall_status_display() if r.overall_status else "",
                r.participants_text,
                r.status_text,
                r.targets_activities,
                r.changes,
                r.challenges,
                r.cooperation_funding,
                r.perspectives,
            ]
            for r in reports
        ]
    else:
        raise Http404
    return header, rows


def _safe(value):
    """Cells that a spreadsheet would run as a formula are prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not value.startswith("- "):
        return "'" + value
    return value


def export(request, kind, fmt):
    header, rows = _export_rows(kind, request.user)
    filename = f"vip-{kind}"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(header)
        writer.writerows([[_safe(v) for v in row] for row in rows])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = kind
        sheet.append(header)
        for row in rows:
            sheet.append([_safe(v) for v in row])
        out = io.BytesIO()
        workbook.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def forbidden_unless(user, perm, obj=None):
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def commitment_import(request):
    """Secretariat: upload CSV/XLSX → preview each row's fate → commit all or nothing."""
    from django import forms as dj_forms

    from . import importers

    require_perm(request.user, "vip_climate.import_commitments")

    class UploadForm(dj_forms.Form):
        file = dj_forms.FileField(label=_("Fil (CSV eller XLSX, højst 5 MB)"))

    context = {"form": UploadForm()}
    if request.method == "POST" and "token" in request.POST:
        from django.core import signing

        try:
            count = importers.commit(request.POST["token"], by=request.user)
        except (signing.BadSignature, KeyError, ValueError):
            messages.error(request, _("Forhåndsvisningen er udløbet eller ugyldig. Indlæs filen igen."))
            return redirect("vip_climate:commitment_import")
        messages.success(request, _("%(n)s rækker er indlæst.") % {"n": count})
        return redirect("vip_climate:commitment_matrix")
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                rows = importers.validate(importers.read_frame(form.cleaned_data["file"]))
            except importers.ImportRefused as error:
                form.add_error("file", str(error))
            else:
                context["rows"] = rows
                context["has_errors"] = any(r.errors for r in rows)
                if not context["has_errors"]:
                    context["token"] = importers.sign(rows)
    return render(request, "vip_climate/commitment_import.html", context)

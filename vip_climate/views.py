from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from core import tabular
from core.access import require_perm
from core.models import Organisation, ReportingPeriod, UnknownOrganisation
from core.periods import PeriodError, closing_history, period_close, period_reopen
from core.workflow import RoundClosed, WorkflowError
from core.workflow_history import history_entries, latest_shown_version
from core.workflow_views import (
    APPROVE,
    CONTENT_ACTIONS,
    RETURN,
    SAVE,
    SUBMIT,
    ActionResult,
    ReportScreens,
    action_view,
    load_report,
    page_action,
)

from . import selectors
from .forms import CommitmentEntryForm, ReopenRoundForm, StatusReportForm
from .models import Commitment, MunicipalityCommitment, Participation, Project, StatusReport
from .services import commitment_entry_save, previous_approved, status_report_start


def _reports():
    return StatusReport.objects.with_related().prefetch_related("project__lead_periods__organisation")


SCREENS = ReportScreens(
    queryset=_reports,
    form_class=StatusReportForm,
    page_url="vip_climate:report_detail",
    messages={
        SAVE: gettext_lazy("Kladden er gemt."),
        SUBMIT: gettext_lazy("Rapporten er indsendt til sekretariatet."),
        APPROVE: gettext_lazy("Rapporten er godkendt."),
        RETURN: gettext_lazy("Rapporten er sendt retur til tovholderen."),
    },
    done_urls={APPROVE: "vip_climate:review_queue", RETURN: "vip_climate:review_queue"},
)


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
    # The newest round that has begun is proposed: the current one once it opens.
    startable = selectors.startable_rounds(project, request.user)
    context = {
        "project": project,
        "lead": selectors.lead_label(project, timezone.localdate()),
        "participants": [p for p in participations if p.role == Participation.Role.PARTICIPANT],
        "theme_group": [p for p in participations if p.role == Participation.Role.THEME_GROUP],
        "commitments": commitments,
        "reports": selectors.visible_reports_of_project(project, request.user),
        "startable": startable,
        "proposed": startable[-1] if startable else None,
    }
    return render(request, "vip_climate/project_detail.html", context)


@require_POST
def report_start(request, number):
    """Start (or continue) the project's report for a posted round: refused with a message, never a 500."""
    project = get_object_or_404(Project.objects.prefetch_related("lead_periods"), number=number)
    try:
        period = ReportingPeriod.from_code(request.POST.get("period", ""))
        if not period.is_round:
            raise ValueError(_("Vælg en halvårlig runde, fx 2023-spring."))
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("vip_climate:project_detail", number=number)
    require_perm(request.user, "vip_climate.start_report", StatusReport(project=project, period=period))
    try:
        report = status_report_start(project=project, period=period, by=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect("vip_climate:project_detail", number=number)
    if not report.is_editable:  # already submitted, approved or in a closed round: read it
        return redirect("vip_climate:report_detail", pk=report.pk)
    return redirect("vip_climate:report_edit", pk=report.pk)


def _detail_context(report) -> dict:
    previous = previous_approved(project=report.project, period=report.period)
    returned = selectors.returned_version(report) if report.state == StatusReport.State.SUBMITTED else None
    return {
        "previous": previous,
        # A resubmitted report is reviewed against what was sent back, not against last round's text.
        "returned": returned,
        "changes": selectors.report_changes(report, returned or previous),
        "leads": report.lead_organisations(),
        "shown_version": latest_shown_version(report),
    }


def _render_detail(request, result: ActionResult) -> HttpResponse:
    context = {**_detail_context(result.report), **result.context(request.user)}
    return render(request, "vip_climate/report_detail.html", context, status=result.status)


def report_detail(request, pk):
    report, _can_edit = load_report(request.user, SCREENS, pk)
    return _render_detail(request, ActionResult(report))


def report_edit(request, pk):
    report = get_object_or_404(_reports(), pk=pk)
    if report.is_locked and request.user.has_perm("core.view_report", report):
        messages.error(request, str(RoundClosed(report.period)))
        return redirect("vip_climate:report_detail", pk=report.pk)
    # The edit form is refused (403) to anyone who may not edit this report now, whether or not
    # they may read it: a lead of another project, another municipality, the board, a closed report.
    require_perm(request.user, "core.edit_report", report)
    result = page_action(request, SCREENS, report, allowed=CONTENT_ACTIONS)
    if result.response is not None:
        return result.response
    context = {
        **result.context(request.user),
        "form": result.form or StatusReportForm(instance=report),
        "previous": previous_approved(project=report.project, period=report.period),
    }
    return render(request, "vip_climate/report_form.html", context, status=result.status)


report_submit_view = action_view(SCREENS, SUBMIT, render_page=_render_detail)
report_approve_view = action_view(SCREENS, APPROVE, render_page=_render_detail)
report_return_view = action_view(SCREENS, RETURN, render_page=_render_detail)


def report_history(request, pk):
    report, _can_edit = load_report(request.user, SCREENS, pk)
    return render(
        request,
        "vip_climate/report_history.html",
        {"report": report, "entries": history_entries(report)},
    )


def review_queue(request):
    require_perm(request.user, "vip_climate.review_queue")
    reports = StatusReport.objects.with_related().filter(state=StatusReport.State.SUBMITTED)
    return render(request, "vip_climate/review_queue.html", {"reports": reports})


def round_page(request, period=None, *, reopen_form=None):
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
    today = timezone.localdate()
    rows = selectors.round_matrix(current, today)
    rounds = selectors.rounds_since_the_projects_began(today)
    return render(
        request,
        "vip_climate/round.html",
        {
            "period": current,
            "rows": rows,
            "rounds": rounds,
            "today": today,
            "closings": closing_history(current),
            "reopen_form": reopen_form or ReopenRoundForm(),
            "can_close": request.user.has_perm("core.close_period", current),
        },
        status=400 if reopen_form is not None else 200,
    )


def _round_or_404(code) -> ReportingPeriod:
    try:
        period = ReportingPeriod.from_code(code)
    except ValueError:
        raise Http404 from None
    if not period.is_round:
        raise Http404
    return period


@require_POST
def round_close(request, period):
    current = _round_or_404(period)
    require_perm(request.user, "core.close_period", current)
    try:
        period_close(period=current, by=request.user)
    except PeriodError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Runden %(label)s er lukket. Dens rapporter kan nu kun læses.") % {"label": current.label},
        )
    return redirect("vip_climate:round_period", period=current.code)


@require_POST
def round_reopen(request, period):
    current = _round_or_404(period)
    require_perm(request.user, "core.close_period", current)
    form = ReopenRoundForm(request.POST)
    if not form.is_valid():
        return round_page(request, current.code, reopen_form=form)
    try:
        period_reopen(period=current, by=request.user, reason=form.cleaned_data["reason"])
    except PeriodError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Runden %(label)s er genåbnet.") % {"label": current.label})
    return redirect("vip_climate:round_period", period=current.code)


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


def export(request, kind, fmt):
    header, rows = _export_rows(kind, request.user)
    response = tabular.table_response(fmt, f"vip-{kind}", kind, header, rows)
    if response is None:
        raise Http404
    return response


PREVIEW_KIND = "vip_climate.commitments"


def commitment_import(request):
    """Secretariat: upload CSV/XLSX → preview each row's fate → commit all or nothing."""
    from . import importers
    from .forms import CommitmentImportForm

    require_perm(request.user, "vip_climate.import_commitments")
    context = {"form": CommitmentImportForm()}
    if request.method == "POST" and "token" in request.POST:
        try:
            count = tabular.preview_commit(
                request,
                PREVIEW_KIND,
                request.POST["token"],
                lambda rows: importers.apply(rows, by=request.user),
            )
        except tabular.PreviewAlreadyCommitted:
            messages.info(request, tabular.already_committed_message())
            return redirect("vip_climate:commitment_matrix")
        except (tabular.PreviewExpired, KeyError, UnknownOrganisation):
            # KeyError/UnknownOrganisation: a commitment or municipality vanished since the preview.
            messages.error(request, _("Forhåndsvisningen er udløbet eller ugyldig. Indlæs filen igen."))
            return redirect("vip_climate:commitment_import")
        messages.success(
            request, ngettext("%(n)s række er indlæst.", "%(n)s rækker er indlæst.", count) % {"n": count}
        )
        return redirect("vip_climate:commitment_matrix")
    if request.method == "POST":
        tabular.preview_discard(request, PREVIEW_KIND)
        form = CommitmentImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                rows = importers.validate(importers.read(form.cleaned_data["file"]))
            except tabular.ImportRefused as error:
                form.add_error("file", str(error))
            else:
                context["rows"] = rows
                context["has_errors"] = any(r.errors for r in rows)
                if not context["has_errors"]:
                    context["token"] = tabular.preview_store(
                        request, PREVIEW_KIND, importers.to_session(rows)
                    )
    return render(request, "vip_climate/commitment_import.html", context)

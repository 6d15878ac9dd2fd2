from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import get_for_user, require_perm
from core.workflow import (
    StaleVersion,
    WorkflowError,
    report_approve,
    report_return,
    report_save,
    report_submit,
)

from . import services
from .charts import estimate_chart
from .exports import table_response
from .forms import AssessmentForm, EstimateForm, FollowUpForm, FollowUpStartForm, ProjectForm, ReturnForm
from .models import (
    Assessment,
    ChallengeFigure,
    FollowUpReport,
    MobilityAnalysis,
    Project,
    SourcePassage,
    SubCriterion,
    appropriation_table,
)
from .seed_data import BUDGET_YEARS, ESTIMATE_CAVEAT, PLAN_NOTE, PLAN_NOTE_REF
from .selectors import matrix as matrix_selector
from .selectors import overview, plan_status_summary


def _overview_table(rows):
    headers = [
        _("Projekt"),
        _("Gruppe"),
        _("Transportform"),
        _("Tovholdere"),
        _("Status i Infrastrukturplan 2035"),
        _("Delprojekt"),
        _("Lav (mio. kr.)"),
        _("Høj (mio. kr.)"),
        _("Prisniveau"),
        _("Kilde"),
    ]
    table = []
    for row in rows:
        project = row["project"]
        leads = ", ".join(o.name for o in project.leads.all()) or _("mangler")
        for part, estimate in row["parts"] or [(None, None)]:
            table.append(
                [
                    project.name,
                    project.group_label,
                    project.get_mode_display(),
                    leads,
                    project.get_plan_status_display(),
                    part.name if part else "",
                    estimate.low if estimate else None,
                    estimate.high if estimate else None,
                    estimate.price_year if estimate else None,
                    estimate.source if estimate else "",
                ]
            )
    return headers, table


def index(request):
    require_perm(request.user, "infrastructure.view_project")
    data = overview()
    fmt = request.GET.get("format")
    if fmt:
        headers, table = _overview_table(data["rows"])
        response = table_response(fmt, "infrastruktur-7-3", "7+3", headers, table)
        if response is not None:
            return response
    candidates = overview(Project.objects.candidates())
    context = {
        **data,
        "candidates": candidates["rows"],
        "chart": estimate_chart(data["rows"]),
        "caveat": ESTIMATE_CAVEAT,
        "plan_status": plan_status_summary(),
        "plan_source": {"source_ref": PLAN_NOTE_REF},
        "can_manage": request.user.has_perm("infrastructure.manage_projects"),
    }
    return render(request, "infrastructure/index.html", context)


def _project(request, slug):
    project, _can = get_for_user(
        request.user,
        Project.objects.with_overview(),
        view_perm="infrastructure.view_project",
        slug=slug,
    )
    return project


def project_detail(request, slug):
    project = _project(request, slug)
    parts = list(project.parts.all())
    part_histories = []
    for part in parts:
        estimates = list(part.estimates.all())  # newest first
        part_histories.append(
            {"part": part, "latest": estimates[0] if estimates else None, "earlier": estimates[1:]}
        )
    assessments = {
        a.sub_criterion_id: a for a in Assessment.objects.filter(project=project).select_related("assessor")
    }
    sub_criteria = list(
        SubCriterion.objects.filter(criterion__criterion_set__is_current=True).select_related("criterion")
    )
    follow_ups = [
        report
        for report in project.follow_ups.select_related("lead", "submitted_by", "reviewed_by")
        if request.user.has_perm("core.view_report", report)
    ]
    context = {
        "project": project,
        "estimate": project.estimate_range(),
        "part_histories": part_histories,
        "assessment_rows": [(sub, assessments.get(sub.pk)) for sub in sub_criteria],
        "follow_ups": follow_ups,
        "history": project.history.select_related("history_user").order_by("-history_date")[:20],
        "can_manage": request.user.has_perm("infrastructure.manage_projects"),
        "can_estimate": request.user.has_perm("infrastructure.edit_estimates"),
        "can_assess": request.user.has_perm("infrastructure.assess"),
        "can_follow_up": request.user.has_perm("infrastructure.start_follow_up", project),
        "start_form": FollowUpStartForm(initial={"year": timezone.localdate().year}),
        "plan_note": PLAN_NOTE,
        "plan_source": {"source_ref": PLAN_NOTE_REF},
    }
    return render(request, "infrastructure/project_detail.html", context)


def project_create(request):
    require_perm(request.user, "infrastructure.manage_projects")
    form = ProjectForm(request.POST or None, candidate=True)
    if request.method == "POST" and form.is_valid():
        project = services.project_create_candidate(
            name=form.cleaned_data["name"],
            mode=form.cleaned_data["mode"],
            description=form.cleaned_data["description"],
            municipalities=form.cleaned_data["municipalities"],
            leads=form.cleaned_data["leads"],
            by=request.user,
        )
        messages.success(request, _("Det foreslåede projekt er oprettet."))
        return redirect("infrastructure:project", slug=project.slug)
    return render(request, "infrastructure/form.html", {"form": form, "title": _("Nyt foreslået projekt")})


def project_edit(request, slug):
    project = _project(request, slug)
    require_perm(request.user, "infrastructure.manage_projects", project)
    form = ProjectForm(request.POST or None, instance=project, candidate=project.is_candidate)
    if request.method == "POST" and form.is_valid():
        fields = {
            k: form.cleaned_data[k]
            for k in ("name", "mode", "description", "plan_status")
            if k in form.cleaned_data
        }
        services.project_update(
            project=Project.objects.get(pk=project.pk),
            fields=fields,
            municipalities=form.cleaned_data["municipalities"],
            leads=form.cleaned_data["leads"],
            by=request.user,
        )
        messages.success(request, _("Projektet er gemt."))
        return redirect("infrastructure:project", slug=project.slug)
    return render(
        request, "infrastructure/form.html", {"form": form, "project": project, "title": _("Ret projekt")}
    )


def estimate_add(request, slug):
    project = _project(request, slug)
    require_perm(request.user, "infrastructure.edit_estimates", project)
    form = EstimateForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.estimate_add(
                project=project,
                part=data.get("part"),
                new_part_name=data.get("new_part_name", ""),
                low=data["low"],
                high=data.get("high"),
                price_year=data.get("price_year"),
                source=data.get("source", ""),
                by=request.user,
            )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(name if name in form.fields else None, message)
        else:
            messages.success(request, _("Overslaget er gemt."))
            return redirect("infrastructure:project", slug=project.slug)
    return render(
        request,
        "infrastructure/form.html",
        {"form": form, "project": project, "title": _("Nyt anlægsoverslag")},
    )


def assessment_edit(request, slug, code):
    project = _project(request, slug)
    require_perm(request.user, "infrastructure.assess", project)
    sub = get_object_or_404(
        SubCriterion.objects.select_related("criterion"), code=code, criterion__criterion_set__is_current=True
    )
    instance = Assessment.objects.filter(project=project, sub_criterion=sub).first()
    form = AssessmentForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.assessment_set(
            project=project,
            sub_criterion=sub,
            level=data["level"],
            yes=data.get("yes"),
            score=data.get("score"),
            figure=data.get("figure"),
            unit=data.get("unit", ""),
            rationale=data.get("rationale", ""),
            by=request.user,
        )
        messages.success(request, _("Vurderingen er gemt."))
        return redirect("infrastructure:project", slug=project.slug)
    title = _("Vurdering: %(project)s, %(sub)s") % {"project": project.name, "sub": f"{sub.code} {sub.title}"}
    history = (
        [
            {
                "when": h.history_date,
                "who": h.history_user,
                "what": h.instance.value_text,
                "rationale": h.rationale,
            }
            for h in instance.history.select_related("history_user").order_by("-history_date")[:20]
        ]
        if instance
        else []
    )
    return render(
        request,
        "infrastructure/form.html",
        {"form": form, "project": project, "title": title, "history": history},
    )


@require_POST
def follow_up_start(request, slug):
    project = _project(request, slug)
    require_perm(request.user, "infrastructure.start_follow_up", project)
    form = FollowUpStartForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "infrastructure/form.html",
            {"form": form, "project": project, "title": _("Start årlig opfølgning")},
        )
    try:
        report = services.follow_up_start(project=project, year=form.cleaned_data["year"], by=request.user)
    except IntegrityError:  # two starts at once: the other one won
        report = FollowUpReport.objects.get(project=project, year=form.cleaned_data["year"])
    return redirect("infrastructure:follow_up", pk=report.pk)


def follow_up_detail(request, pk):
    report, can_edit = get_for_user(
        request.user,
        FollowUpReport.objects.select_related("project", "lead", "submitted_by", "reviewed_by", "updated_by"),
        view_perm="core.view_report",
        edit_perm="core.edit_report",
        pk=pk,
    )
    form = FollowUpForm(instance=report) if can_edit else None
    return_form = ReturnForm(initial={"version": report.version})
    conflict = None
    if request.method == "POST":
        action = request.POST.get("action", "save")
        perm = {"save": "core.edit_report", "submit": "core.submit_report"}.get(action, "core.review_report")
        require_perm(request.user, perm, report)
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1
        try:
            if action in ("save", "submit"):
                form = FollowUpForm(request.POST, instance=FollowUpReport.objects.get(pk=report.pk))
                if not form.is_valid():
                    raise WorkflowError(_("Rapporten er ikke gemt. Ret fejlene nedenfor."))
                fields = {k: form.cleaned_data[k] for k in FollowUpForm.Meta.fields}
                report = report_save(report=report, fields=fields, expected_version=version, by=request.user)
                if action == "submit":
                    report = report_submit(report=report, by=request.user)
                    messages.success(request, _("Opfølgningen er sendt til sekretariatet."))
                else:
                    messages.success(request, _("Opfølgningen er gemt."))
            elif action == "approve":
                report_approve(report=report, by=request.user, expected_version=version)
                messages.success(request, _("Opfølgningen er godkendt."))
            elif action == "return":
                return_form = ReturnForm(request.POST)
                if not return_form.is_valid():
                    raise WorkflowError(_("Skriv en kommentar, der forklarer, hvad der skal rettes."))
                report_return(
                    report=report,
                    by=request.user,
                    comment=return_form.cleaned_data["comment"],
                    expected_version=version,
                )
                messages.success(request, _("Opfølgningen er sendt retur."))
            else:
                raise PermissionDenied
            return redirect("infrastructure:follow_up", pk=report.pk)
        except StaleVersion as error:
            conflict = error.current
            messages.error(request, str(error))
            if form is not None:
                data = request.POST.copy()
                data["version"] = conflict.version
                form = FollowUpForm(data, instance=conflict)
        except WorkflowError as error:
            messages.error(request, str(error))
    context = {
        "report": report,
        "project": report.project,
        "form": form,
        "return_form": return_form,
        "conflict": conflict,
        "can_submit": request.user.has_perm("core.submit_report", report),
        "can_review": request.user.has_perm("core.review_report", report),
        "history": report.history.select_related("history_user").order_by("-history_date")[:20],
    }
    return render(request, "infrastructure/follow_up.html", context, status=409 if conflict else 200)


def matrix(request):
    require_perm(request.user, "infrastructure.view_project")
    criterion = request.GET.get("criterion") or None
    data = matrix_selector(criterion)
    fmt = request.GET.get("format")
    if fmt:
        headers = [_("Projekt"), _("Gruppe")] + [f"{sub.code} {sub.title}" for sub in data["columns"]]
        rows = [
            [row["project"].name, row["project"].group_label]
            + [cell.value_text if cell else _("Ikke vurderet") for cell in row["cells"]]
            for row in data["rows"]
        ]
        response = table_response(fmt, "pejlemaerker-matrix", "Pejlemærker", headers, rows)
        if response is not None:
            return response
    return render(
        request,
        "infrastructure/matrix.html",
        {**data, "selected": criterion, "can_assess": request.user.has_perm("infrastructure.assess")},
    )


def mobility_analysis(request):
    require_perm(request.user, "infrastructure.view_project")
    analysis = get_object_or_404(
        MobilityAnalysis.objects.prefetch_related("budget_lines", "appropriation_lines"), code="TM274"
    )
    passages = SourcePassage.objects.filter(topic__in=["governance", "tm274"])
    return render(
        request,
        "infrastructure/mobility_analysis.html",
        {
            "analysis": analysis,
            "table": analysis.budget_table(BUDGET_YEARS),
            "appropriations": appropriation_table(analysis, BUDGET_YEARS),
            "governance": [p for p in passages if p.topic == "governance"],
            "tm274_texts": [p for p in passages if p.topic == "tm274"],
        },
    )


def background(request):
    """The challenge picture, the focus towards Infrastrukturplan 2035 and the region's task committee."""
    require_perm(request.user, "infrastructure.view_project")
    passages = SourcePassage.objects.filter(topic__in=["focus", "task_committee"])
    return render(
        request,
        "infrastructure/background.html",
        {
            "figures": ChallengeFigure.objects.all(),
            "focus": [p for p in passages if p.topic == "focus"],
            "task_committee": [p for p in passages if p.topic == "task_committee"],
        },
    )

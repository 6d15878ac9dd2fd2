from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import get_for_user, require_perm
from core.tabular import table_response
from core.workflow_history import history_entries
from core.workflow_views import APPROVE, RETURN, SAVE, SUBMIT, ReportScreens, load_report, page_action

from . import services
from .charts import estimate_chart
from .forms import AssessmentForm, EstimateForm, FollowUpForm, FollowUpStartForm, ProjectForm
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
from .selectors import matrix as matrix_selector
from .selectors import overview, plan_status_summary
from .source_texts import BUDGET_YEARS, ESTIMATE_CAVEAT, PLAN_NOTE, PLAN_NOTE_REF


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
        "chart": estimate_chart(
            data["rows"], in_billions=False, width=1000, font_size=13
        ),  # as the table beside it
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


def _follow_ups():
    return FollowUpReport.objects.select_related(
        "project", "lead", "submitted_by", "reviewed_by", "updated_by"
    )


SCREENS = ReportScreens(
    queryset=_follow_ups,
    form_class=FollowUpForm,
    page_url="infrastructure:follow_up",
    messages={
        SAVE: gettext_lazy("Opfølgningen er gemt."),
        SUBMIT: gettext_lazy("Opfølgningen er sendt til sekretariatet."),
        APPROVE: gettext_lazy("Opfølgningen er godkendt."),
        RETURN: gettext_lazy("Opfølgningen er sendt retur."),
    },
)


def follow_up_detail(request, pk):
    """The follow-up's page; it takes every workflow action as a POST itself."""
    report, _can_edit = load_report(request.user, SCREENS, pk)
    result = page_action(request, SCREENS, report)
    if result.response is not None:
        return result.response
    context = result.context(request.user)
    report = result.report
    if result.form is not None:
        context["form"] = result.form
    elif context["can_edit"]:
        context["form"] = FollowUpForm(instance=report)
    context.update(project=report.project, history=history_entries(report, limit=20))
    return render(request, "infrastructure/follow_up.html", context, status=result.status)


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
        MobilityAnalysis.objects.joint_analysis().prefetch_related("budget_lines", "appropriation_lines")
    )
    passages = SourcePassage.by_topic(SourcePassage.Topic.GOVERNANCE, SourcePassage.Topic.TM274)
    return render(
        request,
        "infrastructure/mobility_analysis.html",
        {
            "analysis": analysis,
            "table": analysis.budget_table(BUDGET_YEARS),
            "appropriations": appropriation_table(analysis, BUDGET_YEARS),
            "governance": passages[SourcePassage.Topic.GOVERNANCE],
            "tm274_texts": passages[SourcePassage.Topic.TM274],
        },
    )


def background(request):
    """The challenge picture, the focus towards Infrastrukturplan 2035 and the region's task committee."""
    require_perm(request.user, "infrastructure.view_project")
    passages = SourcePassage.by_topic(SourcePassage.Topic.FOCUS, SourcePassage.Topic.TASK_COMMITTEE)
    return render(
        request,
        "infrastructure/background.html",
        {
            "figures": ChallengeFigure.objects.all(),
            "focus": passages[SourcePassage.Topic.FOCUS],
            "task_committee": passages[SourcePassage.Topic.TASK_COMMITTEE],
        },
    )

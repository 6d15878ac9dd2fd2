"""The screens of the shared report workflow, one implementation for every area.

An area describes itself once (`ReportScreens`: its reports, its content form, its words, where to go)
and its views call these helpers. Every area posts the same action names, `save`, `submit`, `approve`
and `return`, either as the `action` of a POST to the report's page or to a POST-only view made by
`action_view`. The answers are the same everywhere:

- done: the success message and a redirect (the area says where);
- refused input: the page again with the form and its errors (a POST-only view: back to the report's
  page with the message);
- someone else saved first (StaleVersion): 409 with the version that won beside the user's own;
- a transition the state no longer allows: back to the report's page with the message.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .access import get_for_user, require_perm
from .workflow import (
    RoundClosed,
    StaleVersion,
    WorkflowError,
    WorkflowReport,
    report_approve,
    report_return,
    report_save,
    report_submit,
)
from .workflow_forms import ReturnForm, VersionedReportForm, VersionForm
from .workflow_history import HistoryEntry, latest_shown_version

SAVE, SUBMIT, APPROVE, RETURN = "save", "submit", "approve", "return"
CONTENT_ACTIONS = (SAVE, SUBMIT)
ACTION_PERMS = {
    SAVE: "core.edit_report",
    SUBMIT: "core.submit_report",
    APPROVE: "core.review_report",
    RETURN: "core.review_report",
}


@dataclass(frozen=True)
class ReportScreens:
    """What one area gives the shared screens."""

    queryset: Callable[[], QuerySet]
    form_class: type[VersionedReportForm]
    page_url: str  # URL name of the report's own page, taking its pk
    messages: Mapping[str, str]  # action → what the user is told when it went through
    done_urls: Mapping[str, str] = field(default_factory=dict)  # action → URL name without arguments

    def page_redirect(self, report: WorkflowReport) -> HttpResponseRedirect:
        return redirect(self.page_url, pk=report.pk)

    def done_redirect(self, action: str, report: WorkflowReport) -> HttpResponseRedirect:
        if action in self.done_urls:
            return redirect(self.done_urls[action])
        return self.page_redirect(report)


def load_report(user, screens: ReportScreens, pk: int) -> tuple[WorkflowReport, bool]:
    """The report and whether the user may edit it now; 404 for a report the user may not see."""
    return get_for_user(
        user, screens.queryset(), view_perm="core.view_report", edit_perm="core.edit_report", pk=pk
    )


def report_permissions(user, report: WorkflowReport) -> dict[str, bool]:
    return {
        "can_edit": user.has_perm("core.edit_report", report),
        "can_submit": user.has_perm("core.submit_report", report),
        "can_review": user.has_perm("core.review_report", report),
    }


def posted_action(data) -> str:
    """The action a POST asks for; a content form's other buttons (older forms named one `submit`) save."""
    action = data.get("action", "")
    if action in ACTION_PERMS:
        return action
    return SUBMIT if "submit" in data else SAVE


def field_values(report, names: list[str]) -> list[tuple[str, Any]]:
    """(label, shown value) of the named fields of a report or of one of its historical versions."""
    values = []
    for name in names:
        model_field = report._meta.get_field(name)
        value = getattr(report, f"get_{name}_display")() if model_field.choices else getattr(report, name)
        values.append((model_field.verbose_name, value))
    return values


@dataclass(frozen=True)
class Conflict:
    """Someone saved the report after the user read it: the version that won and the user's own.

    Editing, the user's own version is the form shown again; acting on it (submit, approve, return),
    it is the version the user read (`seen`), from the report's history.
    """

    current: WorkflowReport
    current_fields: list[tuple[str, Any]]
    edited: bool  # the user's version is the content form, shown again below
    seen: Any = None
    seen_fields: list[tuple[str, Any]] = field(default_factory=list)
    # The version that won as people count it (core.workflow_history.shown_versions), and its author.
    current_shown: HistoryEntry | None = None


@dataclass
class ActionResult:
    """A POST answered: `response` when it is done with, otherwise the page again with what to show."""

    report: WorkflowReport
    response: HttpResponse | None = None
    form: VersionedReportForm | None = None
    return_form: ReturnForm | None = None
    conflict: Conflict | None = None

    @property
    def status(self) -> int:
        return 409 if self.conflict else 200

    def context(self, user) -> dict:
        return {
            "report": self.report,
            "conflict": self.conflict,
            "return_form": self.return_form or ReturnForm.for_report(self.report),
            **report_permissions(user, self.report),
        }


def run_action(
    request: HttpRequest, screens: ReportScreens, report: WorkflowReport, action: str, *, with_content: bool
) -> ActionResult:
    """Check the permission, validate what was posted and move the report; `with_content` posts the form."""
    if report.is_locked and request.user.has_perm("core.view_report", report):
        # A closed round: say so on the report's page rather than a bare 403.
        messages.error(request, str(RoundClosed(report.reporting_period())))
        return ActionResult(report, response=screens.page_redirect(report))
    require_perm(request.user, ACTION_PERMS[action], report)
    posted = _posted_form(request, screens, report, action, with_content=with_content)
    if not posted.is_valid():
        if "version" in posted.errors:
            raise BadRequest("The report's version is missing from the form.")
        messages.error(request, posted.refusal)
        return ActionResult(report, **_forms(posted))
    version = posted.cleaned_data["version"]
    try:
        with transaction.atomic():
            _transition(report, action, posted, version=version, by=request.user)
    except StaleVersion as stale:
        messages.error(request, str(stale))
        return _conflict(screens, report, stale.current, posted, version=version)
    except WorkflowError as error:
        messages.error(request, str(error))
        return ActionResult(report, response=screens.page_redirect(report))
    messages.success(request, screens.messages[action])
    return ActionResult(report, response=screens.done_redirect(action, report))


def page_action(
    request: HttpRequest, screens: ReportScreens, report: WorkflowReport, *, allowed=tuple(ACTION_PERMS)
) -> ActionResult:
    """For a report's page that takes the `action` POSTs itself: run one, or nothing on a GET."""
    if request.method != "POST":
        return ActionResult(report)
    action = posted_action(request.POST)
    if action not in allowed:
        raise BadRequest(f"This page does not take the action {action!r}.")
    return run_action(request, screens, report, action, with_content=action in CONTENT_ACTIONS)


def action_view(
    screens: ReportScreens, action: str, *, render_page: Callable[[HttpRequest, ActionResult], HttpResponse]
) -> Callable[..., HttpResponse]:
    """A POST-only view for one action without the content form; `render_page` shows a conflict (409)."""

    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        report, _can_edit = load_report(request.user, screens, pk)
        result = run_action(request, screens, report, action, with_content=False)
        if result.response is not None:
            return result.response
        if result.conflict is None:  # refused input: its message says why, on the report's page
            return screens.page_redirect(report)
        return render_page(request, result)

    view.__name__ = f"report_{action}_view"
    return view


def _posted_form(request, screens, report, action, *, with_content):
    if with_content and action in CONTENT_ACTIONS:
        # A separate instance: the service moves `report` only once the version is claimed.
        return screens.form_class(request.POST, instance=type(report).objects.get(pk=report.pk))
    if action == RETURN:
        return ReturnForm(request.POST)
    return VersionForm(request.POST)


def _forms(posted) -> dict:
    if isinstance(posted, VersionedReportForm):
        return {"form": posted}
    if isinstance(posted, ReturnForm):
        return {"return_form": posted}
    return {}


def _transition(report, action, posted, *, version: int, by) -> None:
    if isinstance(posted, VersionedReportForm):
        report_save(report=report, fields=posted.content(), expected_version=version, by=by)
        version = report.version
    if action == SUBMIT:
        report_submit(report=report, by=by, expected_version=version)
    elif action == APPROVE:
        report_approve(report=report, by=by, expected_version=version)
    elif action == RETURN:
        report_return(report=report, by=by, comment=posted.cleaned_data["comment"], expected_version=version)


def _conflict(screens, report, current, posted, *, version: int) -> ActionResult:
    names = screens.form_class.content_fields()
    form: VersionedReportForm | None = None
    return_form: ReturnForm | None = None
    if isinstance(posted, VersionedReportForm):
        seen = None
        form = posted.rebased_on(current)
    else:
        seen = report.history.filter(version=version).order_by("-history_date").first()
        if isinstance(posted, ReturnForm):  # the comment is kept, now for the version that won
            posted_data = cast(QueryDict, posted.data)  # bound to request.POST
            return_form = ReturnForm({**posted_data.dict(), "version": current.version})
    conflict = Conflict(
        current=current,
        current_fields=field_values(current, names),
        edited=isinstance(posted, VersionedReportForm),
        seen=seen,
        seen_fields=field_values(seen, names) if seen is not None else [],
        current_shown=latest_shown_version(current),
    )
    return ActionResult(current, form=form, return_form=return_form, conflict=conflict)

"""The meetings area's duties (the owner's landing page) and its "needs attention" items."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.attention import AttentionItem, Kind

from . import selectors


def _action_url(action) -> str:
    item = action.decision.item
    return f"{reverse('meetings:detail', args=[item.meeting_id])}#item-{item.pk}"


def duties(user, today) -> list[dict]:
    """The open follow-up actions the user's organisation owns, each with a button to the decision."""
    if not getattr(user, "organisation_id", None):
        return []
    result = []
    for action in selectors.open_actions_of(user.organisation_id):
        item = action.decision.item
        result.append(
            {
                "title": _("Opfølgning på %(item)s (%(meeting)s): %(text)s")
                % {"item": item.number or item.title, "meeting": item.meeting, "text": action.description},
                "deadline": action.due,
                "state": {
                    "code": action.state,
                    "label": action.get_state_display(),
                    "since": None,
                    "overdue": action.is_overdue(today),
                },
                "comment": "",
                "action_url": _action_url(action),
                "action_label": _("Se beslutningen"),
                "follow_up": action,
            }
        )
    return result


def attention(selection, today) -> list[AttentionItem]:
    """Follow-up actions past their due date (whatever the selected period: a late action is late now)."""
    return [
        AttentionItem(
            kind=Kind.OPEN_FOLLOW_UP,
            area="meetings",
            title=_("Opfølgning efter %(meeting)s, punkt %(item)s")
            % {
                "meeting": action.decision.item.meeting,
                "item": action.decision.item.number or action.decision.item.title,
            },
            detail=_("%(owner)s: «%(text)s» havde frist %(due)s og er ikke udført.")
            % {"owner": action.owner, "text": action.description, "due": _date(action.due)},
            url=_action_url(action),
            since=action.due,
        )
        for action in selectors.overdue_actions(today)
    ]


def _date(value) -> str:
    from django.utils.formats import date_format

    return date_format(value, "DATE_FORMAT")

"""Who may do what with meetings (django-rules).

The secretariat prepares meetings, publishes agendas, records decisions and appointments. The board and
members of any organisation (the KKR members' municipalities) read published agendas and their annexes; a
draft agenda (state "planned") is the secretariat's only. A follow-up action's owner organisation updates
its state. `obj` may be a Meeting, an AgendaItem or an Annex: the rule asks the meeting.
"""

import rules

from core.rules import is_board, is_member, is_secretariat


def meeting_of(obj):
    """The meeting an object belongs to (an annex → its item → its meeting)."""
    if obj is None:
        return None
    if hasattr(obj, "item"):
        obj = obj.item
    if hasattr(obj, "meeting"):
        obj = obj.meeting
    return obj


@rules.predicate
def agenda_is_published(user, obj) -> bool:
    meeting = meeting_of(obj)
    return meeting is not None and not meeting.is_draft


@rules.predicate
def owns_follow_up(user, action) -> bool:
    return action is not None and bool(user.organisation_id) and action.owner_id == user.organisation_id


can_read = is_secretariat | is_board | is_member

# obj None: the list (which shows each reader only what they may read); otherwise the meeting, item or annex.
rules.add_perm("meetings.view", can_read)
rules.add_perm("meetings.view_meeting", is_secretariat | ((is_board | is_member) & agenda_is_published))
rules.add_perm("meetings.prepare", is_secretariat)
rules.add_perm("meetings.record_decision", is_secretariat)
rules.add_perm("meetings.update_follow_up", is_secretariat | owns_follow_up)
rules.add_perm("meetings.record_appointment", is_secretariat)

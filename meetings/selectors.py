"""Reads for the meeting pages: what each user may see, in a fixed number of queries."""

from django.db.models import Prefetch

from .models import AgendaItem, Annex, AppointedBody, Appointment, FollowUpAction, Meeting


def meetings_for(user):
    """The meetings the user may read: drafts only for the secretariat."""
    queryset = Meeting.objects.all()
    if not user.has_perm("meetings.prepare"):
        queryset = queryset.exclude(state=Meeting.State.PLANNED)
    return queryset


def agenda(meeting: Meeting) -> list[AgendaItem]:
    """The items with their annexes, links, decision and follow-up actions."""
    return list(
        meeting.items.prefetch_related(
            Prefetch("annexes", queryset=Annex.objects.order_by("position")),
            "links__content_type",
            Prefetch(
                "decision__actions",
                queryset=FollowUpAction.objects.select_related("owner").order_by("due", "pk"),
            ),
        ).select_related("decision", "decision__recorded_by")
    )


def open_actions_of(organisation_id: int):
    return (
        FollowUpAction.objects.filter(owner_id=organisation_id)
        .exclude(state=FollowUpAction.State.DONE)
        .select_related("decision__item__meeting")
        .order_by("due", "pk")
    )


def overdue_actions(today):
    return (
        FollowUpAction.objects.exclude(state=FollowUpAction.State.DONE)
        .filter(due__lt=today)
        .select_related("owner", "decision__item__meeting")
        .order_by("due", "pk")
    )


def appointed_bodies(today):
    bodies = list(
        AppointedBody.objects.prefetch_related(
            Prefetch(
                "appointments",
                queryset=Appointment.objects.select_related("municipality", "decided_by__meeting").order_by(
                    "person"
                ),
            )
        )
    )
    for body in bodies:
        current = [a for a in body.appointments.all() if a.is_current(today)]
        body.open_seats = max(body.seats - len(current), 0)
    return bodies

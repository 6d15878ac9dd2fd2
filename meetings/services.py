"""Writes for meetings: preparing the agenda, publishing it (annexes frozen), decisions, follow-ups, appointments.

Every service runs in one transaction and says who did it (`by`, kept in the history). A transition from the
wrong state raises `MeetingStateError` (the views answer 409 with the reason); nothing is half-saved.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from . import annexes
from .models import AgendaItem, Annex, Appointment, Decision, FollowUpAction, ItemLink, Meeting

PDF_MAGIC = b"%PDF-"


class MeetingStateError(Exception):
    """The meeting is not in a state that allows this (e.g. editing a published agenda)."""


def _by(obj, by):
    obj._history_user = by
    return obj


def _require_state(meeting: Meeting, *states: str, message: str) -> None:
    if meeting.state not in states:
        raise MeetingStateError(message)


def _require_editable_agenda(meeting: Meeting) -> None:
    _require_state(
        meeting,
        Meeting.State.PLANNED,
        message=_("Dagsordenen er offentliggjort; punkter og bilag kan ikke længere ændres."),
    )


@transaction.atomic
def meeting_save(*, meeting: Meeting, by) -> Meeting:
    """Create or edit a meeting's heading (body, title, date, time, place, note); never its state."""
    if meeting.pk:
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        meeting.state = locked.state
    _by(meeting, by).save()
    return meeting


@transaction.atomic
def item_save(*, item: AgendaItem, links: list | None = None, by) -> AgendaItem:
    """Create or edit an agenda item while the agenda is a draft; `links` (portal objects) replace its links."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _require_editable_agenda(meeting)
    if not item.pk:
        top = meeting.items.aggregate(p=Max("position"))["p"]
        item.position = (top or 0) + 1
    _by(item, by).save()
    if links is not None:
        _set_links(item, links, by)
    return item


def _set_links(item: AgendaItem, targets: list, by) -> None:
    wanted = {(ContentType.objects.get_for_model(t).pk, t.pk) for t in targets}
    for link in item.links.all():
        if (link.content_type_id, link.object_id) not in wanted:
            _by(link, by).delete()
        else:
            wanted.discard((link.content_type_id, link.object_id))
    for content_type_id, object_id in sorted(wanted):
        _by(ItemLink(item=item, content_type_id=content_type_id, object_id=object_id), by).save()


@transaction.atomic
def items_reorder(*, meeting: Meeting, order: list[int], by) -> None:
    """Put the agenda's items in this order (a list of every item's id, each once)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_editable_agenda(meeting)
    items = {item.pk: item for item in meeting.items.all()}
    if sorted(order) != sorted(items):
        raise ValidationError(_("Rækkefølgen skal nævne hvert punkt på dagsordenen én gang."))
    for position, pk in enumerate(order, start=1):
        item = items[pk]
        if item.position != position:
            item.position = position
            _by(item, by).save(update_fields=["position"])


def _next_annex_position(item: AgendaItem) -> int:
    return (item.annexes.aggregate(p=Max("position"))["p"] or 0) + 1


@transaction.atomic
def annex_add_generated(*, item: AgendaItem, generator: str, args: dict, title: str = "", by) -> Annex:
    """An annex rendered from the portal when the agenda is published (meetings/annexes.py GENERATORS)."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _require_editable_agenda(meeting)
    if generator not in annexes.GENERATORS:
        raise ValidationError(_("Ukendt bilagstype."))
    annex = Annex(
        item=item,
        position=_next_annex_position(item),
        title=title or str(annexes.GENERATORS[generator]["title"]),
        kind=Annex.Kind.GENERATED,
        generator=generator,
        generator_args=args,
    )
    _by(annex, by).save()
    return annex


def check_pdf(upload) -> bytes:
    """The uploaded file's bytes if it is a PDF (magic bytes, not the name) within the size limit."""
    limit = settings.MEETINGS_ANNEX_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Filen er for stor (højst %(mb)s MB).") % {"mb": limit // 2**20}, code="too_large"
        )
    upload.seek(0)
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise ValidationError(
            _("Filen er for stor (højst %(mb)s MB).") % {"mb": limit // 2**20}, code="too_large"
        )
    if not content.startswith(PDF_MAGIC):
        raise ValidationError(_("Filen er ikke en PDF-fil."), code="not_pdf")
    return content


@transaction.atomic
def annex_upload(*, item: AgendaItem, title: str, content: bytes, by) -> Annex:
    """A PDF annex stored privately with its SHA-256; `content` has passed `check_pdf`."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _require_editable_agenda(meeting)
    if not content.startswith(PDF_MAGIC):
        raise ValidationError(_("Filen er ikke en PDF-fil."), code="not_pdf")
    annex = Annex(
        item=item,
        position=_next_annex_position(item),
        title=title,
        kind=Annex.Kind.UPLOAD,
        checksum=hashlib.sha256(content).hexdigest(),
    )
    annex.file.save("annex.pdf", ContentFile(content), save=False)
    try:
        _by(annex, by).save()
    except BaseException:
        annex.file.storage.delete(annex.file.name)  # no file without its row
        raise
    return annex


@transaction.atomic
def annex_delete(*, annex: Annex, by) -> None:
    meeting = Meeting.objects.select_for_update().get(pk=annex.item.meeting_id)
    _require_editable_agenda(meeting)
    name, storage = annex.file.name, annex.file.storage
    _by(annex, by).delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def meeting_publish_agenda(*, meeting: Meeting, by) -> Meeting:
    """Publish a draft agenda: every annex frozen (rendered, checksummed) in the same transaction."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_state(meeting, Meeting.State.PLANNED, message=_("Kun en dagsorden i kladde kan offentliggøres."))
    if not meeting.items.exists():
        raise MeetingStateError(_("En dagsorden uden punkter kan ikke offentliggøres."))
    annexes.freeze_annexes(meeting, by=by)
    meeting.state = Meeting.State.AGENDA_PUBLISHED
    meeting.published_at = timezone.now()
    meeting.published_by = by
    _by(meeting, by).save()
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, by) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_state(
        meeting,
        Meeting.State.AGENDA_PUBLISHED,
        message=_("Kun et møde med offentliggjort dagsorden kan markeres som afholdt."),
    )
    meeting.state = Meeting.State.HELD
    _by(meeting, by).save()
    return meeting


@transaction.atomic
def meeting_approve_minutes(*, meeting: Meeting, by) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_state(meeting, Meeting.State.HELD, message=_("Kun et afholdt møde kan få godkendt sit referat."))
    meeting.state = Meeting.State.MINUTES_APPROVED
    _by(meeting, by).save()
    return meeting


@transaction.atomic
def decision_record(*, item: AgendaItem, outcome: str, text: str, actions: list[dict], by) -> Decision:
    """Record (or correct) an item's decision after the meeting, with new follow-up actions
    (each {"owner": Organisation, "description": str, "due": date})."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _require_state(
        meeting, Meeting.State.HELD, message=_("Beslutninger registreres, når mødet er markeret som afholdt.")
    )
    decision = Decision.objects.filter(item=item).first() or Decision(item=item)
    decision.outcome = outcome
    decision.text = text
    decision.recorded_by = by
    decision.full_clean()
    _by(decision, by).save()
    for action in actions:
        follow_up = FollowUpAction(decision=decision, **action)
        follow_up.full_clean()
        _by(follow_up, by).save()
    return decision


@transaction.atomic
def follow_up_set_state(*, action: FollowUpAction, state: str, by) -> FollowUpAction:
    action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    if state not in FollowUpAction.State.values:
        raise ValidationError(_("Ukendt status."))
    if action.state != state:
        action.state = state
        _by(action, by).save(update_fields=["state"])
    return action


@transaction.atomic
def appointment_record(*, appointment: Appointment, by) -> Appointment:
    """Record who was appointed; refused when the body has no open seat left."""
    body = type(appointment.body).objects.select_for_update().get(pk=appointment.body_id)
    today = timezone.localdate()
    taken = sum(1 for a in body.appointments.all() if a.is_current(today))
    if appointment.is_current(today) and taken >= body.seats:
        raise ValidationError(_("Organet har ingen ledige pladser."))
    appointment.full_clean()
    _by(appointment, by).save()
    return appointment

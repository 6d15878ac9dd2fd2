"""The meeting pages. Reading asks `meetings.view_meeting` (drafts: the secretariat only, 404 for others);
every change asks its own permission and goes through meetings/services.py."""

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import get_for_user, require_perm
from core.edit_history import recent_changes
from reports.models import ReportJob

from . import annexes, links, packet_views, selectors, services
from .forms import (
    AppointmentForm,
    DecisionForm,
    FollowUpStateForm,
    GeneratedAnnexForm,
    ItemForm,
    MeetingForm,
    UploadAnnexForm,
)
from .models import AgendaItem, Annex, AppointedBody, Appointment, Decision, FollowUpAction, Meeting


def _meeting(request, pk: int, *, prepare: bool = False) -> Meeting:
    meeting, _can = get_for_user(
        request.user, Meeting.objects.all(), view_perm="meetings.view_meeting", pk=pk
    )
    if prepare:
        require_perm(request.user, "meetings.prepare", meeting)
    return meeting


def _conflict(request, meeting: Meeting, error: Exception):
    return render(request, "meetings/conflict.html", {"meeting": meeting, "reason": str(error)}, status=409)


def meeting_list(request):
    require_perm(request.user, "meetings.view")
    today = timezone.localdate()
    meetings = list(selectors.meetings_for(request.user))
    bodies = []
    for code, label in Meeting.Body.choices:
        of_body = [m for m in meetings if m.body == code]
        if of_body:
            bodies.append(
                {
                    "code": code,
                    "label": label,
                    "upcoming": sorted((m for m in of_body if m.date >= today), key=lambda m: m.date),
                    "past": [m for m in of_body if m.date < today],
                }
            )
    return render(
        request,
        "meetings/meeting_list.html",
        {"bodies": bodies, "can_prepare": request.user.has_perm("meetings.prepare")},
    )


def meeting_detail(request, pk: int):
    meeting = _meeting(request, pk)
    items = selectors.agenda(meeting)
    user = request.user
    linked = links.linked_objects_of(items)
    for item in items:
        item.linked = linked[item.pk]
        decision = getattr(item, "decision", None) if _has_decision(item) else None
        for action in decision.actions.all() if decision else ():
            action.can_update = user.has_perm("meetings.update_follow_up", action)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "can_prepare": user.has_perm("meetings.prepare", meeting),
            "can_decide": user.has_perm("meetings.record_decision", meeting),
            "editable": meeting.is_draft,
            "changes": _changes(meeting) if user.has_perm("meetings.prepare", meeting) else None,
            "state_form": FollowUpStateForm(),
        },
    )


def _has_decision(item: AgendaItem) -> bool:
    try:
        item.decision  # noqa: B018 (select_related: no query)
    except Decision.DoesNotExist:
        return False
    return True


def _changes(meeting: Meeting) -> list:
    """Who changed the meeting and its items, newest first (simple-history)."""
    meeting_changes = recent_changes(Meeting.history.filter(id=meeting.pk), label=lambda r: _("Mødet"))
    item_changes = recent_changes(
        AgendaItem.history.filter(meeting_id=meeting.pk),
        label=lambda r: _("Punkt %(number)s") % {"number": r.number or f"«{r.title}»"},
    )
    return sorted(meeting_changes + item_changes, key=lambda r: r.history_date, reverse=True)[:25]


def meeting_create(request):
    require_perm(request.user, "meetings.prepare")
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_save(meeting=form.save(commit=False), by=request.user)
        messages.success(request, _("Mødet er oprettet."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/form.html", {"form": form, "heading": _("Nyt møde")})


def meeting_edit(request, pk: int):
    meeting = _meeting(request, pk, prepare=True)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        services.meeting_save(meeting=form.save(commit=False), by=request.user)
        messages.success(request, _("Mødet er gemt."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request, "meetings/form.html", {"form": form, "heading": _("Ret mødet"), "meeting": meeting}
    )


def item_create(request, pk: int):
    meeting = _meeting(request, pk, prepare=True)
    if not meeting.is_draft:
        return _conflict(request, meeting, services.MeetingStateError(_("Dagsordenen er offentliggjort.")))
    form = ItemForm(request.POST or None, instance=AgendaItem(meeting=meeting))
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_save(item=form.save(commit=False), links=form.linked(), by=request.user)
        except services.MeetingStateError as error:
            return _conflict(request, meeting, error)
        messages.success(request, _("Punktet er tilføjet."))
        return redirect(f"{meeting_url(meeting)}#item-{item.pk}")
    return render(
        request, "meetings/form.html", {"form": form, "heading": _("Nyt punkt"), "meeting": meeting}
    )


def meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", args=[meeting.pk])


def _item(request, pk: int) -> AgendaItem:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)
    if not request.user.has_perm("meetings.view_meeting", item.meeting):
        raise Http404
    return item


def item_edit(request, pk: int):
    item = _item(request, pk)
    require_perm(request.user, "meetings.prepare", item.meeting)
    if not item.meeting.is_draft:
        return _conflict(
            request, item.meeting, services.MeetingStateError(_("Dagsordenen er offentliggjort."))
        )
    form = ItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_save(item=form.save(commit=False), links=form.linked(), by=request.user)
        except services.MeetingStateError as error:
            return _conflict(request, item.meeting, error)
        messages.success(request, _("Punktet er gemt."))
        return redirect(f"{meeting_url(item.meeting)}#item-{item.pk}")
    return render(
        request,
        "meetings/item_form.html",
        {
            "form": form,
            "heading": _("Ret punkt %(number)s") % {"number": item.number}
            if item.number
            else _("Ret punktet"),
            "meeting": item.meeting,
            "item": item,
            "generated_form": GeneratedAnnexForm(),
            "upload_form": UploadAnnexForm(),
        },
    )


@require_POST
def item_move(request, pk: int):
    item = _item(request, pk)
    require_perm(request.user, "meetings.prepare", item.meeting)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        raise BadRequest("direction must be up or down")
    order = list(item.meeting.items.values_list("pk", flat=True))
    index = order.index(item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
    try:
        services.items_reorder(meeting=item.meeting, order=order, by=request.user)
    except services.MeetingStateError as error:
        return _conflict(request, item.meeting, error)
    return redirect(f"{meeting_url(item.meeting)}#item-{item.pk}")


def _annex_page(request, item, *, generated_form=None, upload_form=None, status=200):
    return render(
        request,
        "meetings/item_form.html",
        {
            "form": ItemForm(instance=item),
            "heading": _("Ret punktet"),
            "meeting": item.meeting,
            "item": item,
            "generated_form": generated_form or GeneratedAnnexForm(),
            "upload_form": upload_form or UploadAnnexForm(),
        },
        status=status,
    )


@require_POST
def annex_add_generated(request, pk: int):
    item = _item(request, pk)
    require_perm(request.user, "meetings.prepare", item.meeting)
    form = GeneratedAnnexForm(request.POST)
    if not form.is_valid():
        return _annex_page(request, item, generated_form=form, status=400)
    try:
        services.annex_add_generated(
            item=item,
            generator=form.cleaned_data["generator"],
            args=form.cleaned_data["args"],
            title=form.cleaned_data["title"],
            by=request.user,
        )
    except services.MeetingStateError as error:
        return _conflict(request, item.meeting, error)
    messages.success(request, _("Bilaget er tilføjet; det dannes, når dagsordenen offentliggøres."))
    return redirect("meetings:item_edit", pk=item.pk)


@require_POST
def annex_upload(request, pk: int):
    item = _item(request, pk)
    require_perm(request.user, "meetings.prepare", item.meeting)
    form = UploadAnnexForm(request.POST, request.FILES)
    if not form.is_valid():
        return _annex_page(request, item, upload_form=form, status=400)
    try:
        services.annex_upload(
            item=item, title=form.cleaned_data["title"], content=form.content, by=request.user
        )
    except services.MeetingStateError as error:
        return _conflict(request, item.meeting, error)
    messages.success(request, _("Bilaget er uploadet."))
    return redirect("meetings:item_edit", pk=item.pk)


@require_POST
def annex_delete(request, pk: int):
    annex = get_object_or_404(Annex.objects.select_related("item__meeting"), pk=pk)
    if not request.user.has_perm("meetings.view_meeting", annex.item.meeting):
        raise Http404
    require_perm(request.user, "meetings.prepare", annex.item.meeting)
    try:
        services.annex_delete(annex=annex, by=request.user)
    except services.MeetingStateError as error:
        return _conflict(request, annex.item.meeting, error)
    messages.success(request, _("Bilaget er slettet."))
    return redirect("meetings:item_edit", pk=annex.item_id)


def annex_download(request, pk: int):
    """The annex's stored PDF, only to those who may read its meeting (never from a public URL)."""
    annex = get_object_or_404(Annex.objects.select_related("item__meeting"), pk=pk)
    if not request.user.has_perm("meetings.view_meeting", annex.item.meeting) or not annex.file:
        raise Http404
    try:
        handle = annex.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = f"bilag-{annex.item.number or annex.item.position}-{annex.position}.pdf"
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/pdf")


@require_POST
def meeting_publish(request, pk: int):
    meeting = _meeting(request, pk, prepare=True)
    try:
        services.meeting_publish_agenda(meeting=meeting, by=request.user)
    except services.MeetingStateError as error:
        return _conflict(request, meeting, error)
    except annexes.AnnexError as error:
        # An annex that cannot be rendered: nothing is published or frozen (the service's transaction).
        messages.error(request, _("Dagsordenen er ikke offentliggjort: %(error)s") % {"error": error})
        return redirect("meetings:detail", pk=meeting.pk)
    messages.success(request, _("Dagsordenen er offentliggjort, og bilagene er fastfrosset."))
    # The packet is asked for at once (from the frozen annexes): the board finds it under the documents.
    packet_views.queue_document(request, meeting, ReportJob.Kind.MEETING_PACKET)
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
def meeting_mark_held(request, pk: int):
    meeting = _meeting(request, pk, prepare=True)
    try:
        services.meeting_mark_held(meeting=meeting, by=request.user)
    except services.MeetingStateError as error:
        return _conflict(request, meeting, error)
    messages.success(request, _("Mødet er markeret som afholdt."))
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
def meeting_approve_minutes(request, pk: int):
    meeting = _meeting(request, pk, prepare=True)
    try:
        services.meeting_approve_minutes(meeting=meeting, by=request.user)
    except services.MeetingStateError as error:
        return _conflict(request, meeting, error)
    messages.success(request, _("Referatet er markeret som godkendt."))
    return redirect("meetings:detail", pk=meeting.pk)


def decision_record(request, pk: int):
    item = _item(request, pk)
    require_perm(request.user, "meetings.record_decision", item.meeting)
    if item.meeting.state != Meeting.State.HELD:
        return _conflict(
            request,
            item.meeting,
            services.MeetingStateError(_("Beslutninger registreres, når mødet er markeret som afholdt.")),
        )
    existing = Decision.objects.filter(item=item).first()
    form = DecisionForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_record(
                item=item,
                outcome=form.cleaned_data["outcome"],
                text=form.cleaned_data["text"],
                actions=form.actions(),
                by=request.user,
            )
        except services.MeetingStateError as error:
            return _conflict(request, item.meeting, error)
        messages.success(request, _("Beslutningen er registreret."))
        return redirect(f"{meeting_url(item.meeting)}#item-{item.pk}")
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "heading": _("Beslutning: %(item)s") % {"item": item},
            "meeting": item.meeting,
        },
    )


@require_POST
def follow_up_state(request, pk: int):
    action = get_object_or_404(FollowUpAction.objects.select_related("decision__item__meeting"), pk=pk)
    if not request.user.has_perm("meetings.update_follow_up", action):
        raise PermissionDenied
    form = FollowUpStateForm(request.POST)
    if not form.is_valid():
        raise BadRequest("unknown state")
    services.follow_up_set_state(action=action, state=form.cleaned_data["state"], by=request.user)
    messages.success(request, _("Opfølgningens status er gemt."))
    target = request.POST.get("next", "")
    if target == "organisation" and request.user.organisation_id:
        return redirect("organisation_detail", slug=request.user.organisation.slug)
    return redirect(f"{meeting_url(action.decision.item.meeting)}#item-{action.decision.item_id}")


def appointments(request):
    require_perm(request.user, "meetings.view")
    return render(
        request,
        "meetings/appointments.html",
        {
            "bodies": selectors.appointed_bodies(timezone.localdate()),
            "can_record": request.user.has_perm("meetings.record_appointment"),
        },
    )


def appointment_create(request, pk: int):
    require_perm(request.user, "meetings.record_appointment")
    body = get_object_or_404(AppointedBody, pk=pk)
    form = AppointmentForm(request.POST or None, instance=Appointment(body=body))
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_record(appointment=form.save(commit=False), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Udpegningen er registreret."))
            return redirect("meetings:appointments")
    return render(
        request,
        "meetings/form.html",
        {"form": form, "heading": _("Ny udpegning: %(body)s") % {"body": body.name}},
    )

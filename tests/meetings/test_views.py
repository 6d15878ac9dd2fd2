"""The meeting pages: who sees what, the state machine, annexes, decisions, follow-ups and appointments."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.attention import Kind
from core.models import ReportingPeriod
from core.selection import selection_from
from meetings import services
from meetings.area import AREA
from meetings.models import AgendaItem, Annex, AppointedBody, Appointment, Decision, FollowUpAction, Meeting

from .conftest import PDF

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def test_a_draft_agenda_is_the_secretariats_only(
    client, draft, secretariat, board_member, albertslund_member
):
    for user in (board_member, albertslund_member):
        client.force_login(user)
        assert client.get(url("detail", draft.pk)).status_code == 404
        assert "KKR-møde marts" not in client.get(url("index")).content.decode()
    client.force_login(secretariat)
    assert "KKR-møde marts" in client.get(url("index")).content.decode()
    html = client.get(url("detail", draft.pk)).content.decode()
    assert "kun ses af sekretariatet" in html and "Godkendelse af dagsorden" in html


def test_the_loaded_meeting_shows_its_items_sources_and_what_the_source_does_not_say(client, board_member):
    meeting = Meeting.objects.get(date=date(2022, 12, 14))
    client.force_login(board_member)
    html = client.get(url("detail", meeting.pk)).content.decode()
    assert "3.8 Dimensionering på SOSO-området" in html
    assert "Punktet har intet nummer i kilden." in html
    assert "Ingen indstilling angivet." in html and "Ingen beslutning registreret." in html
    assert "ikke kildens ord" in html and "Kilde: KKR Hovedstadens mødepakke" in html
    assert "Bilag 3.8.1" in html and "mødet er indlæst fra kilden, ikke offentliggjort i portalen" in html


def test_the_secretariat_builds_and_publishes_an_agenda_and_the_annex_is_frozen(
    client, secretariat, fake_generator
):
    client.force_login(secretariat)
    response = client.post(
        url("create"),
        {"body": "kkr", "title": "KKR-møde juni", "date": "2030-06-10", "time": "10:00", "place": "KL"},
    )
    meeting = Meeting.objects.get(title="KKR-møde juni")
    assert response.status_code == 302 and meeting.state == "planned"
    autumn = f"core.reportingperiod:{ReportingPeriod.objects.get(year=2022, half='autumn').pk}"
    response = client.post(
        url("item_create", meeting.pk),
        {"number": "3.1", "title": "VIP-status", "kind": "orientation", "links": [autumn]},
    )
    item = AgendaItem.objects.get(meeting=meeting)
    assert response.status_code == 302 and [str(link) for link in item.links.all()] == ["Efterår 2022"]
    response = client.post(
        url("annex_add_generated", item.pk), {"generator": "vip_climate.half_yearly", "period": "2022-autumn"}
    )
    annex = Annex.objects.get(item=item)
    assert response.status_code == 302 and annex.generator_args == {"round": "2022-autumn"}
    assert client.post(url("publish", meeting.pk)).status_code == 302
    meeting.refresh_from_db()
    annex.refresh_from_db()
    assert meeting.state == "agenda_published" and meeting.published_by == secretariat
    assert annex.frozen_at and len(annex.checksum) == 64
    html = client.get(url("detail", meeting.pk)).content.decode()
    assert annex.checksum in html and "Bilag 3.1.1" in html
    download = client.get(url("annex_download", annex.pk))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    # Published: the agenda is closed for changes.
    assert client.post(url("item_create", meeting.pk), {"number": "9", "title": "x"}).status_code == 409
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_a_wrong_transition_is_a_409_and_changes_nothing(client, secretariat, draft, held):
    client.force_login(secretariat)
    assert client.post(url("mark_held", draft.pk)).status_code == 409
    assert client.post(url("publish", held.pk)).status_code == 409
    assert client.get(url("decision_record", draft.items.get().pk)).status_code == 409
    assert client.post(url("approve_minutes", draft.pk)).status_code == 409
    draft.refresh_from_db()
    held.refresh_from_db()
    assert (draft.state, held.state) == ("planned", "held")
    assert client.post(url("approve_minutes", held.pk)).status_code == 302
    held.refresh_from_db()
    assert held.state == "minutes_approved"
    assert client.post(url("mark_held", held.pk)).status_code == 409


def test_publishing_is_all_or_nothing_when_freezing_fails(client, secretariat, draft, monkeypatch):
    from meetings import annexes

    def broken(meeting, *, by):
        Annex.objects.create(item=meeting.items.first(), title="halv", kind="generated", generator="x")
        raise RuntimeError("renderer died")

    monkeypatch.setattr(annexes, "freeze_annexes", broken)
    client.raise_request_exception = False
    client.force_login(secretariat)
    assert client.post(url("publish", draft.pk)).status_code == 500
    draft.refresh_from_db()
    assert draft.state == "planned" and not Annex.objects.filter(item__meeting=draft).exists()


def test_publishing_queues_the_packet_so_the_board_finds_it_ready(client, secretariat, board_member, draft):
    """No second step to remember: the packet job starts with the publication (here in-process)."""
    from reports.models import ReportJob

    client.force_login(secretariat)
    response = client.post(url("publish", draft.pk), follow=True)
    assert "Mødemappe dannes nu." in response.content.decode()
    job = ReportJob.objects.get(subject=f"meeting:{draft.pk}")
    assert job.kind == ReportJob.Kind.MEETING_PACKET and job.requested_by == secretariat
    client.force_login(board_member)
    documents = client.get(url("documents", draft.pk)).content.decode()
    assert f'id="job-status-{job.pk}"' in documents  # the board follows it there (rendered after the commit)


def test_publishing_twice_does_not_queue_a_second_packet(client, secretariat, draft):
    from reports.models import ReportJob

    client.force_login(secretariat)
    client.post(url("publish", draft.pk))
    assert client.post(url("publish", draft.pk)).status_code == 409
    assert ReportJob.objects.filter(subject=f"meeting:{draft.pk}").count() == 1


def test_an_upload_must_be_a_pdf_within_the_limit(client, secretariat, draft, settings, tmp_path):
    item = draft.items.get()
    client.force_login(secretariat)
    fake = SimpleUploadedFile("bilag.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url("annex_upload", item.pk), {"title": "Bilag", "file": fake})
    assert response.status_code == 400 and "Filen er ikke en PDF-fil." in response.content.decode()
    settings.MEETINGS_ANNEX_MAX_BYTES = 1000
    big = SimpleUploadedFile("stor.pdf", PDF + b"0" * 2000, content_type="application/pdf")
    response = client.post(url("annex_upload", item.pk), {"title": "Bilag", "file": big})
    assert response.status_code == 400 and "Filen er for stor" in response.content.decode()
    assert not Annex.objects.filter(item=item).exists()
    assert not list((tmp_path / "media").rglob("*.pdf"))
    ok = SimpleUploadedFile("ok.pdf", PDF, content_type="application/pdf")
    assert client.post(url("annex_upload", item.pk), {"title": "Bilag", "file": ok}).status_code == 302
    annex = Annex.objects.get(item=item)
    assert annex.kind == "upload" and annex.file.read() == PDF
    assert str(settings.MEDIA_ROOT / "private") in annex.file.path


def test_an_oversized_title_is_a_form_error_and_nothing_is_saved(client, secretariat, draft):
    client.force_login(secretariat)
    huge = "x" * 1_000_000
    response = client.post(url("create"), {"body": "kkr", "title": huge, "date": "2030-01-01"})
    assert response.status_code == 200 and "højst" in response.content.decode()
    response = client.post(url("item_create", draft.pk), {"number": "2", "title": huge})
    assert response.status_code == 200
    assert not Meeting.objects.filter(title__startswith="xxx").exists()
    assert draft.items.count() == 1
    response = client.post(url("item_create", draft.pk), {"number": "1", "title": "Dublet"})
    assert "allerede et punkt med det nummer" in response.content.decode()
    response = client.post(
        url("item_create", draft.pk), {"number": "3", "title": "y", "links": ["core.user:1"]}
    )
    assert response.status_code == 200 and draft.items.count() == 1


def test_the_annex_download_checks_the_right_to_read_the_meeting(client, secretariat, board_member, draft):
    annex = services.annex_upload(item=draft.items.get(), title="Bilag", content=PDF, by=secretariat)
    client.force_login(board_member)
    assert client.get(url("annex_download", annex.pk)).status_code == 404
    client.force_login(secretariat)
    assert client.get(url("annex_download", annex.pk)).status_code == 200


def test_items_are_reordered_by_moving_them(client, secretariat, draft):
    second = services.item_save(item=AgendaItem(meeting=draft, number="2", title="To"), by=secretariat)
    client.force_login(secretariat)
    assert client.post(url("item_move", second.pk), {"direction": "up"}).status_code == 302
    assert [i.number for i in draft.items.all()] == ["2", "1"]
    assert client.post(url("item_move", second.pk), {"direction": "sideways"}).status_code == 400


def test_a_decision_with_a_follow_up_reaches_the_owners_landing_page_and_attention(
    client, secretariat, albertslund_member, other_member, held, organisations
):
    item = held.items.get()
    client.force_login(secretariat)
    response = client.post(
        url("decision_record", item.pk),
        {
            "outcome": "decided",
            "text": "KKR udpegede to medlemmer.",
            "owner": organisations["Albertslund"].pk,
            "description": "Meld navnene til regionen",
            "due": "2023-02-01",
        },
    )
    assert response.status_code == 302
    action = FollowUpAction.objects.get(decision__item=item)
    assert action.owner == organisations["Albertslund"] and action.state == "open"
    # Incomplete follow-up: a form error, the decision unchanged.
    response = client.post(
        url("decision_record", item.pk),
        {"outcome": "rejected", "text": "x", "owner": organisations["Albertslund"].pk},
    )
    assert response.status_code == 200 and Decision.objects.get(item=item).outcome == "decided"

    duties = AREA.duties(albertslund_member, date(2023, 3, 1))
    assert [d["deadline"] for d in duties] == [date(2023, 2, 1)] and duties[0]["state"]["overdue"]
    assert AREA.duties(other_member, date(2023, 3, 1)) == []
    client.force_login(albertslund_member)
    html = client.get(reverse("organisation_detail", args=["albertslund"])).content.decode()
    assert "Meld navnene til regionen" in html

    items = AREA.attention(selection_from({}), date(2023, 3, 1))
    assert [(i.kind, i.since) for i in items] == [(Kind.OPEN_FOLLOW_UP, date(2023, 2, 1))]
    assert AREA.attention(selection_from({}), date(2023, 1, 15)) == []

    # Only the owner (and the secretariat) update its state.
    client.force_login(other_member)
    assert client.post(url("follow_up_state", action.pk), {"state": "done"}).status_code == 403
    client.force_login(albertslund_member)
    assert client.post(url("follow_up_state", action.pk), {"state": "bogus"}).status_code == 400
    assert client.post(url("follow_up_state", action.pk), {"state": "done"}).status_code == 302
    action.refresh_from_db()
    assert action.state == "done" and action.history.first().history_user == albertslund_member
    assert AREA.attention(selection_from({}), date(2023, 3, 1)) == []


def test_appointments_show_open_seats_and_refuse_more_than_the_seats(
    client, secretariat, board_member, organisations
):
    body = AppointedBody.objects.get()
    item = AgendaItem.objects.get(number="4.1")
    client.force_login(board_member)
    html = client.get(url("appointments")).content.decode()
    assert "2 ledige pladser" in html
    client.force_login(secretariat)
    for name in ("Anna A", "Bo B"):
        response = client.post(
            url("appointment_create", body.pk),
            {
                "person": name,
                "municipality": organisations["Ballerup"].pk,
                "role": "medlem",
                "decided_by": item.pk,
            },
        )
        assert response.status_code == 302
    response = client.post(url("appointment_create", body.pk), {"person": "Cy C"})
    assert response.status_code == 200 and "ingen ledige pladser" in response.content.decode()
    assert Appointment.objects.count() == 2
    html = client.get(url("appointments")).content.decode()
    assert "0 ledige pladser" in html and "Anna A" in html and "4.1 Udpegning" in html


def test_the_meeting_page_shows_who_changed_what(client, secretariat, draft):
    client.force_login(secretariat)
    client.post(
        url("edit", draft.pk), {"body": "kkr", "title": "KKR-møde marts", "date": "2030-03-02", "place": "KL"}
    )
    html = client.get(url("detail", draft.pk)).content.decode()
    assert "Ændringer" in html and "sekretariat" in html and "dato" in html


def test_query_budgets(client, secretariat, board_member, django_assert_max_num_queries):
    meeting = Meeting.objects.get(date=date(2022, 12, 14))
    client.force_login(board_member)
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # cold, as after a flush: the budget holds either way
    with django_assert_max_num_queries(22):  # one query per linked model, not per link (10 projects)
        assert client.get(url("detail", meeting.pk)).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("index")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("appointments")).status_code == 200
    client.force_login(secretariat)
    with django_assert_max_num_queries(40):
        assert client.get(url("detail", meeting.pk)).status_code == 200


def test_the_real_half_yearly_generator_names_its_round_and_publishing_freezes_it(client, secretariat, draft):
    """No fake here: the annex form and the packet's generator agree that a VIP status names a round."""
    item = draft.items.get()
    client.force_login(secretariat)
    response = client.post(
        url("annex_add_generated", item.pk), {"generator": "vip_climate.half_yearly", "period": "2022-autumn"}
    )
    annex = Annex.objects.get(item=item)
    assert response.status_code == 302 and annex.generator_args == {"round": "2022-autumn"}
    assert client.post(url("publish", draft.pk)).status_code == 302
    annex.refresh_from_db()
    assert annex.frozen_at and annex.page_count and len(annex.checksum) == 64


def test_an_annex_that_cannot_be_rendered_stops_the_publication_with_a_message(client, secretariat, draft):
    item = draft.items.get()
    Annex.objects.create(
        item=item,
        position=1,
        kind=Annex.Kind.GENERATED,
        generator="vip_climate.half_yearly",
        generator_args={},
    )
    client.force_login(secretariat)
    response = client.post(url("publish", draft.pk), follow=True)
    assert response.status_code == 200
    assert "Dagsordenen er ikke offentliggjort" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == "planned" and not Annex.objects.get(item=item).frozen_at

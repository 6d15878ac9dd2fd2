"""The meeting in the source, loaded verbatim; nothing the source does not state; a second load changes nothing."""

import re

import pytest

from core.models import ReportingPeriod
from core.sources import unsourced
from education.models import Allocation
from infrastructure.models import MobilityAnalysis, Project
from meetings import seed, seed_data
from meetings.models import AgendaItem, Annex, AppointedBody, Decision, ItemLink, Meeting
from tests.seed_source import SEED

pytestmark = pytest.mark.django_db


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed_text():
    flat = norm(SEED.read_text(encoding="utf-8"))
    return flat, re.sub(r"(\w)- (\w)", r"\1\2", flat)


def occurs(text, seed_text, *, ignore_case=False):
    flat, joined = seed_text
    if ignore_case:
        return norm(text).casefold() in flat.casefold() or norm(text).casefold() in joined.casefold()
    return norm(text) in flat or norm(text) in joined


def seed_line(number: int) -> str:
    return SEED.read_text(encoding="utf-8").splitlines()[number - 1]


@pytest.fixture
def meeting():
    return Meeting.objects.get(date="2022-12-14", body="kkr")


def test_the_meeting_keeps_the_sources_date_time_and_place_and_says_what_is_not_known(meeting):
    assert meeting.time.hour == 15 and meeting.place == "på Teams"
    assert meeting.state == Meeting.State.AGENDA_PUBLISHED
    assert "angiver ikke selv datoen" in meeting.note and "ikke kildens ord" in meeting.note
    assert meeting.published_by is None and meeting.published_at is None  # the source says neither
    for text in seed_data.MEETING_VERBATIM:
        assert text in norm(SEED.read_text(encoding="utf-8"))


def test_the_items_are_the_sources_with_their_numbers_titles_and_line_references(meeting, seed_text):
    items = list(meeting.items.all())
    assert [i.number for i in items] == ["", "", "3.7", "3.8", "4.1"]
    for item in items:
        assert occurs(item.title, seed_text), item.title
        assert item.source_ref.startswith(seed_data.DOCUMENT) and "linje" in item.source_ref
    # The numbered items stand in the source on the referenced lines, number and title together.
    assert seed_line(2891).strip() == "3.7 Justering af KKR Hovedstadens fælles"
    assert seed_line(3106).strip() == "3.8 Dimensionering på SOSO-området"
    assert seed_line(3236).strip().startswith("4.1 Udpegning af repræsentanter")
    assert seed_line(1652).strip() == items[0].title
    assert seed_line(2383).strip() == items[1].title


def test_nothing_the_source_does_not_state_is_loaded(meeting):
    assert not AgendaItem.objects.filter(meeting=meeting).exclude(kind="").exists()
    assert not AgendaItem.objects.filter(meeting=meeting).exclude(presentation="").exists()
    assert not AgendaItem.objects.filter(meeting=meeting).exclude(recommendation="").exists()
    assert not Decision.objects.filter(item__meeting=meeting).exists()
    assert not unsourced([Meeting, AgendaItem, Annex, AppointedBody])


def targets(item):
    return {link.target for link in ItemLink.objects.filter(item=item)}


def test_the_portals_records_are_linked_and_the_annexes_generated_for_the_same_period(meeting, seed_text):
    vip, infra, strategy_item, sosu, committee = meeting.items.all()
    assert targets(vip) == {ReportingPeriod.objects.get(year=2022, half="autumn")}
    assert targets(infra) == {*Project.objects.priorities(), MobilityAnalysis.objects.get(code="TM274")}
    assert len(targets(infra)) == 11
    assert targets(sosu) == set(Allocation.objects.official().filter(year=2023, version=1))
    assert len(targets(sosu)) == 2
    assert targets(committee) == {AppointedBody.objects.get()}
    annexes = {(a.item.number, a.generator): a for a in Annex.objects.filter(item__meeting=meeting)}
    assert annexes[("", "vip_climate.half_yearly")].generator_args == {"round": "2022-autumn"}
    assert annexes[("3.8", "education.allocation")].generator_args == {"year": 2023}
    assert annexes[("", "infrastructure.priorities")].generator_args == {"year": 2022}
    for annex in annexes.values():
        assert annex.kind == Annex.Kind.GENERATED and occurs(annex.title.replace(". ", " "), seed_text)
        assert not annex.frozen_at and not annex.file  # frozen by the packet, never at load
    assert annexes[("3.8", "education.allocation")].label == "Bilag 3.8.1"


def test_the_task_committee_has_two_open_seats_as_the_source_says(seed_text):
    body = AppointedBody.objects.get()
    assert body.seats == 2 and not body.appointments.exists()
    assert occurs(body.name, seed_text, ignore_case=True)
    assert occurs(body.appointing_note, seed_text) and occurs(body.term, seed_text)
    assert "Kommissorium for opgaveudvalg for rejsen med bus, tog og cykler i Region Hovedstaden" in norm(
        SEED.read_text(encoding="utf-8")
    )


def test_a_second_load_writes_nothing():
    from tests.test_load_kkr_data import snapshot

    first = snapshot()
    seed.load()
    assert snapshot() == first


def test_a_second_load_keeps_what_the_secretariat_changed(meeting):
    item = meeting.items.get(number="3.8")
    item.recommendation = "Det indstilles, at KKR tager orienteringen til efterretning."
    item.save()
    meeting.place = "KL, Weidekampsgade"
    meeting.save()
    seed.load()
    item.refresh_from_db()
    meeting.refresh_from_db()
    assert item.recommendation.startswith("Det indstilles")
    assert meeting.place == "KL, Weidekampsgade"


def test_generic_links_are_remembered_by_model_name_not_content_type_id():
    """Content type ids differ between databases and are renumbered when a flush recreates them: the loader's
    record of an item link names the model, so a later load still finds it (and writes nothing)."""
    import json

    from core.models import LoadedRecord

    keys = [json.loads(r.key) for r in LoadedRecord.objects.filter(model="meetings.itemlink")]
    assert keys and all(isinstance(k["content_type"], str) and "." in k["content_type"] for k in keys)

"""The dashboard's "needs attention" list: every area's items in one order, each with a link and words."""

from datetime import date

import pytest
from django.template.loader import render_to_string

from core.attention import Kind, collect, split
from core.models import Organisation, ReportingPeriod
from core.selection import Selection

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 2)


def _selection(round_code="2022-autumn", year=2023) -> Selection:
    return Selection(round=ReportingPeriod.from_code(round_code), year=year)


def _by_kind(items, kind, area=None):
    return [i for i in items if i.kind == kind and (area is None or i.area == area)]


def test_projects_without_a_lead_are_listed_as_missing_never_guessed(kkr_data):
    items = collect(_selection(), TODAY)
    vip = _by_kind(items, Kind.MISSING_LEAD, "vip_climate")
    # Only VIP 2's lead is stated in the seed (Albertslund from November 2022); the other six are missing.
    assert sorted(i.url for i in vip) == [f"/vip/projekter/{n}/" for n in (1, 3, 4, 5, 6, 7)]
    assert all("ikke oplyst" in i.detail for i in vip)
    infrastructure = _by_kind(items, Kind.MISSING_LEAD, "infrastructure")
    assert len(infrastructure) == 10 and all(
        i.url.startswith("/infrastructure/projekter/") for i in infrastructure
    )


def test_overdue_reports_of_the_selected_round_come_first_with_lead_and_deadline(kkr_data):
    items = collect(_selection("2023-spring"), TODAY)
    overdue = _by_kind(items, Kind.OVERDUE_REPORT)
    assert len(overdue) == 7
    assert items[: len(overdue)] == overdue  # what the board can act on first
    vip2 = next(i for i in overdue if i.url == "/vip/projekter/2/")
    assert "30. april 2023" in vip2.detail and "Albertslund" in vip2.detail and "ikke startet" in vip2.detail
    assert vip2.since == date(2023, 4, 30)
    # The loaded autumn 2022 round was presented to KKR: nothing of it is overdue.
    assert not _by_kind(collect(_selection("2022-autumn"), TODAY), Kind.OVERDUE_REPORT)


def test_a_submitted_report_is_no_longer_overdue(kkr_data, vip2_spring_draft, secretariat):
    from core.workflow import report_submit

    report_submit(report=vip2_spring_draft, by=secretariat)
    overdue = _by_kind(collect(_selection("2023-spring"), TODAY), Kind.OVERDUE_REPORT)
    assert "/vip/projekter/2/" not in {i.url for i in overdue} and len(overdue) == 6


def test_a_round_or_year_without_data_says_so(kkr_data):
    items = collect(_selection("2024-spring", 2024), TODAY)
    no_data = {(i.area, i.title) for i in _by_kind(items, Kind.NO_DATA)}
    assert ("vip_climate", "Ingen data for Forår 2024") in no_data
    assert ("contracts", "Ingen data for 2024") in no_data
    assert ("education", "Ingen data for 2024") in no_data
    # 2023 has an allocation but no realised intake yet: said, not "nobody is short".
    education = _by_kind(collect(_selection(), TODAY), Kind.NO_DATA, "education")
    assert [i.detail for i in education] == [
        "Uddannelse: intet realiseret SOSU-optag er indberettet for 2023."
    ]


def test_municipalities_below_their_allocation_where_the_intake_is_known(kkr_data):
    from education.models import AllocationRow
    from education.portal import _current_allocations
    from education.services import intake_save

    allocation = next(a for a in _current_allocations(2023) if a.programme.slug)
    rows = {r.municipality: r.places for r in AllocationRow.objects.filter(allocation=allocation)}
    kbh, gentofte = Organisation.objects.get(name="København"), Organisation.objects.get(name="Gentofte")
    intake_save(
        year=2023, programme=allocation.programme, places={kbh: rows[kbh] - 3, gentofte: rows[gentofte]}
    )
    below = _by_kind(collect(_selection(), TODAY), Kind.BELOW_ALLOCATION)
    assert [i.title for i in below] == ["København"]  # Gentofte met its allocation; the others: unknown
    assert f"{rows[kbh] - 3} af {rows[kbh]} pladser besat" in below[0].detail
    assert below[0].url == "/organisationer/koebenhavn/"


def test_targets_not_met_are_read_from_the_stored_snapshot(kkr_data, secretariat):
    from contracts import services
    from contracts.models import Contract, Target

    contract = Contract.objects.get(year=2023)
    target = Target.objects.filter(
        goal__contract=contract,
        kind=Target.Kind.LEVEL,
        comparison=Target.Comparison.AT_LEAST,
        unit=Target.Unit.PERCENT,
        threshold__gt=10,
    ).first()
    services.measurement_create(
        target=target,
        by=secretariat,
        measured_on=date(2023, 12, 31),
        value=target.threshold - 10,
        source="crm",
    )
    # The stored snapshot does not know the measurement yet: the list never recomputes it.
    assert not _by_kind(collect(_selection(), TODAY), Kind.TARGET_NOT_MET)
    services.snapshot_compute(contract_id=contract.pk)
    not_met = _by_kind(collect(_selection(), TODAY), Kind.TARGET_NOT_MET)
    assert [i.url for i in not_met] == [f"/contracts/delmaal/{target.pk}/"]
    assert not_met[0].detail.startswith("Ikke opfyldt")


def test_the_partial_needs_no_request_and_says_each_item_in_words(kkr_data):
    html = render_to_string(
        "core/_attention.html", {"attention": split(collect(_selection("2023-spring", 2024), TODAY))}
    )
    assert "Kræver opmærksomhed" in html
    assert "Rapport over fristen:" in html and "Tovholder mangler:" in html
    assert '<span class="attention-icon" aria-hidden="true">⚠</span>' in html
    assert "Ingen data for Forår 2023</a>: Klima-VIP-projekter: ingen statusrapporter i runden." in html
    assert "Ingen data for 2024" in html
    assert 'href="/vip/projekter/1/"' in html
    assert "<details" in html  # beyond the first eight, folded


def test_the_dashboard_shows_the_list_near_the_top(client, board_member, kkr_data):
    client.force_login(board_member)
    html = client.get("/?runde=2023-spring&aar=2023").content.decode()
    assert html.index("Kræver opmærksomhed") < html.index('class="card h-100 area-tile"')
    assert "Rapport over fristen" in html


def test_the_list_in_english(client, board_member, kkr_data):
    client.force_login(board_member)
    client.cookies.load({"django_language": "en"})
    html = client.get("/?runde=2023-spring&aar=2024").content.decode()
    assert "Needs attention" in html and "No data for 2024" in html

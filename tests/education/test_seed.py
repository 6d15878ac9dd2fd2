"""The seed's 2022 and 2023 tables and the strategy texts are in the portal exactly as the seed has them."""

import re

import pytest
from django.apps import apps

from education import seed as education_seed
from education import seed_data
from education.models import (
    Allocation,
    AllocationRow,
    GuidingMark,
    Initiative,
    LocalStrategy,
    Programme,
    Strategy,
)
from tests.seed_source import SEED

pytestmark = pytest.mark.django_db


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed_text():
    return squash(SEED.read_text(encoding="utf-8"))


def test_the_table_columns_sum_exactly_to_the_seeds_totals():
    columns = list(zip(*[row[1:] for row in seed_data.ALLOCATION_TABLE], strict=True))
    assert [sum(c) for c in columns] == [853, 849, 1793, 1776]
    assert len(seed_data.ALLOCATION_TABLE) == 29


def test_every_table_row_occurs_in_the_seed_as_written(seed_text):
    for name, *values in seed_data.ALLOCATION_TABLE:
        seed_name = "Lyngby- Taarbæk" if name == "Lyngby-Taarbæk" else name
        assert f"{seed_name} {' '.join(map(str, values))}" in seed_text, name
    assert "I alt 853 849 1793 1776" in seed_text


def test_the_seed_loads_both_years_of_both_programmes_as_presented_to_kkr(education_data):
    # Seed lines 3106-3131: the table is agenda item 3.8 laid before KKR; no line records a decision, so
    # the old "approved" (shown as "Godkendt og låst") was a state the source does not give.
    for (slug, year), column in seed_data.COLUMNS.items():
        allocation = Allocation.objects.get(year=year, programme__slug=slug)
        assert allocation.status == Allocation.Status.PRESENTED and allocation.version == 1
        assert allocation.approved_at is None and allocation.approved_by is None
        assert allocation.total == seed_data.TOTALS[(slug, year)]
        stored = {r.municipality.name: r.places for r in allocation.rows.select_related("municipality")}
        assert stored == {row[0]: row[column] for row in seed_data.ALLOCATION_TABLE}
        assert sum(stored.values()) == allocation.total


def test_the_totals_are_853_849_1793_1776(education_data):
    totals = {(a.programme.slug, a.year): a.total for a in Allocation.objects.select_related("programme")}
    assert totals == {
        ("social-og-sundhedshjaelper", 2022): 853,
        ("social-og-sundhedshjaelper", 2023): 849,
        ("social-og-sundhedsassistent", 2022): 1793,
        ("social-og-sundhedsassistent", 2023): 1776,
    }
    for allocation in Allocation.objects.all():
        assert sum(allocation.rows.values_list("places", flat=True)) == allocation.total


def test_lyngby_taarbaek_and_bornholm_rows(education_data):
    row = AllocationRow.objects.get(
        allocation__year=2023,
        allocation__programme__slug="social-og-sundhedsassistent",
        municipality__name="Lyngby-Taarbæk",
    )
    assert row.places == 64
    row = AllocationRow.objects.get(
        allocation__year=2022,
        allocation__programme__slug="social-og-sundhedshjaelper",
        municipality__name="Bornholm",
    )
    assert row.places == 29


def test_the_strategy_names_seven_programmes(education_data):
    strategy = Strategy.objects.get()
    assert strategy.programmes.count() == 7
    assert Programme.objects.filter(is_allocated=True).count() == 2
    assert GuidingMark.objects.count() == 15
    assert Initiative.objects.count() == 4
    assert LocalStrategy.objects.count() == 29


def test_the_strategy_texts_occur_verbatim_in_the_seed(seed_text):
    texts = [v for k, v in seed_data.STRATEGY.items() if k != "status_note"]
    texts += list(seed_data.AUDIENCE_INTROS.values())
    texts += [mark for marks in seed_data.GUIDING_MARKS.values() for mark in marks]
    texts += [part for initiative in seed_data.INITIATIVES for part in initiative]
    texts += [name for _s, name, _o, _a, in_strategy, _p in seed_data.PROGRAMMES if in_strategy]
    for text in texts:
        assert squash(text) in seed_text, text[:60]


def _snapshot():
    return {m._meta.label: m.objects.count() for m in apps.get_app_config("education").get_models()}


def test_a_second_load_changes_nothing(education_data):
    first = _snapshot()
    education_seed.load()
    assert _snapshot() == first


def test_every_loaded_education_record_has_a_source_reference(education_data):
    from core.sources import unsourced

    models = [m for m in apps.get_app_config("education").get_models() if hasattr(m, "source_ref")]
    loaded = {m.__name__ for m in models if m.objects.exists()}
    assert loaded >= {"Programme", "Allocation", "AllocationRow", "Strategy", "GuidingMark", "Initiative"}
    assert unsourced(models) == []
    allocation = Allocation.objects.get(year=2023, programme__slug=seed_data.HELPER)
    assert "punkt 3.8" in allocation.source_ref
    assert "«Social- og sundhedshjælpere, Dimensionering, 2023»" in allocation.source_ref
    assert allocation.rows.get(municipality__name="Bornholm").source_ref.endswith("rækken «Bornholm»")


def test_the_source_references_quote_the_seeds_headings(seed_text):
    assert "3.8 Dimensionering på SOSO-området" in seed_text
    assert "3.7 Justering af KKR Hovedstadens fælles" in seed_text
    assert "Fælles uddannelsesstrategi - KKR Hovedstaden - UDKAST" in seed_text
    assert "KKR Hovedstaden – fordeling af lærepladser for 2023" in seed_text
    for heading in seed_data.COLUMN_HEADINGS.values():
        assert heading in seed_text
    assert "Dimensionering, 2022" in seed_text and "Dimensionering, 2023" in seed_text


def test_the_strategy_is_loaded_as_a_draft_dated_by_month(education_data, seed_text):
    strategy = Strategy.objects.get()
    assert strategy.state == Strategy.State.DRAFT and strategy.dated == "November 2022"
    assert "November 2022" in seed_text


def test_an_edited_local_strategy_is_the_municipalitys_entry_not_the_sources(education_data):
    from core.models import Organisation
    from education import services

    albertslund = Organisation.objects.get(name="Albertslund")
    assert LocalStrategy.objects.get(municipality=albertslund).source_ref
    services.local_strategy_update(municipality=albertslund, exists=True, adopted=None, url="", note="egen")
    assert LocalStrategy.objects.get(municipality=albertslund).source_ref == ""
    education_seed.load()
    assert LocalStrategy.objects.get(municipality=albertslund).source_ref == ""


def test_a_load_gives_allocations_loaded_before_references_existed_their_reference(education_data):
    Allocation.objects.update(source_ref="")
    AllocationRow.objects.update(source_ref="")
    education_seed.load()
    from core.sources import unsourced

    assert unsourced([Allocation, AllocationRow]) == []

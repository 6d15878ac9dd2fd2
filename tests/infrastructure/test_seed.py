"""The loaded data is the seed's, verbatim, and a second load changes nothing."""

import re
from decimal import Decimal

import pytest

from infrastructure import seed, seed_data
from infrastructure.models import (
    BudgetLine,
    CostEstimate,
    CostPart,
    Criterion,
    CriterionSet,
    MobilityAnalysis,
    Project,
    SubCriterion,
)
from tests.seed_source import SEED


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed_text():
    raw = SEED.read_text(encoding="utf-8")
    flat = norm(raw)
    # The PDF extraction hyphenates at line ends ("ho- vedstadsområdet"): accept the joined word too.
    joined = re.sub(r"(\w)- (\w)", r"\1\2", flat)
    return flat, joined


def occurs(text, seed_text):
    flat, joined = seed_text
    return norm(text) in flat or norm(text) in joined


def verbatim_texts():
    for p in seed_data.PROJECTS:
        yield p["name"] if p["slug"] not in ("hilleroed-frederikssund-motorvejene",) else p["description"]
        yield p["description"]
        for part_name, _low, _high, quote in p["parts"]:
            yield part_name
            if quote:
                yield quote
    yield seed_data.CRITERION_SET["name"]
    yield seed_data.CRITERION_SET["vision_intro"]
    yield seed_data.CRITERION_SET["levels_note"]
    for text, reasons in seed_data.VISION:
        yield text
        yield from reasons
    for number, title, subs in seed_data.CRITERIA:
        yield f"{number}. {title}"
        for code, sub in subs:
            yield f"{code} {sub}"
    for key in ("title", "purpose", "due_text", "price_basis", "financing"):
        yield seed_data.MOBILITY_ANALYSIS[key]
    yield seed_data.ESTIMATE_CAVEAT
    yield seed_data.LEAFLET_TITLE
    yield seed_data.PLAN_NOTE


@pytest.mark.parametrize("text", list(verbatim_texts()))
def test_every_loaded_text_occurs_in_the_seed(text, seed_text):
    assert occurs(text, seed_text), text


def test_project_names_are_the_maps_labels_or_the_lists_lines(seed_text):
    for p in seed_data.PROJECTS:
        assert occurs(p["name"], seed_text), p["name"]


def test_no_affected_municipality_is_loaded_because_the_source_names_none(infra):
    # The leaflet's list (seed lines 2391-2413) and map labels name places, not affected municipalities.
    for p in seed_data.PROJECTS:
        assert "municipalities" not in p
    for project in Project.objects.all():
        assert project.municipalities.count() == 0


def test_every_stated_amount_occurs_in_the_seed(seed_text):
    from core.formatting import dkk_millions

    for p in seed_data.PROJECTS:
        for _name, low, high, quote in p["parts"]:
            if low is None:
                continue
            # The quoted price says the figure we store, in the seed's own format.
            figure = dkk_millions(low).replace(" kr.", "")
            if low != high:
                figure = dkk_millions(high).replace(" kr.", "").split(" ")[0]
            assert figure.split(" ")[0] in quote, (quote, figure)


@pytest.mark.parametrize("stated", ["1.705", "1.680", "3.385", "2.025", "1.360", "1.000", "680"])
def test_the_tm274_totals_the_tests_compare_with_are_printed_in_the_seed(stated, seed_text):
    assert f" {stated} " in seed_text[0]


def test_it_loads_ten_projects_seven_plus_three(infra):
    assert Project.objects.count() == 10
    assert Project.objects.filter(group="7").count() == 7
    assert Project.objects.filter(group="+3").count() == 3
    assert not Project.objects.candidates().exists()


def test_it_stores_no_lead_and_unknown_plan_status_because_the_seed_names_none(infra):
    for project in Project.objects.all():
        assert project.leads.count() == 0
        assert project.plan_status == Project.PlanStatus.UNKNOWN


def test_parts_ranges_and_the_missing_estimate(infra):
    motorways = infra["hilleroed-frederikssund-motorvejene"]
    assert [p.name for p in motorways.parts.all()] == [
        "Færdiggørelse af Hillerødmotorvejen",
        "Færdiggørelse af Frederikssundmotorvejen",
    ]
    assert motorways.estimate_range() == (Decimal("3880"), Decimal("3880"))
    farum = infra["s-bane-farum-hilleroed"].parts.get().latest_estimate
    assert (farum.low, farum.high) == (Decimal("1000"), Decimal("1750"))
    kyst = infra["kystbanen"]
    assert kyst.parts.count() == 1
    assert not CostEstimate.objects.filter(part__project=kyst).exists()
    assert kyst.estimate_range() is None
    assert CostEstimate.objects.count() == 11
    assert not CostEstimate.objects.exclude(price_year=None).exists()  # the seed states no price year
    assert not CostEstimate.objects.exclude(source="").exists()  # nor a source


def test_it_loads_six_criteria_and_twelve_sub_criteria(infra):
    assert CriterionSet.objects.count() == 1
    assert Criterion.objects.count() == 6
    assert list(SubCriterion.objects.values_list("code", flat=True)) == [
        f"{n}.{k}" for n in range(1, 7) for k in (1, 2)
    ]
    assert CriterionSet.current().aims.count() == 4


def test_tm274_totals_are_computed_and_match_the_seeds_printed_totals(infra):
    analysis = MobilityAnalysis.objects.get(code="TM274")
    table = analysis.budget_table(seed_data.BUDGET_YEARS)
    stated = seed_data.STATED_TOTALS
    assert dict(zip(table["years"], table["per_year"], strict=True)) == stated["per_year"]
    assert table["total"] == stated["total"] == Decimal("3385")
    assert table["per_kind"] == {"construction": stated["construction"], "service": stated["service"]}
    assert BudgetLine.objects.count() == 5


def test_a_second_load_writes_nothing(infra):
    from tests.test_load_kkr_data import snapshot

    first = snapshot()
    seed.load()
    assert snapshot() == first


def test_a_second_load_keeps_what_the_secretariat_set(infra, organisations):
    project = infra["ring-5-syd"]
    project.plan_status = Project.PlanStatus.INCLUDED
    project.save()
    project.leads.add(organisations["Hvidovre"])
    seed.load()
    project.refresh_from_db()
    assert project.plan_status == Project.PlanStatus.INCLUDED
    assert list(project.leads.all()) == [organisations["Hvidovre"]]
    assert CostPart.objects.count() == 12

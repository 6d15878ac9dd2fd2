import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from contracts import seed_data
from contracts.models import Contract, ContractSection, FulfilmentSnapshot, Goal, Target
from tests.seed_source import SEED


def normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace("- ", "-")


@pytest.fixture(scope="module")
def seed_text():
    return normalise(SEED.read_text(encoding="utf-8"))


def _with_parts(target):
    yield target
    for part in target.get("parts", []):
        yield from _with_parts(part)


def all_targets():
    for goal in seed_data.GOALS:
        for target in goal["targets"]:
            yield from _with_parts(target)


def test_goal_texts_are_verbatim_in_the_seed(seed_text):
    for goal in seed_data.GOALS:
        for key in ("title", "rationale", "method", "reporting"):
            for paragraph in goal[key].split("\n\n"):
                assert normalise(paragraph) in seed_text, (goal["number"], key, paragraph[:60])


def test_target_texts_are_verbatim_in_the_seed(seed_text):
    for target in all_targets():
        assert normalise(target["text"]) in seed_text, target["code"]


def test_contract_texts_are_verbatim_in_the_seed(seed_text):
    for key in ("legal_basis", "responsibility"):
        assert normalise(seed_data.CONTRACT[key]) in seed_text


def test_every_number_stated_is_in_its_target_text():
    """A threshold is only stored where the seed's text gives it (no invented figures)."""
    for target in all_targets():
        threshold = target.get("threshold")
        if threshold in (None, 0):
            assert target["kind"] in ("parts", "milestone", "control"), target["code"]
            continue
        shown = f"{abs(threshold):g}".replace(".", ",")
        variants = {shown, f"{int(abs(threshold)):,}".replace(",", ".")}
        assert any(v in target["text"] for v in variants), target["code"]


def test_the_seed_gives_no_baseline_value_for_the_2021_surveys():
    by_code = {t["code"]: t for t in all_targets()}
    for code in ("5.2", "5.3.1", "5.3.2", "7.2.1", "7.2.2", "8.1"):
        assert by_code[code].get("baseline_value") is None
    assert by_code["1.1"]["baseline_value"] == 33


@pytest.mark.django_db
def test_load_creates_the_2023_contract_with_8_goals(organisations):
    call_command("load_kkr_data", verbosity=0)
    contract = Contract.objects.get(year=2023)
    assert contract.goals.count() == 8
    assert contract.adopted_on is None
    assert list(contract.goals.values_list("scope", flat=True)) == [
        "both",
        "local",
        "national",
        "both",
        "both",
        "national",
        "both",
        "local",
    ]
    # 37: seed line 203 "(anslået ca. 1500 stk., heraf 30% med +5 ansatte)" has the part 2.1.1.1 too.
    assert Target.objects.filter(goal__contract=contract).count() == 37
    part = Target.objects.get(code="5.3.1")
    assert part.threshold == Decimal("-2.50") and part.comparison == "at_most"
    assert part.parent.code == "5.3"
    assert Target.objects.get(code="3.1").segments == ["drift", "vaekst"]
    assert Target.objects.filter(kind="milestone").count() == 4
    assert FulfilmentSnapshot.objects.filter(contract=contract).count() == 1


@pytest.mark.django_db
def test_load_twice_changes_nothing(organisations):
    call_command("load_kkr_data", verbosity=0)
    counts = (Goal.objects.count(), Target.objects.count(), Target.history.count(), Goal.history.count())
    call_command("load_kkr_data", verbosity=0)
    assert (
        Goal.objects.count(),
        Target.objects.count(),
        Target.history.count(),
        Goal.history.count(),
    ) == counts


@pytest.mark.django_db
def test_load_keeps_an_edit_made_by_the_secretariat(organisations):
    call_command("load_kkr_data", verbosity=0)
    Target.objects.filter(code="1.1").update(measured="ændret")
    call_command("load_kkr_data", verbosity=0)
    assert Target.objects.get(code="1.1").measured == "ændret"


def test_the_introduction_is_verbatim_in_the_seed(seed_text):
    assert len(seed_data.SECTIONS) == 5
    for heading, text, _section in seed_data.SECTIONS:
        for paragraph in text.split("\n\n"):
            for line in paragraph.split("\n"):
                assert normalise(line) in seed_text, (heading, line[:60])
    vision = dict((h, t) for h, t, _s in seed_data.SECTIONS)["Vision"]
    assert "Erhvervshus Hovedstaden arbejder med følgende vision: " + normalise(vision) in seed_text


def test_estimates_are_stored_as_estimates_and_percentage_points_as_points():
    """Seed lines 203–208 say "anslået ca."; lines 389, 396–397, 441, 506–507, 542 say "procentpoint"."""
    by_code = {t["code"]: t for t in all_targets()}
    for code in ("2.1.1", "2.1.2", "2.1.3", "2.1.1.1"):
        assert by_code[code]["kind"] == "estimate", code
    assert by_code["2.1"]["kind"] == "level" and "parts_rule" not in by_code["2.1"]
    for code in ("5.2", "5.3.1", "5.3.2", "6.2.1", "6.2.2", "7.2.1", "7.2.2", "8.1"):
        assert by_code[code]["unit"] == "pp", code
        assert "(procent)" not in by_code[code]["measured"], code
    # Seed line 223: "Målene opgøres løbende af Erhvervshuset internt" (no monthly count for goal 2).
    for code in ("2.1", "2.1.1", "2.1.2", "2.1.3", "2.1.1.1", "2.2"):
        assert by_code[code]["source"] == "own_continuous", code
    assert seed_data.JANUARY_2024.month == 1 and seed_data.JANUARY_2024.year == 2024


@pytest.mark.django_db
def test_every_loaded_contract_record_has_a_source_reference(organisations):
    from core.sources import unsourced

    call_command("load_kkr_data", verbosity=0)
    assert unsourced([Contract, ContractSection, Goal, Target]) == []
    assert Goal.objects.get(number=2).source_ref == "Resultatkontrakt 2023 for Erhvervshus Hovedstaden, mål 2"
    assert Target.objects.get(code="2.1").source_ref.endswith("mål 2, punkt 1)")
    assert Target.objects.get(code="1.3a").source_ref.endswith("mål 1, punkt 3) a)")
    assert Target.objects.get(code="2.1.1.1").source_ref.endswith("punkt 1), første punkt, første punkt")
    assert ContractSection.objects.count() == 5


@pytest.mark.django_db
def test_a_load_fills_the_source_reference_of_rows_loaded_before_references_existed(organisations):
    call_command("load_kkr_data", verbosity=0)
    Target.objects.filter(code="1.1").update(source_ref="")
    Goal.objects.filter(number=1).update(source_ref="")
    call_command("load_kkr_data", verbosity=0)
    assert Target.objects.get(code="1.1").source_ref.endswith("mål 1, punkt 1)")
    assert Goal.objects.get(number=1).source_ref.endswith("mål 1")

import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from contracts import seed_data
from contracts.models import Contract, FulfilmentSnapshot, Goal, Target
from tests.seed_source import SEED


def normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace("- ", "-")


@pytest.fixture(scope="module")
def seed_text():
    return normalise(SEED.read_text(encoding="utf-8"))


def all_targets():
    for goal in seed_data.GOALS:
        for target in goal["targets"]:
            yield target
            yield from target.get("parts", [])


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
    assert Target.objects.filter(goal__contract=contract).count() == 36
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

import re

import pytest

from core.models import Organisation
from tests.seed_source import SEED
from vip_climate import seed as vip_seed
from vip_climate import seed_data
from vip_climate.models import (
    Commitment,
    LeadPeriod,
    Participation,
    Project,
    ProjectTarget,
    StatusReport,
)

pytestmark = pytest.mark.django_db


def norm(text: str) -> str:
    text = text.replace("\u00ad", "")
    text = re.sub(r"[•►\t]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"- ", "-", text)  # words hyphenated across PDF lines ("Høje-\nTaastrup")


@pytest.fixture(scope="module")
def seed_text():
    return norm(SEED.read_text(encoding="utf-8"))


def verbatim_lines():
    for project in seed_data.PROJECTS:
        for field in ("goal", "why", "each_municipality", "jointly", "next_steps", "anchoring"):
            for line in project[field].splitlines():
                yield f"VIP {project['number']} {field}", line.removeprefix("- ")
        for actor in project["actors"]:
            yield f"VIP {project['number']} actor", actor
        for target in project["targets"]:
            yield f"VIP {project['number']} target", target["text"]
        yield f"VIP {project['number']} title", project["title"]
    for number, text in seed_data.PARTICIPANTS_TEXT.items():
        for line in text.splitlines():
            yield f"VIP {number} participants", line
    for number, report in seed_data.AUTUMN_2022_REPORTS.items():
        for line in report["status"] + report["perspectives"]:
            yield f"VIP {number} report", line.removeprefix("- ")
    for period in seed_data.LEAD_PERIODS:
        yield "lead", period["source"]
    for line in seed_data.HALF_YEARLY_INTRO:
        yield "intro", line
    for commitment in seed_data.COMMITMENTS:
        yield "commitment", commitment["text"]


@pytest.mark.parametrize("where,line", list(verbatim_lines()))
def test_texts_occur_verbatim_in_the_seed(seed_text, where, line):
    assert norm(line) in seed_text, where


def test_it_loads_seven_projects_with_targets(vip):
    assert [p.number for p in Project.objects.all()] == [1, 2, 3, 4, 5, 6, 7]
    assert vip[3].title == "100% grønne drivmidler"
    vip5 = ProjectTarget.objects.get(project=vip[5])
    assert (str(vip5.baseline_value), str(vip5.target_value)) == ("1.050", "1.200")
    # VIP 6's own goal is 35 % CO2 reduction by 2050 (seed lines 1297-1299); 15 %, 1.000 GWh and
    # 700.000 ton are the potentials under «POTENTIALER I HOVEDSTADSREGIONEN» (lines 1285-1295).
    vip6 = ProjectTarget.objects.filter(project=vip[6])
    goals = {int(v) for v in vip6.filter(kind="goal").values_list("target_value", flat=True)}
    potentials = {int(v) for v in vip6.filter(kind="potential").values_list("target_value", flat=True)}
    assert (goals, potentials) == ({35}, {15, 1000, 700000})


@pytest.mark.parametrize(
    "number,count",
    [(1, 0), (2, 10), (3, 23), (4, 17), (5, 16), (6, 24), (7, 7)],
)
def test_participants_per_project_as_the_autumn_2022_status_lists_them(vip, number, count):
    assert Participation.objects.filter(project=vip[number], role="participant").count() == count


def test_duplicates_and_spellings_are_resolved(vip):
    frederiksberg = Organisation.objects.get(name="Frederiksberg")
    assert Participation.objects.filter(project=vip[3], organisation=frederiksberg).count() == 1
    lyngby = Organisation.objects.get(name="Lyngby-Taarbæk")
    assert Participation.objects.filter(organisation=lyngby).count() == 2  # VIP 3 and VIP 6 (Lyngby-Tårbæk)
    region = Organisation.objects.get(name="Region Hovedstaden")
    assert set(
        Participation.objects.filter(organisation=region).values_list("project__number", flat=True)
    ) == {
        3,
        5,
    }


def test_vip7_packaging_theme_group_is_kept_apart(vip):
    assert Participation.objects.filter(project=vip[7], role="theme_group").count() == 13


def test_vip1_participants_are_recorded_as_the_seed_words_them(vip):
    assert vip[1].participants_text == "Deltagere: Alle kommuner i geografien der udarbejder DK2020-planer."


def test_only_the_stated_lead_is_loaded(vip, autumn_2022, spring_2023):
    from datetime import date

    assert LeadPeriod.objects.count() == 2
    assert vip[2].leads_on(date(2022, 6, 1)) == []
    assert [o.name for o in vip[2].leads_on(date(2022, 11, 1))] == ["Albertslund"]
    for number in (1, 3, 4, 5, 6, 7):
        assert vip[number].leads_on(date(2023, 4, 1)) == []


def test_the_autumn_2022_round_is_approved_with_bullets(vip, autumn_2022):
    reports = StatusReport.objects.filter(period=autumn_2022)
    assert reports.count() == 7
    assert set(reports.values_list("state", flat=True)) == {"approved"}
    vip4 = reports.get(project=vip[4])
    assert vip4.status_text.startswith("Projektet har tre spor:")
    assert "Tekstil: Hvis EU-projektet" in vip4.perspectives


def test_commitments_are_the_three_the_seed_states(vip):
    assert set(Commitment.objects.values_list("project__number", flat=True)) == {1, 2, 4}


def test_a_second_load_changes_nothing(vip):
    from tests.test_load_kkr_data import snapshot

    first = snapshot()
    vip_seed.load()
    assert snapshot() == first

from datetime import date

import pytest

from core.models import ReportingPeriod

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "code"),
    [
        (date(2026, 1, 1), "2026-spring"),
        (date(2026, 6, 30), "2026-spring"),
        (date(2026, 7, 1), "2026-autumn"),
        (date(2026, 11, 27), "2026-autumn"),
        (date(2026, 12, 31), "2026-autumn"),
    ],
)
def test_the_current_round_is_derived_from_the_date(today, code):
    assert ReportingPeriod.current_round(today).code == code


def test_rounds_follow_the_seeds_rhythm_of_march_april_and_october_november():
    spring = ReportingPeriod.get_or_create_for(2023, "spring")
    autumn = ReportingPeriod.get_or_create_for(2023, "autumn")
    assert (spring.starts, spring.deadline) == (date(2023, 3, 1), date(2023, 4, 30))
    assert (autumn.starts, autumn.deadline) == (date(2023, 10, 1), date(2023, 11, 30))
    assert autumn.label == "Efterår 2023"


def test_the_previous_round_alternates_between_spring_and_autumn():
    autumn_2022 = ReportingPeriod.get_or_create_for(2022, "autumn")
    spring_2023 = ReportingPeriod.get_or_create_for(2023, "spring")
    autumn_2023 = ReportingPeriod.get_or_create_for(2023, "autumn")
    assert spring_2023.previous_round() == autumn_2022
    assert autumn_2023.previous_round() == spring_2023
    assert ReportingPeriod.get_or_create_for(2023).previous_round() is None


def test_codes_parse_to_existing_periods():
    period = ReportingPeriod.get_or_create_for(2022, "autumn")
    assert ReportingPeriod.from_code("2022-autumn") == period
    assert ReportingPeriod.from_code(" 2022-autumn ") == period


@pytest.mark.parametrize("code", ["", "2022-winter", "22-autumn", "2022autumn", "'; drop table", "9" * 500])
def test_bad_codes_give_a_clear_message(code):
    with pytest.raises(ValueError, match="Ukendt periode"):
        ReportingPeriod.from_code(code)


def test_a_well_formed_code_for_a_missing_period_says_it_does_not_exist():
    with pytest.raises(ValueError, match="findes ikke"):
        ReportingPeriod.from_code("1999-spring")

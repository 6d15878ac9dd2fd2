"""The contract's main pages in a real Chromium, checked with axe-core (WCAG 2.1 AA)."""

from datetime import date

import pytest

from contracts import seed
from contracts.models import Measurement, Target
from tests.conftest import axe_violations, click_and_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def loaded(organisations):
    contract = seed.load()
    Measurement.objects.create(
        target=Target.objects.get(code="3.1"),
        measured_on=date(2023, 6, 1),
        value=81,
        segment="drift",
        source="erhvervsstyrelsen",
    )
    return contract


def test_the_overview_and_a_goal_page_pass_axe_for_the_board(page_for, board_member, loaded):
    page = page_for(board_member)
    page.goto("/contracts/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Resultatkontrakt 2023")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Mål 3: Kvalitet, kompetencer og virksomhedernes tilfredshed").click()
    page.wait_for_url("**/contracts/2023/maal/3/")
    assert axe_violations(page) == []


def test_the_target_page_passes_axe_at_phone_width(page_for, board_member, loaded):
    page = page_for(board_member, viewport={"width": 375, "height": 800})
    page.goto(f"/contracts/delmaal/{Target.objects.get(code='5.3.1').pk}/")
    assert "Hvordan beregnes det?" in page.content()
    assert axe_violations(page) == []


def test_the_entry_form_passes_axe_and_takes_a_danish_decimal_comma(page_for, erhvervshus_member, loaded):
    target = Target.objects.get(code="1.1")
    page = page_for(erhvervshus_member)
    page.goto(f"/contracts/delmaal/{target.pk}/ny-maaling/")
    assert axe_violations(page) == []
    page.get_by_label("Dato eller periodens slutning").fill("2023-09-30")
    page.get_by_label("Værdi").fill("101,5")
    click_and_load(page.get_by_role("button", name="Gem måling"))
    assert "mellem 0 og 100" in page.content()
    assert axe_violations(page) == []
    page.get_by_label("Værdi").fill("41,5")
    page.get_by_role("button", name="Gem måling").click()
    page.wait_for_url(f"**/contracts/delmaal/{target.pk}/")
    assert Measurement.objects.get(target=target).value == 41.5

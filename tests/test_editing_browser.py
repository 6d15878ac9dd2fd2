"""The portal's editors in a real Chromium: axe (WCAG 2.1 AA) on each, no sideways scroll at 390 px, and a
bulk paste from the administration page to the saved measurements."""

import pytest

from contracts.models import Measurement, Target
from tests.conftest import axe_violations, click_and_load
from vip_climate.models import LeadPeriod

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 390])
def test_every_editor_page_passes_axe_and_fits_the_width(page_for, secretariat, kkr_data, width):
    target = Target.objects.get(code="1.1")
    counted = Target.objects.get(code="2.1.2")
    period = LeadPeriod.objects.filter(project__number=2).first()
    page = page_for(secretariat, viewport={"width": width, "height": 900})
    for path in (
        "/administration/",
        "/vip/administration/",
        "/vip/administration/2/tovholdere/",
        f"/vip/administration/2/tovholdere/{period.pk}/",
        "/vip/administration/2/deltagere/",
        "/contracts/administration/",
        f"/contracts/delmaal/{target.pk}/ret/",
        f"/contracts/delmaal/{counted.pk}/indsaet/",
        "/contracts/2023/maal/1/nyt-delmaal/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
        assert _no_sideways_scroll(page), path


def test_the_secretariat_pastes_a_column_from_the_navigation_to_the_saved_measurements(
    page_for, secretariat, kkr_data
):
    counted = Target.objects.get(code="2.1.2")
    page = page_for(secretariat)
    page.goto("/")
    page.get_by_role("link", name="Administration").click()
    page.get_by_role("link", name="Delmål og målinger").click()
    page.get_by_role("link", name="Indsæt for alle kommuner 2.1.2").click()
    page.get_by_label("Dato eller periodens slutning").fill("2023-12-31")
    page.get_by_label("Én linje pr. kommune: navn;værdi").fill("Albertslund\t12\nGentofe;4,5")
    click_and_load(page.get_by_role("button", name="Vis forhåndsvisning"))
    assert "Mente du: Gentofte?" in page.content()
    assert axe_violations(page) == []
    page.get_by_label("Én linje pr. kommune: navn;værdi").fill("Albertslund\t12\nGentofte;4,5")
    click_and_load(page.get_by_role("button", name="Vis forhåndsvisning"))
    assert "2 målinger er klar til at blive gemt" in page.content()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Gem alle målinger").click()
    page.wait_for_url(f"**/contracts/delmaal/{counted.pk}/")
    assert sorted(Measurement.objects.filter(target=counted).values_list("value", flat=True)) == [4.5, 12]

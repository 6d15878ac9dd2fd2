"""The education pages in a real Chromium: axe-core WCAG 2.1 AA, and an import with an error fixed."""

import pytest

from education import seed as education_seed
from education.seed_data import ALLOCATION_TABLE
from tests.conftest import axe_violations, click_and_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def loaded(organisations):
    education_seed.load()


@pytest.mark.parametrize(
    "url",
    [
        "/education/",
        "/education/fordeling/2023/social-og-sundhedsassistent/",
        "/education/beregner/",
        "/education/optag/2023/social-og-sundhedsassistent/",
        "/education/strategi/",
        "/education/import/fordeling/",
        "/education/optag/2023/social-og-sundhedshjaelper/rediger/",
        "/education/strategi/albertslund/",
    ],
)
def test_the_education_pages_have_no_wcag_violations(page_for, secretariat, loaded, url):
    page = page_for(secretariat)
    page.goto(url)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_the_calculator_result_has_no_wcag_violations(page_for, secretariat, loaded):
    page = page_for(secretariat)
    page.goto("/education/beregner/")
    page.locator("#id_year").fill("2024")
    page.get_by_label("Regionalt antal pladser").fill("1.000")
    click_and_load(page.get_by_role("button", name="Beregn"))
    assert page.locator("#calculation tbody tr").count() == 29
    assert axe_violations(page) == []


def test_the_allocation_table_works_at_phone_width(page_for, board_member, loaded):
    page = page_for(board_member, viewport={"width": 375, "height": 740})
    page.goto("/education/fordeling/2023/social-og-sundhedshjaelper/")
    assert page.locator("#allocation-table tbody tr").count() == 29
    assert axe_violations(page) == []


def test_a_secretary_imports_a_file_with_an_error_fixes_it_and_imports_it(
    page_for, secretariat, loaded, tmp_path
):
    rows = [(name, a23) for name, _h22, _h23, _a22, a23 in ALLOCATION_TABLE]
    broken = tmp_path / "fordeling.csv"
    broken.write_text(
        "\n".join(
            ["Kommune;Pladser"] + [f"{'Lyngbi-Taarbæk' if n == 'Lyngby-Taarbæk' else n};{v}" for n, v in rows]
        )
    )
    page = page_for(secretariat)
    page.goto("/education/import/fordeling/")
    page.locator("#id_year").fill("2024")
    page.get_by_label("Fil (CSV eller XLSX").set_input_files(str(broken))
    click_and_load(page.get_by_role("button", name="Gennemse filen"))
    errors = page.locator("#import-errors")
    assert "Intet er gemt" in errors.inner_text()
    assert "Lyngbi-Taarbæk" in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Importér alle rækker").count() == 0
    assert axe_violations(page) == []

    fixed = tmp_path / "fordeling-rettet.csv"
    fixed.write_text("\n".join(["Kommune;Pladser"] + [f"{n};{v}" for n, v in rows] + ["I alt;1.776"]))
    page.get_by_label("Fil (CSV eller XLSX").set_input_files(str(fixed))
    click_and_load(page.get_by_role("button", name="Gennemse filen"))
    page.get_by_role("button", name="Importér alle rækker").click()
    page.wait_for_url("**/fordeling/2024/**")
    assert "Kladde" in page.locator("main").inner_text()
    assert "1.776" in page.locator("#allocation-table tfoot").inner_text()

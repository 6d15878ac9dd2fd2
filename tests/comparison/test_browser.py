"""The comparison in a real Chromium: a board member sorts, exports and opens a municipality; axe and phone."""

from pathlib import Path

import pytest
from django.conf import settings

from core.models import Organisation
from education.models import Programme, RealisedIntake
from education.seed_data import ALLOCATION_TABLE
from tests.conftest import axe_violations, click_and_load
from tests.test_axe_crawl import PHONE, nav_wraps, widest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ASSISTANT_2023 = {row[0]: row[4] for row in ALLOCATION_TABLE}


@pytest.fixture
def realised(kkr_data):
    """Two municipalities reported their 2023 intake of assistants: Gribskov 7 short, Ballerup 2 short."""
    programme = Programme.objects.get(slug="social-og-sundhedsassistent")
    for name, short in (("Ballerup", 2), ("Gribskov", 7)):
        RealisedIntake.objects.create(
            year=2023,
            programme=programme,
            municipality=Organisation.objects.get(name=name),
            places=ASSISTANT_2023[name] - short,
        )


def _first_names(page, count):
    return [page.locator("tbody tr th").nth(i).inner_text() for i in range(count)]


def test_a_board_member_sorts_by_shortfall_exports_and_opens_a_municipality(page_for, board_member, realised):
    page = page_for(board_member)
    page.goto("/")
    page.get_by_role("link", name="Kommuner", exact=True).click()
    page.get_by_role("link", name="Kommunerne side om side").click()
    page.wait_for_url("**/sammenligning/")
    assert page.locator("tbody tr").count() == 29
    page.locator("#period-year").select_option("2023")
    page.get_by_role("button", name="Vis", exact=True).click()
    page.wait_for_url("**aar=2023**")

    header = page.locator("th", has=page.get_by_role("link", name="Manko (fordelt − realiseret)")).last
    header.get_by_role("link").click()
    page.wait_for_url("**sort=sosu-social-og-sundhedsassistent-shortfall**")
    assert page.locator("th[aria-sort='descending']").count() == 1
    assert _first_names(page, 2) == ["Gribskov", "Ballerup"]
    shortfall = (
        page.locator("tbody tr").first.locator("td").nth(8)
    )  # 3 area columns, 3 helper, then assistant
    assert shortfall.inner_text() == "7"

    with page.expect_download() as download:
        page.get_by_role("link", name="Hent som CSV").click()
    path = download.value.path()
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    assert download.value.suggested_filename.endswith(".csv")
    assert [line.split(";")[0] for line in lines[1:3]] == ["Gribskov", "Ballerup"]

    page.locator("tbody tr").first.get_by_role("link", name="Gribskov").click()
    page.wait_for_url("**/organisationer/gribskov/")
    assert page.locator("h1").inner_text() == "Gribskov"
    # ... and back from the profile to its row
    page.get_by_role("link", name="Gribskov side om side med de andre kommuner").click()
    page.wait_for_url("**/sammenligning/#gribskov")
    assert page.locator("tr#gribskov").is_visible()


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(
    "url",
    [
        "/sammenligning/?aar=2023",
        "/sammenligning/?aar=2023&pr_indbygger=1&vis=under",
        "/sammenligning/indbyggertal/",
    ],
)
def test_the_pages_are_accessible_and_fit_a_phone(
    page_for, live_server, secretariat, realised, url, language
):
    page = page_for(secretariat)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    page.goto(url)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], widest(page)


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("role", ["secretariat", "board_member"])
def test_the_navigation_with_the_comparison_link_fits_1280_px(page_for, live_server, request, role, language):
    page = page_for(request.getfixturevalue(role))
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    assert nav_wraps(page) == {"wrapped": [], "collapsed": False, "overflows": False}
    rightmost = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('header nav a, header nav button')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert rightmost <= 1280 or role == "secretariat"  # (the secretariat's bar is main's, see the report)
    comparison = page.locator("#main-nav a[href='/sammenligning/']")
    assert not comparison.is_visible()  # no room at 1280 px: the municipality list links it there
    page.get_by_role("link", name=("Kommuner" if language == "da" else "Municipalities"), exact=True).click()
    page.get_by_role(
        "link", name=("Kommunerne side om side" if language == "da" else "The municipalities side by side")
    ).click()
    page.wait_for_url("**/sammenligning/")
    page.set_viewport_size({"width": 1400, "height": 900})
    assert comparison.is_visible()


def test_the_population_preview_is_accessible(page_for, secretariat, kkr_data, tmp_path):
    upload = tmp_path / "indbyggere.csv"
    upload.write_text("Kommune;Indbyggere\nBrøndby;35.000\nAtlantis;12\n", encoding="utf-8")
    page = page_for(secretariat)
    page.goto("/sammenligning/indbyggertal/")
    page.get_by_label("År").fill("2023")
    page.get_by_label("Kilde").fill("Danmarks Statistik")
    page.locator("input[type=file]").set_input_files(str(upload))
    click_and_load(page.get_by_role("button", name="Gennemse filen"))
    assert page.locator("#import-errors").is_visible()
    assert axe_violations(page) == []

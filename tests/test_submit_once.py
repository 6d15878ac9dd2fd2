"""In a real Chromium: a commit button disables on submit, and a double click commits a preview once."""

import pytest

from vip_climate.models import MunicipalityCommitment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "forpligtelse;kommune;status;dato\n"
    "bioaffald-2022;Albertslund;Opfyldt;2022-05-01\n"
    "klima-og-energiplan-2022;Lyngby-Taarbæk;I gang;\n"
).encode()


def _preview(page):
    page.goto("/vip/forpligtelser/indlaes/")
    page.set_input_files(
        'input[type="file"]', files=[{"name": "f.csv", "mimeType": "text/csv", "buffer": CSV}]
    )
    page.get_by_role("button", name="Vis forhåndsvisning").click()
    return page.get_by_role("button", name="Gem alle rækker")


def test_the_commit_button_disables_after_the_first_submit(page_for, secretariat):
    page = page_for(secretariat)
    button = _preview(page)
    # Count the submits that would leave the page, and keep the page where it is.
    page.evaluate(
        """() => {
          window.sent = 0;
          document.querySelector("form[data-submit-once]").addEventListener("submit", (event) => {
            window.sent += 1;
            event.preventDefault();
          });
        }"""
    )
    button.click()
    page.wait_for_function("() => document.querySelector('form[data-submit-once] button').disabled")
    button.click(force=True)
    assert page.evaluate("() => window.sent") == 1


def test_a_double_click_commits_the_preview_once(page_for, secretariat):
    page = page_for(secretariat)
    before = MunicipalityCommitment.history.count()
    _preview(page).dblclick()
    page.wait_for_url("**/vip/forpligtelser/")
    assert "2 rækker er indlæst" in page.content()
    assert "allerede indlæst" not in page.content()
    assert MunicipalityCommitment.history.count() - before == 2

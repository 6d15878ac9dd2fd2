"""The status form with the keyboard only: every field is reached by Tab, focus is visible, Enter submits."""

import pytest

from vip_climate.models import StatusReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  return {tag: e.tagName, id: e.id, name: e.name || '', text: (e.innerText || e.value || '').trim(),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'}; }"""


def test_a_lead_fills_and_submits_the_status_form_with_the_keyboard_only(page_for, vip, albertslund_member):
    page = page_for(albertslund_member)
    page.goto("/vip/projekter/2/")
    page.get_by_label("Start statusrapport for runden").select_option("2023-spring")
    page.get_by_role("button", name="Start rapport").click()
    page.wait_for_url("**/rediger/")

    fields = page.eval_on_selector_all(
        "main form[method=post] :is(input, select, textarea):not([type=hidden])",
        "els => els.map(e => e.name)",
    )
    reached, submit_focused = [], False
    page.locator("body").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert focus["outline"], f"no visible focus on {focus}"
        if focus["name"] in fields and focus["name"] not in reached:
            reached.append(focus["name"])
            if focus["name"] == "overall_status":
                page.keyboard.press("ArrowDown")  # a select changes with the arrow keys
            elif focus["tag"] == "TEXTAREA" and focus["name"] == "changes":
                page.keyboard.type("Skrevet med tastaturet.")
        if focus["tag"] in ("BUTTON", "INPUT") and focus["text"] == "Gem og indsend":
            submit_focused = True
            break
    assert submit_focused
    assert [name for name in fields if name not in reached] == []
    page.keyboard.press("Enter")
    page.wait_for_url("**/rapporter/*/")
    report = StatusReport.objects.get(project=vip[2], period__year=2023, period__half="spring")
    assert report.state == "submitted"
    assert report.changes.endswith("Skrevet med tastaturet.")
    assert report.overall_status

"""The Content Security Policy blocks nothing the portal itself does: each role's pages, crawled in a real
browser under the real policy, raise no violation (no inline script, style attribute or <style> left)."""

from urllib.parse import urldefrag, urlparse

import pytest
from django.urls import Resolver404, resolve

from tests.test_axe_crawl import SKIP_PARTS, SKIP_PREFIXES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The API's machine answers (JSON, the schema) are not pages; its documentation page is, and is crawled.
NOT_PAGES = ("/api/v1/",)
PAGES_ANYWAY = ("/api/v1/docs/",)
MAX_PAGES = 60

# Every violation the browser reports, gathered in the page (the listener is added before any page script
# runs, by Playwright, so the policy does not apply to it).
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def view_name(path: str) -> str:
    try:
        return resolve(urlparse(path).path).view_name
    except Resolver404:
        return path


def csp_violations_while_crawling(page, start="/") -> dict[str, list[str]]:
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.context.add_init_script(LISTEN)
    seen, queue, per_view, found = set(), [start], set(), {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        name = view_name(path)
        if path in seen or name in per_view:
            continue
        seen.add(path)
        per_view.add(name)
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.__csp") + console[:]
        console.clear()
        if violations:
            found[path] = violations
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            url = urldefrag(href)[0]
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc or not url.startswith("/"):
                continue
            if url.startswith(SKIP_PREFIXES) or any(part in url for part in SKIP_PARTS):
                continue
            if url.startswith(NOT_PAGES) and not url.startswith(PAGES_ANYWAY):
                continue
            if url not in seen:
                queue.append(url)
    assert len(seen) >= 3
    return found


@pytest.mark.parametrize("role", ["secretariat", "board_member", "albertslund_member"])
def test_the_policy_blocks_nothing_on_each_roles_pages(page_for, request, role, kkr_data):
    page = page_for(request.getfixturevalue(role))
    assert csp_violations_while_crawling(page) == {}


def test_the_policy_blocks_nothing_on_the_public_pages(page_for, kkr_data):
    page = page_for(None)
    assert csp_violations_while_crawling(page, start="/login/") == {}


def test_the_phone_menu_and_htmx_work_under_the_policy(page_for, albertslund_member, kkr_data):
    page = page_for(albertslund_member, viewport={"width": 390, "height": 844})
    page.context.add_init_script(LISTEN)
    page.goto("/")
    page.get_by_role("button", name="Vis menu").click()
    page.get_by_role("link", name="Kommuner").wait_for(state="visible")
    assert page.evaluate("typeof htmx") == "object"
    assert page.evaluate("window.__csp") == []


def test_a_violation_would_be_caught(page_for, albertslund_member, kkr_data):
    """The listener works: an inline style added to the page is reported (the proof has teeth)."""
    page = page_for(albertslund_member)
    page.context.add_init_script(LISTEN)
    page.goto("/konto/")
    page.evaluate(
        "() => { const s = document.createElement('style'); s.textContent = 'body{}'; document.head.append(s); }"
    )
    page.wait_for_function("window.__csp.length > 0")
    assert "style-src" in page.evaluate("window.__csp")[0]

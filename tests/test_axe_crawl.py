"""axe-core on every page a role can reach: crawl same-origin links from the home page as that role.

A crawl rather than a list, so that a page an area adds is checked without touching this file.
"""

from urllib.parse import urldefrag, urlparse

import pytest
from django.urls import Resolver404, resolve

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Not pages: downloads, exports, the admin (Django's own), language/logout forms.
SKIP_PREFIXES = ("/admin/", "/logout/", "/i18n/", "/static/", "/media/")
SKIP_PARTS = (
    "export",
    "eksport",
    "download",
    "hent",
    ".csv",
    ".xlsx",
    ".pdf",
    "/fil/",
    "/csv/",
    "/xlsx/",
    "/schema/",
    ".jsonld",
)
MAX_PAGES = 150
PER_VIEW = 1  # pages of one view share a template: one instance per view and role keeps the crawl fast


def view_name(path: str) -> str:
    try:
        return resolve(urlparse(path).path).view_name
    except Resolver404:
        return path


def crawl(page, start="/"):
    seen, queue, results, per_view = set(), [start], {}, {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        name = view_name(path)
        if path in seen or per_view.get(name, 0) >= PER_VIEW:
            continue
        seen.add(path)
        per_view[name] = per_view.get(name, 0) + 1
        response = page.goto(path)
        if (
            response is None
            or response.status != 200
            or "text/html" not in response.headers.get("content-type", "")
        ):
            results[path] = [{"id": f"http-{response.status if response else 'none'}"}]
            continue
        results[path] = axe_violations(page)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            url = urldefrag(href)[0]
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc or not url.startswith("/"):
                continue
            if url.startswith(SKIP_PREFIXES) or any(part in url for part in SKIP_PARTS):
                continue
            if url not in seen:
                queue.append(url)
    return results


@pytest.mark.parametrize("role", ["secretariat", "board_member", "albertslund_member"])
def test_every_reachable_page_has_no_wcag_violations(page_for, request, role, kkr_data):
    page = page_for(request.getfixturevalue(role))
    results = crawl(page)
    assert len(results) >= 4
    failing = {path: violations for path, violations in results.items() if violations}
    assert failing == {}

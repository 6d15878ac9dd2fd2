"""Pages in both languages: figures take the language's thousands separator, years and ids never do.

USE_THOUSAND_SEPARATOR is on, so every integer a template prints is grouped unless it says `unlocalize`.
A grouped year ("2.023") reads wrong; a grouped year or id in a link or a form value breaks it.
"""

import re
from urllib.parse import urldefrag, urlparse

import pytest
from django.urls import Resolver404, resolve

pytestmark = pytest.mark.django_db

SKIP_PREFIXES = ("/admin/", "/logout/", "/i18n/", "/static/", "/media/")
SKIP_PARTS = ("eksport", "export", "download", "hent", ".csv", ".xlsx", ".pdf")
# A number with a thousands separator inside a link, a form's action or an input's value.
GROUPED_IN_ATTRIBUTE = re.compile(r'(?:href|action|value)="[^"]*?\b\d{1,3}(?:[.,]\d{3})+\b[^"]*"')


def _view(path: str) -> str:
    try:
        return resolve(urlparse(path).path).view_name
    except Resolver404:
        return path


def _crawl(client, per_view: int = 1, limit: int = 80) -> dict[str, str]:
    """Every page reachable from the home page, one instance per view: {path: html}."""
    pages, queue, seen_views = {}, ["/"], {}
    while queue and len(pages) < limit:
        path = queue.pop(0)
        view = _view(path)
        if path in pages or seen_views.get(view, 0) >= per_view:
            continue
        seen_views[view] = seen_views.get(view, 0) + 1
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = html = response.content.decode()
        for href in re.findall(r'href="(/[^"]*)"', html):
            url = urldefrag(href.replace("&amp;", "&"))[0]
            if not url.startswith(SKIP_PREFIXES) and not any(part in url for part in SKIP_PARTS):
                queue.append(url)
    return pages


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_pages_group_figures_but_not_years_or_ids(client, secretariat, kkr_data):
    client.force_login(secretariat)
    for language, places in (
        ("da", '1.776 <span class="visually-hidden">pladser fordelt'),
        ("en", '1,776 <span class="visually-hidden">places allocated'),
    ):
        client.cookies["django_language"] = language
        pages = _crawl(client)
        assert len(pages) > 20
        grouped = {path: GROUPED_IN_ATTRIBUTE.findall(html) for path, html in pages.items()}
        assert {path: found for path, found in grouped.items() if found} == {}, language

        assert places in _page(client, "/?aar=2023")  # the education panel's table
        assert "<td>2023</td>" in _page(client, "/education/")
        allocation = _page(client, "/education/fordeling/2023/social-og-sundhedsassistent/")
        assert "Social- og sundhedsassistent 2023</h1>" in allocation
        assert '<th scope="col" class="text-end">2022</th>' in allocation
        assert "?year=2023&amp;programme=" in _page(
            client, "/education/optag/2023/social-og-sundhedsassistent/"
        )
        assert "2020–2023" in _page(client, "/vip/projekter/1/")
        assert "(2023)</h1>" in _page(client, "/contracts/2023/import/")
        assert re.search(r'name="year" value="20\d\d"', _page(client, "/education/beregner/"))
        assert re.search(r'name="year" value="20\d\d"', _page(client, "/contracts/2023/"))

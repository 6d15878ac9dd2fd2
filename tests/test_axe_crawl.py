"""Every page a role can reach, in Danish and English: crawl same-origin links from the home page as that role.

On each page: axe-core (WCAG 2.1 AA), the width at 390 px (no sideways scroll on a phone), and the HTML as
the server sent it, validated afterwards by the W3C Nu checker in one Java process for the whole crawl. On
the home page: the main navigation does not wrap at 1280 px.

A crawl rather than a list, so that a page an area adds is checked without touching this file.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from django.conf import settings
from django.urls import Resolver404, resolve

from tests.conftest import ROOT, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Not pages: downloads, exports, the admin (Django's own), language/logout forms, the machine API under
# /api/v1/ (JSON, its schema, and the third-party Swagger UI); the API's own pages under /api/ are crawled.
SKIP_PREFIXES = ("/admin/", "/logout/", "/i18n/", "/static/", "/media/", "/api/v1/")
SKIP_PARTS = (
    *("export", "eksport", "download", "hent", ".csv", ".xlsx", ".pdf", ".json", ".jsonld"),
    *("/fil/", "/csv/", "/xlsx/"),
)
MAX_PAGES = 150
PER_VIEW = 1  # pages of one view share a template: one instance per view and role keeps the crawl fast

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# The W3C Nu checker: `npm ci` installs vnu-jar (package.json); it runs on Debian's Java.
JAVA = shutil.which("java")
VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_missing() -> str | None:
    if JAVA is None:
        return "no java: apt-get install default-jre-headless"
    if not VNU_JAR.exists():
        return f"no {VNU_JAR.relative_to(ROOT)}: run `npm ci`"
    return None


def view_name(path: str) -> str:
    try:
        return resolve(urlparse(path).path).view_name
    except Resolver404:
        return path


def crawl(page, start="/"):
    """Visit each reachable page once per view: {path: problems}, and {path: the HTML the server sent}."""
    seen, queue, results, sources, per_view = set(), [start], {}, {}, {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        name = view_name(path)
        if path in seen or per_view.get(name, 0) >= PER_VIEW:
            continue
        seen.add(path)
        per_view[name] = per_view.get(name, 0) + 1
        problems, html = inspect(page, path)
        results[path] = problems
        if html is None:
            continue
        sources[path] = html
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            url = urldefrag(href)[0]
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc or not url.startswith("/"):
                continue
            if url.startswith(SKIP_PREFIXES) or any(part in url for part in SKIP_PARTS):
                continue
            if url not in seen:
                queue.append(url)
    return results, sources


def inspect(page, path, status=200) -> tuple[list[dict], str | None]:
    """One page: its axe violations and its width at 390 px (problems), and the HTML the server sent."""
    page.set_viewport_size(DESKTOP)
    response = page.goto(path)
    if (
        response is None
        or response.status != status
        or "text/html" not in response.headers.get("content-type", "")
    ):
        return [{"id": f"http-{response.status if response else 'none'}"}], None
    html = response.text()
    problems = axe_violations(page)
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    if width > PHONE["width"]:
        problems.append({"id": "wider-than-phone", "scrollWidth": width, "widest": widest(page)})
    return problems, html


def widest(page) -> list[str]:
    """What widens a page: elements reaching past the phone's width (not inside a scroll box), and elements
    whose own content overflows them (a long word in a heading)."""
    return page.evaluate(
        """(limit) => {
            const scrolled = (e) => {
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                    if (getComputedStyle(a).overflowX !== 'visible') return true;
                }
                return false;
            };
            const name = (e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
                + ' ' + JSON.stringify(e.textContent.trim().slice(0, 40));
            return [...document.querySelectorAll('main *, header *, footer *')]
                .filter(e => !scrolled(e) && getComputedStyle(e).overflowX === 'visible'
                    && (e.getBoundingClientRect().right > limit + 1 || e.scrollWidth > e.clientWidth + 1))
                .slice(0, 5)
                .map(name);
        }""",
        PHONE["width"],
    )


def nav_wraps(page) -> dict:
    """At 1280 px: nav items whose text runs over more than one line, and whether the bar overflows."""
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    return page.evaluate(
        """() => {
            const items = [...document.querySelectorAll('.navbar-brand, #main-nav .nav-link, #main-nav .navbar-text')];
            const lineHeight = (e) => parseFloat(getComputedStyle(e).lineHeight);
            const wrapped = items
                .filter(e => {
                    const style = getComputedStyle(e);
                    const content = e.getBoundingClientRect().height
                        - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
                    return content > 1.5 * lineHeight(e);
                })
                .map(e => e.textContent.trim());
            const bar = document.querySelector('#main-nav');
            return {
                wrapped,
                collapsed: getComputedStyle(bar).display === 'none',
                overflows: bar.scrollWidth > bar.clientWidth + 1,
            };
        }"""
    )


def validate_html(sources: dict[str, str], directory: Path) -> dict[str, list[str]]:
    """Every page through one Nu checker process: {path: its errors}, only pages with errors."""
    files = {}
    for number, (path, html) in enumerate(sources.items()):
        file = directory / f"page-{number:03}.html"
        file.write_text(html, encoding="utf-8")
        files[str(file.resolve())] = path
    run = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(run.stdout)["messages"]
    errors: dict[str, list[str]] = {}
    for message in messages:
        # "non-document-error": the checker could not read a page, which must not pass as valid.
        if message["type"] in ("error", "non-document-error") or message.get("subType") == "fatal":
            url = message.get("url", "?")  # "file:/tmp/.../page-000.html"
            path = files.get(urlparse(url).path, url)
            errors.setdefault(path, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors


def test_the_nu_checker_finds_an_error_in_invalid_html(tmp_path):
    """The checker is wired right: a text input with min is an error, a plain page is none."""
    require_vnu("nothing else to check")
    head = '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>t</title></head><body>'
    errors = validate_html(
        {
            "/bad/": head + '<input type="text" min="1" aria-label="x"></body></html>',
            "/good/": head + "</body></html>",
        },
        tmp_path,
    )
    assert list(errors) == ["/bad/"]
    assert "min" in errors["/bad/"][0]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("role", ["secretariat", "board_member", "albertslund_member"])
def test_every_reachable_page_is_accessible_valid_and_fits_a_phone(
    page_for, live_server, request, role, language, kkr_data, tmp_path
):
    page = page_for(request.getfixturevalue(role))
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    nav = nav_wraps(page)
    assert nav == {"wrapped": [], "collapsed": False, "overflows": False}
    results, sources = crawl(page)
    assert len(results) >= 4
    assert all(f'<html lang="{language}">' in html for html in sources.values())
    failing = {path: problems for path, problems in results.items() if problems}
    assert not failing, "\n".join(f"{path}: {problems}" for path, problems in failing.items())
    require_vnu("axe and widths checked")
    errors = validate_html(sources, tmp_path)
    assert not errors, "\n".join(f"{path}: {found}" for path, items in errors.items() for found in items)


def require_vnu(checked: str) -> None:
    if missing := vnu_missing():
        if os.environ.get("KKR_REQUIRE_BROWSER"):
            pytest.fail(f"KKR_REQUIRE_BROWSER is set but {missing}")
        pytest.skip(f"{checked}; the HTML is not validated: {missing}")


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_login_and_error_pages_are_accessible_valid_and_fit_a_phone(
    page_for, live_server, board_member, language, tmp_path
):
    """Pages the crawl never reaches: the login page (anonymous) and the 404, 403 and 500 pages."""
    cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}
    anonymous, member = page_for(None), page_for(board_member)
    for page in (anonymous, member):
        page.context.add_cookies([cookie])
    visits = [(anonymous, "/login/", 200), (member, "/findes-ikke/", 404), (member, "/test-refused/", 403)]
    visits.append((member, "/test-broken/", 500))
    results, sources = {}, {}
    for page, path, status in visits:
        results[path], sources[path] = inspect(page, path, status)
    failing = {path: problems for path, problems in results.items() if problems}
    assert not failing, "\n".join(f"{path}: {problems}" for path, problems in failing.items())
    assert all(f'<html lang="{language}">' in html for html in sources.values())
    require_vnu("axe and widths checked")
    errors = validate_html(sources, tmp_path)
    assert not errors, "\n".join(f"{path}: {found}" for path, items in errors.items() for found in items)

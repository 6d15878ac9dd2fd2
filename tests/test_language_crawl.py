"""No Danish UI on English pages and no English UI on Danish pages: crawl each role's pages in both languages.

Texts from the source documents (and anything else stored in the database: names, titles, quoted status
texts) stay as they are in either language; the crawl removes every stored text from a page's text before
it looks for words of the wrong language. Markup marked with a `lang` other than the page's (the language
picker, a quoted source passage) is the other language on purpose and is left out too, as is a term the UI
quotes in «» or “” (a heading of the source, a column a file must have).

A crawl with Django's test client (no browser), so that it runs everywhere `make test` runs.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest
from django.conf import settings
from django.db import models
from django.test import Client

from tests.conftest import our_models
from tests.test_axe_crawl import SKIP_PARTS, SKIP_PREFIXES, view_name

pytestmark = pytest.mark.django_db

MAX_PAGES = 150
PER_VIEW = 2

# Words that mark a Danish UI string left untranslated: Danish letters, and common Danish words that are
# not English words. Month names catch a date printed the Danish way.
# Danish words (by their letters), and figures and dates written the Danish way ("1.776", "2,5",
# "26. november 2026", "02.12.2026 00:43") where English writes "1,776", "2.5", "November 26, 2026".
DANISH_PATTERNS = [
    re.compile(r"[^\W\d_]*[æøåÆØÅ][^\W\d_]*"),
    # (an amount in mio./mia. kr. may carry three decimals in English: "74.062 mia. kr.")
    re.compile(r"\b\d{1,3}(?:\.\d{3})+(?:,\d+)?\b(?!(?:–[\d.,]+)?\s*mi[ao]\. kr)"),
    re.compile(r"\b\d+,\d{1,2}\b"),
    re.compile(r"\b\d{1,2}\. [^\W\d_]+ \d{4}\b"),
    re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b"),
]
DANISH_WORDS = {
    "af", "alle", "beregnes", "blev", "den", "der", "det", "efter", "eller", "endnu", "er", "et", "fra",
    "har", "hvad", "hvis", "hvordan", "ikke", "ingen", "januar", "februar", "marts", "maj", "juni", "juli",
    "oktober", "kan", "kun", "med", "mod", "og", "om", "opdateret", "oprettet", "ret", "samt", "skal", "som",
    "til", "uden", "ved", "vis", "version",
}  # fmt: skip
# English UI words that Django or django-simple-history print unless translated.
ENGLISH_WORDS = {
    "and", "by", "cancel", "changed", "created", "deleted", "false", "from", "none", "of", "previous",
    "next", "reviewed", "save", "submit", "the", "true", "updated", "with", "yes", "no",
}  # fmt: skip
QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

# Danish words that are also English words in the sense the portal uses them ("version" in both).
DANISH_WORDS -= {"version"}

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LABEL_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


class PageText(HTMLParser):
    """The text a reader meets on a page: text nodes and labels, without scripts and other-language parts."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.chunks: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang")
        skip = (
            self.skipping
            or tag in ("script", "style", "template", "code", "kbd", "samp")  # code: identifiers, not UI text
            or (tag != "html" and lang is not None and lang.split("-")[0] != self.language)
        )
        if not skip:
            for name in LABEL_ATTRIBUTES:
                if attributes.get(name):
                    self.chunks.append(attributes[name])
            if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
                self.chunks.append(attributes["value"])
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.chunks.append(data)


def normalised(text: str) -> str:
    return " ".join(text.split())


def stored_texts() -> list[str]:
    """Every text stored in our tables (source texts, names, titles), and each line of it: longest first."""
    texts: set[str] = set()
    for model in our_models():
        if model._meta.app_label == "core" and model.__name__ == "User":
            continue
        kinds = models.CharField | models.TextField | models.JSONField
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, kinds)]
        if not fields or model.__name__.startswith("Historical"):
            continue
        for row in model._base_manager.values_list(*fields):
            for value in strings_in(row):
                texts.add(normalised(value))
                for line in value.splitlines():
                    line = normalised(line.lstrip("-•* "))
                    if line:
                        texts.add(line)
    # A stored text without letters (a number kept as text, such as a loader's record id) would cut a figure
    # on the page in two ("1,776" less "76" reads "1,7"): only texts with words are taken out.
    return sorted((t for t in texts if len(t) > 1 and WORD.search(t)), key=len, reverse=True)


def strings_in(value):
    """The strings in a row of values, JSON lists and objects included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def wrong_words(chunk: str, words: set[str], patterns: list[re.Pattern]) -> list[str]:
    chunk = QUOTED.sub(" ", chunk)
    found = [w for w in WORD.findall(chunk) if w.lower() in words]
    for pattern in patterns:
        found += pattern.findall(chunk)
    return found


def foreign_ui(chunk: str, language: str, stored: list[str]) -> list[str]:
    words, patterns = (DANISH_WORDS, DANISH_PATTERNS) if language == "en" else (ENGLISH_WORDS, [])
    if not wrong_words(chunk, words, patterns):
        return []
    # Only now (rarely) the costly part: take the stored texts out and look again.
    for text in stored:
        if text in chunk:
            chunk = chunk.replace(text, " ")
    return wrong_words(chunk, words, patterns)


def crawl(client: Client, language: str, stored: list[str]) -> tuple[int, dict[str, list[str]]]:
    seen, queue, per_view, findings = set(), ["/"], {}, {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        name = view_name(path)
        if path in seen or per_view.get(name, 0) >= PER_VIEW:
            continue
        seen.add(path)
        per_view[name] = per_view.get(name, 0) + 1
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        parser = PageText(language)
        parser.feed(html)
        for chunk in map(normalised, parser.chunks):
            if found := foreign_ui(chunk, language, stored):
                findings.setdefault(path, []).append(f"{chunk[:120]!r}: {sorted(set(found))}")
        for href in re.findall(r'<a [^>]*href="([^"]+)"', html):
            url = urldefrag(href.replace("&amp;", "&"))[0]
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc or not url.startswith("/"):
                continue
            if url.startswith(SKIP_PREFIXES) or any(part in url for part in SKIP_PARTS):
                continue
            if url not in seen:
                queue.append(url)
    return len(seen), findings


def test_the_page_text_leaves_out_scripts_and_marked_other_language_parts():
    parser = PageText("en")
    parser.feed(
        '<html lang="en"><body><p>Report <b>due</b></p><script>var og = 1;</script>'
        '<option lang="da">Dansk</option><blockquote lang="da">Status og mål</blockquote>'
        '<code>reviewed_at</code><button aria-label="Vis menu"></button><input type="submit" value="Gem"></body></html>'
    )
    assert [normalised(c) for c in parser.chunks] == ["Report", "due", "Vis menu", "Gem"]


def test_the_check_finds_ui_words_of_the_other_language_but_not_stored_texts():
    stored = ["Madspild og bioaffald", "Gentofte"]
    assert foreign_ui("How is it calculated?", "en", stored) == []
    assert foreign_ui("Hvordan beregnes det?", "en", stored)
    assert foreign_ui("VIP 2: Madspild og bioaffald", "en", stored) == []
    assert foreign_ui("Created 26. oktober 2026", "en", stored)
    assert foreign_ui("Changed 02.12.2026 00:43", "en", stored) == ["02.12.2026"]
    assert foreign_ui("1.776 places, 2,5 %", "en", stored) == ["1.776", "2,5"]
    assert foreign_ui("1,776 places, 2.5 %, November 26, 2026", "en", stored) == []
    assert foreign_ui("34.582–35.332 mia. kr.", "en", stored) == []
    assert foreign_ui("Created", "da", stored) == ["Created"]
    assert foreign_ui("Columns «Kommune» and «Nøgle»", "en", stored) == []
    assert foreign_ui("Oprettet af Gentofte", "da", stored) == []


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("role", ["secretariat", "board_member", "albertslund_member", "erhvervshus_member"])
def test_pages_show_no_ui_text_of_the_other_language(request, role, language, kkr_data):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    pages, findings = crawl(client, language, stored_texts())
    assert pages >= 10
    assert not findings, "\n".join(f"{path}: {found}" for path, items in findings.items() for found in items)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_language_picker_names_each_language_in_its_own_words(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = " ".join(client.get("/login/").content.decode().split())
    assert 'lang="da">Dansk</option>' in html
    assert 'lang="en">English</option>' in html

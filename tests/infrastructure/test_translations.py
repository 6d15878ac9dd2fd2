"""Every string the area marks for translation has an English translation in the English catalogue."""

import re
from pathlib import Path

from tests.po_file import messages

ROOT = Path(__file__).resolve().parents[2]


def marked_strings():
    found = set()
    for path in (ROOT / "templates/infrastructure").rglob("*.html"):
        text = path.read_text()
        found |= set(re.findall(r'{% translate "([^"]+)" %}', text))
        found |= set(re.findall(r'_\("([^"]+)"\)', text))
        for block in re.findall(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate", text, re.S):
            for part in block.split("{% plural %}"):
                found.add(re.sub(r"{{ (\w+) }}", r"%(\1)s", part))
    for path in (ROOT / "infrastructure").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for match in re.finditer(r'\b_\(\s*((?:"[^"]*"\s*)+)\)', path.read_text()):
            found.add("".join(re.findall(r'"([^"]*)"', match.group(1))))
    return found


def test_every_marked_string_has_an_english_translation():
    translations = {}
    for entry in messages(ROOT / "locale/en/LC_MESSAGES/django.po"):
        # A plural's two Danish forms each have their English form.
        for danish, english in zip((entry.msgid, entry.msgid_plural), entry.msgstrs, strict=False):
            if danish:
                translations[danish] = english
    missing = sorted(marked_strings() - set(translations))
    assert missing == []
    assert all(translations.values())

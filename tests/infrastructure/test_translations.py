"""Every string the area marks for translation has an English translation in the English catalogue."""

import re
from pathlib import Path

import polib

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
    for entry in polib.pofile(str(ROOT / "locale/en/LC_MESSAGES/django.po")):
        # A plural's two Danish forms each have their English form.
        if entry.msgid_plural:
            translations[entry.msgid] = entry.msgstr_plural.get(0, "")
            translations[entry.msgid_plural] = entry.msgstr_plural.get(1, "")
        else:
            translations[entry.msgid] = entry.msgstr
    missing = sorted(marked_strings() - set(translations))
    assert missing == []
    assert all(translations.values())

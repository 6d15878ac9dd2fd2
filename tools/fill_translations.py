"""Fill empty English msgstrs in locale/en from a JSON file of {"Danish msgid": "English"} (dev helper).

Usage: .venv/bin/pip install polib && .venv/bin/python tools/fill_translations.py FILE.json
Then: .venv/bin/python manage.py compilemessages --ignore=.venv
"""

import json
import sys

import polib

PO = "locale/en/LC_MESSAGES/django.po"


def main(path: str) -> None:
    with open(path, encoding="utf-8") as file:
        table = json.load(file)
    po = polib.pofile(PO)
    filled = 0
    for entry in po:
        if "fuzzy" in entry.flags:
            # msgmerge's guess from a similar old string: never trust it, take the table's or none.
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.msgstr = ""
            entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
        if entry.msgid_plural:
            plural = table.get(entry.msgid_plural)
            single = table.get(entry.msgid)
            if single and plural and not entry.msgstr_plural.get(0):
                entry.msgstr_plural = {0: single, 1: plural}
                filled += 1
        elif not entry.msgstr and entry.msgid in table:
            entry.msgstr = table[entry.msgid]
            filled += 1
    po.save(PO)
    missing = [e.msgid for e in po if not e.translated() and e.msgid]
    print(f"filled {filled}; untranslated {len(missing)}")
    for msgid in missing:
        print("  ", msgid)


if __name__ == "__main__":
    main(sys.argv[1])

"""A small reader for gettext .po files: enough for the catalogue tests, so they need no extra package.

It understands what `makemessages` writes: comments and flags (`#, fuzzy`), `msgctxt`, `msgid`,
`msgid_plural`, `msgstr` and `msgstr[n]`, strings continued over several quoted lines, and obsolete
entries (`#~`), which it skips.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str]:
        """What identifies a message: its context and its Danish text."""
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.msgstrs) and all(self.msgstrs)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def _unquote(text: str) -> str:
    # A .po string is a C string literal; Python's literal syntax reads it the same for what we write.
    return ast.literal_eval(text.strip())


def read(path: Path) -> list[Entry]:
    """The entries of the catalogue, the header (msgid "") included as the first one."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: str | None = None  # which field a continuation line ("...") extends

    def finish() -> None:
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            target = None
            continue
        if line.startswith("#~"):
            continue  # obsolete: not part of the catalogue
        if line.startswith("#,"):
            current = current or Entry()
            current.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = _unquote(line)
            if target == "msgstr":
                current.msgstrs[-1] += value
            else:
                setattr(current, target, getattr(current, target) + value)
            continue
        if keyword in ("msgctxt", "msgid") and current is not None and current.msgstrs:
            finish()  # a new entry without a blank line before it
        current = current or Entry()
        if keyword == "msgctxt":
            current.msgctxt, target = _unquote(rest), "msgctxt"
        elif keyword == "msgid":
            current.msgid, target = _unquote(rest), "msgid"
        elif keyword == "msgid_plural":
            current.msgid_plural, target = _unquote(rest), "msgid_plural"
        elif keyword.startswith("msgstr"):
            current.msgstrs.append(_unquote(rest))
            target = "msgstr"
        else:
            raise ValueError(f"{path}: cannot read the line {raw!r}")
    finish()
    return entries


def messages(path: Path) -> list[Entry]:
    """The translatable entries, without the header."""
    return [entry for entry in read(path) if entry.msgid]

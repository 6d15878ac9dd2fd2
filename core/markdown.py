"""The status texts' Markdown: a small, safe subset rendered the same on pages and in the PDFs.

markdown-it-py in its "zero" preset with only lists, paragraphs, line breaks, emphasis, code spans,
backslash escapes and links enabled. Raw HTML is never passed through (it is escaped), and a link keeps
its `href` only for http(s) and mailto: a `javascript:` or `data:` link stays plain text.

One rule of the portal's own, kept from the hint the form always gave ("one point per line"): a line
is its own paragraph, even without a blank line before it, and a plain line after a list ends the list
(CommonMark would glue it to the last item). So the loaded reports, written one point per line, read as
they did, and "- a\\n- b" is a two-item list.
"""

import re

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

SAFE_SCHEMES = ("http://", "https://", "mailto:")
ENABLED_RULES = ["list", "paragraph", "newline", "emphasis", "backticks", "escape", "link"]
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


def _parser() -> MarkdownIt:
    parser = MarkdownIt("zero", {"breaks": True, "html": False}).enable(ENABLED_RULES)
    parser.validateLink = _safe_link  # type: ignore[method-assign]
    return parser


_PARSER = _parser()


def lines_as_paragraphs(text: str) -> str:
    """Insert a blank line before each plain line that follows another line (see the module's note)."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result: list[str] = []
    previous = ""
    for line in lines:
        starts_block = not LIST_ITEM.match(line) and not line[:1].isspace()
        if line.strip() and previous.strip() and starts_block:
            result.append("")
        result.append(line)
        previous = line
    return "\n".join(result)


def render(text: str) -> SafeString:
    """HTML for a status text; empty text gives an empty string."""
    if not (text or "").strip():
        return mark_safe("")
    # Safe: markdown-it escapes every character of the input it does not turn into markup (html=False).
    return mark_safe(_PARSER.render(lines_as_paragraphs(text)))  # noqa: S308

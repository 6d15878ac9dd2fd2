"""Template filters for the portal's figures; dates use Django's own `date` filter."""

from django import template
from django.utils.translation import gettext_lazy as _lazy

from core import formatting

register = template.Library()


@register.filter
def number(value, decimals=0) -> str:
    """`{{ places|number }}`, `{{ share|number:2 }}`: the active language's format, '–' when missing."""
    return formatting.number(value, int(decimals))


@register.filter
def percent(value, decimals=0) -> str:
    return formatting.percent(value, int(decimals))


@register.filter
def dkk_millions(value) -> str:
    return formatting.dkk_millions(value)


@register.filter(is_safe=True)
def markdown(value) -> str:
    """`{{ report.status_text|markdown }}`: the status texts' safe Markdown subset (core/markdown.py)."""
    from core.markdown import render

    return render(value)


# django-simple-history labels its records "Created", "Changed", "Deleted" and has no Danish catalogue.
_HISTORY_ACTIONS = {"+": _lazy("oprettet"), "~": _lazy("ændret"), "-": _lazy("slettet")}


@register.filter
def history_action(record) -> str:
    """What a history record did, in the active language: "oprettet", "ændret" or "slettet"."""
    return str(_HISTORY_ACTIONS.get(getattr(record, "history_type", ""), ""))

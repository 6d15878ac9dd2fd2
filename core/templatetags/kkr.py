"""Template filters for the portal's figures; dates use Django's own `date` filter."""

from django import template

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

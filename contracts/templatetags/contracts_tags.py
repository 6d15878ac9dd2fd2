from django import template
from django.utils.html import format_html

from contracts.models import Status

register = template.Library()

ICONS = {
    "met": "✔",
    "on_track": "➜",
    "at_risk": "⚠",
    "not_met": "✖",
    "awaiting": "…",
    "overdue": "!",
    "estimate": "≈",
}


def status_label(value: str) -> str:
    """The status in words; '–' for an unknown value (used by status_badge, not as a filter)."""
    try:
        return Status(value).label
    except ValueError:
        return "–"


@register.simple_tag
def status_badge(value):
    """The status in words, with an icon that is decoration only (never colour alone)."""
    if not value:
        return format_html('<span class="status-badge">{}</span>', "ikke beregnet")
    return format_html(
        '<span class="status-badge status-{}"><span aria-hidden="true">{} </span>{}</span>',
        value,
        ICONS.get(value, ""),
        status_label(value),
    )


@register.filter
def dk_month(value) -> str:
    """A due month as the source gives it ("januar 2024"), never a day the source does not state."""
    from contracts.fulfilment import danish_month

    return danish_month(value)

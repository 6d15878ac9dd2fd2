from django import template

from ..selectors import bullet_blocks

register = template.Library()

STATE_ICONS = {"draft": "✎", "submitted": "➜", "returned": "↩", "approved": "✓", "not_started": "–", "": "–"}
OVERALL_ICONS = {"on_track": "✓", "challenges": "!", "off_track": "✗", "": "?"}


@register.filter
def bullets(text):
    return bullet_blocks(text)


@register.filter
def state_icon(state):
    return STATE_ICONS.get(state or "", "")


@register.filter
def overall_icon(status):
    return OVERALL_ICONS.get(status or "", "")

from django import template

from ..models import format_range

register = template.Library()


@register.filter
def dkk_range(estimate):
    """An estimate (or a (low, high) pair) the Danish way: '2,9 mia. kr.', '1–1,75 mia. kr.'."""
    if estimate is None:
        return "–"
    if isinstance(estimate, tuple | list):
        return format_range(*estimate)
    return format_range(estimate.low, estimate.high)


@register.filter
def total_range(total):
    return format_range(total.low, total.high)

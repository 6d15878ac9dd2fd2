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


@register.filter
def in_billions(estimate):
    """An estimate (a (low, high) pair or a Total) as a figure in mia. kr. without the unit: '0,182', '1–1,75'.

    For tables whose column header carries the unit, as the PDF section's does (one unit beside its chart)."""
    from core.formatting import dkk_billions

    if estimate is None:
        return "–"
    low, high = estimate if isinstance(estimate, tuple | list) else (estimate.low, estimate.high)
    return dkk_billions(low, high, unit=False)

from django import template

from core import formatting

register = template.Library()


@register.filter
def dk_number(value, decimals=0):
    return formatting.number(value, int(decimals))


@register.filter
def dkk_millions(value):
    return formatting.dkk_millions(value)


@register.filter
def dk_date(value):
    return formatting.danish_date(value)


@register.filter
def dk_percent(value, decimals=0):
    return formatting.percent(value, int(decimals))

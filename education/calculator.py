"""The allocation calculator: split a regional total of places over municipalities by a key.

Largest remainder method (Hamilton):
1. each municipality's exact quota is total × key ÷ sum of keys (exact fractions, no rounding error);
2. each gets its quota rounded down;
3. the places left over (fewer than the number of municipalities) go one each to the largest remainders.

Tie-break, deterministic and independent of the input order: a larger remainder first; on an equal
remainder the larger key; on an equal key the name in alphabetical order (Python's string order).

The result sums to the total exactly, each municipality gets its quota rounded down or up, and a larger
key never gets fewer places (a larger key has a larger quota: either a larger floor, or the same floor and
a larger remainder, which ranks it first).
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _


class AllocationError(ValueError):
    """The input cannot be split: the message says why, in Danish, for the user."""


@dataclass(frozen=True)
class Share:
    name: str
    key: Fraction
    key_share: Fraction  # the key's share of the sum of keys (0–1)
    quota: Fraction  # the exact, unrounded number of places
    places: int


def _fraction(value) -> Fraction:
    if isinstance(value, float):
        value = Decimal(str(value))
    return Fraction(value)


def allocate(total: int, key: dict[str, int | Decimal | Fraction | float]) -> list[Share]:
    """Split `total` whole places over the names in `key`; returns the shares in the key's order."""
    if not isinstance(total, int) or total < 0:
        raise AllocationError(_("Det samlede antal pladser skal være et helt tal, 0 eller større."))
    if not key:
        raise AllocationError(_("Nøglen er tom: der er ingen kommuner at fordele til."))
    weights = {name: _fraction(value) for name, value in key.items()}
    negative = [name for name, w in weights.items() if w < 0]
    if negative:
        raise AllocationError(_("Nøglen må ikke være negativ (%(names)s).") % {"names": ", ".join(negative)})
    key_sum = sum(weights.values())
    if key_sum == 0:
        raise AllocationError(_("Summen af nøglen er 0: pladserne kan ikke fordeles efter den."))

    quotas = {name: total * w / key_sum for name, w in weights.items()}
    floors = {name: math.floor(q) for name, q in quotas.items()}
    left = total - sum(floors.values())
    ranking = sorted(weights, key=lambda name: (-(quotas[name] - floors[name]), -weights[name], name))
    extra = set(ranking[:left])
    return [
        Share(
            name=name,
            key=weights[name],
            key_share=weights[name] / key_sum,
            quota=quotas[name],
            places=floors[name] + (1 if name in extra else 0),
        )
        for name in key
    ]

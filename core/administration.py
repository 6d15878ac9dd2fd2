"""The portal's own administration: each area lists the editors it offers, the page shows those a user
may use, and the navigation shows "Administration" only when there is at least one.

An area declares `editors = (Editor(...), ...)` on its area object (core/areas.py); core edits nothing
when an area adds one. The Django admin is for superusers only (core/admin.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .areas import registry


@dataclass(frozen=True)
class Editor:
    """A portal page where reference data is edited; usable by whoever has any one of `perms`."""

    title: Any
    description: Any
    url_name: str
    perms: tuple[str, ...]

    def usable_by(self, user) -> bool:
        return any(user.has_perm(perm) for perm in self.perms)


def editors_for(user) -> list[tuple[Any, list[Editor]]]:
    """(area, its editors this user may use) for every area that has one."""
    if not getattr(user, "is_authenticated", False):
        return []
    found = []
    for area in registry:
        usable = [e for e in getattr(area, "editors", ()) if e.usable_by(user)]
        if usable:
            found.append((area, usable))
    return found

"""Who is who: the two role groups, and the organisation a Member belongs to.

Lead rights are not a group: they follow the data (who leads a project in a period), so the area apps
ask `user.organisation` and their own lead records through the predicates in `core/rules.py`.
"""

SECRETARIAT = "Secretariat"
BOARD = "Board"
ROLE_GROUPS = (SECRETARIAT, BOARD)


def group_names(user) -> frozenset[str]:
    """The user's role groups, cached on the user object: one query per request, not per check."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_kkr_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._kkr_group_names = cached
    return cached

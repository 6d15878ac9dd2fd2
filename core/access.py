"""One helper per object type: fetch the object and whether the user may edit it.

404 for what the user may not see (no hint that it exists), and the caller raises 403 for a read-only
user who tries to change it (the healthchecks pattern).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404


def get_for_user(user, queryset, *, view_perm: str, edit_perm: str | None = None, **lookup):
    obj = get_object_or_404(queryset, **lookup)
    if not user.has_perm(view_perm, obj):
        raise Http404
    can_edit = bool(edit_perm) and user.has_perm(edit_perm, obj)
    return obj, can_edit


def require_perm(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied

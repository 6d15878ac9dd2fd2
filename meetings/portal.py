"""The meetings area on the home page: the next and the latest meeting the user may read."""

from django.utils import timezone

from .selectors import meetings_for


def home_tile(user) -> dict:
    if not user.has_perm("meetings.view"):
        return {}
    today = timezone.localdate()
    readable = meetings_for(user)
    return {
        "next_meeting": readable.filter(date__gte=today).order_by("date", "time").first(),
        "last_meeting": readable.filter(date__lt=today).order_by("-date").first(),
    }

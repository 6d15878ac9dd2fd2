"""KKR meetings as a portal area (see core/areas.py)."""

from django.utils.translation import gettext_lazy as _

from core.areas import BaseArea


class MeetingsArea(BaseArea):
    app = "meetings"
    title = _("Møder")
    description = _("KKR's møder: dagsordener, bilag, beslutninger, opfølgning og udpegninger.")
    url_name = "meetings:index"
    seed_after = ("contracts", "vip_climate", "infrastructure", "education")
    # Meetings compile the other areas' figures into packets (meetings/packet.py); the annual report has
    # no meetings section (reports/sections.py asks this).
    in_annual_report = False

    def duties(self, user, today=None) -> list[dict]:
        from django.utils import timezone

        from .attention import duties

        return duties(user, today or timezone.localdate())

    def attention(self, selection, today=None) -> list:
        from django.utils import timezone

        from .attention import attention

        return attention(selection, today or timezone.localdate())

    def home_tile(self, user, selection=None) -> dict:
        from .portal import home_tile

        return home_tile(user)

    def seed(self) -> None:
        from .seed import load

        load()


AREA = MeetingsArea()

"""How this area shows on the home page, in the reports' summary page and on organisation pages; its area
object (area.py) delegates here."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import charts
from core.formatting import dkk_billions

from .charts import estimate_chart
from .models import FollowUpReport
from .selectors import overview, plan_status_summary


def home_tile(user, selection=None) -> dict:
    """The total estimate of the 7+3 with a chart per project and the table behind it, what is known of plan
    status, and follow-ups waiting for the secretariat.

    Estimates are not periodic: the latest estimate of each part is shown whatever period is selected.
    """
    data = overview()
    plan_status = plan_status_summary()
    waiting = None
    if user.has_perm("core.view_dashboards") and user.has_perm("infrastructure.manage_projects"):
        waiting = FollowUpReport.objects.filter(state=FollowUpReport.State.SUBMITTED).count()
    return {
        "overall": data["overall"],
        "groups": data["groups"],
        "rows": data["rows"],
        "chart": estimate_chart(data["rows"], width=400, font_size=13),  # legible at 390 px too
        "plan_status": plan_status,
        "waiting": waiting,
    }


def _total_text(total) -> str:
    return dkk_billions(total.low, total.high) if total.has_any else _("intet overslag")


def summary(selection) -> dict | None:
    """The 7+3's estimate per group and in all (a range stays a range), plan status as the source states it,
    and the selected year's approved follow-ups: the same figures as the home panel."""
    data = overview()
    if not data["rows"]:
        return None
    overall = data["overall"]
    chart = charts.range_bars(
        [
            charts.Range(total.label, total.low, total.high)
            if total.has_any
            else charts.Range(total.label, None, None, _("intet overslag"))
            for total in data["groups"]
        ]
        + [
            charts.Range(_("I alt"), overall.low, overall.high)
            if overall.has_any
            else charts.Range(_("I alt"), None, None, _("intet overslag"))
        ],
        title=_("Anlægsoverslag pr. gruppe, mia. kr."),
        description=_("Samlet overslag for de 7, de +3 og i alt, i mia. kr.; et spænd er skraveret."),
        value_text=dkk_billions,
        width=charts.PDF_WIDTH / 2,
        font_size=charts.PDF_FONT_SIZE,
        label_share=0.3,
    )
    lines = [_("Samlet anslået investering: %(total)s") % {"total": _total_text(overall)}]
    if overall.without_estimate:
        lines.append(
            ngettext("Uden overslag: %(names)s.", "Uden overslag: %(names)s.", len(overall.without_estimate))
            % {"names": ", ".join(p.name for p in overall.without_estimate)}
        )
    plan = plan_status_summary()
    lines.append(
        _("Infrastrukturplan 2035, ifølge kilden: «%(note)s» Kilden siger ikke hvilke.")
        % {"note": plan["source_note"]}
    )
    approved = FollowUpReport.objects.filter(year=selection.year, state=FollowUpReport.State.APPROVED).count()
    lines.append(
        ngettext(
            "%(n)d godkendt årlig opfølgning for %(year)s.",
            "%(n)d godkendte årlige opfølgninger for %(year)s.",
            approved,
        )
        % {"n": approved, "year": selection.year}
    )
    return {"title": _("Infrastruktur: de 7+3"), "chart": chart, "lines": lines}


def organisation_section(organisation, user) -> dict | None:
    """Projects touching the municipality and the projects it leads; None if neither."""
    touching = list(organisation.infrastructure_projects.order_by("is_candidate", "order", "name"))
    leading = list(organisation.infrastructure_leads.order_by("is_candidate", "order", "name"))
    if not touching and not leading:
        return None
    return {"touching": touching, "leading": leading}

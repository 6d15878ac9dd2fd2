"""What in the climate VIP projects needs the board's attention for a round (core/attention.py).

Reports past the round's deadline that are neither submitted nor approved (the round page's own rule,
`selectors.round_state`) and projects running in the round without a known lead. A round without any
report says so. Three queries whatever the number of rounds.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.attention import AttentionItem, Kind

from .models import StatusReport
from .selectors import lead_label, project_runs_in, projects_with_leads, round_state


def _lead_words(lead: dict) -> str:
    if lead["known"]:
        return ", ".join(o.name for o in lead["leads"])
    if lead["none"]:
        return _("ingen (som kilden siger)")
    return _("mangler")


def attention(selection, today) -> list[AttentionItem]:
    today = today or timezone.localdate()
    period = selection.round
    reports = {r.project_id: r for r in StatusReport.objects.filter(period=period)}
    items = []
    if not reports:
        items.append(
            AttentionItem(
                kind=Kind.NO_DATA,
                area="vip_climate",
                title=_("Ingen data for %(period)s") % {"period": period.label},
                detail=_("Klima-VIP-projekter: ingen statusrapporter i runden."),
                url=reverse("vip_climate:index"),
            )
        )
    for project in projects_with_leads():
        if not project_runs_in(project, period):
            continue
        url = reverse("vip_climate:project_detail", args=[project.number])
        name = f"VIP {project.number}: {project.title}"
        lead = lead_label(project, period.deadline)
        state = round_state(reports.get(project.pk), period, today)
        if state["overdue"]:
            items.append(
                AttentionItem(
                    kind=Kind.OVERDUE_REPORT,
                    area="vip_climate",
                    title=name,
                    detail=_(
                        "Statusrapporten for %(period)s er over fristen %(deadline)s (%(state)s); "
                        "tovholder: %(lead)s."
                    )
                    % {
                        "period": period.label,
                        "deadline": date_format(period.deadline),
                        "state": str(state["label"]).lower(),
                        "lead": _lead_words(lead),
                    },
                    url=url,
                    since=period.deadline,
                )
            )
        if not lead["known"]:
            items.append(
                AttentionItem(
                    kind=Kind.MISSING_LEAD,
                    area="vip_climate",
                    title=name,
                    detail=(
                        _("Kilden siger, at projektet var uden tovholder i %(period)s.")
                        if lead["none"]
                        else _("Tovholderen for %(period)s er ikke oplyst; portalen viser den som manglende.")
                    )
                    % {"period": period.label},
                    url=url,
                )
            )
    return items

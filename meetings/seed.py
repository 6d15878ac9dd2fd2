"""Loads the meeting in the source (seed_data.py) through core.sources.upsert: people's edits are kept."""

from django.contrib.contenttypes.models import ContentType

from core.models import ReportingPeriod
from core.sources import upsert

from . import seed_data as data
from .models import AgendaItem, Annex, AppointedBody, ItemLink, Meeting


def load() -> None:
    body = upsert(AppointedBody, {"name": data.APPOINTED_BODY["name"]}, _without(data.APPOINTED_BODY, "name"))
    meeting = upsert(
        Meeting,
        {"body": data.MEETING["body"], "date": data.MEETING["date"]},
        _without(data.MEETING, "body", "date"),
    )
    if meeting is None:  # deleted by a person since it was loaded
        return
    targets = _link_targets(body)
    for position, spec in enumerate(data.ITEMS, start=1):
        item = upsert(
            AgendaItem,
            {"meeting": meeting, "position": position},
            {"number": spec["number"], "title": spec["title"], "source_ref": spec["source_ref"]},
        )
        if item is None:
            continue
        for name in spec["links"]:
            for target in targets.get(name, []):
                upsert(
                    ItemLink,
                    {
                        "item": item,
                        "content_type": ContentType.objects.get_for_model(target),
                        "object_id": target.pk,
                    },
                    {},
                )
        for annex_position, (title, generator, args, ref) in enumerate(spec["annexes"], start=1):
            upsert(
                Annex,
                {"item": item, "position": annex_position},
                {
                    "title": title,
                    "kind": Annex.Kind.GENERATED,
                    "generator": generator,
                    "generator_args": args,
                    "source_ref": ref,
                },
            )


def _without(values: dict, *names: str) -> dict:
    return {key: value for key, value in values.items() if key not in names}


def _link_targets(body) -> dict[str, list]:
    """The portal's records each item is about; an area that loaded nothing gives no link (never invented)."""
    from education.models import Allocation, Strategy
    from infrastructure.models import MobilityAnalysis, Project

    year, half = data.VIP_ROUND
    return {
        "vip_round": list(ReportingPeriod.objects.filter(year=year, half=half)),
        "priorities": list(Project.objects.priorities().order_by("pk")),
        "tm274": list(MobilityAnalysis.objects.filter(code=MobilityAnalysis.JOINT_ANALYSIS_CODE)),
        "strategy": list(Strategy.objects.order_by("pk")[:1]),
        "allocations": list(
            Allocation.objects.official()
            .filter(year=data.ALLOCATION_YEAR, version=1)
            .order_by("programme__order")
        ),
        "task_committee": [body] if body is not None else [],
    }

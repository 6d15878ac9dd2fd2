"""Load the seven climate VIP projects and the autumn 2022 round from seed_data (idempotent)."""

from core.models import OrganisationLookup, ReportingPeriod

from . import seed_data
from .models import (
    Commitment,
    LeadPeriod,
    Participation,
    Project,
    ProjectTarget,
    StatusReport,
)

PROJECT_FIELDS = (
    "title",
    "compendium_title",
    "goal",
    "why",
    "each_municipality",
    "jointly",
    "next_steps",
    "anchoring",
)


def _upsert(model, lookup: dict, values: dict):
    """Create the row, or save it only when a value differs: a second run writes no history."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save()
    return obj


def load() -> None:
    lookup = OrganisationLookup()
    projects = {}
    for data in seed_data.PROJECTS:
        values = {field: data[field] for field in PROJECT_FIELDS}
        values["actors"] = "\n".join(data["actors"])
        values["participants_text"] = seed_data.PARTICIPANTS_TEXT[data["number"]]
        values["start_year"], values["end_year"] = 2020, 2023
        project = _upsert(Project, {"number": data["number"]}, values)
        projects[project.number] = project
        for order, target in enumerate(data["targets"], start=1):
            target_values = {
                "text": target["text"],
                "baseline_value": target.get("baseline_value"),
                "baseline_year": target.get("baseline_year"),
                "target_value": target.get("target_value"),
                "target_year": target.get("target_year"),
                "unit": target.get("unit", ""),
            }
            _upsert(ProjectTarget, {"project": project, "order": order}, target_values)

    for number, names in seed_data.PARTICIPANTS.items():
        for organisation in _unique(lookup, names):
            _upsert(
                Participation,
                {
                    "project": projects[number],
                    "organisation": organisation,
                    "role": Participation.Role.PARTICIPANT,
                },
                {"group": ""},
            )
    for number, (group, names) in seed_data.THEME_GROUPS.items():
        for organisation in _unique(lookup, names):
            _upsert(
                Participation,
                {
                    "project": projects[number],
                    "organisation": organisation,
                    "role": Participation.Role.THEME_GROUP,
                },
                {"group": group},
            )

    for period in seed_data.LEAD_PERIODS:
        organisation = lookup.resolve(period["organisation"]) if period["organisation"] else None
        _upsert(
            LeadPeriod,
            {"project": projects[period["project"]], "starts": period["starts"]},
            {"organisation": organisation, "ends": period["ends"], "source": period["source"]},
        )

    for data in seed_data.COMMITMENTS:
        _upsert(
            Commitment,
            {"code": data["code"]},
            {
                "project": projects[data["project"]],
                "title": data["title"],
                "text": data["text"],
                "due": data["due"],
            },
        )

    year, half = seed_data.ROUND
    period = ReportingPeriod.get_or_create_for(year, half)
    for number, report in seed_data.AUTUMN_2022_REPORTS.items():
        if StatusReport.objects.filter(project=projects[number], period=period).exists():
            continue  # the round's approved text is the record; never overwrite it
        StatusReport.objects.create(
            project=projects[number],
            period=period,
            state=StatusReport.State.APPROVED,
            participants_text=seed_data.PARTICIPANTS_TEXT[number],
            status_text="\n".join(report["status"]),
            perspectives="\n".join(report["perspectives"]),
        )


def _unique(lookup, names):
    """Resolve names in order, dropping repeats (Frederiksberg twice in VIP 3, Høje-Taastrup in VIP 4)."""
    seen = {}
    for name in names:
        organisation = lookup.resolve(name)
        seen.setdefault(organisation.pk, organisation)
    return list(seen.values())

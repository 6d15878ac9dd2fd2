"""Load the seven climate VIP projects and the autumn 2022 round from seed_data (idempotent)."""

from core.models import OrganisationLookup, ReportingPeriod
from core.sources import upsert

from . import seed_data
from .models import (
    Commitment,
    CompendiumTask,
    LeadPeriod,
    Participation,
    ProgrammeText,
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


def load() -> None:
    lookup = OrganisationLookup()
    projects = {}
    for data in seed_data.PROJECTS:
        values = {field: data[field] for field in PROJECT_FIELDS}
        values["actors"] = "\n".join(data["actors"])
        values["participants_text"] = seed_data.PARTICIPANTS_TEXT[data["number"]]
        values["start_year"], values["end_year"] = 2020, 2023
        values["source_ref"] = _compendium_ref(data)
        project = upsert(Project, {"number": data["number"]}, values)
        if project is None:
            continue  # deleted by a person since it was loaded: neither it nor its parts come back
        projects[project.number] = project
        for order, target in enumerate(data["targets"], start=1):
            target_values = {
                "text": target["text"],
                "baseline_value": target.get("baseline_value"),
                "baseline_year": target.get("baseline_year"),
                "target_value": target.get("target_value"),
                "target_year": target.get("target_year"),
                "unit": target.get("unit", ""),
                "kind": target.get("kind", ProjectTarget.Kind.GOAL),
                "form": target.get("form", ProjectTarget.Form.VALUE),
                "stated_as": target.get("stated_as", ""),
                "range_low": target.get("range_low"),
                "range_high": target.get("range_high"),
                "source_ref": _target_ref(data, target),
            }
            upsert(ProjectTarget, {"project": project, "order": order}, target_values)

    for number, names in seed_data.PARTICIPANTS.items():
        if number not in projects:
            continue
        for organisation in _unique(lookup, names):
            upsert(
                Participation,
                {
                    "project": projects[number],
                    "organisation": organisation,
                    "role": Participation.Role.PARTICIPANT,
                },
                {"group": "", "source_ref": f"{seed_data.STATUS_REF}, VIP {number}: Deltagere"},
            )
    for number, (group, names) in seed_data.THEME_GROUPS.items():
        if number not in projects:
            continue
        for organisation in _unique(lookup, names):
            upsert(
                Participation,
                {
                    "project": projects[number],
                    "organisation": organisation,
                    "role": Participation.Role.THEME_GROUP,
                },
                {"group": group, "source_ref": f"{seed_data.STATUS_REF}, VIP {number}: {group}"},
            )

    for period in seed_data.LEAD_PERIODS:
        if period["project"] not in projects:
            continue
        organisation = lookup.resolve(period["organisation"]) if period["organisation"] else None
        upsert(
            LeadPeriod,
            {"project": projects[period["project"]], "starts": period["starts"]},
            {
                "organisation": organisation,
                "ends": period["ends"],
                "source": period["source"],
                "precision": period["precision"],
                "source_ref": f"{seed_data.STATUS_REF}, VIP {period['project']}: Status",
            },
        )

    for data in seed_data.COMMITMENTS:
        if data["project"] not in projects:
            continue
        upsert(
            Commitment,
            {"code": data["code"]},
            {
                "project": projects[data["project"]],
                "title": data["title"],
                "text": data["text"],
                "due": data["due"],
                "source_ref": f"{_compendium_ref(_project_data(data['project']))}: Hvad er målet?",
            },
        )

    year, half = seed_data.ROUND
    period = ReportingPeriod.get_or_create_for(year, half)
    for number, report in seed_data.AUTUMN_2022_REPORTS.items():
        if number not in projects:
            continue
        # The loaded round is final (APPROVED: read-only, the basis of the next round and of the PDFs) but
        # was presented to KKR, not approved in the portal: source_state says so wherever it is shown.
        source = {
            "source_state": seed_data.REPORT_SOURCE_STATE,
            "source_ref": f"{seed_data.STATUS_REF}, VIP {number}",
        }
        existing = StatusReport.objects.filter(project=projects[number], period=period).first()
        if existing is not None:
            # The round's text is the record; never overwrite it. A report loaded before the source
            # state existed (approved by nobody) gets its state and reference.
            untouched = existing.reviewed_by_id is None and existing.state == StatusReport.State.APPROVED
            if untouched and any(getattr(existing, k) != v for k, v in source.items()):
                upsert(StatusReport, {"pk": existing.pk}, source)
            continue
        StatusReport.objects.create(
            project=projects[number],
            period=period,
            state=StatusReport.State.APPROVED,
            participants_text=seed_data.PARTICIPANTS_TEXT[number],
            status_text="\n".join(report["status"]),
            perspectives="\n".join(report["perspectives"]),
            **source,
        )

    ProgrammeText.load(seed_data.PROGRAMME_TEXTS)
    for number, tasks in seed_data.COMPENDIUM_TASKS.items():
        if number not in projects:
            continue
        for order, text in enumerate(tasks, start=1):
            upsert(
                CompendiumTask,
                {"project": projects[number], "order": order},
                {"text": text, "source_ref": seed_data.TASKS_REF},
            )


def _project_data(number: int) -> dict:
    return next(p for p in seed_data.PROJECTS if p["number"] == number)


def _compendium_ref(data: dict) -> str:
    return f"{seed_data.COMPENDIUM_REF}, {data['compendium_title'].capitalize()}"


def _target_ref(data: dict, target: dict) -> str:
    if target.get("from_status"):
        return f"{seed_data.STATUS_REF}, VIP {data['number']}: Fremadrettede opmærksomhedspunkter"
    if target.get("kind") == ProjectTarget.Kind.POTENTIAL:
        return f"{_compendium_ref(data)}: Potentialer i hovedstadsregionen"
    return f"{_compendium_ref(data)}: Hvad er målet?"


def _unique(lookup, names):
    """Resolve names in order, dropping repeats (Frederiksberg twice in VIP 3, Høje-Taastrup in VIP 4)."""
    seen = {}
    for name in names:
        organisation = lookup.resolve(name)
        seen.setdefault(organisation.pk, organisation)
    return list(seen.values())

"""Import and export of measurements (CSV and XLSX, read and written by core.tabular).

read (core.tabular) → validate every row → preview with each row's fate → commit all or nothing (services).
The export writes the same columns, so an exported file imports again (round trip).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from core import tabular
from core.models import Organisation, OrganisationLookup, UnknownOrganisation
from core.numbers import parse_optional_number
from core.tabular import Row, Sheet, Table

from .forms import range_error
from .models import Measurement, MilestoneStatus, Segment, Source, Target

COLUMNS = [
    "delmål",
    "dato",
    "værdi",
    "kontrolgruppe",
    "segment",
    "kommune",
    "milepæl",
    "baseline",
    "kilde",
    "note",
]
REQUIRED = ["delmål", "dato"]
SEGMENTS = {label.casefold(): value for value, label in Segment.choices} | {v: v for v in Segment.values}
SEGMENTS |= {"drift": "drift", "vækst": "vaekst"}
MILESTONES = {str(label).casefold(): value for value, label in MilestoneStatus.choices} | {
    v: v for v in MilestoneStatus.values
}
SOURCES = {str(label).casefold(): value for value, label in Source.choices} | {v: v for v in Source.values}
YES = {"ja", "yes", "1", "true", "sand", "x"}


def read(upload) -> Table:
    """The uploaded file as a table with the required columns; raises tabular.ImportRefused."""
    table = tabular.read_upload(upload)
    tabular.require_columns(table, REQUIRED)
    return table


def parse_date(text: str) -> date:
    text = str(text).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError


def validate(table: Table, contract) -> list[Row]:
    targets = {t.code: t for t in Target.objects.filter(goal__contract=contract).select_related("goal")}
    lookup = OrganisationLookup(Organisation.objects.municipalities())
    existing = {
        (m.target_id, m.measured_on, m.segment, m.municipality_id, m.is_baseline)
        for m in Measurement.objects.filter(target__goal__contract=contract).only(
            "target_id", "measured_on", "segment", "municipality_id", "is_baseline"
        )
    }
    seen: set = set()
    rows = []
    for record in table.records:
        raw = {c: record.get(c)[:300] for c in COLUMNS}
        row = Row(line=record.line, cells=raw)
        rows.append(row)
        target = targets.get(raw["delmål"])
        if target is None:
            row.errors.append(f"Ukendt delmål «{raw['delmål']}».")
        elif target.kind == Target.Kind.PARTS:
            row.errors.append(f"Delmål {target.code} består af dele; målinger indlæses på delene.")
        try:
            measured_on = parse_date(raw["dato"])
        except ValueError:
            measured_on = None
            row.errors.append(f"Ugyldig dato «{raw['dato']}» (brug ÅÅÅÅ-MM-DD).")
        numbers = {}
        for column, name in (("værdi", "value"), ("kontrolgruppe", "control_value")):
            try:
                numbers[name] = parse_optional_number(raw[column])
            except ValueError:
                numbers[name] = None
                row.errors.append(f"Ugyldigt tal i kolonnen {column}: «{raw[column]}».")
        municipality = None
        if raw["kommune"]:
            try:
                municipality = lookup.resolve(raw["kommune"])
            except UnknownOrganisation as error:
                row.errors.append(str(error))
        segment = SEGMENTS.get(raw["segment"].casefold(), None) if raw["segment"] else ""
        if segment is None:
            row.errors.append(f"Ukendt segment «{raw['segment']}».")
        milestone = MILESTONES.get(raw["milepæl"].casefold(), None) if raw["milepæl"] else ""
        if milestone is None:
            row.errors.append(f"Ukendt milepælsstatus «{raw['milepæl']}».")
        source = SOURCES.get(raw["kilde"].casefold(), None) if raw["kilde"] else None
        if raw["kilde"] and source is None:
            row.errors.append(f"Ukendt kilde «{raw['kilde']}».")
        is_baseline = raw["baseline"].casefold() in YES
        if target is not None and target.kind != Target.Kind.PARTS:
            if target.kind == Target.Kind.MILESTONE:
                if not milestone:
                    row.errors.append("En milepæl skal have en status.")
            elif numbers.get("value") is None and not any("værdi" in e for e in row.errors):
                row.errors.append("Værdi mangler.")
            if target.kind == Target.Kind.CONTROL and numbers.get("control_value") is None:
                row.errors.append("Kontrolgruppens værdi mangler.")
            if target.kind == Target.Kind.SEGMENT and segment not in (target.segments or []):
                row.errors.append("Segment mangler eller hører ikke til delmålet.")
            for name in ("value", "control_value"):
                message = range_error(target.unit, numbers.get(name))
                if message:
                    row.errors.append(str(message))
            source = source or target.source
            if not source:
                row.errors.append("Kilde mangler.")
        if row.errors:
            continue
        key = (target.pk, measured_on, segment, municipality.pk if municipality else None, is_baseline)
        if key in existing:
            row.errors.append("Dublet: målingen findes allerede i portalen.")
            continue
        if key in seen:
            row.errors.append("Dublet: samme måling står tidligere i filen.")
            continue
        seen.add(key)
        row.values = {
            "target": target,
            "measured_on": measured_on,
            "value": numbers["value"],
            "control_value": numbers["control_value"],
            "segment": segment,
            "municipality": municipality,
            "milestone_status": milestone,
            "is_baseline": is_baseline,
            "source": source,
            "note": raw["note"],
        }
    return rows


def to_session(rows: list[Row]) -> list[dict]:
    """The validated rows in a JSON-safe form, kept between preview and commit."""
    out = []
    for row in rows:
        v = row.values
        out.append(
            {
                "target_id": v["target"].pk,
                "measured_on": v["measured_on"].isoformat(),
                "value": None if v["value"] is None else str(v["value"]),
                "control_value": None if v["control_value"] is None else str(v["control_value"]),
                "segment": v["segment"],
                "municipality_id": v["municipality"].pk if v["municipality"] else None,
                "milestone_status": v["milestone_status"],
                "is_baseline": v["is_baseline"],
                "source": v["source"],
                "note": v["note"],
            }
        )
    return out


def from_session(data: list[dict]) -> list[dict]:
    targets = Target.objects.select_related("goal").in_bulk({d["target_id"] for d in data})
    rows = []
    for d in data:
        rows.append(
            {
                "target": targets[d["target_id"]],
                "measured_on": date.fromisoformat(d["measured_on"]),
                "value": None if d["value"] is None else Decimal(d["value"]),
                "control_value": None if d["control_value"] is None else Decimal(d["control_value"]),
                "segment": d["segment"],
                "municipality_id": d["municipality_id"],
                "milestone_status": d["milestone_status"],
                "is_baseline": d["is_baseline"],
                "source": d["source"],
                "note": d["note"],
            }
        )
    return rows


# --- export ---------------------------------------------------------------------------------------


def export_rows(contract) -> list[list[object]]:
    """Measurements in the import's columns; numbers stay numbers, text is guarded by the writer."""
    rows = (
        Measurement.objects.filter(target__goal__contract=contract)
        .select_related("target", "municipality")
        .order_by("target__goal__number", "target__position", "measured_on", "id")
    )
    return [
        [
            m.target.code,
            m.measured_on,
            m.value,
            m.control_value,
            m.segment,
            m.municipality.name if m.municipality else "",
            m.milestone_status,
            "ja" if m.is_baseline else "",
            m.source,
            m.note,
        ]
        for m in rows
    ]


TARGET_COLUMNS = [
    "mål",
    "delmål",
    "del af",
    "tekst",
    "type",
    "enhed",
    "mål-værdi",
    "baseline",
    "baseline fra",
    "kilde",
    "data ventes",
]


def target_rows(contract) -> list[list[object]]:
    targets = Target.objects.filter(goal__contract=contract).select_related("goal", "parent")
    return [
        [
            t.goal.number,
            t.code,
            t.parent.code if t.parent else "",
            t.text,
            t.get_kind_display(),
            t.unit,
            t.threshold,
            t.baseline_value,
            t.baseline_label,
            t.get_source_display() if t.source else "",
            t.expected_text,
        ]
        for t in targets
    ]


def export_bytes(contract, fmt: str) -> bytes:
    if fmt == "csv":
        return tabular.csv_bytes(COLUMNS, export_rows(contract))
    return tabular.xlsx_bytes(
        [
            Sheet("målinger", COLUMNS, export_rows(contract)),
            Sheet("delmål", TARGET_COLUMNS, target_rows(contract)),
        ]
    )


def targets_csv(contract) -> bytes:
    return tabular.csv_bytes(TARGET_COLUMNS, target_rows(contract))

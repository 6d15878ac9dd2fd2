"""Import and export of measurements (CSV and XLSX, with pandas).

parse → validate every row → preview with each row's fate → commit all or nothing (services).
The export writes the same columns, so an exported file imports again (round trip).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import pandas as pd

from core.models import Organisation, OrganisationLookup, UnknownOrganisation

from .forms import range_error
from .models import Measurement, MilestoneStatus, Segment, Source, Target

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20000
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
SEGMENTS = {label.casefold(): value for value, label in Segment.choices} | {v: v for v in Segment.values}
SEGMENTS |= {"drift": "drift", "vækst": "vaekst"}
MILESTONES = {str(label).casefold(): value for value, label in MilestoneStatus.choices} | {
    v: v for v in MilestoneStatus.values
}
SOURCES = {str(label).casefold(): value for value, label in Source.choices} | {v: v for v in Source.values}
YES = {"ja", "yes", "1", "true", "sand", "x"}


class ImportRefused(ValueError):
    """The file as a whole cannot be read (too big, wrong type, garbage)."""


@dataclass
class Row:
    number: int
    raw: dict
    errors: list[str] = field(default_factory=list)
    values: dict | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(name: str, content: bytes) -> pd.DataFrame:
    if len(content) > MAX_BYTES:
        raise ImportRefused("Filen er for stor (over 5 MB).")
    if not content.strip():
        raise ImportRefused("Filen er tom.")
    lower = (name or "").lower()
    try:
        if lower.endswith(".xlsx"):
            if not content.startswith(b"PK"):
                raise ImportRefused("Filen er ikke en gyldig XLSX-fil.")
            frame = pd.read_excel(io.BytesIO(content), dtype=str, engine="openpyxl")
        elif lower.endswith(".csv"):
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ImportRefused("Filen er ikke en tekstfil i UTF-8 (CSV).") from None
            if "\x00" in text:
                raise ImportRefused("Filen indeholder binære data og er ikke en CSV-fil.")
            frame = pd.read_csv(
                io.StringIO(text), dtype=str, sep=None, engine="python", keep_default_na=False
            )
        else:
            raise ImportRefused("Kun CSV- og XLSX-filer kan indlæses.")
    except ImportRefused:
        raise
    except Exception as error:  # pandas/openpyxl raise many kinds on garbage
        raise ImportRefused(f"Filen kunne ikke læses: {type(error).__name__}.") from None
    frame.columns = [str(c).strip().casefold() for c in frame.columns]
    missing = {"delmål", "dato"} - set(frame.columns)
    if missing:
        raise ImportRefused(f"Filen mangler kolonnen/kolonnerne: {', '.join(sorted(missing))}.")
    if len(frame) > MAX_ROWS:
        raise ImportRefused(f"Filen har mere end {MAX_ROWS} rækker.")
    return frame.fillna("")


def parse_number(text: str) -> Decimal | None:
    """Danish '1.234,5' and plain '1234.5' both read; empty is None; anything else ValueError."""
    text = str(text).strip().replace("\u2212", "-").replace(" ", "").replace("\xa0", "")
    if text == "":
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError from None
    if not value.is_finite():
        raise ValueError
    return value


def parse_date(text: str) -> date:
    text = str(text).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError


def validate(frame: pd.DataFrame, contract) -> list[Row]:
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
    for index, record in enumerate(frame.to_dict("records"), start=2):
        raw = {c: str(record.get(c, "")).strip()[:300] for c in COLUMNS}
        row = Row(number=index, raw=raw)
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
                numbers[name] = parse_number(raw[column])
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


def _plain(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f").replace(".", ",")


def export_frame(contract) -> pd.DataFrame:
    rows = (
        Measurement.objects.filter(target__goal__contract=contract)
        .select_related("target", "municipality")
        .order_by("target__goal__number", "target__position", "measured_on", "id")
    )
    records = [
        {
            "delmål": m.target.code,
            "dato": m.measured_on.isoformat(),
            "værdi": _plain(m.value),
            "kontrolgruppe": _plain(m.control_value),
            "segment": m.segment,
            "kommune": m.municipality.name if m.municipality else "",
            "milepæl": m.milestone_status,
            "baseline": "ja" if m.is_baseline else "",
            "kilde": m.source,
            "note": _safe_cell(m.note),
        }
        for m in rows
    ]
    return pd.DataFrame.from_records(records, columns=COLUMNS)


def targets_frame(contract) -> pd.DataFrame:
    targets = Target.objects.filter(goal__contract=contract).select_related("goal", "parent")
    return pd.DataFrame.from_records(
        [
            {
                "mål": t.goal.number,
                "delmål": t.code,
                "del af": t.parent.code if t.parent else "",
                "tekst": _safe_cell(t.text),
                "type": t.get_kind_display(),
                "enhed": t.unit,
                "mål-værdi": _plain(t.threshold),
                "baseline": _plain(t.baseline_value),
                "baseline fra": t.baseline_label,
                "kilde": t.get_source_display() if t.source else "",
                "data ventes": t.expected_text,
            }
            for t in targets
        ]
    )


def _safe_cell(text: str) -> str:
    """No spreadsheet formulas from user text (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def export_bytes(contract, fmt: str) -> bytes:
    frame = export_frame(contract)
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8-sig")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="målinger", index=False)
        targets_frame(contract).to_excel(writer, sheet_name="delmål", index=False)
    return buffer.getvalue()

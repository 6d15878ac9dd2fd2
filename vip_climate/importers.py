"""Import of the commitments matrix (CSV or XLSX, the export's own format): read (core.tabular) → validate
every row → preview with each row's fate → commit all or nothing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from core import tabular
from core.models import OrganisationLookup, UnknownOrganisation
from core.tabular import Row, Table

from .models import Commitment, MunicipalityCommitment
from .services import commitment_entry_save

COLUMNS = ["forpligtelse", "kommune", "status", "dato", "dokumentation", "bemærkning"]
REQUIRED = ["forpligtelse", "kommune", "status"]
FIELDS = ["commitment", "organisation", "status", "date", "evidence_url", "note"]


def read(upload) -> Table:
    """The uploaded file as a table with the required columns; raises tabular.ImportRefused."""
    table = tabular.read_upload(upload)
    tabular.require_columns(table, REQUIRED)
    return table


def validate(table: Table) -> list[Row]:
    commitments = {c.code: c for c in Commitment.objects.all()}
    lookup = OrganisationLookup()
    labels = {str(label).casefold(): value for value, label in MunicipalityCommitment.Status.choices}
    labels.update({value: value for value in MunicipalityCommitment.Status.values})
    existing = {
        (e.commitment.code, e.organisation_id): e
        for e in MunicipalityCommitment.objects.select_related("commitment")
    }
    rows, seen = [], set()
    for record in table.records:
        row = Row(line=record.line, cells=record.cells, fate="uændret")
        row.values = dict(zip(FIELDS, [record.get(c) for c in COLUMNS], strict=True))
        row.values["note"] = row.note[:5000]
        if row.commitment not in commitments:
            row.errors.append(f"Ukendt forpligtelse «{row.commitment[:80]}».")
        organisation = None
        try:
            organisation = lookup.resolve(row.organisation)
            if not organisation.is_municipality:
                row.errors.append(f"«{organisation.name}» er ikke en kommune.")
            row.values["organisation"] = organisation.name
        except UnknownOrganisation as error:
            row.errors.append(str(error)[:200])
        status = labels.get(row.status.casefold())
        if status is None:
            row.errors.append(f"Ukendt status «{row.status[:40]}».")
        else:
            row.values["status"] = status
        if row.date:
            try:
                row.values["date"] = date.fromisoformat(row.date[:10]).isoformat()
            except ValueError:
                row.errors.append(f"Datoen «{row.date[:20]}» skal skrives ÅÅÅÅ-MM-DD.")
        if row.evidence_url:
            try:
                URLValidator(schemes=["http", "https"])(row.evidence_url)
            except ValidationError:
                row.errors.append("Linket til dokumentation er ikke en gyldig http(s)-adresse.")
        key = (row.commitment, organisation.pk if organisation else None)
        if key in seen:
            row.errors.append("Rækken gentager en tidligere række.")
        seen.add(key)
        if row.errors:
            row.fate = "fejl"
        else:
            entry = existing.get(key)
            if entry is None:
                row.fate = "ny"
            elif (
                entry.status,
                entry.date.isoformat() if entry.date else "",
                entry.evidence_url,
                entry.note,
            ) != (row.status, row.date, row.evidence_url, row.note):
                row.fate = "ændret"
        rows.append(row)
    return rows


def to_session(rows: list[Row]) -> list[dict]:
    """The rows that change something, JSON-safe, kept between preview and commit."""
    return [dict(r.values) for r in rows if r.fate in ("ny", "ændret")]


def apply(rows: list[dict], *, by) -> int:
    """Save a previewed file's rows; the caller runs this inside one transaction (all or nothing)."""
    commitments = {c.code: c for c in Commitment.objects.all()}
    lookup = OrganisationLookup()
    for row in rows:
        commitment_entry_save(
            commitment=commitments[row["commitment"]],
            organisation=lookup.resolve(row["organisation"]),
            status=row["status"],
            date=date.fromisoformat(row["date"]) if row["date"] else None,
            evidence_url=row["evidence_url"],
            note=row["note"],
            by=by,
        )
    return len(rows)

"""Import of the commitments matrix (CSV or XLSX, the export's own format): parse → validate every row →
preview with each row's fate → commit all or nothing."""

import io
from dataclasses import asdict, dataclass, field
from datetime import date

import pandas as pd
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from core.models import OrganisationLookup, UnknownOrganisation

from .models import Commitment, MunicipalityCommitment
from .services import commitment_entry_save

MAX_BYTES = 5 * 1024 * 1024
COLUMNS = ["forpligtelse", "kommune", "status", "dato", "dokumentation", "bemærkning"]
SIGNING_SALT = "vip_climate.commitment_import"


class ImportRefused(Exception):
    """The file as a whole cannot be read (a Danish message for the user)."""


@dataclass
class Row:
    line: int
    commitment: str
    organisation: str
    status: str
    date: str
    evidence_url: str
    note: str
    fate: str = "uændret"
    errors: list[str] = field(default_factory=list)


def _text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = str(value).strip()
    return text[1:] if text.startswith("'") else text  # the export's formula guard


def read_frame(upload) -> pd.DataFrame:
    name = (getattr(upload, "name", "") or "").lower()
    if getattr(upload, "size", 0) > MAX_BYTES:
        raise ImportRefused("Filen er for stor (over 5 MB).")
    raw = upload.read()
    try:
        if name.endswith(".csv"):
            text = raw.decode("utf-8-sig")
            return pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
        if name.endswith(".xlsx"):
            return pd.read_excel(io.BytesIO(raw), dtype=str, keep_default_na=False, engine="openpyxl")
    except UnicodeDecodeError:
        raise ImportRefused("Filen er ikke UTF-8-tekst. Gem den som CSV (UTF-8) eller XLSX.") from None
    except Exception:  # noqa: BLE001 — pandas/openpyxl raise many kinds on garbage bytes
        raise ImportRefused("Filen kunne ikke læses. Brug eksporten som skabelon (CSV eller XLSX).") from None
    raise ImportRefused("Kun CSV- og XLSX-filer kan indlæses.")


def validate(frame: pd.DataFrame) -> list[Row]:
    missing = [c for c in ("forpligtelse", "kommune", "status") if c not in frame.columns]
    if missing:
        raise ImportRefused(f"Kolonner mangler: {', '.join(missing)}.")
    commitments = {c.code: c for c in Commitment.objects.all()}
    lookup = OrganisationLookup()
    labels = {str(label).casefold(): value for value, label in MunicipalityCommitment.Status.choices}
    labels.update({value: value for value in MunicipalityCommitment.Status.values})
    existing = {
        (e.commitment.code, e.organisation_id): e
        for e in MunicipalityCommitment.objects.select_related("commitment")
    }
    rows, seen = [], set()
    for index, record in enumerate(frame.to_dict("records"), start=2):
        row = Row(
            line=index,
            commitment=_text(record.get("forpligtelse")),
            organisation=_text(record.get("kommune")),
            status=_text(record.get("status")),
            date=_text(record.get("dato")),
            evidence_url=_text(record.get("dokumentation")),
            note=_text(record.get("bemærkning"))[:5000],
        )
        if row.commitment not in commitments:
            row.errors.append(f"Ukendt forpligtelse «{row.commitment[:80]}».")
        organisation = None
        try:
            organisation = lookup.resolve(row.organisation)
            if not organisation.is_municipality:
                row.errors.append(f"«{organisation.name}» er ikke en kommune.")
            row.organisation = organisation.name
        except UnknownOrganisation as error:
            row.errors.append(str(error)[:200])
        status = labels.get(row.status.casefold())
        if status is None:
            row.errors.append(f"Ukendt status «{row.status[:40]}».")
        else:
            row.status = status
        if row.date:
            try:
                row.date = date.fromisoformat(row.date[:10]).isoformat()
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


def sign(rows: list[Row]) -> str:
    return signing.dumps(
        [asdict(r) for r in rows if r.fate in ("ny", "ændret")], salt=SIGNING_SALT, compress=True
    )


@transaction.atomic
def commit(token: str, *, by) -> int:
    """Apply a signed preview: every row or none."""
    rows = signing.loads(token, salt=SIGNING_SALT, max_age=3600)
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

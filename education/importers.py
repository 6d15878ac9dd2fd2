"""Import and export of per-municipality tables (allocations, keys, realised intake) as CSV and XLSX.

A file has a column "Kommune" and one value column ("Pladser", "Nøgle" or "Optag"), one row per
municipality, optionally an "I alt" line. Parsing validates every row and never saves anything: the caller
shows the preview with each row's fate and commits all or nothing.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pandas as pd
from django.utils.translation import gettext as _

from core.models import Organisation, OrganisationLookup, UnknownOrganisation, normalise_name

MAX_BYTES = 5 * 1024 * 1024
TOTAL_LABELS = {"i alt", "total", "sum"}
VALUE_LABELS = {"pladser", "nøgle", "noegle", "optag", "antal", "værdi", "vaerdi", "places", "key", "intake"}


class ImportFileError(ValueError):
    """The file as a whole cannot be read: wrong type, too large, garbage, missing columns."""


@dataclass
class ImportRow:
    line: int
    name: str
    raw_value: str
    value: Decimal | None = None
    municipality: Organisation | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportResult:
    rows: list[ImportRow]
    errors: list[str]  # errors about the file as a whole (missing municipalities, totals)
    total_line: Decimal | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and all(r.ok for r in self.rows)

    @property
    def error_count(self) -> int:
        return len(self.errors) + sum(len(r.errors) for r in self.rows)

    @property
    def total(self) -> Decimal:
        return sum((r.value for r in self.rows if r.value is not None), Decimal(0))

    def values(self) -> dict[Organisation, Decimal]:
        return {r.municipality: r.value for r in self.rows}


def _read_frame(name: str, content: bytes) -> pd.DataFrame:
    lower = (name or "").lower()
    if lower.endswith(".xlsx"):
        if not content.startswith(b"PK\x03\x04"):
            raise ImportFileError(_("Filen hedder .xlsx, men er ikke et Excel-regneark."))
        try:
            return pd.read_excel(io.BytesIO(content), dtype=object, engine="openpyxl")
        except Exception:  # openpyxl raises many kinds on broken files
            raise ImportFileError(
                _("Excel-filen kunne ikke læses. Gem den igen som .xlsx og prøv igen.")
            ) from None
    if lower.endswith(".csv"):
        if b"\x00" in content:
            raise ImportFileError(_("Filen er ikke en tekstfil (CSV). Gem den som CSV (UTF-8) og prøv igen."))
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFileError(
                _("Filen er ikke gemt som UTF-8. Gem den som CSV (UTF-8) og prøv igen.")
            ) from None
        first = text.splitlines()[0] if text.strip() else ""
        sep = (
            ";" if first.count(";") >= first.count(",") and ";" in first else ("\t" if "\t" in first else ",")
        )
        try:
            return pd.read_csv(
                io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=True
            )
        except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error):
            raise ImportFileError(
                _("CSV-filen kunne ikke læses: tjek at den har kolonnerne Kommune og en værdi.")
            ) from None
    raise ImportFileError(_("Filtypen understøttes ikke. Brug .csv eller .xlsx."))


def _parse_number(raw, *, integer: bool) -> tuple[Decimal | None, str | None]:
    if raw is None or (isinstance(raw, float) and raw != raw):
        return None, _("Værdien mangler.")
    if isinstance(raw, bool):
        return None, _("«%(value)s» er ikke et tal.") % {"value": raw}
    if isinstance(raw, int | float):
        value = Decimal(str(raw))
    else:
        text = str(raw).strip().replace("\xa0", "").replace(" ", "")
        if not text:
            return None, _("Værdien mangler.")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
            text = text.replace(".", "")  # Danish thousands: "1.776"
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None, _("«%(value)s» er ikke et tal.") % {"value": str(raw)[:40]}
        if not value.is_finite():
            return None, _("«%(value)s» er ikke et tal.") % {"value": str(raw)[:40]}
    if value < 0:
        return None, _("Værdien må ikke være negativ (%(value)s).") % {"value": value}
    if integer and value != value.to_integral_value():
        return None, _("Antal pladser skal være et helt tal, ikke %(value)s.") % {"value": value}
    return (value.to_integral_value() if integer else value), None


def parse_table(
    uploaded,
    *,
    integer: bool = True,
    expected_total: int | None = None,
    lookup: OrganisationLookup | None = None,
) -> ImportResult:
    """Read and validate an uploaded file; raises ImportFileError when the file cannot be read at all."""
    if uploaded is None:
        raise ImportFileError(_("Vælg en fil."))
    if uploaded.size > MAX_BYTES:
        raise ImportFileError(
            _("Filen er for stor (%(kb)s kB). Den må højst fylde 5 MB.") % {"kb": uploaded.size // 1024}
        )
    content = uploaded.read()
    return parse_bytes(uploaded.name, content, integer=integer, expected_total=expected_total, lookup=lookup)


def parse_bytes(
    name: str,
    content: bytes,
    *,
    integer: bool = True,
    expected_total: int | None = None,
    lookup: OrganisationLookup | None = None,
) -> ImportResult:
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("Filen er for stor. Den må højst fylde 5 MB."))
    if not content.strip():
        raise ImportFileError(_("Filen er tom."))
    frame = _read_frame(name, content)
    columns = {normalise_name(str(c)): c for c in frame.columns}
    if "kommune" not in columns:
        raise ImportFileError(_("Filen mangler kolonnen «Kommune» i første række."))
    value_columns = [c for key, c in columns.items() if key in VALUE_LABELS]
    if len(value_columns) != 1:
        raise ImportFileError(_("Filen skal have præcis én værdikolonne: «Pladser», «Nøgle» eller «Optag»."))
    name_column, value_column = columns["kommune"], value_columns[0]
    if len(frame) > 1000:
        raise ImportFileError(_("Filen har for mange rækker (over 1.000); der er 29 kommuner."))

    lookup = lookup or OrganisationLookup(Organisation.objects.municipalities())
    rows: list[ImportRow] = []
    errors: list[str] = []
    total_line: Decimal | None = None
    seen: dict[int, int] = {}
    for index, record in enumerate(frame.to_dict("records"), start=2):
        raw_name = record.get(name_column)
        raw_name = (
            ""
            if raw_name is None or (isinstance(raw_name, float) and raw_name != raw_name)
            else str(raw_name)
        )
        raw_value = record.get(value_column)
        if not raw_name.strip() and (raw_value is None or str(raw_value).strip() in ("", "nan")):
            continue  # an empty line
        if normalise_name(raw_name) in TOTAL_LABELS:
            total_line, problem = _parse_number(raw_value, integer=integer)
            if problem:
                errors.append(_("Linje %(line)s (I alt): %(problem)s") % {"line": index, "problem": problem})
            continue
        row = ImportRow(line=index, name=raw_name.strip()[:100], raw_value=str(raw_value)[:40])
        if not raw_name.strip():
            row.errors.append(_("Kommunens navn mangler."))
        else:
            try:
                row.municipality = lookup.resolve(raw_name)
            except UnknownOrganisation as unknown:
                row.errors.append(str(unknown))
        if row.municipality is not None:
            if row.municipality.pk in seen:
                row.errors.append(
                    _("%(name)s står to gange (også i linje %(line)s).")
                    % {"name": row.municipality, "line": seen[row.municipality.pk]}
                )
            else:
                seen[row.municipality.pk] = index
        row.value, problem = _parse_number(raw_value, integer=integer)
        if problem:
            row.errors.append(problem)
        rows.append(row)

    missing = [m.name for m in Organisation.objects.municipalities() if m.pk not in seen]
    if missing:
        errors.append(
            _("Der mangler %(count)s kommune(r): %(names)s.")
            % {"count": len(missing), "names": ", ".join(missing)}
        )
    result = ImportResult(rows=rows, errors=errors, total_line=total_line)
    if all(r.value is not None for r in rows):
        if total_line is not None and result.total != total_line:
            errors.append(
                _("Linjen «I alt» siger %(line)s, men rækkerne summer til %(sum)s.")
                % {"line": total_line, "sum": result.total}
            )
        if expected_total is not None and result.total != expected_total:
            errors.append(
                _("Rækkerne summer til %(sum)s, men det regionale antal er %(total)s.")
                % {"sum": result.total, "total": expected_total}
            )
    return result


# --- export -------------------------------------------------------------------------------------------


def table_frame(rows: list[tuple[str, object]], *, value_label: str = "Pladser", with_total: bool = True):
    data = [{"Kommune": name, value_label: value} for name, value in rows]
    if with_total:
        data.append({"Kommune": "I alt", value_label: sum(v for _n, v in rows)})
    return pd.DataFrame(data, columns=["Kommune", value_label])


def to_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, sep=";").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, engine="openpyxl")
    return buffer.getvalue()

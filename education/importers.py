"""Import and export of per-municipality tables (allocations, keys, realised intake) as CSV and XLSX.

A file has a column "Kommune" and one value column ("Pladser", "Nøgle" or "Optag"), one row per
municipality, optionally an "I alt" line. Parsing validates every row and never saves anything: the caller
shows the preview with each row's fate and commits all or nothing.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import tabular
from core.models import Organisation, OrganisationLookup, UnknownOrganisation, normalise_name
from core.numbers import parse_number
from core.tabular import ImportRefused, Row, Sheet

MAX_ROWS = 1000  # there are 29 municipalities
TOTAL_LABELS = {"i alt", "total", "sum"}
VALUE_LABELS = {"pladser", "nøgle", "noegle", "optag", "antal", "værdi", "vaerdi", "places", "key", "intake"}


@dataclass
class ImportResult:
    rows: list[Row]  # values: name, raw_value, value (Decimal or None), municipality (or None)
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


def _parse_number(raw: str, *, integer: bool) -> tuple[Decimal | None, str | None]:
    if not raw.strip():
        return None, _("Værdien mangler.")
    try:
        value = parse_number(raw)
    except ValueError as error:
        return None, str(error)
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
    """Read and validate an uploaded file; raises ImportRefused when the file cannot be read at all."""
    table = tabular.read_upload(uploaded, max_rows=MAX_ROWS)
    return _validate(table, integer=integer, expected_total=expected_total, lookup=lookup)


def parse_bytes(
    name: str,
    content: bytes,
    *,
    integer: bool = True,
    expected_total: int | None = None,
    lookup: OrganisationLookup | None = None,
) -> ImportResult:
    return _validate(
        tabular.read_bytes(name, content, max_rows=MAX_ROWS),
        integer=integer,
        expected_total=expected_total,
        lookup=lookup,
    )


def _validate(
    table: tabular.Table,
    *,
    integer: bool,
    expected_total: int | None,
    lookup: OrganisationLookup | None,
) -> ImportResult:
    columns = {normalise_name(c): c for c in table.columns if c}
    if "kommune" not in columns:
        raise ImportRefused(_("Filen mangler kolonnen «Kommune» i første række."))
    value_columns = [c for key, c in columns.items() if key in VALUE_LABELS]
    if len(value_columns) != 1:
        raise ImportRefused(_("Filen skal have præcis én værdikolonne: «Pladser», «Nøgle» eller «Optag»."))
    name_column, value_column = columns["kommune"], value_columns[0]

    lookup = lookup or OrganisationLookup(Organisation.objects.municipalities())
    rows: list[Row] = []
    errors: list[str] = []
    total_line: Decimal | None = None
    seen: dict[int, int] = {}
    for record in table.records:
        index = record.line
        raw_name, raw_value = record.get(name_column), record.get(value_column)
        if not raw_name and not raw_value:
            continue  # a line with cells only in other columns
        if normalise_name(raw_name) in TOTAL_LABELS:
            total_line, problem = _parse_number(raw_value, integer=integer)
            if problem:
                errors.append(_("Linje %(line)s (I alt): %(problem)s") % {"line": index, "problem": problem})
            continue
        row = Row(
            line=index,
            cells=record.cells,
            values={"name": raw_name[:100], "raw_value": raw_value[:40], "value": None, "municipality": None},
        )
        if not raw_name:
            row.errors.append(_("Kommunens navn mangler."))
        else:
            try:
                row.values["municipality"] = lookup.resolve(raw_name)
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
        row.values["value"], problem = _parse_number(raw_value, integer=integer)
        if problem:
            row.errors.append(problem)
        rows.append(row)

    missing = [m.name for m in Organisation.objects.municipalities() if m.pk not in seen]
    if missing:
        errors.append(
            ngettext(
                "Der mangler %(count)s kommune: %(names)s.",
                "Der mangler %(count)s kommuner: %(names)s.",
                len(missing),
            )
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


def export_bytes(
    fmt: str, rows: list[tuple[str, object]], *, value_label: str = "Pladser", with_total: bool = True
) -> bytes:
    """Kommune and one value column, optionally an "I alt" line: the shape parse_bytes reads."""
    data = [[name, value] for name, value in rows]
    if with_total:
        data.append(["I alt", sum(v for _n, v in rows)])
    headers = ["Kommune", value_label]
    if fmt == "csv":
        return tabular.csv_bytes(headers, data)
    return tabular.xlsx_bytes([Sheet(value_label, headers, data)])

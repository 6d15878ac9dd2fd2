"""The population table in: a file with «Kommune» and «Indbyggere», one row per municipality.

Read through core.tabular (limits, encodings), every row validated, nothing saved: the page shows the
preview and the commit writes all rows or none. A file may hold fewer than 29 municipalities (the page
then says which are missing), never a municipality twice or a row that is not a whole number.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import tabular
from core.formatting import number
from core.models import Organisation, OrganisationLookup, UnknownOrganisation, normalise_name
from core.numbers import parse_number
from core.tabular import ImportRefused, Row
from education.importers import ImportResult  # the same shape, so the preview partial is shared

MAX_ROWS = 1000  # there are 29 municipalities
MAX_INHABITANTS = 10_000_000
NAME_LABELS = {"kommune", "municipality"}
VALUE_LABELS = {"indbyggere", "indbyggertal", "folketal", "befolkning", "inhabitants", "population"}
TOTAL_LABELS = {"i alt", "total", "sum"}


@dataclass
class PopulationResult(ImportResult):
    missing: list[str] = field(default_factory=list)  # municipalities the file does not name


def parse_population(uploaded) -> PopulationResult:
    """Validate an uploaded file; raises ImportRefused when it cannot be read at all."""
    return validate(tabular.read_upload(uploaded, max_rows=MAX_ROWS))


def _inhabitants(raw: str) -> tuple[int | None, str | None]:
    if not raw.strip():
        return None, _("Indbyggertallet mangler.")
    try:
        value = parse_number(raw)
    except ValueError as error:
        return None, str(error)
    if value != value.to_integral_value():
        return None, _("Indbyggertallet skal være et helt tal, ikke %(value)s.") % {"value": raw[:40]}
    if not 0 < value <= MAX_INHABITANTS:
        return None, _("Indbyggertallet skal være mellem 1 og %(max)s.") % {"max": number(MAX_INHABITANTS)}
    return int(value), None


def validate(table: tabular.Table) -> PopulationResult:
    columns = {normalise_name(c): c for c in table.columns if c}
    names = [c for key, c in columns.items() if key in NAME_LABELS]
    values = [c for key, c in columns.items() if key in VALUE_LABELS]
    if len(names) != 1 or len(values) != 1:
        raise ImportRefused(_("Filen skal have kolonnerne «Kommune» og «Indbyggere» i første række."))
    name_column, value_column = names[0], values[0]

    municipalities = list(Organisation.objects.municipalities())
    lookup = OrganisationLookup(municipalities)
    rows: list[Row] = []
    seen: dict[int, int] = {}
    for record in table.records:
        raw_name, raw_value = record.get(name_column), record.get(value_column)
        if not raw_name.strip() and not raw_value.strip():
            continue
        if normalise_name(raw_name) in TOTAL_LABELS:
            continue  # a total line is not a municipality
        row = Row(
            line=record.line,
            cells=record.cells,
            values={"name": raw_name[:100], "raw_value": raw_value[:40], "value": None, "municipality": None},
        )
        if not raw_name.strip():
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
                seen[row.municipality.pk] = record.line
        row.values["value"], problem = _inhabitants(raw_value)
        if problem:
            row.errors.append(problem)
        rows.append(row)

    errors = []
    if not rows:
        errors.append(_("Filen har ingen kommuner."))
    missing = [m.name for m in municipalities if m.pk not in seen]
    return PopulationResult(rows=rows, errors=errors, missing=missing)


def missing_text(missing: list[str]) -> str:
    return ngettext(
        "Filen har ikke %(count)s kommune: %(names)s. Den vises uden tal pr. indbygger.",
        "Filen har ikke %(count)s kommuner: %(names)s. De vises uden tal pr. indbygger.",
        len(missing),
    ) % {"count": len(missing), "names": ", ".join(missing)}

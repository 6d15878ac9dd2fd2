"""Tables in and out: one reader (CSV or XLSX, with limits), one preview-then-commit store and one writer.

Reading never trusts the file: the size is checked before it is read, the row count while it is read (a
million-row CSV or XLSX stops at the limit, before any row is validated), an XLSX's declared unpacked sizes
before anything is inflated (zip bombs; zipfile never inflates a part past its declared size), and binary
content is refused with a message a user can act on. CSV comes as UTF-8, Windows-1252 (Danish Excel's
"CSV (semikolonsepareret)") or UTF-16 with its byte order mark (Excel's "Unicode-tekst"). Every cell comes back as
text; a number an XLSX holds comes back written the Danish way ("40,25") so the importers parse all numbers
with core.numbers. Formula cells come back as their text ("=SUM(A1)"); nothing is ever evaluated.

Writing uses one CSV dialect everywhere (";" and UTF-8 with BOM, so Danish Excel opens it) and neutralises
text that a spreadsheet would run as a formula. Numbers stay numbers: -2.5 is written as -2,5 / a numeric
cell, only text starting with "-" gets the apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formatting import number

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_CELL_CHARS = 10_000
MAX_XLSX_INFLATED = 50 * 1024 * 1024  # the declared unpacked size of all parts of an XLSX
MAX_XLSX_PART = 2 * 1024 * 1024  # any part read whole (shared strings, styles, workbook): not a sheet
MAX_XLSX_PARTS = 1_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ImportRefused(ValueError):
    """The file as a whole cannot be read; the message (Danish) is shown beside the upload field."""


# --- reading ----------------------------------------------------------------------------------------


@dataclass
class Record:
    """One data line of the file: its line number (the header is line 1) and its cells by column key."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass
class Table:
    columns: list[str]  # column keys: the header stripped and casefolded
    records: list[Record]


def read_upload(upload, *, max_rows: int = MAX_ROWS) -> Table:
    """Read an uploaded file (a Django UploadedFile); the size is checked before a byte is read."""
    if upload is None:
        raise ImportRefused(_("Vælg en fil."))
    if (upload.size or 0) > MAX_BYTES:
        raise _too_big()
    return read_bytes(upload.name, upload.read(MAX_BYTES + 1), max_rows=max_rows)


def read_bytes(name: str, content: bytes, *, max_rows: int = MAX_ROWS) -> Table:
    if len(content) > MAX_BYTES:
        raise _too_big()
    if not content.strip():
        raise ImportRefused(_("Filen er tom."))
    lower = (name or "").lower()
    if lower.endswith(".csv"):
        rows = _csv_rows(content)
    elif lower.endswith(".xlsx"):
        rows = _xlsx_rows(content)
    else:
        raise ImportRefused(_("Filtypen understøttes ikke. Kun CSV- og XLSX-filer kan indlæses."))
    return _table(rows, max_rows=max_rows)


def require_columns(table: Table, required: Iterable[str]) -> None:
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise ImportRefused(
            _("Kolonner mangler: %(names)s (filen mangler kolonnen/kolonnerne i første række).")
            % {"names": ", ".join(f"«{c}»" for c in missing)}
        )


def _too_big() -> ImportRefused:
    return ImportRefused(_("Filen er for stor. Den må højst fylde %(mb)s MB.") % {"mb": MAX_BYTES // 2**20})


def _table(rows: Iterator[list[str]], *, max_rows: int) -> Table:
    header = next(rows, None)
    if header is None or not any(header):
        raise ImportRefused(_("Filen har ingen overskrifter i første række."))
    columns = [cell.strip().casefold() for cell in header[:MAX_COLUMNS]]
    named = [c for c in columns if c]
    if len(named) != len(set(named)):
        raise ImportRefused(_("To kolonner har samme overskrift."))
    records = []
    for line, row in enumerate(rows, start=2):
        if line > max_rows + 1:
            raise ImportRefused(_("Filen har for mange rækker (over %(max)s).") % {"max": number(max_rows)})
        if not any(cell.strip() for cell in row):
            continue
        if any(len(cell) > MAX_CELL_CHARS for cell in row):
            raise ImportRefused(_("En celle i linje %(line)s er for lang.") % {"line": line})
        cells = {key: _unguard(cell.strip()) for key, cell in zip(columns, row, strict=False) if key}
        records.append(Record(line=line, cells=cells))
    return Table(columns=columns, records=records)


def _unguard(text: str) -> str:
    """Undo the export's formula guard, so an exported "'=x" imports as the "=x" it was."""
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS else text


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16 with its BOM
        try:
            return _text_only(content.decode("utf-16"))
        except UnicodeDecodeError:
            raise ImportRefused(
                _("Filen kunne ikke læses som UTF-16. Gem den som «CSV UTF-8» og prøv igen.")
            ) from None
    if b"\x00" in content:
        raise ImportRefused(
            _("Filen er ikke en tekstfil (CSV) men binære data. Gem den som CSV (UTF-8) og prøv igen.")
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")  # what Danish Excel writes as "CSV (semikolonsepareret)"
        except UnicodeDecodeError:
            raise ImportRefused(
                _("Filen er hverken UTF-8 eller Windows-1252. Gem den som CSV (UTF-8) og prøv igen.")
            ) from None
    return _text_only(text)


def _text_only(text: str) -> str:
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
        raise ImportRefused(
            _("Filen er ikke en tekstfil (CSV) men binære data. Gem den som CSV (UTF-8) og prøv igen.")
        )
    return text


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _csv_rows(content: bytes) -> Iterator[list[str]]:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        for row in reader:
            yield row[:MAX_COLUMNS]
    except csv.Error:
        raise ImportRefused(
            _("CSV-filen kunne ikke læses (linje %(line)s).") % {"line": reader.line_num}
        ) from None


def _check_zip(content: bytes) -> None:
    """Refuse an XLSX whose parts would unpack to too much, before openpyxl inflates anything."""
    if not content.startswith(b"PK\x03\x04"):
        raise ImportRefused(
            _(
                "Filen kunne ikke læses: den er ikke en gyldig XLSX-fil (den hedder .xlsx, men er ikke "
                "et Excel-regneark). Gem den igen som .xlsx."
            )
        )
    try:
        parts = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _unreadable_xlsx() from None
    whole = [p for p in parts if not p.filename.startswith("xl/worksheets/sheet")]
    if (
        len(parts) > MAX_XLSX_PARTS
        or sum(p.file_size for p in parts) > MAX_XLSX_INFLATED
        or any(p.file_size > MAX_XLSX_PART for p in whole)
    ):
        raise ImportRefused(
            _("Regnearket fylder for meget udpakket (over %(mb)s MB) og afvises.")
            % {"mb": MAX_XLSX_INFLATED // 2**20}
        )


def _unreadable_xlsx() -> ImportRefused:
    return ImportRefused(_("Excel-filen kunne ikke læses. Gem den igen som .xlsx og prøv igen."))


def _first_sheet(content: bytes):
    """The workbook's first worksheet, read-only, opened without anything else of the workbook.

    openpyxl's load_workbook opens every sheet to look for its declared range; a sheet without one is
    parsed to its end at that point, before the row cap can act (a million rows: 30 s and 100 MB). Here
    only the parts a cell's value needs are read (the manifest, shared strings, workbook, number formats)
    and the sheet's declared range is ignored: the row cap bounds what is read.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class Sheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            pass  # the declared range ("A1:B1") is the writer's word, not what the sheet holds

    reader = ExcelReader(io.BytesIO(content), read_only=True, data_only=False)
    reader.read_manifest()
    strings = reader.package.find(SHARED_STRINGS_TYPE)
    if strings is not None:
        reader.shared_strings = _shared_strings(reader.archive, strings.PartName[1:])
    reader.read_workbook()
    apply_stylesheet(reader.archive, reader.wb)  # which numbers are dates
    for sheet, rel in reader.parser.find_sheets():
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
            return reader.archive, Sheet(reader.wb, sheet.name, rel.target, reader.shared_strings)
    reader.archive.close()
    raise _unreadable_xlsx()


SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "  # expat's "namespace name" prefix


def _shared_strings(archive: zipfile.ZipFile, path: str) -> list[str]:
    """The shared-strings table, read like openpyxl reads it: each <si>'s text, plain or in rich-text runs,
    without the phonetic hints (<rPh>).

    Straight from expat's events, without building elements: a table at the 2 MB part limit reads in about
    a third of the time ElementTree took, and openpyxl's own reader (an object per string) is slower still.
    """
    from xml.parsers import expat

    strings: list[str] = []
    parts: list[str] = []
    in_text = False
    in_phonetic = 0

    def start(name: str, _attributes: dict) -> None:
        nonlocal in_text, in_phonetic
        if name == _MAIN + "t":
            in_text = True
        elif name == _MAIN + "rPh":
            in_phonetic += 1
        elif name == _MAIN + "si":
            parts.clear()

    def end(name: str) -> None:
        nonlocal in_text, in_phonetic
        if name == _MAIN + "t":
            in_text = False
        elif name == _MAIN + "rPh":
            in_phonetic -= 1
        elif name == _MAIN + "si":
            strings.append("".join(parts))

    def text(data: str) -> None:
        if in_text and not in_phonetic:
            parts.append(data)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    with archive.open(path) as source:
        parser.ParseFile(source)
    return strings


def _xlsx_rows(content: bytes) -> Iterator[list[str]]:
    _check_zip(content)
    try:
        # data_only=False: a formula cell reads as its text, never as a value someone computed.
        archive, sheet = _first_sheet(content)
    except ImportRefused:
        raise
    except Exception:  # openpyxl raises many kinds on a broken file
        raise _unreadable_xlsx() from None
    try:
        header = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), ())
        header = [_cell_text(value) for value in header]
        while header and not header[-1].strip():
            header.pop()
        yield header
        # Only as many columns as the header names: cells further right have no column to go to, and a
        # narrow row is cheap (a row padded to 100 cells costs 50 times as much per line).
        for row in sheet.iter_rows(min_row=2, max_col=max(len(header), 1), values_only=True):
            yield [_cell_text(value) for value in row]
    except ImportRefused:
        raise
    except Exception:
        raise _unreadable_xlsx() from None
    finally:
        archive.close()


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold; numbers with a decimal comma."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        exact = Decimal(repr(value)) if isinstance(value, float) else value
        return format(exact, "f").replace(".", ",") if exact % 1 else str(int(exact))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)[: MAX_CELL_CHARS + 1]


# --- preview, then commit all or nothing ------------------------------------------------------------

_SESSION_PREFIX = "tabular_preview:"
_SALT = "core.tabular.preview"
PREVIEW_MAX_AGE = 3600
T = TypeVar("T")


class PreviewExpired(Exception):
    """The token does not match the preview kept in this session (forged, stale, or already used)."""


class PreviewAlreadyCommitted(PreviewExpired):
    """The preview the token names has been committed already (a double click, a second tab)."""


def already_committed_message() -> str:
    return _("Filen er allerede indlæst; den er ikke indlæst en gang til.")


def preview_store(request, kind: str, payload: Any) -> str:
    """Keep the validated rows (JSON-safe) in the session; the returned signed token names them."""
    nonce = secrets.token_urlsafe(16)
    request.session[_SESSION_PREFIX + kind] = {"nonce": nonce, "payload": payload}
    return signing.dumps({"kind": kind, "nonce": nonce}, salt=_SALT)


def preview_discard(request, kind: str) -> None:
    request.session.pop(_SESSION_PREFIX + kind, None)


def preview_commit(request, kind: str, token: str | None, apply: Callable[[Any], T]) -> T:
    """Run apply(payload) for the preview the token names, in one transaction; the preview is used up.

    At most once: the token's nonce is inserted (unique) in the same transaction as what apply writes. A
    second commit of the same preview, even one running at the same moment from another request, waits
    for the first one's transaction on that unique row and then raises PreviewAlreadyCommitted; a commit
    that fails rolls the row back with everything else, so the preview can be committed again.
    """
    from core.models import PreviewCommit

    try:
        signed = signing.loads(token or "", salt=_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        raise PreviewExpired from None
    nonce = signed.get("nonce")
    if signed.get("kind") != kind or not isinstance(nonce, str):
        raise PreviewExpired
    if PreviewCommit.objects.filter(nonce=nonce).exists():
        raise PreviewAlreadyCommitted
    kept = request.session.get(_SESSION_PREFIX + kind)
    if not kept or nonce != kept.get("nonce"):
        raise PreviewExpired
    user = getattr(request, "user", None)
    with transaction.atomic():
        try:
            with transaction.atomic():
                PreviewCommit.objects.create(
                    nonce=nonce,
                    kind=kind[:100],
                    committed_by=user if user and user.is_authenticated else None,
                )
        except IntegrityError:
            raise PreviewAlreadyCommitted from None
        result = apply(kept["payload"])
    preview_discard(request, kind)
    # A token is refused by its signature's age after PREVIEW_MAX_AGE; its row is not needed after that.
    PreviewCommit.objects.filter(
        committed_at__lt=timezone.now() - timedelta(seconds=2 * PREVIEW_MAX_AGE)
    ).delete()
    return result


@dataclass
class Row:
    """One line of an import as the preview shows it: what it said, what it became, and its fate.

    row.municipality reads row.values["municipality"], so templates and tests name fields plainly.
    """

    line: int
    cells: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    fate: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name in ("values", "cells"):
            raise AttributeError(name)
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


# --- writing ----------------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (CSV/formula injection)."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int):
        return str(value)  # years and counts as written: 2024, not 2.024
    if isinstance(value, float | Decimal):
        text = number(value, 3)
        return text.rstrip("0").rstrip(",") if "," in text else text
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def _xlsx_cell(value: object) -> object:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)  # Excel has no time zones: Danish time
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, bool | int | float | date):
        return value
    return neutralise(_ILLEGAL_XML.sub("", str(value)))


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(str(h)) for h in headers])
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(re.sub(r"[\\/*?:\[\]]", " ", sheet.title)[:31] or "Ark")
        worksheet.append([_xlsx_cell(str(h)) for h in sheet.headers])
        for row in sheet.rows:
            worksheet.append([_xlsx_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(content: bytes, filename: str) -> HttpResponse:
    content_type = "text/csv; charset=utf-8" if filename.endswith(".csv") else XLSX_CONTENT_TYPE
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def table_response(
    fmt: str, filename: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence[object]]
) -> HttpResponse | None:
    """One table as a CSV or XLSX download (filename without extension); None for an unknown format."""
    if fmt == "csv":
        return download(csv_bytes(headers, rows), f"{filename}.csv")
    if fmt == "xlsx":
        return download(xlsx_bytes([Sheet(sheet, headers, rows)]), f"{filename}.xlsx")
    return None

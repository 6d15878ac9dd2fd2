"""Files that try to hurt an importer, shared by the importers' tests and core.tabular's own."""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from core.tabular import MAX_BYTES, MAX_XLSX_INFLATED, MAX_XLSX_PART


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def zip_bomb_xlsx() -> bytes:
    """A real workbook whose sheet part unpacks to more than the limit (a few hundred kB packed)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx([["a", "b"], ["1", "2"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in source.infolist():
            data = source.read(part)
            if part.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(part, data)
                continue
            head, tail = data.split(b"</worksheet>")
            with bomb.open(part.filename, "w", force_zip64=True) as sheet:
                sheet.write(head + b"<!--")
                chunk = b" " * 2**20
                for _ in range(MAX_XLSX_INFLATED // len(chunk) + 8):
                    sheet.write(chunk)
                sheet.write(b"-->" + b"</worksheet>" + tail)
    content = out.getvalue()
    assert len(content) < MAX_BYTES // 5  # small on the wire: only the unpacked size gives it away
    return content


def _with_sheet(
    header: list[object],
    write_rows,
    *,
    dimension: str | None = None,
    extra_parts: dict[str, bytes] | None = None,
    zip64: bool = True,
) -> bytes:
    """A workbook whose first sheet is the header row followed by what write_rows(stream) writes.

    The other parts are those openpyxl writes for a one-row workbook; extra_parts replace or add parts;
    dimension replaces the sheet's declared range (which openpyxl writes for the header row alone).
    """
    source = zipfile.ZipFile(io.BytesIO(xlsx([header])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        for part in source.infolist():
            if part.filename in (extra_parts or {}):
                continue
            data = source.read(part)
            if part.filename != "xl/worksheets/sheet1.xml":
                book.writestr(part, data)
                continue
            if dimension is not None:  # "" drops the element
                new = b'<dimension ref="%s" />' % dimension.encode() if dimension else b""
                data = re.sub(rb'<dimension ref="[^"]*" */>', new, data)
            head, rest = data.split(b"</sheetData>")
            with book.open(part.filename, "w", force_zip64=zip64) as sheet:
                sheet.write(head)
                write_rows(sheet)
                sheet.write(b"</sheetData>" + rest)
        for name, data in (extra_parts or {}).items():
            book.writestr(name, data)
    return out.getvalue()


@lru_cache(maxsize=8)
def million_row_xlsx(header: tuple[str, ...] = ("kommune", "pladser"), *, declared: bool = True) -> bytes:
    """A workbook of a header and a million numeric rows: well under a megabyte packed, and its sheet
    unpacks to about 41 MB, under the unpacked-size limit, so only the row cap stops it."""
    row = b"<row><c><v>1</v></c><c><v>1</v></c></row>"  # two cells, however wide the header

    def write_rows(sheet):
        chunk = row * 10_000
        for _ in range(100):
            sheet.write(chunk)

    last = get_column_letter(len(header))
    content = _with_sheet(list(header), write_rows, dimension=f"A1:{last}1000001" if declared else "")
    assert len(content) < MAX_BYTES // 5
    return content


@lru_cache(maxsize=1)
def lying_zip_bomb_xlsx() -> bytes:
    """A workbook whose sheet inflates to far more than its central directory declares (1 kB)."""

    def write_rows(sheet):
        sheet.write(b"<!--")
        for _ in range(MAX_XLSX_INFLATED // 2**20 + 8):
            sheet.write(b" " * 2**20)
        sheet.write(b"-->")

    content = bytearray(_with_sheet(["a"], write_rows, zip64=False))
    offset = 0
    while (offset := content.find(b"PK\x01\x02", offset)) != -1:  # each central directory entry
        name_length = int.from_bytes(content[offset + 28 : offset + 30], "little")
        if content[offset + 46 : offset + 46 + name_length] == b"xl/worksheets/sheet1.xml":
            content[offset + 24 : offset + 28] = (1000).to_bytes(4, "little")  # its uncompressed size
        offset += 4
    return bytes(content)


@lru_cache(maxsize=4)
def million_row_csv(header: str) -> bytes:
    """A CSV of a million short lines that still fits under the size limit."""
    content = (header + "\n" + "x;1\n" * 1_000_000).encode()
    assert len(content) < MAX_BYTES
    return content


def oversized() -> bytes:
    return b"x" * (MAX_BYTES + 1)


def undeclared_million_row_xlsx() -> bytes:
    """The million rows without the sheet's <dimension> element, which openpyxl then looks for to the end."""
    return million_row_xlsx(declared=False)


SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


@lru_cache(maxsize=2)
def shared_strings_xlsx(size: int = MAX_XLSX_PART) -> bytes:
    """A workbook whose shared-strings table (read whole, not streamed) holds about size bytes of distinct
    short strings: at the per-part limit, the most memory a table can cost."""
    source = zipfile.ZipFile(io.BytesIO(xlsx([["a"]])))
    types = source.read("[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>'
        % SHARED_STRINGS_TYPE.encode(),
    )
    count = (size - 200) // len(b"<si><t>0000000</t></si>")
    strings = b"".join(b"<si><t>%07d</t></si>" % i for i in range(count))
    table = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
        % (count, count)
        + strings
        + b"</sst>"
    )
    return _with_sheet(
        ["a"], lambda sheet: None, extra_parts={"[Content_Types].xml": types, "xl/sharedStrings.xml": table}
    )


def oversized_shared_strings_xlsx() -> bytes:
    return shared_strings_xlsx(MAX_XLSX_PART + 1024)


def _replace_parts(content: bytes, replace) -> bytes:
    """The workbook with each part's bytes passed through replace(name, data)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for part in source.infolist():
            book.writestr(part, replace(part.filename, source.read(part)))
    return out.getvalue()


def with_dimension(content: bytes, dimension: str) -> bytes:
    """The workbook with its first sheet declaring another range than it holds."""

    def replace(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="%s"' % dimension.encode(), data)

    return _replace_parts(content, replace)


def xlsx_with_shared_strings(items: list[str], rows: list[list[int]]) -> bytes:
    """A one-column workbook whose cells point into a shared-strings table of the given <si> bodies."""
    table = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si>{item}</si>" for item in items)
        + "</sst>"
    ).encode()
    sheet_rows = "".join(
        f'<row r="{n}">'
        + "".join(f'<c r="{chr(65 + i)}{n}" t="s"><v>{v}</v></c>' for i, v in enumerate(row))
        + "</row>"
        for n, row in enumerate(rows, start=1)
    ).encode()
    types_override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % (
        SHARED_STRINGS_TYPE.encode()
    )

    def replace(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", types_override)
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData>" + sheet_rows + b"</sheetData>", data)
        return data

    content = _replace_parts(xlsx([["x"]]), replace)
    out = io.BytesIO(content)
    with zipfile.ZipFile(out, "a") as book:
        book.writestr("xl/sharedStrings.xml", table)
    return out.getvalue()

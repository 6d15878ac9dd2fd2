"""Files that try to hurt an importer, shared by the importers' tests and core.tabular's own."""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from openpyxl import Workbook

from core.tabular import MAX_BYTES, MAX_XLSX_INFLATED


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


@lru_cache(maxsize=4)
def million_row_csv(header: str) -> bytes:
    """A CSV of a million short lines that still fits under the size limit."""
    content = (header + "\n" + "x;1\n" * 1_000_000).encode()
    assert len(content) < MAX_BYTES
    return content


def utf16_csv(text: str) -> bytes:
    return text.encode("utf-16")  # with its byte order mark, as Excel's "Unicode text" writes it


def oversized() -> bytes:
    return b"x" * (MAX_BYTES + 1)

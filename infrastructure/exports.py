"""Tables as CSV (semicolon, UTF-8 with BOM, Danish numbers) or XLSX (real numbers)."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

from core.formatting import number


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) or value.__class__.__name__ == "Decimal":
        text = number(value, 3)
        return text.rstrip("0").rstrip(",") if "," in text else text
    return str(value)


def csv_response(filename: str, headers: list[str], rows: list[list]) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename: str, sheet: str, headers: list[str], rows: list[list]) -> HttpResponse:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]
    worksheet.append(headers)
    for row in rows:
        worksheet.append([float(v) if v.__class__.__name__ == "Decimal" else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def table_response(fmt: str, filename: str, sheet: str, headers, rows) -> HttpResponse | None:
    if fmt == "csv":
        return csv_response(filename, headers, rows)
    if fmt == "xlsx":
        return xlsx_response(filename, sheet, headers, rows)
    return None

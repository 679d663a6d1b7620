"""Writing a table (headers and rows of plain values) as .csv (UTF-8 with BOM) or .xlsx (openpyxl write-only).

Formats only: the caller says what the columns are and hands rows; nothing here reads a database.

Two CSVs:
- the machine CSV (`spreadsheet=False`): values as they are, for another program to read;
- the spreadsheet CSV (`spreadsheet=True`): a text column of digits (customer numbers of 20 digits, bank,
  branch and account numbers with their leading zeros) is written as ="…", which Excel and LibreOffice
  both open as that text instead of a number (3.29279E+18, 5 for 0005).
Both neutralise formulas per OWASP (app.io.cells.csv_text); the .xlsx writes every text as a string cell.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.io.cells import csv_text, xlsx_text

TEXT = "@"


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    number_format: str | None = None  # "@" keeps leading zeros; '"¥"#,##0'; "yyyy-mm-dd"


def _csv_cell(value: Any, column: Column, spreadsheet: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        if spreadsheet and column.number_format == TEXT and value.isascii() and value.isdigit():
            return f'="{value}"'  # digits only: nothing else can ride in the formula
        return csv_text(value)
    return value


def write_csv(
    path: Path, columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, spreadsheet: bool = False
) -> int:
    """Write the rows; returns how many were written."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([csv_text(c.header) for c in columns])
        for row in rows:
            writer.writerow([_csv_cell(v, c, spreadsheet) for v, c in zip(row, columns, strict=True)])
            count += 1
    return count


def write_xlsx(
    path: Path,
    sheet_name: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "",
) -> int:
    """Write the rows on one sheet with a frozen header, printed landscape fit to the page width with the
    header row on every page and 「n / N ページ」 in the footer; returns how many were written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if title:
        sheet.oddHeader.left.text = xlsx_text(title)
    sheet.oddFooter.center.text = "&P / &N ページ"
    bold = Font(bold=True)
    header = []
    for column in columns:
        heading = WriteOnlyCell(sheet, value=xlsx_text(column.header))
        heading.font = bold
        header.append(heading)
    sheet.append(header)
    templates: list[Any] = []
    for column in columns:
        template = None
        if column.number_format:
            template = WriteOnlyCell(sheet)
            template.number_format = column.number_format
        templates.append(template)
    count = 0
    for row in rows:
        cells: list[Any] = []
        for template, value in zip(templates, row, strict=True):
            if isinstance(value, str):
                cell: Any = template if template is not None else WriteOnlyCell(sheet)
                cell._value = xlsx_text(value)
                cell.data_type = "s"  # a text, never a formula or an error code
                cells.append(cell)
            elif template is not None and value is not None:
                template.value = value
                cells.append(template)
            else:
                cells.append(value)
        sheet.append(cells)
        count += 1
    book.save(path)
    return count


__all__ = ["Column", "write_csv", "write_xlsx"]

"""Writing a table (headers and rows of plain values) as .csv (UTF-8 with BOM) or .xlsx (openpyxl write-only).

Formats only: the caller says what the columns are and hands rows; nothing here reads a database.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    number_format: str | None = None  # "@" keeps leading zeros; '"¥"#,##0'; "yyyy-mm-dd"


def write_csv(path: Path, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> int:
    """Write the rows; returns how many were written."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.header for c in columns])
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            count += 1
    return count


def write_xlsx(path: Path, sheet_name: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> int:
    """Write the rows on one sheet with a frozen header; returns how many were written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.append([c.header for c in columns])
    count = 0
    for row in rows:
        cells = []
        for column, value in zip(columns, row, strict=True):
            cell = WriteOnlyCell(sheet, value=cast(Any, "" if value is None else value))
            if column.number_format:
                cell.number_format = column.number_format
            cells.append(cell)
        sheet.append(cells)
        count += 1
    book.save(path)
    return count


__all__ = ["Column", "write_csv", "write_xlsx"]

"""Reading tabular files clerks bring: .csv (UTF-8 with or without BOM, or cp932) and .xlsx."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.domain.errors import InvalidValue
from app.domain.text import control_positions, shown
from app.messages import text


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, header → cell text)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidValue(
        "文字コードを判別できません（UTF-8 か Shift_JIS(cp932) で保存してください）", code="file_encoding"
    )


def read_table(path: Path) -> Table:
    """The header row (row 1) and every non-empty row after it, keyed by header text.

    Refused whole, with row and column [REG-9]: a header given twice (the last one would win silently), a
    control character in any cell, a formula cell whose result the file does not hold (it would read as empty)."""
    if not path.exists():
        raise InvalidValue(f"ファイル {shown(path.name)} が見つかりません", code="file_missing")
    suffix = path.suffix.lower()
    formulas: set[tuple[int, int]] = set()
    if suffix == ".csv":
        reader = csv.reader(io.StringIO(_decode(path.read_bytes()), newline=""))
        raw_rows = [[cell.strip() for cell in row] for row in reader]
    elif suffix in (".xlsx", ".xlsm"):
        raw_rows, formulas = _read_xlsx(path)
    else:
        raise InvalidValue("読み込めるのは .csv と .xlsx のファイルです", code="file_type", suffix=suffix)
    if not raw_rows:
        raise InvalidValue("ファイルが空です（1行目に見出しが必要です）", code="file_empty")
    headers = [h.strip().lstrip("\ufeff") for h in raw_rows[0]]
    problems = _problems(headers, raw_rows, formulas)
    if problems:
        listed = "\n".join(problems[:20]) + (f"\nほか {len(problems) - 20} 件" if len(problems) > 20 else "")
        raise InvalidValue("import.table_problems", problems=listed)
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(raw_rows[1:], start=2):
        if not any(cells):
            continue
        padded = [*cells, *[""] * (len(headers) - len(cells))]
        rows.append((number, {h: padded[i] for i, h in enumerate(headers) if h}))
    return Table(headers, rows)


def _column_name(index: int) -> str:
    """A spreadsheet column letter (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _problems(headers: list[str], raw_rows: list[list[str]], formulas: set[tuple[int, int]]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        if header:
            seen.setdefault(header, []).append(index)
    for header, indexes in seen.items():
        if len(indexes) > 1:
            columns = "・".join(_column_name(i) for i in indexes)
            problems.append(text("import.duplicate_header", header=shown(header), columns=columns))
    for row_index, cells in enumerate(raw_rows, start=1):
        for col, cell in enumerate(cells):
            positions = control_positions(cell)
            if positions:
                column = (
                    shown(headers[col]) if col < len(headers) and headers[col] and row_index > 1 else _column_name(col)
                )
                char = f"U+{ord(cell[positions[0] - 1]):04X}"
                problems.append(
                    text(
                        "import.cell_control_character", row=row_index, column=column, position=positions[0], char=char
                    )
                )
    for row_index, col in sorted(formulas):
        column = shown(headers[col]) if col < len(headers) and headers[col] else _column_name(col)
        problems.append(text("import.formula_without_value", row=row_index, column=column))
    return problems


def _read_xlsx(path: Path) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """The cells' values as the file saved them, and where a formula has no saved result (row, column index)."""
    from openpyxl import load_workbook

    try:
        values_book = load_workbook(path, read_only=True, data_only=True)
        formula_book = load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InvalidValue("import.xlsx_unreadable", name=shown(path.name)) from error
    try:
        if not values_book.worksheets:
            raise InvalidValue("import.xlsx_no_sheet", name=shown(path.name))
        rows: list[list[str]] = []
        missing: set[tuple[int, int]] = set()
        try:
            pairs = zip(
                values_book.worksheets[0].iter_rows(values_only=True),
                formula_book.worksheets[0].iter_rows(values_only=True),
                strict=False,
            )
            for row_index, (values, formulas) in enumerate(pairs, start=1):
                rows.append([_cell_text(v) for v in values])
                for col, (value, formula) in enumerate(zip(values, formulas, strict=False)):
                    if value is None and isinstance(formula, str) and formula.startswith("="):
                        missing.add((row_index, col))
        except InvalidValue:
            raise
        except Exception as error:  # broken XML inside a sheet
            raise InvalidValue("import.xlsx_unreadable", name=shown(path.name)) from error
        return rows, missing
    finally:
        values_book.close()
        formula_book.close()

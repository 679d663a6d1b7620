"""Reading tabular files clerks bring: .csv (UTF-8 with or without BOM, or cp932) and .xlsx."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.domain.errors import InvalidValue


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
    """The header row (row 1) and every non-empty row after it, keyed by header text."""
    if not path.exists():
        raise InvalidValue(f"ファイル {path} が見つかりません", code="file_missing")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        reader = csv.reader(io.StringIO(_decode(path.read_bytes()), newline=""))
        raw_rows = [[cell.strip() for cell in row] for row in reader]
    elif suffix in (".xlsx", ".xlsm"):
        raw_rows = _read_xlsx(path)
    else:
        raise InvalidValue("読み込めるのは .csv と .xlsx のファイルです", code="file_type", suffix=suffix)
    if not raw_rows:
        raise InvalidValue("ファイルが空です（1行目に見出しが必要です）", code="file_empty")
    headers = [h.strip().lstrip("\ufeff") for h in raw_rows[0]]
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(raw_rows[1:], start=2):
        if not any(cells):
            continue
        padded = [*cells, *[""] * (len(headers) - len(cells))]
        rows.append((number, {h: padded[i] for i, h in enumerate(headers) if h}))
    return Table(headers, rows)


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InvalidValue(f"Excel ファイルを開けません: {error}", code="file_unreadable") from error
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()

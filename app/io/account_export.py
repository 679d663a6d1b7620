"""Exporting search results to .xlsx (openpyxl, write-only) or .csv (UTF-8 with BOM, opens in Excel)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, cast

from app.db.database import Database
from app.domain.errors import InvalidValue
from app.services.accounts import RegistrationView, rows_by_ids

COLUMNS: list[tuple[str, str]] = [
    ("顧客番号", "customer_number"),
    ("状態", "status_label"),
    ("契約者名", "contract_holder_name"),
    ("契約者名カナ", "contract_holder_kana"),
    ("郵便番号", "postal_code"),
    ("住所", "address"),
    ("電話番号", "phone"),
    ("銀行コード", "bank_code"),
    ("銀行名", "bank_name"),
    ("支店コード", "branch_code"),
    ("支店名", "branch_name"),
    ("預金種目", "deposit_type_label"),
    ("口座番号", "account_number"),
    ("口座名義カナ", "account_holder_kana"),
    ("口座名義（銀行データ）", "account_holder_kana_bank"),
    ("通帳記号", "jp_symbol"),
    ("通帳番号", "jp_number"),
    ("登録方法", "method"),
    ("月額", "monthly_amount"),
    ("登録日", "registration_date"),
]
TEXT_COLUMNS = {
    "customer_number",
    "account_number",
    "bank_code",
    "branch_code",
    "postal_code",
    "phone",
    "jp_symbol",
    "jp_number",
}
BATCH = 1000


class ExportCancelled(Exception):
    """The user cancelled; the partial file has been removed."""


def _value(view: RegistrationView, attribute: str) -> str | int | date | None:
    value = getattr(view, attribute)
    if attribute == "method":
        return "紙" if value == "paper" else "WEB"
    if value is None:
        return ""
    assert isinstance(value, str | int | date)
    return value


def export_registrations(
    db: Database,
    ids: Sequence[int],
    path: Path,
    *,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Write the registrations with these ids, in this order; returns how many were written."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InvalidValue("書き出せるのは .xlsx と .csv です", code="export_type")
    try:
        if suffix == ".xlsx":
            written = _xlsx(db, ids, path, progress, cancelled)
        else:
            written = _csv(db, ids, path, progress, cancelled)
    except ExportCancelled:
        path.unlink(missing_ok=True)
        raise
    return written


def _each(
    db: Database, ids: Sequence[int], progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> Iterator[RegistrationView]:
    """The registrations batch by batch, reporting progress and stopping when cancelled."""
    for start in range(0, len(ids), BATCH):
        if cancelled():
            raise ExportCancelled
        yield from rows_by_ids(db, ids[start : start + BATCH])
        progress(min(start + BATCH, len(ids)), len(ids))


def _csv(
    db: Database, ids: Sequence[int], path: Path, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([label for label, _ in COLUMNS])
        for view in _each(db, ids, progress, cancelled):
            writer.writerow([_value(view, attribute) for _, attribute in COLUMNS])
            count += 1
    return count


def _xlsx(
    db: Database, ids: Sequence[int], path: Path, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("口座一覧")
    sheet.freeze_panes = "A2"
    for index, (_, attribute) in enumerate(COLUMNS, start=1):
        width = 24 if attribute in ("address", "contract_holder_name", "account_holder_kana") else 14
        sheet.column_dimensions[_column_letter(index)].width = width
    sheet.append([label for label, _ in COLUMNS])
    count = 0
    for view in _each(db, ids, progress, cancelled):
        cells = []
        for _, attribute in COLUMNS:
            cell = WriteOnlyCell(sheet, value=cast(Any, _value(view, attribute)))  # openpyxl takes dates too
            if attribute in TEXT_COLUMNS:
                cell.number_format = "@"  # leading zeros stay
            elif attribute == "monthly_amount":
                cell.number_format = '"¥"#,##0'
            elif attribute == "registration_date":
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
        count += 1
    book.save(path)
    return count


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))

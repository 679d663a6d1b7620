"""The month's billing as an Excel workbook (openpyxl write-only: a large month stays within memory)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.account_fields import DEPOSIT_TYPE_LABELS
from app.domain.business_calendar import MonthSchedule
from app.progress import Cancelled


class WorkbookSettings(Protocol):
    """The merchant settings the workbook prints."""

    @property
    def consignor_name(self) -> str: ...
    @property
    def consignor_code(self) -> str: ...
    @property
    def charge_description(self) -> str: ...


class WorkbookOperator(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def login_id(self) -> str: ...


class WorkbookLine(Protocol):
    """One line as written (the billing service's export line)."""

    @property
    def registration_id(self) -> int: ...
    @property
    def customer_number(self) -> str: ...
    @property
    def bank_code(self) -> str: ...
    @property
    def branch_code(self) -> str: ...
    @property
    def deposit_type(self) -> int: ...
    @property
    def account_number(self) -> str: ...
    @property
    def account_holder_bank(self) -> str: ...
    @property
    def amount(self) -> int: ...
    @property
    def new_code(self) -> int: ...
    @property
    def description(self) -> str: ...


YEN = '"¥"#,##0'
TEXT = "@"
# (header, width, number format)
DATA_COLUMNS: list[tuple[str, float, str | None]] = [
    ("顧客番号", 24, TEXT),
    ("銀行コード", 10, TEXT),
    ("銀行名", 18, None),
    ("支店コード", 10, TEXT),
    ("支店名", 18, None),
    ("預金種目", 9, None),
    ("口座番号", 11, TEXT),
    ("口座名義カナ", 28, None),
    ("金額", 12, YEN),
    ("新規コード", 10, None),
    ("摘要", 22, None),
]
DEPOSIT_LABELS = {int(k): v for k, v in DEPOSIT_TYPE_LABELS.items()}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F5FA8")


def _setup(sheet: Worksheet, title: str, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if sheet.oddHeader is not None:
        sheet.oddHeader.center.text = title


def _header_row(sheet: Worksheet, titles: Sequence[str]) -> list[Any]:
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        cells.append(cell)
    return cells


def write_billing_workbook(
    path: Path,
    settings: WorkbookSettings,
    schedule: MonthSchedule,
    lines: Sequence[WorkbookLine],
    names: Mapping[int, tuple[str, str, str]],
    operator: WorkbookOperator,
    final: bool,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    """Raises Cancelled (nothing saved) when `cancelled` turns true (checked at the start and every
    10,000 lines)."""
    if cancelled():
        raise Cancelled
    book = Workbook(write_only=True)
    title = f"口座振替請求 {schedule.billing_month}　{settings.consignor_name}"
    data = book.create_sheet("請求明細")
    _setup(data, title, [w for _, w, _ in DATA_COLUMNS])
    data.append(_header_row(data, [h for h, _, _ in DATA_COLUMNS]))
    formats = [fmt for _, _, fmt in DATA_COLUMNS]
    total = 0
    for number, line in enumerate(lines, start=1):
        bank, branch, _kana = names.get(line.registration_id, ("", "", ""))
        values: list[Any] = [
            line.customer_number,
            line.bank_code,
            bank,
            line.branch_code,
            branch,
            DEPOSIT_LABELS.get(line.deposit_type, str(line.deposit_type)),
            line.account_number,
            line.account_holder_bank,
            line.amount,
            line.new_code,
            line.description or settings.charge_description,
        ]
        row = []
        for value, fmt in zip(values, formats, strict=True):
            if fmt is None:
                row.append(value)
            else:
                cell = WriteOnlyCell(data, value=value)
                cell.number_format = fmt
                row.append(cell)
        data.append(row)
        total += line.amount
        if number % 10_000 == 0:
            progress(number, len(lines))
            if cancelled():
                raise Cancelled
    summary = book.create_sheet("集計")
    _setup(summary, title, [26, 40])
    summary.append(_header_row(summary, ["項目", "内容"]))
    rows: list[tuple[str, Any, str | None]] = [
        ("委託者名", settings.consignor_name, None),
        ("委託者コード", settings.consignor_code, TEXT),
        ("請求月", str(schedule.billing_month), TEXT),
        ("振替日", schedule.debit_date, "yyyy-mm-dd"),
        ("請求締切日", schedule.billing_deadline, "yyyy-mm-dd"),
        ("結果返却日", schedule.result_date, "yyyy-mm-dd"),
        ("件数", len(lines), "#,##0"),
        ("合計金額", total, YEN),
        ("確定", "確定（ロック）" if final else "下書き", None),
        ("出力者", f"{operator.name}（{operator.login_id}）", None),
        ("出力日時", datetime.now().replace(microsecond=0), "yyyy-mm-dd hh:mm:ss"),
    ]
    for label, value, fmt in rows:
        cell = WriteOnlyCell(summary, value=value)
        if fmt:
            cell.number_format = fmt
        summary.append([label, cell])
    progress(len(lines), len(lines))
    book.save(path)

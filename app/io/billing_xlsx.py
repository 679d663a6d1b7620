"""The month's billing as an Excel workbook (openpyxl write-only: a large month stays within memory).

Every printed page says 下書き or 確定 and 「n / N ページ」 in its header and footer. The detail sheet carries the
contract holder's name and a total row; the summary breaks the month down by 新規コード and by bank; dates show
their weekday. Every text is written as a string cell (never a formula); control characters are made visible.

Speed: a row is mostly plain values; each styled column reuses one prepared cell (its style resolved once), so
a line costs about what a bare openpyxl write-only loop costs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.account_fields import DEPOSIT_TYPE_LABELS
from app.domain.business_calendar import MonthSchedule
from app.io.cells import xlsx_text
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
    """One line as written (the billing service's export line, with the registration's names)."""

    @property
    def customer_number(self) -> str: ...
    @property
    def contract_holder_name(self) -> str: ...
    @property
    def bank_code(self) -> str: ...
    @property
    def bank_name(self) -> str: ...
    @property
    def branch_code(self) -> str: ...
    @property
    def branch_name(self) -> str: ...
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
COUNT = "#,##0"
# [$-411]: the Japanese locale, so the weekday prints as 月・火… in Excel and LibreOffice alike (without it
# LibreOffice in another locale misreads the whole date)
DATE_WITH_WEEKDAY = '[$-411]yyyy"年"m"月"d"日（"aaa"）"'
NEW_CODE_HEADER = "新規コード\n1=初回・2=変更"
NEW_CODE_MEANING = {0: "継続", 1: "初回（新規）", 2: "口座変更"}


@dataclass(frozen=True)
class _Column:
    header: str
    width: float
    number_format: str | None = None
    align: str | None = None  # horizontal alignment when not the type's own
    shrink: bool = False  # long text shrinks into the column instead of running over the next one


DATA_COLUMNS: list[_Column] = [
    _Column("顧客番号", 24, TEXT),
    _Column("契約者名", 20, shrink=True),
    _Column("銀行コード", 10, TEXT, "center"),
    _Column("銀行名", 16, shrink=True),
    _Column("支店コード", 10, TEXT, "center"),
    _Column("支店名", 14, shrink=True),
    _Column("預金種目", 8, None, "center"),
    _Column("口座番号", 9, TEXT, "center"),
    _Column("口座名義カナ", 22, shrink=True),
    _Column("金額", 12, YEN),
    _Column(NEW_CODE_HEADER, 14, "0", "center"),
    _Column("摘要", 30, shrink=True),
]
AMOUNT_COLUMN = 9
DEPOSIT_LABELS = {int(k): v for k, v in DEPOSIT_TYPE_LABELS.items()}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F5FA8")
TOTAL_FONT = Font(bold=True)
TOTAL_BORDER = Border(top=Side(style="thin"), bottom=Side(style="double"))


def _setup(sheet: Worksheet, title: str, state: str, widths: Sequence[float]) -> None:
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
    sheet.print_options.horizontalCentered = True
    pairs: list[tuple[Any, Any]] = [(sheet.oddHeader, sheet.oddFooter), (sheet.evenHeader, sheet.evenFooter)]
    for header, footer in pairs:
        header.left.text = title
        header.right.text = state
        header.right.size = 14
        header.right.font = "-,Bold"
        footer.left.text = state
        footer.center.text = "&P / &N ページ"


def _header_row(sheet: Worksheet, titles: Sequence[str]) -> list[Any]:
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cells.append(cell)
    return cells


def _template(sheet: Worksheet, column: _Column) -> Any:
    """One prepared cell for a styled column, reused on every row (a row is written as soon as appended)."""
    if column.number_format is None and column.align is None and not column.shrink:
        return None
    cell = WriteOnlyCell(sheet)
    if column.number_format:
        cell.number_format = column.number_format
    if column.align or column.shrink:
        cell.alignment = Alignment(horizontal=column.align, shrink_to_fit=column.shrink)
    cell.style_id  # noqa: B018  (resolve the style once)
    return cell


def _string_cell(sheet: Worksheet, text: str) -> Any:
    """A text that openpyxl would take for a formula or an error code, kept as a plain string."""
    cell: Any = WriteOnlyCell(sheet)
    cell._value = text
    cell.data_type = "s"
    return cell


def safe_value(sheet: Worksheet, value: Any) -> Any:
    """A value as written: texts cleaned and never a formula."""
    if isinstance(value, str):
        text = xlsx_text(value)
        if text.startswith("=") or text in ERROR_CODES:
            return _string_cell(sheet, text)
        return text
    return value


def write_billing_workbook(
    path: Path,
    settings: WorkbookSettings,
    schedule: MonthSchedule,
    lines: Collection[WorkbookLine],
    operator: WorkbookOperator,
    final: bool,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    now: datetime | None = None,
) -> None:
    """Raises Cancelled (nothing saved) when `cancelled` turns true (checked at the start and every
    10,000 lines)."""
    if cancelled():
        raise Cancelled
    book = Workbook(write_only=True)
    try:
        _write(book, path, settings, schedule, lines, operator, final, progress, cancelled, now)
    except BaseException:
        discard(book)
        raise


def discard(book: Workbook) -> None:
    """A workbook abandoned half-way (a cancel, an error): close each sheet's stream and remove the temporary
    file openpyxl writes the sheet into (it holds names and account numbers)."""
    for sheet in book.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):  # the sheet is being thrown away; its file is removed below
            if not getattr(sheet, "closed", True):
                sheet.close()
        with contextlib.suppress(OSError):
            writer.cleanup()


def _write(
    book: Workbook,
    path: Path,
    settings: WorkbookSettings,
    schedule: MonthSchedule,
    lines: Collection[WorkbookLine],
    operator: WorkbookOperator,
    final: bool,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
    now: datetime | None,
) -> None:
    state = "確定" if final else "下書き"
    title = xlsx_text(f"口座振替請求 {schedule.billing_month}　{settings.consignor_name}")
    data = book.create_sheet("請求明細")
    _setup(data, title, state, [c.width for c in DATA_COLUMNS])
    data.row_dimensions[1].height = 36
    data.append(_header_row(data, [c.header for c in DATA_COLUMNS]))
    templates = [_template(data, c) for c in DATA_COLUMNS]
    styled: list[tuple[int, Any]] = [(i, t) for i, t in enumerate(templates) if t is not None]
    text_columns = {1, 3, 5, 8, 11}  # free texts: cleaned, never a formula
    default_description = settings.charge_description
    total = 0
    by_code: dict[int, list[int]] = {}
    by_bank: dict[str, list[Any]] = {}
    count = len(lines)
    for number, line in enumerate(lines, start=1):
        values: list[Any] = [
            line.customer_number,
            line.contract_holder_name,
            line.bank_code,
            line.bank_name,
            line.branch_code,
            line.branch_name,
            DEPOSIT_LABELS.get(line.deposit_type, str(line.deposit_type)),
            line.account_number,
            line.account_holder_bank,
            line.amount,
            line.new_code,
            line.description or default_description,
        ]
        for index in text_columns:
            text = values[index]
            if text and (text[0] == "=" or not text.isprintable()):
                values[index] = safe_value(data, text)
        for index, template in styled:
            value = values[index]
            if isinstance(value, Cell):  # a cleaned text: keep it a string, with the column's style
                template._value, template.data_type = cast(Any, value)._value, "s"
            else:
                template._value = value
                template.data_type = "n" if isinstance(value, int) else "s"
            values[index] = template
        data.append(values)
        total += line.amount
        code = by_code.setdefault(line.new_code, [0, 0])
        code[0] += 1
        code[1] += line.amount
        bank = by_bank.setdefault(line.bank_code, [line.bank_name, 0, 0])
        bank[1] += 1
        bank[2] += line.amount
        if number % 10_000 == 0:
            progress(number, count)
            if cancelled():
                raise Cancelled
    data.append(_total_row(data, count, total))
    _summary(book, settings, schedule, operator, title, state, count, total, by_code, by_bank, now)
    progress(count, count)
    book.save(path)


def _total_row(sheet: Worksheet, count: int, total: int) -> list[Any]:
    row: list[Any] = []
    for index in range(len(DATA_COLUMNS)):
        value: Any = None
        fmt = None
        if index == 0:
            value = "合計"
        elif index == 1:
            value, fmt = f"{count:,} 件", None
        elif index == AMOUNT_COLUMN:
            value, fmt = total, YEN
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = TOTAL_FONT
        cell.border = TOTAL_BORDER
        if fmt:
            cell.number_format = fmt
        row.append(cell)
    return row


def _summary(
    book: Workbook,
    settings: WorkbookSettings,
    schedule: MonthSchedule,
    operator: WorkbookOperator,
    title: str,
    state: str,
    count: int,
    total: int,
    by_code: dict[int, list[int]],
    by_bank: dict[str, list[Any]],
    now: datetime | None,
) -> None:
    summary = book.create_sheet("集計")
    _setup(summary, title, state, [22, 36, 12, 16])
    summary.append(_header_row(summary, ["項目", "内容", "件数", "金額"]))

    def cell(value: Any, fmt: str | None = None, *, bold: bool = False, left: bool = False) -> Any:
        c: Any = WriteOnlyCell(summary)
        value = safe_value(summary, value)
        if isinstance(value, Cell):
            c._value, c.data_type = cast(Any, value)._value, "s"
        else:
            c.value = value
        if fmt:
            c.number_format = fmt
        if bold:
            c.font = TOTAL_FONT
        if left:
            c.alignment = Alignment(horizontal="left")
        return c

    facts: list[tuple[str, Any, str | None]] = [
        ("委託者名", settings.consignor_name, None),
        ("委託者コード", settings.consignor_code, TEXT),
        ("請求月", str(schedule.billing_month), TEXT),
        ("振替日", _day(schedule.debit_date), DATE_WITH_WEEKDAY),
        ("請求締切日", _day(schedule.billing_deadline), DATE_WITH_WEEKDAY),
        ("結果返却日", _day(schedule.result_date), DATE_WITH_WEEKDAY),
        ("件数", count, COUNT),
        ("合計金額", total, YEN),
        ("確定", "確定（ロック）" if state == "確定" else "下書き", None),
        ("出力者", f"{operator.name}（{operator.login_id}）", None),
        ("出力日時", (now or datetime.now()).replace(microsecond=0), DATE_WITH_WEEKDAY + " hh:mm"),
    ]
    for label, value, fmt in facts:
        summary.append([cell(label, bold=True), cell(value, fmt, left=True)])
    summary.append([])
    summary.append(_header_row(summary, ["新規コード", "意味", "件数", "金額"]))
    for code in sorted(by_code):
        lines, amount = by_code[code]
        summary.append([cell(f"新規コード {code}"), cell(NEW_CODE_MEANING.get(code, "")), cell(lines, COUNT),
                        cell(amount, YEN)])  # fmt: skip
    summary.append([])
    summary.append(_header_row(summary, ["銀行コード", "銀行名", "件数", "金額"]))
    for bank_code in sorted(by_bank):
        name, lines, amount = by_bank[bank_code]
        summary.append([cell(bank_code, TEXT), cell(name), cell(lines, COUNT), cell(amount, YEN)])
    summary.append([cell("合計", bold=True), cell(""), cell(count, COUNT, bold=True), cell(total, YEN, bold=True)])


def _day(value: date) -> datetime:
    return datetime(value.year, value.month, value.day)

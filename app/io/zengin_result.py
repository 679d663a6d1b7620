"""Reading a result file (振替結果): the bank format or a spreadsheet, into plain records. Formats only.

Bank format (../shared/reference/zengin-furikae-format.md): the request layout with the result code at data
byte 112 and the trailer's paid / failed counts and amounts (bytes 20–55) filled; 120-byte records with no
separator, CR LF or LF; a trailing 0x1A is ignored; several header … trailer groups before the end record.
Spreadsheet: .xlsx or .csv (UTF-8 with or without BOM, or cp932) with 顧客番号, 金額, 振替結果コード and
optionally 振替日. What the file says about itself is checked here (record shapes, a trailer against its
data); whether it matches a month's billing is the results service's business.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app import messages
from app.domain.account_fields import parse_amount
from app.domain.errors import DomainError
from app.domain.text import shown
from app.domain.zengin import RECORD_LENGTH

END_OF_FILE = b"\x1a"
TABLE_COLUMNS = ("顧客番号", "金額", "振替結果コード")
DATE_COLUMN = "振替日"
PAID = "0"


@dataclass(frozen=True)
class FileProblem:
    """One problem, by record number (bank format) or by row and column (spreadsheet)."""

    record: int
    message: str
    column: str = ""

    def __str__(self) -> str:
        if self.column:
            return messages.text("results.at_row", row=self.record, column=self.column, message=self.message)
        return messages.text("results.at_record", record=self.record, message=self.message)


@dataclass(frozen=True)
class ResultRecord:
    record: int  # record number in the file (or the spreadsheet row)
    customer_number: str
    amount: int
    result_code: str  # exactly as it came: a code the bank tables do not know is kept
    bank_code: str = ""
    branch_code: str = ""
    debit_date: date | None = None  # the spreadsheet's 振替日, when given

    @property
    def paid(self) -> bool:
        return self.result_code == PAID


@dataclass(frozen=True)
class Trailer:
    record: int
    total_count: int
    total_amount: int
    paid_count: int
    paid_amount: int
    failed_count: int
    failed_amount: int


@dataclass
class ResultGroup:
    """One header … trailer group (a spreadsheet is one group without a header)."""

    header_record: int = 0
    consignor_code: str = ""
    debit_mmdd: str = ""  # the header's 引落日 MMDD
    records: list[ResultRecord] = field(default_factory=list)
    trailer: Trailer | None = None


@dataclass
class ResultFile:
    format: str  # "zengin" or "table"
    file_hash: str
    groups: list[ResultGroup]
    problems: list[FileProblem]

    @property
    def records(self) -> list[ResultRecord]:
        return [r for g in self.groups for r in g.records]


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_result_file(path: Path) -> ResultFile:
    """The bank format for any file that is not .csv / .xlsx; every problem listed, nothing raised for content."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx", ".xlsm"):
        return read_result_table(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DomainError("results.file_missing", path=str(path)) from None
    return parse_zengin_result(data)


def _split(data: bytes) -> list[bytes] | None:
    body = data.rstrip(END_OF_FILE)
    if b"\n" in body:
        return [line.rstrip(b"\r") for line in body.rstrip(b"\r\n").split(b"\n")]
    if len(body) % RECORD_LENGTH:
        return None
    return [body[i : i + RECORD_LENGTH] for i in range(0, len(body), RECORD_LENGTH)]


def _digits(raw: bytes, start: int, end: int) -> int | None:
    """Bytes start..end (1-based, inclusive) as a number, or None when they are not all digits."""
    part = raw[start - 1 : end]
    return int(part) if part.isdigit() else None


def _problem(record: int, message_id: str, **params: Any) -> FileProblem:
    return FileProblem(record, messages.text(message_id, **params))


def parse_zengin_result(data: bytes) -> ResultFile:
    result = ResultFile("zengin", file_hash(data), [], [])
    problems = result.problems
    records = _split(data)
    if records is None or not records or records == [b""]:
        problems.append(_problem(1, "results.not_bank_format", length=len(data)))
        return result
    group: ResultGroup | None = None
    ended = False
    for number, raw in enumerate(records, start=1):
        if len(raw) != RECORD_LENGTH:
            problems.append(_problem(number, "results.record_length", length=len(raw)))
            continue
        kind = raw[:1]
        if ended:
            problems.append(_problem(number, "results.after_end"))
            continue
        if kind == b"1":
            if group is not None:
                problems.append(_problem(number, "results.header_without_trailer"))
            group = ResultGroup(number, raw[4:14].decode("ascii", "replace"), raw[54:58].decode("ascii", "replace"))
            result.groups.append(group)
            if raw[1:3] != b"91":
                problems.append(
                    _problem(number, "results.not_direct_debit", category=raw[1:3].decode("ascii", "replace"))
                )
            if not group.debit_mmdd.isdigit():
                problems.append(_problem(number, "results.header_date"))
        elif kind == b"2":
            if group is None:
                problems.append(_problem(number, "results.data_outside_group"))
                continue
            amount = _digits(raw, 81, 90)
            customer = raw[91:111]
            code = raw[111:112].decode("cp932", "replace")
            if amount is None:
                problems.append(_problem(number, "results.amount_not_digits"))
            if not customer.isdigit():
                problems.append(_problem(number, "results.customer_not_digits"))
            if amount is not None and customer.isdigit():
                group.records.append(
                    ResultRecord(
                        number,
                        customer.decode("ascii"),
                        amount,
                        code,
                        raw[1:5].decode("ascii", "replace"),
                        raw[20:23].decode("ascii", "replace"),
                    )
                )
        elif kind == b"8":
            if group is None or group.trailer is not None:
                problems.append(_problem(number, "results.trailer_outside_group"))
                continue
            values = [_digits(raw, a, b) for a, b in ((2, 7), (8, 19), (20, 25), (26, 37), (38, 43), (44, 55))]
            if any(v is None for v in values):
                problems.append(_problem(number, "results.trailer_not_digits"))
                group = None
                continue
            group.trailer = Trailer(number, *[int(v or 0) for v in values])
            problems.extend(_check_trailer(group, group.trailer))
            group = None
        elif kind == b"9":
            if group is not None:
                problems.append(_problem(number, "results.header_without_trailer"))
                group = None
            ended = True
        else:
            problems.append(_problem(number, "results.record_type", kind=kind.decode("ascii", "replace")))
    if group is not None:
        problems.append(_problem(len(records), "results.header_without_trailer"))
    if not result.groups:
        problems.append(_problem(1, "results.no_header"))
    elif not ended:
        problems.append(_problem(len(records), "results.no_end"))
    return result


def _check_trailer(group: ResultGroup, trailer: Trailer) -> list[FileProblem]:
    """The trailer's totals against its group's data records, and total = paid + failed."""
    paid = [r.amount for r in group.records if r.paid]
    failed = [r.amount for r in group.records if not r.paid]
    found: list[FileProblem] = []
    for label, in_trailer, in_data, unit in (
        ("合計件数", trailer.total_count, len(group.records), "件"),
        ("合計金額", trailer.total_amount, sum(paid) + sum(failed), "円"),
        ("振替済件数", trailer.paid_count, len(paid), "件"),
        ("振替済金額", trailer.paid_amount, sum(paid), "円"),
        ("振替不能件数", trailer.failed_count, len(failed), "件"),
        ("振替不能金額", trailer.failed_amount, sum(failed), "円"),
    ):
        if in_trailer != in_data:
            found.append(
                _problem(
                    trailer.record,
                    "results.trailer_mismatch",
                    label=label,
                    trailer=f"{in_trailer:,}",
                    data=f"{in_data:,}",
                    unit=unit,
                )
            )
    if trailer.total_count != trailer.paid_count + trailer.failed_count or (
        trailer.total_amount != trailer.paid_amount + trailer.failed_amount
    ):
        found.append(_problem(trailer.record, "results.trailer_sum"))
    return found


def read_result_table(path: Path) -> ResultFile:
    """A spreadsheet of results: one group without a header; every bad cell by row and column."""
    from app.io.tabular import read_table

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DomainError("results.file_missing", path=str(path)) from None
    table = read_table(path)
    result = ResultFile("table", file_hash(data), [ResultGroup()], [])
    problems = result.problems
    missing = [h for h in TABLE_COLUMNS if h not in table.headers]
    for header in missing:
        problems.append(FileProblem(1, messages.text("results.column_missing", column=header), header))
    if missing:
        return result
    if not table.rows:
        problems.append(FileProblem(2, messages.text("results.no_rows"), TABLE_COLUMNS[0]))
    group = result.groups[0]
    for row, cells in table.rows:
        number = cells.get("顧客番号", "").strip()
        code = cells.get("振替結果コード", "").strip()
        amount: int | None = None
        if not (number.isdigit() and len(number) == 20):
            problems.append(FileProblem(row, messages.text("results.customer_number_format"), "顧客番号"))
        try:
            amount = parse_amount(cells.get("金額", ""))
            if amount is None:
                problems.append(FileProblem(row, messages.text("results.amount_empty"), "金額"))
        except DomainError as error:
            problems.append(FileProblem(row, error.message, "金額"))
        if len(code) != 1:
            problems.append(FileProblem(row, messages.text("results.code_format"), "振替結果コード"))
        debit: date | None = None
        text = cells.get(DATE_COLUMN, "").strip()[:10]
        if text:
            try:
                debit = date.fromisoformat(text.replace("/", "-"))
            except ValueError:
                problems.append(FileProblem(row, messages.text("results.date_format", value=shown(text)), DATE_COLUMN))
        if amount is not None and len(code) == 1 and number.isdigit() and len(number) == 20:
            group.records.append(ResultRecord(row, number, amount, code, debit_date=debit))
    return result

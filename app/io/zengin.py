"""The bank-standard direct-debit file (全銀協規定形式, 種別コード 91): 120-byte records, table-driven.

Layout: ../shared/reference/zengin-furikae-format.md. N fields: digits, right-aligned, zero-filled; C fields:
left-aligned, space-filled, single-byte (JIS X 0201 half-width kana through app.domain.kana).

A trailer counts at most 999,999 lines and 999,999,999,999 yen: a larger month is written as several
header…trailer groups (each with the same header, its own trailer), then one end record; a count is never cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.domain.errors import InvalidValue
from app.domain.kana import FieldClass, KanaError, fit, to_bank_kana

RECORD_LENGTH = 120
ENCODING = "cp932"
CATEGORY_DIRECT_DEBIT = "91"
MAX_GROUP_LINES = 999_999  # the trailer's 6-digit count
MAX_GROUP_AMOUNT = 999_999_999_999  # the trailer's 12-digit total


@dataclass(frozen=True)
class Field:
    name: str
    length: int
    kind: str  # "N" digits or "C" characters
    kana: FieldClass | None = None  # C fields that carry names


HEADER: tuple[Field, ...] = (
    Field("record_type", 1, "N"),
    Field("category", 2, "N"),
    Field("code_type", 1, "N"),
    Field("consignor_code", 10, "N"),
    Field("consignor_name", 40, "C", FieldClass.PARTY_NAME),
    Field("debit_date", 4, "N"),
    Field("bank_code", 4, "N"),
    Field("bank_name", 15, "C", FieldClass.BANK_NAME),
    Field("branch_code", 3, "N"),
    Field("branch_name", 15, "C", FieldClass.BANK_NAME),
    Field("deposit_type", 1, "N"),
    Field("account_number", 7, "N"),
    Field("filler", 17, "C"),
)
DATA: tuple[Field, ...] = (
    Field("record_type", 1, "N"),
    Field("bank_code", 4, "N"),
    Field("bank_name", 15, "C", FieldClass.BANK_NAME),
    Field("branch_code", 3, "N"),
    Field("branch_name", 15, "C", FieldClass.BANK_NAME),
    Field("filler1", 4, "C"),
    Field("deposit_type", 1, "N"),
    Field("account_number", 7, "N"),
    Field("account_holder", 30, "C", FieldClass.PARTY_NAME),
    Field("amount", 10, "N"),
    Field("new_code", 1, "N"),
    Field("customer_number", 20, "N"),
    Field("result_code", 1, "C"),
    Field("filler2", 8, "C"),
)
TRAILER: tuple[Field, ...] = (
    Field("record_type", 1, "N"),
    Field("total_count", 6, "N"),
    Field("total_amount", 12, "N"),
    Field("paid_count", 6, "N"),
    Field("paid_amount", 12, "N"),
    Field("failed_count", 6, "N"),
    Field("failed_amount", 12, "N"),
    Field("filler", 65, "C"),
)
END: tuple[Field, ...] = (Field("record_type", 1, "N"), Field("filler", 119, "C"))
for _layout in (HEADER, DATA, TRAILER, END):
    assert sum(f.length for f in _layout) == RECORD_LENGTH


class NewCode:
    """新規コード: 1 first debit of a registration, 2 its bank account changed since the last debit, else 0."""

    OTHER = 0
    FIRST = 1
    CHANGED = 2


@dataclass(frozen=True)
class Header:
    consignor_code: str
    consignor_name: str
    debit_date: date
    bank_code: str = ""
    bank_name: str = ""
    branch_code: str = ""
    branch_name: str = ""
    deposit_type: int = 0
    account_number: str = ""


class DebitLine(NamedTuple):
    bank_code: str
    bank_name: str
    branch_code: str
    branch_name: str
    deposit_type: int
    account_number: str
    account_holder: str
    amount: int
    new_code: int
    customer_number: str


def _field(spec: Field, value: object) -> str:
    text = "" if value is None else str(value)
    if spec.kind == "N":
        if text == "":
            return "0" * spec.length
        if not text.isdigit() or len(text) > spec.length:
            raise InvalidValue(f"{spec.name} は{spec.length}桁以内の数字です（値: {text}）", code="zengin_field")
        return text.zfill(spec.length)
    if spec.kana is not None and text:
        try:
            text = fit(to_bank_kana(text, spec.kana), spec.length)
        except KanaError as error:
            raise InvalidValue(f"{spec.name}: {error.message}", code="zengin_kana") from error
    return text[: spec.length].ljust(spec.length)


def record(layout: Sequence[Field], values: dict[str, object]) -> bytes:
    line = "".join(_field(spec, values.get(spec.name)) for spec in layout)
    data = line.encode(ENCODING)
    if len(data) != RECORD_LENGTH:  # a double-byte character slipped through: never write a broken file
        raise InvalidValue(f"1レコードが{len(data)}バイトになりました（120バイト）", code="zengin_length")
    return data


def _n(value: object, length: int, name: str) -> str:
    text = str(value)
    if not text.isdigit() or len(text) > length:
        raise InvalidValue(f"{name} は{length}桁以内の数字です（値: {text}）", code="zengin_field")
    return text.zfill(length)


_DATA_SHAPE = re.compile(r"2\d{4}.{15}\d{3}.{15} {4}\d\d{7}.{30}\d{10}\d\d{20}0 {8}")


def data_record(line: DebitLine) -> str:
    """One data record as text (the hot path of a large month): built in one go, checked with one pattern,
    and only when that fails field by field, for a message that names the field."""
    bank, branch, holder = line.bank_name, line.branch_name, line.account_holder
    if len(bank) > 15 or len(branch) > 15 or len(holder) > 30:  # cut without splitting a voiced mark
        bank, branch, holder = fit(bank, 15), fit(branch, 15), fit(holder, 30)
    text = (
        f"2{line.bank_code:0>4}{bank:<15}{line.branch_code:0>3}{branch:<15}    "
        f"{line.deposit_type}{line.account_number:0>7}{holder:<30}{line.amount:010d}"
        f"{line.new_code}{line.customer_number:0>20}0{' ' * 8}"
    )
    if len(text) != RECORD_LENGTH or not _DATA_SHAPE.fullmatch(text):
        for name, value, length in (
            ("bank_code", line.bank_code, 4),
            ("branch_code", line.branch_code, 3),
            ("deposit_type", line.deposit_type, 1),
            ("account_number", line.account_number, 7),
            ("amount", line.amount, 10),
            ("new_code", line.new_code, 1),
            ("customer_number", line.customer_number, 20),
        ):
            _n(value, length, name)
        raise InvalidValue(f"顧客番号 {line.customer_number} のレコードを作れません", code="zengin_field")
    return text


def header_problems(header: Header) -> list[tuple[str, str]]:
    """What a bank would refuse in the header, as (field name, problem); empty when the header is complete.
    A final file is written only with a complete header (every field set, the consignor name in bank kana)."""
    problems: list[tuple[str, str]] = []
    for name, value, length in (
        ("consignor_code", header.consignor_code, 10),
        ("bank_code", header.bank_code, 4),
        ("branch_code", header.branch_code, 3),
        ("account_number", header.account_number, 7),
    ):
        if not value:
            problems.append((name, "missing"))
        elif not (value.isascii() and value.isdigit()) or len(value) != length:
            problems.append((name, "invalid"))
    if not header.consignor_name.strip():
        problems.append(("consignor_name", "missing"))
    else:
        try:
            _field(HEADER[4], header.consignor_name)
            header.consignor_name.encode(ENCODING)
        except (InvalidValue, UnicodeEncodeError):
            problems.append(("consignor_name", "invalid"))
    if header.deposit_type not in (1, 2, 9):
        problems.append(("deposit_type", "missing" if not header.deposit_type else "invalid"))
    if not header.bank_name.strip():
        problems.append(("bank_name", "missing"))
    if not header.branch_name.strip():
        problems.append(("branch_name", "missing"))
    return problems


def _header_record(header: Header) -> bytes:
    return record(
        HEADER,
        {
            "record_type": 1,
            "category": CATEGORY_DIRECT_DEBIT,
            "code_type": 0,
            "consignor_code": header.consignor_code,
            "consignor_name": header.consignor_name,
            "debit_date": header.debit_date.strftime("%m%d"),
            "bank_code": header.bank_code,
            "bank_name": header.bank_name,
            "branch_code": header.branch_code,
            "branch_name": header.branch_name,
            "deposit_type": header.deposit_type or "",
            "account_number": header.account_number,
        },
    )


def _encode_data(data: list[str]) -> list[bytes]:
    encoded = "".join(data).encode(ENCODING)
    if len(encoded) != RECORD_LENGTH * len(data):  # a double-byte character slipped through
        bad = next(d for d in data if len(d.encode(ENCODING)) != RECORD_LENGTH)
        raise InvalidValue(f"1バイトにできない文字があります: {bad[91:111]}", code="zengin_length")
    return [encoded[i : i + RECORD_LENGTH] for i in range(0, len(encoded), RECORD_LENGTH)]


@dataclass(frozen=True)
class Group:
    """One header…trailer group as the trailer counts it."""

    count: int
    total: int


def plan_groups(
    amounts: Iterable[int], *, max_lines: int = MAX_GROUP_LINES, max_amount: int = MAX_GROUP_AMOUNT
) -> list[Group]:
    """How the lines fall into groups: a new group when the next line would overflow the trailer's count or
    total. Always at least one group (a month with no lines still has its header and trailer)."""
    groups: list[Group] = []
    count = total = 0
    for amount in amounts:
        if amount > max_amount:
            raise InvalidValue(f"1件の金額が{max_amount:,}円を超えています", code="zengin_amount")
        if count and (count + 1 > max_lines or total + amount > max_amount):
            groups.append(Group(count, total))
            count = total = 0
        count += 1
        total += amount
    groups.append(Group(count, total))
    return groups


def write(
    header: Header,
    lines: Iterable[DebitLine],
    *,
    newline: bool = True,
    max_lines: int = MAX_GROUP_LINES,
    max_amount: int = MAX_GROUP_AMOUNT,
) -> bytes:
    """The whole request file: header, data, trailer (repeated per group), end; CR LF after each record unless
    `newline` is off. Each trailer's count and total are those of its own group's data records."""
    separator = b"\r\n" if newline else b""
    materialised = list(lines)
    groups = plan_groups((line.amount for line in materialised), max_lines=max_lines, max_amount=max_amount)
    head = _header_record(header)
    records: list[bytes] = []
    start = 0
    for group in groups:
        chunk = materialised[start : start + group.count]
        start += group.count
        records.append(head)
        if chunk:
            records += _encode_data([data_record(line) for line in chunk])
        records.append(record(TRAILER, {"record_type": 8, "total_count": group.count, "total_amount": group.total}))
    records.append(record(END, {"record_type": 9}))
    return separator.join(records) + separator

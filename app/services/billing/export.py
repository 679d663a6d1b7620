"""Exporting a month as a workbook or the bank format; as final it locks the month (BILL-6)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    BillingExport,
    BillingLine,
    BillingMonth,
    utcnow,
)
from app.domain import bank_codes
from app.domain.business_calendar import BillingMonth as Month
from app.domain.business_calendar import MonthSchedule
from app.domain.errors import DomainError, InvalidValue
from app.domain.kana import FieldClass, fit, to_bank_kana
from app.domain.zengin import DebitLine, Header, NewCode, write
from app.messages import text
from app.services.billing.audit import _audit
from app.services.billing.checks import _problems
from app.services.billing.common import (
    DRAFT,
    FINAL,
    BillingRefused,
    ExportResult,
)
from app.services.billing.months import _month_row
from app.services.billing.schedule import schedule_for
from app.services.operators import OperatorRef
from app.services.settings import SettingsView, get_settings


class ExportLine(NamedTuple):
    """A line as it is written: plain values read in one query."""

    id: int
    registration_id: int
    customer_number: str
    amount: int
    description: str
    bank_code: str
    branch_code: str
    deposit_type: int
    account_number: str
    account_holder_bank: str
    new_code: int


def _export_lines(session: Session, row: BillingMonth) -> list[ExportLine]:
    L = BillingLine
    stmt = (
        select(
            L.id,
            L.registration_id,
            L.customer_number,
            L.amount,
            L.description,
            L.bank_code,
            L.branch_code,
            L.deposit_type,
            L.account_number,
            L.account_holder_bank,
            L.new_code,
        )
        .where(L.billing_month_id == row.id, L.stopped.is_(False))
        .order_by(L.customer_number)
    )
    return [ExportLine._make(values) for values in session.execute(stmt)]


def _new_codes(session: Session, row: BillingMonth, lines: list[ExportLine]) -> list[ExportLine]:
    """新規コード from the last final export before this month: 1 first debit, 2 account changed, 0 other."""
    L = BillingLine
    previous: dict[int, tuple[str, str, int, str]] = {}
    stmt = (
        select(L.registration_id, L.bank_code, L.branch_code, L.deposit_type, L.account_number)
        .join(BillingMonth, BillingMonth.id == L.billing_month_id)
        .where(BillingMonth.state != DRAFT, BillingMonth.month < row.month, L.stopped.is_(False))
        .order_by(BillingMonth.month)
    )
    for rid, bank, branch, deposit, number in session.execute(stmt):
        previous[rid] = (bank, branch, deposit, number)
    coded = []
    changed = []
    for line in lines:
        before = previous.get(line.registration_id)
        account = (line.bank_code, line.branch_code, line.deposit_type, line.account_number)
        code = NewCode.FIRST if before is None else NewCode.CHANGED if before != account else NewCode.OTHER
        if code != line.new_code:
            changed.append({"line_id": line.id, "code": code})
            line = line._replace(new_code=code)
        coded.append(line)
    if changed:
        table = cast(Table, BillingLine.__table__)  # Core: one executemany UPDATE, not the ORM bulk path
        session.connection().execute(
            update(table).where(table.c.id == bindparam("line_id")).values(new_code=bindparam("code")), changed
        )
    return coded


def header_warnings(db: Database) -> list[str]:
    """Header fields not set yet: the file is still produced (BILL-5), zero- or space-filled, with a warning."""
    s = get_settings(db)
    missing = [
        label
        for label, value in (
            ("委託者コード（10桁）", s.zengin_consignor_code),
            ("委託者名カナ", s.consignor_name_kana),
            ("取引銀行コード", s.merchant_bank_code),
            ("取引支店コード", s.merchant_branch_code),
            ("取引口座の預金種目", s.merchant_deposit_type),
            ("取引口座の口座番号", s.merchant_account_number),
        )
        if not value
    ]
    if not missing:
        return []
    return [f"加盟店設定の {'、'.join(missing)} が未設定のため、ヘッダーの該当欄を0または空白で出力しました"]


def export_month(
    db: Database,
    month: str,
    fmt: str,
    path: Path,
    operator: OperatorRef,
    *,
    final: bool = False,
    newline: bool = True,
    today: date | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ExportResult:
    """Write the month as .xlsx or the bank format; refused with every problem when a line cannot be billed.
    As final, the month is locked (BILL-6). A past deadline is a warning, not a refusal."""
    if fmt not in ("xlsx", "zengin"):
        raise InvalidValue("形式は xlsx か zengin です", code="export_format")
    parsed = Month.parse(month)
    day = today or date.today()
    settings = get_settings(db)
    warnings = header_warnings(db) if fmt == "zengin" else []  # the Excel file has no bank header
    with db.write() as session:
        row = _month_row(session, parsed, create=True)
        problems = _problems(session, row)
        if problems:
            raise BillingRefused(problems)
        lines = _export_lines(session, row)
        already_final = row.state != DRAFT
        if row.state == DRAFT:
            lines = _new_codes(session, row, lines)
        schedule = schedule_for(session, parsed, settings.stop_request_business_days)
        if day > schedule.billing_deadline:
            deadline = schedule.billing_deadline.isoformat()
            warnings.append(text("billing.deadline_passed", deadline=deadline))  # BILL-2
        names = _registration_names(session, lines) if fmt == "xlsx" else {}
        total = sum(line.amount for line in lines)
        if fmt == "zengin":
            _write_zengin(path, settings, schedule, lines, newline)
        else:
            from app.io.billing_xlsx import write_billing_workbook

            write_billing_workbook(
                path, settings, schedule, lines, names, operator, final or already_final, progress, cancelled
            )
        if final and row.state == DRAFT:
            row.state = FINAL
            row.locked_at = utcnow()
            row.locked_by = operator.id
            # BILL-6: the lock is in the month's change record, with what was locked
            _audit(session, operator, row.month, "lock", lines=len(lines), total=total, file=path.name)
        session.add(
            BillingExport(
                billing_month_id=row.id,
                operator_id=operator.id,
                format=fmt,
                final=final,
                line_count=len(lines),
                total=total,
                file_name=path.name,
            )
        )
    return ExportResult(path, fmt, len(lines), total, final, warnings, already_final)


def _registration_names(session: Session, lines: Sequence[ExportLine]) -> dict[int, tuple[str, str, str]]:
    ids = [line.registration_id for line in lines]
    found: dict[int, tuple[str, str, str]] = {}
    for start in range(0, len(ids), 500):
        stmt = select(
            AccountRegistration.id,
            AccountRegistration.bank_name,
            AccountRegistration.branch_name,
            AccountRegistration.account_holder_kana,
        ).where(AccountRegistration.id.in_(ids[start : start + 500]))
        for rid, bank, branch, kana in session.execute(stmt):
            found[rid] = (bank, branch, kana)
    return found


def _bank_kana_names(bank: str, branch: str) -> tuple[str, str]:
    try:
        b = bank_codes.lookup_branch(bank, branch)
        return (
            fit(to_bank_kana(bank_codes.lookup_bank(bank).kana, FieldClass.BANK_NAME), 15),
            fit(to_bank_kana(b.kana, FieldClass.BANK_NAME), 15),
        )
    except DomainError:
        return "", ""


def _write_zengin(
    path: Path, settings: SettingsView, schedule: MonthSchedule, lines: Sequence[ExportLine], newline: bool
) -> None:
    names: dict[tuple[str, str], tuple[str, str]] = {}

    def kana_names(bank: str, branch: str) -> tuple[str, str]:
        if (bank, branch) not in names:
            names[(bank, branch)] = _bank_kana_names(bank, branch)
        return names[(bank, branch)]

    merchant_names = ("", "")
    if settings.merchant_bank_code and settings.merchant_branch_code:
        merchant_names = kana_names(settings.merchant_bank_code, settings.merchant_branch_code)
    header = Header(
        consignor_code=settings.zengin_consignor_code,
        consignor_name=settings.consignor_name_kana,
        debit_date=schedule.debit_date,  # BILL-1: may fall in the next month
        bank_code=settings.merchant_bank_code,
        bank_name=merchant_names[0],
        branch_code=settings.merchant_branch_code,
        branch_name=merchant_names[1],
        deposit_type=int(settings.merchant_deposit_type or 0),
        account_number=settings.merchant_account_number,
    )

    for key in {(line.bank_code, line.branch_code) for line in lines}:
        kana_names(*key)  # each branch's kana names once, not once a line
    debits = [
        DebitLine(
            line.bank_code,
            *names[(line.bank_code, line.branch_code)][:1],
            line.branch_code,
            names[(line.bank_code, line.branch_code)][1],
            line.deposit_type,
            line.account_number,
            line.account_holder_bank,
            line.amount,
            line.new_code,
            line.customer_number,
        )
        for line in lines
    ]
    path.write_bytes(write(header, debits, newline=newline))

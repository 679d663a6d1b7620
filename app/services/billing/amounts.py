"""Importing the month's amounts from a spreadsheet: all or nothing, every problem by row and column."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    BillingLine,
    utcnow,
)
from app.db.models import BillingMonth as BillingMonthRow
from app.domain.account_fields import parse_amount
from app.domain.business_calendar import BillingMonth as Month
from app.domain.errors import InvalidValue
from app.domain.text import shown
from app.messages import text
from app.services.billing.audit import _audit
from app.services.billing.common import (
    ImportProblem,
)
from app.services.billing.months import PaperPolicy, _billable, _line_from, _month_row, _require_draft, paper_policy
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action, require


def import_amounts(db: Database, month: str, path: Path, operator: OperatorRef) -> tuple[int, list[ImportProblem]]:
    """Amounts from .xlsx/.csv (顧客番号, 金額, 摘要): all or nothing; every refused row named by row and column.

    The file is read and every row validated against a snapshot, outside the write lock; the write is one
    short transaction that re-checks what could have changed meanwhile (the month locked, a registration
    invalidated or stopped) before it writes."""
    require(operator, Action.IMPORT_AMOUNTS, db)
    from app.io.tabular import read_table

    parsed = Month.parse(month)
    table = read_table(path)
    problems: list[ImportProblem] = []
    for header in ("顧客番号", "金額"):
        if header not in table.headers:
            problems.append(ImportProblem(1, header, f"見出し「{header}」の列がありません"))
    extra = [h for h in table.headers if h and h not in ("顧客番号", "金額", "摘要")]
    problems += [
        ImportProblem(1, shown(h), f"見出し「{shown(h)}」は読み込めません（使える見出し: 顧客番号、金額、摘要）")
        for h in extra
    ]
    if problems:
        return 0, problems
    with db.read() as session:
        existing_month = session.scalar(select(BillingMonthRow).where(BillingMonthRow.month == str(parsed)))
        if existing_month is not None:
            _require_draft(existing_month)
        accepted = _validate_rows(session, table.rows, problems, paper_policy(session, parsed))
    if not table.rows:
        problems.append(ImportProblem(2, "顧客番号", "読み込む行がありません"))
    if problems:
        return 0, problems
    with db.write() as session:
        row = _month_row(session, parsed, create=True)
        _require_draft(row)
        numbers = [number for number, _, _, _ in accepted]
        registrations = _registrations(session, numbers)
        for number, row_number, _, _ in accepted:  # what may have changed since the snapshot
            registration = registrations.get(number)
            if registration is None:
                reason: str | None = text("billing.customer_not_registered", customer_number=number)
            else:
                reason = _billable(registration, paper_policy(session, parsed))
            if reason:
                problems.append(ImportProblem(row_number, "顧客番号", reason))
        if problems:
            session.rollback()
            return 0, problems
        existing = {
            line.registration_id: line
            for line in session.scalars(
                select(BillingLine).where(
                    BillingLine.billing_month_id == row.id, BillingLine.rebill_of_line_id.is_(None)
                )
            )
        }
        for number, _, amount, description in accepted:
            registration = registrations[number]
            line = existing.get(registration.id)
            if line is None:
                session.add(_line_from(registration, row.id, amount, description))
            else:
                line.amount = amount
                line.description = description
                line.updated_at = utcnow()
        _audit(session, operator, str(parsed), "import", file=path.name, lines=len(accepted))
    return len(accepted), []


def _registrations(session: Session, numbers: list[str]) -> dict[str, AccountRegistration]:
    found: dict[str, AccountRegistration] = {}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        stmt = select(AccountRegistration).where(AccountRegistration.customer_number.in_(chunk))
        found.update({r.customer_number: r for r in session.scalars(stmt)})
    return found


def _validate_rows(
    session: Session, rows: list[tuple[int, dict[str, str]]], problems: list[ImportProblem], policy: PaperPolicy
) -> list[tuple[str, int, int, str]]:
    """Every row checked against the registrations as they are now; returns (number, row, amount, description)
    of the rows to write and appends every problem."""
    registrations = _registrations(session, [cells.get("顧客番号", "").strip() for _, cells in rows])
    seen: dict[str, int] = {}
    accepted: list[tuple[str, int, int, str]] = []
    for row_number, cells in rows:
        number = cells.get("顧客番号", "").strip()
        description = cells.get("摘要", "").strip()
        registration = registrations.get(number)
        if not number:
            problems.append(ImportProblem(row_number, "顧客番号", "顧客番号が空です"))
        elif registration is None:
            problems.append(
                ImportProblem(row_number, "顧客番号", text("billing.customer_not_registered", customer_number=number))
            )
        elif number in seen:
            problems.append(ImportProblem(row_number, "顧客番号", f"{seen[number]}行目と同じ顧客番号です"))
        else:
            reason = _billable(registration, policy)
            if reason:
                problems.append(ImportProblem(row_number, "顧客番号", reason))
        seen.setdefault(number, row_number)
        try:
            amount = parse_amount(cells.get("金額", ""))
            if amount is None:
                raise InvalidValue("金額が空です", code="amount_empty")
        except InvalidValue as error:
            problems.append(ImportProblem(row_number, "金額", error.message))
            continue
        if len(description) > 80:
            problems.append(ImportProblem(row_number, "摘要", "摘要は80文字以内です"))
        if registration is not None:
            accepted.append((number, row_number, amount, description))
    return accepted

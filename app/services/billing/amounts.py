"""Importing the month's amounts from a spreadsheet: all or nothing, every problem by row and column."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    BillingLine,
    utcnow,
)
from app.domain.account_fields import parse_amount
from app.domain.business_calendar import BillingMonth as Month
from app.domain.errors import InvalidValue
from app.messages import text
from app.services.billing.audit import _audit
from app.services.billing.common import (
    ImportProblem,
)
from app.services.billing.months import _billable, _line_from, _month_row, _require_draft
from app.services.operators import OperatorRef


def import_amounts(db: Database, month: str, path: Path, operator: OperatorRef) -> tuple[int, list[ImportProblem]]:
    """Amounts from .xlsx/.csv (顧客番号, 金額, 摘要): all or nothing; every refused row named by row and column."""
    from app.io.tabular import read_table

    parsed = Month.parse(month)
    table = read_table(path)
    problems: list[ImportProblem] = []
    for header in ("顧客番号", "金額"):
        if header not in table.headers:
            problems.append(ImportProblem(1, header, f"見出し「{header}」の列がありません"))
    extra = [h for h in table.headers if h and h not in ("顧客番号", "金額", "摘要")]
    problems += [
        ImportProblem(1, h, f"見出し「{h}」は読み込めません（使える見出し: 顧客番号、金額、摘要）") for h in extra
    ]
    if problems:
        return 0, problems
    with db.write() as session:
        row = _month_row(session, parsed, create=True)
        _require_draft(row)
        numbers = [cells.get("顧客番号", "").strip() for _, cells in table.rows]
        registrations = {
            r.customer_number: r
            for r in session.scalars(
                select(AccountRegistration).where(AccountRegistration.customer_number.in_(numbers))
            )
        }
        existing = {
            line.registration_id: line
            for line in session.scalars(select(BillingLine).where(BillingLine.billing_month_id == row.id))
        }
        seen: dict[str, int] = {}
        accepted: list[tuple[AccountRegistration, int, str]] = []
        for row_number, cells in table.rows:
            number = cells.get("顧客番号", "").strip()
            description = cells.get("摘要", "").strip()
            registration = registrations.get(number)
            if not number:
                problems.append(ImportProblem(row_number, "顧客番号", "顧客番号が空です"))
            elif registration is None:
                problems.append(
                    ImportProblem(
                        row_number, "顧客番号", text("billing.customer_not_registered", customer_number=number)
                    )
                )
            elif number in seen:
                problems.append(ImportProblem(row_number, "顧客番号", f"{seen[number]}行目と同じ顧客番号です"))
            else:
                reason = _billable(registration)
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
                accepted.append((registration, amount, description))
        if not table.rows:
            problems.append(ImportProblem(2, "顧客番号", "読み込む行がありません"))
        if problems:
            session.rollback()
            return 0, problems
        for registration, amount, description in accepted:
            line = existing.get(registration.id)
            if line is None:
                session.add(_line_from(registration, row.id, amount, description))
            else:
                line.amount = amount
                line.description = description
                line.updated_at = utcnow()
        _audit(session, operator, str(parsed), "import", file=path.name, lines=len(accepted))
    return len(accepted), []

"""Reading results: a month's summary (by code, by bank), its lines with filters, the last twelve months, and
the failed lines of a month (what failure notices are built from)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import AccountRegistration, BillingLine, BillingMonth, DebitResult, Operator, ResultImport
from app.domain.business_calendar import BillingMonth as Month
from app.domain.errors import NotFound
from app.services.billing.months import _month_row
from app.services.results.common import PAID, MonthSummary, ResultLineView, Totals


def summary(db: Database, month: str) -> MonthSummary:
    """Paid and failed counts and amounts, by result code (unknown codes under their own character) and by bank."""
    parsed = Month.parse(month)
    with db.read() as session:
        row = _month_row(session, parsed)
        imported = session.execute(
            select(ResultImport, Operator.name)
            .join(Operator, Operator.id == ResultImport.operator_id)
            .where(ResultImport.billing_month_id == row.id, ResultImport.active.is_(True))
        ).first()
        if imported is None:
            raise NotFound("results.month_no_results", month=str(parsed))
        record, name = imported
        stmt = (
            select(
                DebitResult.result_code,
                BillingLine.bank_code,
                func.count(DebitResult.id),
                func.coalesce(func.sum(DebitResult.amount), 0),
            )
            .join(BillingLine, BillingLine.id == DebitResult.billing_line_id)
            .where(DebitResult.billing_month_id == row.id, DebitResult.active.is_(True))
            .group_by(DebitResult.result_code, BillingLine.bank_code)
        )
        by_code: dict[str, Totals] = {}
        by_bank: dict[str, tuple[Totals, Totals]] = {}
        paid, failed = Totals(), Totals()
        for code, bank, count, amount in session.execute(stmt):
            part = Totals(int(count), int(amount))
            current = by_code.get(code, Totals())
            by_code[code] = Totals(current.count + part.count, current.amount + part.amount)
            bank_paid, bank_failed = by_bank.get(bank, (Totals(), Totals()))
            if code == PAID:
                paid = Totals(paid.count + part.count, paid.amount + part.amount)
                bank_paid = Totals(bank_paid.count + part.count, bank_paid.amount + part.amount)
            else:
                failed = Totals(failed.count + part.count, failed.amount + part.amount)
                bank_failed = Totals(bank_failed.count + part.count, bank_failed.amount + part.amount)
            by_bank[bank] = (bank_paid, bank_failed)
        return MonthSummary(row.month, row.state, record.at, name, record.file_name, paid, failed, by_code, by_bank)


def recent_months(db: Database, *, count: int = 12) -> list[MonthSummary]:
    """The last `count` months with results, oldest first (side by side on the screen)."""
    with db.read() as session:
        months = list(
            session.scalars(
                select(BillingMonth.month)
                .join(ResultImport, ResultImport.billing_month_id == BillingMonth.id)
                .where(ResultImport.active.is_(True))
                .order_by(BillingMonth.month.desc())
                .limit(count)
            )
        )
    return [summary(db, m) for m in reversed(months)]


def list_results(
    db: Database,
    month: str,
    *,
    code: str | None = None,
    failed_only: bool = False,
    bank_code: str | None = None,
    customer_number: str | None = None,
    limit: int | None = None,
) -> list[ResultLineView]:
    """A month's result lines in customer-number order, filtered by code, failure, bank or customer."""
    with db.read() as session:
        row = _month_row(session, Month.parse(month))
        stmt = (
            select(
                DebitResult.id,
                DebitResult.customer_number,
                AccountRegistration.contract_holder_name,
                BillingLine.bank_code,
                BillingLine.branch_code,
                DebitResult.amount,
                DebitResult.result_code,
                DebitResult.record_number,
            )
            .join(BillingLine, BillingLine.id == DebitResult.billing_line_id)
            .join(AccountRegistration, AccountRegistration.id == DebitResult.registration_id)
            .where(DebitResult.billing_month_id == row.id, DebitResult.active.is_(True))
            .order_by(DebitResult.customer_number, DebitResult.id)
        )
        if code is not None:
            stmt = stmt.where(DebitResult.result_code == code)
        if failed_only:
            stmt = stmt.where(DebitResult.result_code != PAID)
        if bank_code:
            stmt = stmt.where(BillingLine.bank_code == bank_code)
        if customer_number:
            stmt = stmt.where(DebitResult.customer_number == customer_number)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [
            ResultLineView(rid, row.month, number, name, bank, branch, int(amount), rcode, record)
            for rid, number, name, bank, branch, amount, rcode, record in session.execute(stmt)
        ]


def failed_lines(db: Database, month: str) -> list[ResultLineView]:
    """Every failed line of a month (any code but 0, unknown codes included): what failure notices build on."""
    return list_results(db, month, failed_only=True)

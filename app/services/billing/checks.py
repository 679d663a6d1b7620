"""The problems that block a month's file [BILL-4], always from the registrations' present state."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    BillingLine,
    BillingMonth,
)
from app.domain.business_calendar import BillingMonth as Month
from app.services.billing.common import (
    DRAFT,
    LineProblem,
)
from app.services.billing.months import _COMPLETE, _month_row, billable_reason, paper_policy


def check_month(db: Database, month: str) -> list[LineProblem]:
    """Every line whose registration cannot be billed now, with its reason (the problems list)."""
    with db.read() as session:
        row = _month_row(session, Month.parse(month))
        return _problems(session, row)


def _problems(session: Session, row: BillingMonth) -> list[LineProblem]:
    """Lines the bank would reject; the filter runs in SQL, so a clean month of any size costs one quick scan.
    A locked month stays as it was sent (BILL-6, DEF-3): a return recorded after the lock changes nothing in it
    and makes the registration unbillable from the next draft on."""
    if row.state != DRAFT:
        return []
    R = AccountRegistration
    policy = paper_policy(session, Month.parse(row.month))
    stmt = (
        select(
            BillingLine.customer_number,
            R.id,
            R.status,
            R.billing_stopped,
            R.billing_stop_reason,
            BillingLine.account_holder_bank,
            R.sent_on,
        )
        .join(R, R.id == BillingLine.registration_id)
        .where(
            BillingLine.billing_month_id == row.id,
            BillingLine.stopped.is_(False),
            or_(R.status != _COMPLETE, R.billing_stopped.is_(True), BillingLine.account_holder_bank == ""),
        )
        .order_by(BillingLine.customer_number)
    )
    problems = []
    for number, rid, status, stopped, stop_reason, holder, sent_on in session.execute(stmt):
        reason = billable_reason(status, stopped, stop_reason, sent_on=sent_on, policy=policy)
        if reason is None and not holder:
            reason = "口座名義カナを銀行データの文字に変換できません"
        if reason is not None:
            problems.append(LineProblem(number, rid, reason))
    return problems

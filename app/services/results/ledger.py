"""One customer's ledger (OP-4, REG-11): the next debit and its cut-offs, each month billed with its result,
consecutive failures, the outstanding amount, the lapse warning, the registration's lifecycle and returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, select

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    BillingLine,
    BillingMonth,
    DebitResult,
    DeficiencyReturn,
    FollowUp,
    Operator,
    RegistrationHistory,
)
from app.domain.account_fields import RegistrationStatus
from app.domain.business_calendar import BillingMonth as Month
from app.domain.errors import NotFound
from app.domain.lifecycle import ReturnStatus
from app.services.billing.common import DRAFT, LAPSE_WARNING_MONTHS
from app.services.billing.months import billable_reason, paper_policy
from app.services.billing.schedule import schedule_for
from app.services.results.common import PAID, FollowUpKind, code_label
from app.services.results.effects import next_month
from app.services.settings import load_settings


@dataclass(frozen=True)
class LedgerMonth:
    month: str
    state: str
    amount: int
    result_code: str | None  # None while the results are awaited (or the month is a draft)
    rebill_of: str | None  # the month whose failed amount this line re-bills
    debit_date: date

    @property
    def result_label(self) -> str:
        if self.state == DRAFT:
            return "下書き"
        if self.result_code is None:
            return "結果待ち"
        return code_label(self.result_code)


@dataclass(frozen=True)
class LedgerEvent:
    at: datetime
    operator: str
    action: str
    reason: str
    changes: dict[str, list[object]]


@dataclass(frozen=True)
class LedgerReturn:
    received_on: date
    reasons: list[str]
    status: str


@dataclass
class Ledger:
    customer_number: str
    contract_holder_name: str
    status: str
    status_label: str
    method: str
    sent_on: date | None
    billing_stopped: bool
    billing_stop_reason: str
    monthly_amount: int | None
    next_debit_date: date
    next_amount: int | None
    next_month: str
    billing_deadline: date
    stop_request_deadline: date
    paper_form_deadline: date
    not_billable_reason: str | None
    unconfirmed: bool  # 「返却なし・未確認」: billed on the provider's schedule, not confirmed by the bank
    months: list[LedgerMonth]
    consecutive_failures: int
    outstanding: int
    lapse_warning: str
    returns: list[LedgerReturn] = field(default_factory=list)
    events: list[LedgerEvent] = field(default_factory=list)
    follow_up_ids: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "customer_number": self.customer_number,
            "next_debit_date": self.next_debit_date.isoformat(),
            "next_amount": self.next_amount,
            "outstanding": self.outstanding,
            "consecutive_failures": self.consecutive_failures,
            "months": [{"month": m.month, "amount": m.amount, "result_code": m.result_code} for m in self.months],
        }


def _months_between(earlier: str, later: Month) -> int:
    e = Month.parse(earlier)
    return (later.year - e.year) * 12 + later.month - e.month


def ledger(db: Database, customer_number: str, *, today: date | None = None) -> Ledger:
    day = today or date.today()
    with db.read() as session:
        reg = session.scalar(select(AccountRegistration).where(AccountRegistration.customer_number == customer_number))
        if reg is None:
            raise NotFound("results.customer_unknown", customer_number=customer_number)
        settings = load_settings(session)
        stop_days = settings.stop_request_business_days
        Original = BillingLine.__table__.alias("original")
        OriginalMonth = BillingMonth.__table__.alias("original_month")
        stmt = (
            select(
                BillingMonth.month,
                BillingMonth.state,
                BillingLine.amount,
                DebitResult.result_code,
                OriginalMonth.c.month,
            )
            .join(BillingMonth, BillingMonth.id == BillingLine.billing_month_id)
            .outerjoin(DebitResult, and_(DebitResult.billing_line_id == BillingLine.id, DebitResult.active.is_(True)))
            .outerjoin(Original, Original.c.id == BillingLine.rebill_of_line_id)
            .outerjoin(OriginalMonth, OriginalMonth.c.id == Original.c.billing_month_id)
            .where(BillingLine.registration_id == reg.id)
            .order_by(BillingMonth.month, BillingLine.id)
        )
        months = [
            LedgerMonth(
                m, state, int(amount), code, original, schedule_for(session, Month.parse(m), stop_days).debit_date
            )
            for m, state, amount, code, original in session.execute(stmt)
        ]
        # the next debit: the first month from now (debit date still ahead) that bills this customer
        current = Month(day.year, day.month)
        if schedule_for(session, current, stop_days).debit_date < day:
            current = next_month(current)
        first = current
        next_amount: int | None = None
        reason: str | None = None
        for _ in range(4):
            policy = paper_policy(session, current)
            reason = billable_reason(
                reg.status, reg.billing_stopped, reg.billing_stop_reason, sent_on=reg.sent_on, policy=policy
            )
            billed = [m for m in months if m.month == str(current)]
            month_row = session.scalar(select(BillingMonth).where(BillingMonth.month == str(current)))
            if billed:
                next_amount = sum(m.amount for m in billed)
                break
            if (month_row is None or month_row.state == DRAFT) and reason is None and reg.monthly_amount:
                next_amount = reg.monthly_amount
                break
            current = next_month(current)
        else:
            current = first
        schedule = schedule_for(session, current, stop_days)
        items = list(session.scalars(select(FollowUp).where(FollowUp.registration_id == reg.id).order_by(FollowUp.id)))
        active_results = set(
            session.scalars(
                select(DebitResult.id).where(DebitResult.registration_id == reg.id, DebitResult.active.is_(True))
            )
        )
        outstanding = sum(
            i.amount
            for i in items
            if i.kind == FollowUpKind.FAILED.value and not i.settlement and i.result_id in active_results
        )
        consecutive = 0
        for m in reversed([m for m in months if m.result_code is not None and m.rebill_of is None]):
            if m.result_code == PAID:
                break
            consecutive += 1
        billed_months = [m.month for m in months if m.state != DRAFT]
        lapse = ""
        if reg.status == RegistrationStatus.COMPLETE.value:
            last = billed_months[-1] if billed_months else None
            gap = _months_between(last, Month(day.year, day.month)) if last else None
            if gap is not None and gap >= LAPSE_WARNING_MONTHS:
                lapse = f"{last} から {gap} か月請求がありません。13か月ほどで金融機関の登録が失効することがあります"
        returns = [
            LedgerReturn(r.received_on, list(r.reasons), ReturnStatus(r.status).label)
            for r in session.scalars(
                select(DeficiencyReturn)
                .where(DeficiencyReturn.registration_id == reg.id)
                .order_by(DeficiencyReturn.received_on)
            )
        ]
        events = [
            LedgerEvent(h.at, name, h.action, h.reason, dict(h.changes))
            for h, name in session.execute(
                select(RegistrationHistory, Operator.name)
                .join(Operator, Operator.id == RegistrationHistory.operator_id)
                .where(RegistrationHistory.registration_id == reg.id)
                .order_by(RegistrationHistory.id)
            )
            if h.action != "change" or "status" in h.changes or "billing_stopped" in h.changes
        ]
        return Ledger(
            reg.customer_number,
            reg.contract_holder_name,
            reg.status,
            RegistrationStatus(reg.status).label,
            reg.method,
            reg.sent_on,
            reg.billing_stopped,
            reg.billing_stop_reason,
            reg.monthly_amount,
            schedule.debit_date,
            next_amount,
            str(current),
            schedule.billing_deadline,
            schedule.stop_request_deadline,
            schedule.paper_form_deadline,
            reason,
            reg.status == RegistrationStatus.SENT.value and reason is None,
            months,
            consecutive,
            outstanding,
            lapse,
            returns,
            events,
            [i.id for i in items],
        )

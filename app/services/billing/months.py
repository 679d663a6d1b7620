"""Billing months and their lines: prepare a draft from the billable registrations, read, change amounts, remove."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import ColumnElement, Table, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    BillingLine,
    BillingMonth,
    DeficiencyReturn,
    FollowUp,
    utcnow,
)
from app.domain.account_fields import RegistrationStatus, parse_amount
from app.domain.business_calendar import BillingMonth as Month
from app.domain.business_calendar import MonthSchedule
from app.domain.errors import Conflict, InvalidValue, NotFound
from app.domain.kana import FieldClass, KanaError, fit, to_bank_kana
from app.domain.lifecycle import OPEN_RETURN_STATUSES
from app.messages import text
from app.services.billing.audit import _audit
from app.services.billing.common import (
    DRAFT,
    LineView,
    MonthView,
)
from app.services.billing.schedule import schedule_for
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action, require
from app.services.settings import get_settings, load_settings


def _month_row(session: Session, month: Month, *, create: bool = False) -> BillingMonth:
    row = session.scalar(select(BillingMonth).where(BillingMonth.month == str(month)))
    if row is None:
        if not create:
            raise NotFound("billing.month_unknown", month=str(month))
        row = BillingMonth(month=str(month), state=DRAFT)
        session.add(row)
        session.flush()
    return row


def _holder_bank(kana: str) -> str:
    try:
        return fit(to_bank_kana(kana, FieldClass.PARTY_NAME), 30)
    except KanaError:
        return ""


def _line_from(registration: AccountRegistration, month_id: int, amount: int, description: str) -> BillingLine:
    return BillingLine(
        billing_month_id=month_id,
        registration_id=registration.id,
        customer_number=registration.customer_number,
        amount=amount,
        description=description,
        bank_code=registration.bank_code,
        branch_code=registration.branch_code,
        deposit_type=registration.deposit_type,
        account_number=registration.account_number,
        account_holder_bank=_holder_bank(registration.account_holder_kana),
    )


@dataclass(frozen=True)
class PaperPolicy:
    """When a paper registration the bank has not confirmed may be billed in a month (REG-2, REG-3, DEF-3):
    sent on or before the month's paper-form deadline with no open return (「返却なし・未確認」), unless the
    merchant chose to bill only confirmed registrations."""

    paper_form_deadline: date | None = None
    confirmed_only: bool = False


def paper_policy(session: Session, month: Month) -> PaperPolicy:
    settings = load_settings(session)
    schedule = schedule_for(session, month, settings.stop_request_business_days)
    return PaperPolicy(schedule.paper_form_deadline, bool(settings.bill_confirmed_only))


def _billable(registration: AccountRegistration, policy: PaperPolicy | None = None) -> str | None:
    return billable_reason(
        registration.status,
        registration.billing_stopped,
        registration.billing_stop_reason,
        sent_on=registration.sent_on,
        policy=policy,
    )


_COMPLETE = RegistrationStatus.COMPLETE.value
_SENT = RegistrationStatus.SENT.value


def billable_reason(
    status: str,
    billing_stopped: bool,
    stop_reason: str,
    *,
    sent_on: date | None = None,
    policy: PaperPolicy | None = None,
) -> str | None:
    """Why a registration cannot be billed, or None (BILL-4, DEF-3, DEF-4, REG-2, REG-3, REG-12, OP-7).
    With a month's `policy`, a paper form sent by the month's paper-form deadline and not returned is billable
    (「返却なし・未確認」) unless the merchant bills confirmed registrations only."""
    if status == _COMPLETE and not billing_stopped:
        return None
    if status == RegistrationStatus.INVALIDATED.value:
        return "無効化された登録です"
    if billing_stopped:
        return f"請求停止中です（{stop_reason or '理由未記入'}）"
    if status == RegistrationStatus.RETURNED.value:
        return text("billing.not_billable.returned")  # DEF-3, DEF-4
    if status == _SENT and policy is not None and policy.paper_form_deadline is not None and sent_on is not None:
        if policy.confirmed_only:
            return text("results.not_billable_confirmed_only")
        if sent_on <= policy.paper_form_deadline:
            return None  # 「返却なし・未確認」: billable on the provider's schedule (REG-2, REG-3)
        return text(
            "results.not_billable_sent_late",
            sent_on=sent_on.isoformat(),
            deadline=policy.paper_form_deadline.isoformat(),
        )
    if status in (RegistrationStatus.KEYED.value, RegistrationStatus.SENT.value):
        return text("billing.not_billable.paper_pending")  # REG-2, REG-3
    if status == RegistrationStatus.WEB_REQUESTED.value:
        return "WEB登録の結果がまだ届いていません"
    if status == RegistrationStatus.WEB_NG.value:
        return "WEB登録がNGでした"
    if status != RegistrationStatus.COMPLETE.value:
        return f"登録の状態（{status}）では請求できません"
    return None


def billable_condition(policy: PaperPolicy) -> ColumnElement[bool]:
    """The same rule in SQL: complete, or 「返却なし・未確認」 sent by the paper-form deadline with no open return."""
    R = AccountRegistration
    complete = R.status == _COMPLETE
    if policy.confirmed_only or policy.paper_form_deadline is None:
        return complete
    open_return = (
        select(DeficiencyReturn.id)
        .where(
            DeficiencyReturn.registration_id == R.id,
            DeficiencyReturn.status.in_([s.value for s in OPEN_RETURN_STATUSES]),
        )
        .exists()
    )
    return or_(complete, and_(R.status == _SENT, R.sent_on <= policy.paper_form_deadline, ~open_return))


def _require_draft(row: BillingMonth) -> None:
    if row.state != DRAFT:
        raise InvalidValue("billing.month_locked", month=row.month)  # BILL-6


def prepare_month(db: Database, month: str, operator: OperatorRef) -> MonthView:
    """Create the month (draft) and add a line for every billable registration with a standing monthly amount."""
    require(operator, Action.BILLING, db)
    parsed = Month.parse(month)
    with db.write() as session:
        row = _month_row(session, parsed, create=True)
        _require_draft(row)
        present = set(
            session.scalars(
                select(BillingLine.registration_id).where(
                    BillingLine.billing_month_id == row.id, BillingLine.rebill_of_line_id.is_(None)
                )
            )
        )
        policy = paper_policy(session, parsed)
        R = AccountRegistration
        candidates = session.execute(
            select(
                R.id,
                R.customer_number,
                R.monthly_amount,
                R.bank_code,
                R.branch_code,
                R.deposit_type,
                R.account_number,
                R.account_holder_kana,
            ).where(
                billable_condition(policy),
                R.billing_stopped.is_(False),
                R.monthly_amount.is_not(None),
            )
        )
        now = utcnow()
        rows = [
            {
                "billing_month_id": row.id,
                "registration_id": rid,
                "customer_number": number,
                "amount": amount,
                "description": "",
                "bank_code": bank,
                "branch_code": branch,
                "deposit_type": deposit,
                "account_number": account,
                "account_holder_bank": _holder_bank(kana),
                "new_code": 0,
                "stopped": False,
                "stop_reason": "",
                "updated_at": now,
            }
            for rid, number, amount, bank, branch, deposit, account, kana in candidates
            if rid not in present and amount
        ]
        if rows:
            session.execute(insert(BillingLine), rows)
        from app.services.billing.export import _coded, _export_lines, _previous_accounts

        # the draft shows 新規コード before any export (the export recomputes them from the final months)
        changed: list[tuple[int, int]] = []
        for _line in _coded(_export_lines(session, row.id), _previous_accounts(session, row.month), changed):
            pass
        if changed:
            table = cast(Table, BillingLine.__table__)  # Core: one executemany UPDATE
            session.connection().execute(
                update(table).where(table.c.id == bindparam("line_id")).values(new_code=bindparam("code")),
                [{"line_id": line_id, "code": code} for line_id, code in changed],
            )
        _audit(session, operator, str(parsed), "prepare", added=len(rows))
        if load_settings(session).carry_insufficient_funds:
            from app.services.results.rebill import carry_forward  # RES-2: code-1 failures, by the setting

            carry_forward(session, row, operator)
    return get_month(db, month)


def get_month(db: Database, month: str) -> MonthView:
    parsed = Month.parse(month)
    settings = get_settings(db)
    with db.read() as session:
        row = _month_row(session, parsed)
        count, total, stopped = session.execute(
            select(
                func.count(BillingLine.id),
                func.coalesce(func.sum(BillingLine.amount), 0),
                func.count(BillingLine.id).filter(BillingLine.stopped.is_(True)),
            ).where(BillingLine.billing_month_id == row.id)
        ).one()
        schedule = schedule_for(session, parsed, settings.stop_request_business_days)
        return MonthView(row.month, row.state, schedule, int(count), int(total), int(stopped), row.version)


def default_month(db: Database, today: date) -> str:
    """The month whose billing deadline comes next [BILL-2]: this month until its deadline has passed."""
    settings = get_settings(db)
    candidate = Month(today.year, today.month)
    with db.read() as session:
        for _ in range(3):
            if schedule_for(session, candidate, settings.stop_request_business_days).billing_deadline >= today:
                return str(candidate)
            candidate = Month(candidate.year + candidate.month // 12, candidate.month % 12 + 1)
    return str(candidate)


def month_schedule_view(db: Database, month: str) -> MonthSchedule:
    settings = get_settings(db)
    with db.read() as session:
        return schedule_for(session, Month.parse(month), settings.stop_request_business_days)


def list_lines(db: Database, month: str, *, offset: int = 0, limit: int | None = None) -> list[LineView]:
    with db.read() as session:
        row = _month_row(session, Month.parse(month))
        stmt = (
            select(BillingLine, AccountRegistration.contract_holder_name)
            .join(AccountRegistration, AccountRegistration.id == BillingLine.registration_id)
            .where(BillingLine.billing_month_id == row.id)
            .order_by(BillingLine.customer_number)
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_line_view(line, name) for line, name in session.execute(stmt)]


def _line_view(line: BillingLine, name: str) -> LineView:
    return LineView(
        line.id,
        line.customer_number,
        line.registration_id,
        name,
        line.bank_code,
        line.branch_code,
        line.deposit_type,
        line.account_number,
        line.account_holder_bank,
        line.amount,
        line.description,
        line.new_code,
        line.stopped,
        line.stop_reason,
    )


def _draft_line(session: Session, line_id: int) -> tuple[BillingLine, BillingMonth]:
    """A line and its month, which must still be a draft [BILL-6]."""
    line = session.get(BillingLine, line_id)
    if line is None:
        raise NotFound(f"請求明細（ID {line_id}）はありません", code="line_unknown")
    month = session.get(BillingMonth, line.billing_month_id)
    assert month is not None
    _require_draft(month)
    return line, month


def set_amount(
    db: Database, line_id: int, amount: str | int, operator: OperatorRef, *, expected: int | None = None
) -> LineView:
    """Edit one line's amount while the month is a draft (the grid). `expected` is the amount the caller saw:
    if someone changed it meanwhile, nothing is written and the conflict says what it is now."""
    require(operator, Action.BILLING, db)
    value = parse_amount(amount)
    if value is None:
        raise InvalidValue("金額を入力してください", code="amount_empty")
    with db.write() as session:
        line, month = _draft_line(session, line_id)
        if expected is not None and line.amount != expected:
            raise Conflict(
                f"顧客番号 {line.customer_number} の金額は、表示している間にほかの担当者が "
                f"{line.amount:,} 円に変更しました（{line.updated_at.astimezone():%H:%M}）。"
                "画面を読み直してから入力してください",
                code="amount_conflict",
            )
        before = line.amount
        line.amount = value
        line.updated_at = utcnow()
        _audit(session, operator, month.month, "amount", customer_number=line.customer_number, amount=[before, value])
        registration = session.get(AccountRegistration, line.registration_id)
        assert registration is not None
        return _line_view(line, registration.contract_holder_name)


def remove_line(db: Database, line_id: int, operator: OperatorRef) -> None:
    """Take a line out of a draft month (e.g. a customer who can no longer be billed)."""
    require(operator, Action.BILLING, db)
    with db.write() as session:
        line, month = _draft_line(session, line_id)
        _audit(session, operator, month.month, "remove", customer_number=line.customer_number, amount=line.amount)
        if line.rebill_of_line_id is not None:  # a re-billed failure taken out: outstanding again [RES-2]
            session.execute(
                update(FollowUp)
                .where(FollowUp.rebill_line_id == line.id)
                .values(settlement="", rebill_line_id=None, updated_at=utcnow(), updated_by=operator.id)
                .execution_options(synchronize_session=False)
            )
        session.delete(line)


def remove_customer(db: Database, month: str, customer_number: str, operator: OperatorRef) -> None:
    """`kofuri billing remove`: the same as removing the line from the grid."""
    require(operator, Action.BILLING, db)
    with db.read() as session:
        row = _month_row(session, Month.parse(month))
        line_id = session.scalar(
            select(BillingLine.id).where(
                BillingLine.billing_month_id == row.id, BillingLine.customer_number == customer_number
            )
        )
    if line_id is None:
        raise NotFound(f"{month} の明細に顧客番号 {customer_number} はありません", code="line_unknown")
    remove_line(db, line_id, operator)

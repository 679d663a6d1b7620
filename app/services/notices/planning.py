"""Notices planned by the events that cause them, inside the caller's transaction [OP-5]:
locking a month → reminders; a stop request → its reminders cancelled; results → failure notices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, insert, literal, select
from sqlalchemy.orm import Session

from app.db.models import (
    AccountRegistration,
    BillingLine,
    BillingMonth,
    Notice,
    NoticeEvent,
    Operator,
    UTCDateTime,
    utcnow,
)
from app.domain.business_calendar import BillingMonth as Month
from app.domain.business_calendar import month_schedule
from app.domain.notices import Channel, NoticeKind, NoticeState, masked_account, reminder_dates
from app.messages.notices import FAILURE_ACTIONS, FAILURE_REASON_OTHER, FAILURE_REASONS
from app.services.notices.outbox import REMINDER_KINDS, move_notice
from app.services.operators import SYSTEM_LOGIN, OperatorRef, Role

_CHUNK = 500


@dataclass(frozen=True)
class FailedDebit:
    """One failed line of a results file, as the results import hands it over (plain values)."""

    customer_number: str
    result_code: str


def _lines(session: Session, month_id: int, numbers: Sequence[str] | None = None) -> list[Any]:
    L, R = BillingLine, AccountRegistration
    stmt = (
        select(
            L.id,
            L.registration_id,
            L.customer_number,
            L.amount,
            L.account_number,
            R.notice_channel,
            R.bank_name,
            R.branch_name,
        )
        .join(R, R.id == L.registration_id)
        .where(L.billing_month_id == month_id, L.stopped.is_(False))
        .order_by(L.customer_number)
    )
    if numbers is None:
        return list(session.execute(stmt))
    found: list[Any] = []
    for start in range(0, len(numbers), _CHUNK):
        found += session.execute(stmt.where(L.customer_number.in_(list(numbers[start : start + _CHUNK])))).all()
    return found


def _insert(session: Session, values: list[dict[str, Any]], operator: OperatorRef, detail: str) -> int:
    """Many notices and their 'plan' events: one Core executemany for the notices, one INSERT … SELECT for
    the events of those that have none yet (20,000 reminders at once without a round trip each)."""
    if not values:
        return 0
    notice = cast(Table, Notice.__table__)
    before = session.scalar(select(func.max(Notice.id))) or 0
    for start in range(0, len(values), 5_000):
        session.execute(insert(notice), values[start : start + 5_000])
    E = NoticeEvent
    has_event = select(E.id).where(E.notice_id == Notice.id).exists()
    rows = select(
        Notice.id,
        literal(operator.id),
        literal("plan"),
        literal(""),
        literal(NoticeState.PLANNED.value),
        literal(detail),
        literal(utcnow(), UTCDateTime()),
    ).where(Notice.id > before, ~has_event)
    session.execute(
        insert(E).from_select(
            ["notice_id", "operator_id", "action", "state_before", "state_after", "detail", "at"], rows
        )
    )
    return len(values)


def _already(session: Session, line_ids: Sequence[int], kinds: Sequence[str]) -> set[tuple[int, str]]:
    found: set[tuple[int, str]] = set()
    for start in range(0, len(line_ids), _CHUNK):
        stmt = select(Notice.billing_line_id, Notice.kind).where(
            Notice.billing_line_id.in_(list(line_ids[start : start + _CHUNK])), Notice.kind.in_(list(kinds))
        )
        found |= {(int(line_id), kind) for line_id, kind in session.execute(stmt) if line_id is not None}
    return found


def _notice_values(
    line: Any, kind: NoticeKind, due: date, month: str, operator: OperatorRef, **extra: Any
) -> dict[str, Any]:
    params = {
        "customer_number": line.customer_number,
        "month": month,
        "amount": int(line.amount),
        "bank_name": line.bank_name,
        "branch_name": line.branch_name,
        "account": masked_account(line.account_number),  # the full number never goes into a notice
        **extra,
    }
    return {
        "kind": kind.value, "registration_id": line.registration_id, "customer_number": line.customer_number,
        "billing_line_id": line.id, "month": month, "channel": line.notice_channel, "due": due,
        "state": NoticeState.PLANNED.value, "params": params, "attempts": 0, "last_error": "", "recipient": "",
        "message_id": "", "created_by": operator.id, "version": 1,
    }  # fmt: skip


def plan_reminders(
    session: Session, month_row: BillingMonth, operator: OperatorRef, *, today: date | None = None
) -> int:
    """OP-5: for each line in the month's file, a reminder 3 days before the debit date (the previous business
    day when that is a bank holiday) and one on the debit date; customers who chose no notice get none, a line
    left out of the file (stopped) gets none, and a reminder whose day has already passed is not planned.
    Called in the transaction that locks the month; planning twice adds nothing."""
    day = today or date.today()
    month = Month.parse(month_row.month)
    debit = month_schedule(month).debit_date
    dates = reminder_dates(debit)
    lines = [line for line in _lines(session, month_row.id) if line.notice_channel != Channel.NONE.value]
    done = _already(session, [line.id for line in lines], REMINDER_KINDS)
    extra = {"debit_date": debit.isoformat(), "deposit_by": (debit - timedelta(days=1)).isoformat()}
    values = [
        _notice_values(line, kind, due, str(month), operator, **extra)
        for line in lines
        for kind, due in dates.items()
        if due >= day and (line.id, kind.value) not in done
    ]
    return _insert(session, values, operator, f"{month} の確定")


def cancel_line_reminders(session: Session, line_id: int, operator: OperatorRef, reason: str) -> int:
    """A stop request after the lock [BILL-7]: the line's reminders not sent yet are cancelled."""
    stmt = select(Notice).where(
        Notice.billing_line_id == line_id,
        Notice.kind.in_(REMINDER_KINDS),
        Notice.state.in_((NoticeState.PLANNED.value, NoticeState.FAILED.value)),
    )
    notices = list(session.scalars(stmt))
    for notice in notices:
        move_notice(session, notice, NoticeState.CANCELLED, operator, "cancel", f"振替停止: {reason}")
    return len(notices)


def failure_wording(result_code: str) -> tuple[str, str]:
    """What the customer reads for a result code: a reason that never names a legal cause, and what to do."""
    return FAILURE_REASONS.get(result_code, FAILURE_REASON_OTHER), FAILURE_ACTIONS.get(
        result_code, FAILURE_ACTIONS["9"]
    )


def _system(session: Session) -> OperatorRef:
    row = session.scalar(select(Operator).where(Operator.login_id == SYSTEM_LOGIN))
    assert row is not None, "the system operator is created with the database"
    return OperatorRef(row.id, row.login_id, row.name, Role(row.role))


def plan_failure_notices(
    session: Session,
    month: str,
    failed_lines: Sequence[FailedDebit],
    operator: OperatorRef | None = None,
    *,
    today: date | None = None,
) -> int:
    """After results (RES-1, RES-2): a failure notice for each failed line, worded per result code, due at once.
    Paid lines (code 0), customers who chose no notice and lines already noticed are skipped. Called in the
    results import's transaction."""
    who = operator or _system(session)
    parsed = Month.parse(month)
    month_row = session.scalar(select(BillingMonth).where(BillingMonth.month == str(parsed)))
    if month_row is None:
        return 0
    codes = {f.customer_number: f.result_code for f in failed_lines if f.result_code != "0"}
    lines = [line for line in _lines(session, month_row.id, sorted(codes)) if line.notice_channel != Channel.NONE.value]
    done = _already(session, [line.id for line in lines], (NoticeKind.FAILURE.value,))
    debit = month_schedule(parsed).debit_date
    values = []
    for line in lines:
        if (line.id, NoticeKind.FAILURE.value) in done:
            continue
        reason, action = failure_wording(codes[line.customer_number])
        values.append(
            _notice_values(
                line,
                NoticeKind.FAILURE,
                today or date.today(),
                str(parsed),
                who,
                debit_date=debit.isoformat(),
                result_code=codes[line.customer_number],
                reason=reason,
                action=action,
            )
        )
    return _insert(session, values, who, f"{parsed} の振替結果")


def plan_confirmation(
    session: Session, registration: AccountRegistration, operator: OperatorRef, *, today: date | None = None
) -> bool:
    """A paper registration confirmed at the bank: a notice that the debit is set up (once per registration;
    none for customers who chose no notice). Called in the transaction of the status change."""
    if registration.method != "paper" or registration.notice_channel == Channel.NONE.value:
        return False
    exists = session.scalar(
        select(Notice.id).where(Notice.registration_id == registration.id, Notice.kind == NoticeKind.CONFIRMATION.value)
    )
    if exists is not None:
        return False
    from app.domain.notices import masked_account

    params = {
        "customer_number": registration.customer_number,
        "bank_name": registration.bank_name,
        "branch_name": registration.branch_name,
        "account": masked_account(registration.account_number),
    }
    _insert(
        session,
        [
            {
                "kind": NoticeKind.CONFIRMATION.value,
                "registration_id": registration.id,
                "customer_number": registration.customer_number,
                "billing_line_id": None,
                "month": "",
                "channel": registration.notice_channel,
                "due": today or date.today(),
                "state": NoticeState.PLANNED.value,
                "params": params,
                "attempts": 0,
                "last_error": "",
                "recipient": "",
                "message_id": "",
                "created_by": operator.id,
                "version": 1,
            }
        ],
        operator,
        "登録完了",
    )
    return True

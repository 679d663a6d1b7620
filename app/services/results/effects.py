"""What results do to registrations and the work list (RES-2, REG-3, DEF-3, BILL-7), inside the import's write.

- a 0 or 1 on a 「返却なし・未確認」 paper registration confirms it (登録済), the history naming the result;
- every failed line becomes a follow-up item with a deadline tied to the next month's dates;
- 2 and 4 send the registration back to needing a new form; 3 puts it on billing stop until a supervisor
  releases it; our own stop request [BILL-7] that comes back as 8 resolves itself;
- a 0 while a deficiency return is open is flagged for a person to look at [DEF-3].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app import messages
from app.db.models import AccountRegistration, FollowUp, FollowUpContact, utcnow
from app.domain.account_fields import RegistrationStatus
from app.domain.business_calendar import BillingMonth as Month
from app.domain.business_calendar import MonthSchedule
from app.domain.lifecycle import REGISTRATION_TRANSITIONS
from app.services.billing.schedule import schedule_for
from app.services.operators import OperatorRef
from app.services.results.common import (
    CONFIRMING_CODES,
    CONSIGNOR_STOP,
    DEPOSITOR_STOP,
    NEW_FORM_CODES,
    PAID,
    FollowUpKind,
    FollowUpState,
    Settlement,
    code_label,
)
from app.services.results.reconcile import Match
from app.services.transitions import HistoryAction, move_registrations, record_history


def next_month(month: Month) -> Month:
    return Month(month.year + (month.month == 12), month.month % 12 + 1)


def _following(session: Session, month: Month, stop_days: int, today: date, *, paper: bool) -> MonthSchedule:
    """The first month after `month` whose billing (or paper-form) deadline has not passed on `today`."""
    candidate = next_month(month)
    for _ in range(24):
        schedule = schedule_for(session, candidate, stop_days)
        deadline = schedule.paper_form_deadline if paper else schedule.billing_deadline
        if deadline >= today:
            return schedule
        candidate = next_month(candidate)
    return schedule


@dataclass
class Deadlines:
    billing: date  # 1, 8, 9, unknown, flags: the next billing deadline
    paper: date  # 2, 3, 4: a new form must reach the agency by the next paper-form deadline

    def for_code(self, code: str) -> date:
        return self.paper if code in (*NEW_FORM_CODES, DEPOSITOR_STOP) else self.billing


def deadlines(session: Session, month: str, stop_days: int, today: date) -> Deadlines:
    parsed = Month.parse(month)
    return Deadlines(
        _following(session, parsed, stop_days, today, paper=False).billing_deadline,
        _following(session, parsed, stop_days, today, paper=True).paper_form_deadline,
    )


def apply(
    session: Session,
    month: str,
    matches: list[Match],
    result_ids: dict[int, int],
    open_returns: set[int],
    dates: Deadlines,
    operator: OperatorRef,
) -> int:
    """Registrations and follow-up items from the month's results; returns the number of follow-up items."""
    affected = {
        m.line.registration_id
        for m in matches
        if m.record.result_code != PAID or m.line.status == RegistrationStatus.SENT.value
    }
    registrations = _load(session, affected)
    _registration_effects(session, matches, registrations, month, operator)
    now = utcnow()
    items: list[dict[str, object]] = []
    resolved: list[FollowUp] = []
    for m in matches:
        code = m.record.result_code
        kind = None
        if code != PAID:
            kind = FollowUpKind.FAILED
        elif m.line.registration_id in open_returns:
            kind = FollowUpKind.PAID_WITH_RETURN
        if kind is None:
            continue
        values: dict[str, object] = {
            "result_id": result_ids[m.line.id],
            "billing_line_id": m.line.id,
            "registration_id": m.line.registration_id,
            "customer_number": m.line.customer_number,
            "month": month,
            "result_code": code,
            "kind": kind.value,
            "amount": m.record.amount,
            "deadline": dates.for_code(code),
            "state": FollowUpState.OPEN.value,
            "settlement": Settlement.NONE.value,
            "settlement_note": "",
            "created_at": now,
            "updated_at": now,
            "updated_by": operator.id,
            "version": 1,
        }
        if code == CONSIGNOR_STOP and m.line.stopped:  # BILL-7: our own stop request, resolved by itself
            note = messages.text("results.stop_request_resolved")
            values.update(state=FollowUpState.RESOLVED.value, settlement=Settlement.SETTLED.value, settlement_note=note)
            resolved.append(FollowUp(**values))
        else:
            items.append(values)
    if items:
        session.connection().execute(insert(cast(Table, FollowUp.__table__)), items)  # Core: one executemany
    if resolved:
        session.add_all(resolved)
        session.flush()
        for item in resolved:
            session.add(
                FollowUpContact(
                    follow_up_id=item.id,
                    operator_id=operator.id,
                    state_before=FollowUpState.OPEN.value,
                    state_after=FollowUpState.RESOLVED.value,
                    note=item.settlement_note,
                )
            )
    return len(items) + len(resolved)


def _load(session: Session, ids: set[int]) -> dict[int, AccountRegistration]:
    found: dict[int, AccountRegistration] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        stmt = select(AccountRegistration).where(AccountRegistration.id.in_(ordered[start : start + 500]))
        found.update((r.id, r) for r in session.scalars(stmt))
    return found


def _registration_effects(
    session: Session,
    matches: list[Match],
    registrations: dict[int, AccountRegistration],
    month: str,
    operator: OperatorRef,
) -> None:
    """Confirmations (0, 1 on a sent paper form), new forms needed (2, 4) and billing stops (3), in one flush
    each (a registration with two lines of the month moves once)."""
    moves: dict[int, tuple[AccountRegistration, RegistrationStatus, str]] = {}
    stops: dict[int, AccountRegistration] = {}
    for m in matches:
        registration = registrations.get(m.line.registration_id)
        if registration is None or registration.id in moves:
            continue
        code = m.record.result_code
        status = RegistrationStatus(registration.status)
        label = code_label(code)
        if code in CONFIRMING_CODES and status is RegistrationStatus.SENT:  # REG-3: the bank processed the form
            reason = messages.text("results.confirmed_by_result", code=code, label=label, month=month)
            moves[registration.id] = (registration, RegistrationStatus.COMPLETE, reason)
        elif code in NEW_FORM_CODES and RegistrationStatus.RETURNED in REGISTRATION_TRANSITIONS[status]:
            reason = messages.text("results.new_form_needed", code=code, label=label, month=month)
            moves[registration.id] = (registration, RegistrationStatus.RETURNED, reason)
        elif code == DEPOSITOR_STOP and not registration.billing_stopped:
            stops[registration.id] = registration
    move_registrations(session, list(moves.values()), operator)
    if not stops:
        return
    reason = messages.text("results.stopped_by_result", month=month)
    before = {rid: r.billing_stop_reason for rid, r in stops.items()}
    for registration in stops.values():
        registration.billing_stopped = True
        registration.billing_stop_reason = reason
        registration.updated_at = utcnow()
    session.flush()
    for rid, registration in stops.items():
        record_history(
            session,
            registration,
            operator,
            HistoryAction.CHANGE,
            {"billing_stopped": [False, True], "billing_stop_reason": [before[rid], reason]},
            reason,
        )

"""A failed amount re-billed in a later draft month as its own line, or settled by other means (RES-2, BILL-6).

A locked month is never changed: the re-billed amount is a new line of a draft month, linked to the failed one.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.db.database import Database
from app.db.models import AccountRegistration, BillingMonth, DebitResult, FollowUp, FollowUpContact, utcnow
from app.domain.business_calendar import BillingMonth as Month
from app.domain.errors import InvalidValue
from app.services.billing.audit import _audit
from app.services.billing.common import DRAFT
from app.services.billing.months import _billable, _line_from, _month_row, paper_policy
from app.services.operators import Action, OperatorRef, require
from app.services.results.common import INSUFFICIENT_FUNDS, FollowUpKind, FollowUpState, Settlement
from app.services.results.followups import _load


def _outstanding(item: FollowUp) -> None:
    if item.kind != FollowUpKind.FAILED.value or item.settlement:
        reason = {
            Settlement.REBILLED.value: "再請求済",
            Settlement.SETTLED.value: "他の方法で入金済",
            Settlement.REPLACED.value: "結果が差し替えられました",
        }.get(item.settlement, "引き落とし済")
        raise InvalidValue("results.followup_not_outstanding", followup_id=item.id, reason=reason)


def _add_rebill(session: Session, item: FollowUp, row: BillingMonth, operator: OperatorRef, note: str) -> int:
    if row.state != DRAFT:
        raise InvalidValue("results.rebill_month_not_draft", month=row.month)
    if row.month <= item.month:
        raise InvalidValue("results.rebill_not_later", month=item.month)
    registration = session.get(AccountRegistration, item.registration_id)
    assert registration is not None
    reason = _billable(registration, paper_policy(session, Month.parse(row.month)))
    if reason is not None:
        raise InvalidValue(
            "results.rebill_not_billable", customer_number=item.customer_number, month=row.month, reason=reason
        )
    line = _line_from(registration, row.id, item.amount, f"再請求 {item.month}")
    line.rebill_of_line_id = item.billing_line_id
    session.add(line)
    session.flush()
    item.settlement = Settlement.REBILLED.value
    item.rebill_line_id = line.id
    item.settlement_note = note
    item.updated_at = utcnow()
    item.updated_by = operator.id
    session.add(
        FollowUpContact(
            follow_up_id=item.id, operator_id=operator.id, state_before=item.state, state_after=item.state, note=note
        )
    )
    _audit(
        session,
        operator,
        row.month,
        "rebill",
        customer_number=item.customer_number,
        amount=item.amount,
        failed_month=item.month,
    )
    session.flush()
    return line.id


def rebill(db: Database, followup_id: int, month: str, operator: OperatorRef) -> int:
    """Carry a failed amount into the draft `month` as its own line; returns the new line's id."""
    require(operator, Action.BILLING, db)
    with db.write() as session:
        item = _load(session, followup_id)
        _outstanding(item)
        row = _month_row(session, Month.parse(month))
        return _add_rebill(session, item, row, operator, f"{month} に再請求")


def settle(db: Database, followup_id: int, note: str, operator: OperatorRef) -> None:
    """The failed amount was paid by other means (cash, transfer): no longer outstanding; the item is done."""
    require(operator, Action.SETTLE, db)
    if not note.strip():
        raise InvalidValue("results.note_required")
    with db.write() as session:
        item = _load(session, followup_id)
        _outstanding(item)
        session.add(
            FollowUpContact(
                follow_up_id=item.id,
                operator_id=operator.id,
                state_before=item.state,
                state_after=FollowUpState.RESOLVED.value,
                note=note.strip(),
            )
        )
        item.settlement = Settlement.SETTLED.value
        item.settlement_note = note.strip()
        item.state = FollowUpState.RESOLVED.value
        item.updated_at = utcnow()
        item.updated_by = operator.id


def carry_forward(session: Session, row: BillingMonth, operator: OperatorRef) -> int:
    """The merchant setting: every outstanding insufficient-funds failure of an earlier month becomes its own
    line of the draft `row` (those that cannot be billed now stay on the work list)."""
    stmt = (
        select(FollowUp)
        .join(DebitResult, DebitResult.id == FollowUp.result_id)
        .where(
            DebitResult.active.is_(True),
            FollowUp.kind == FollowUpKind.FAILED.value,
            FollowUp.result_code == INSUFFICIENT_FUNDS,
            FollowUp.settlement == Settlement.NONE.value,
            FollowUp.month < row.month,
        )
        .order_by(FollowUp.id)
    )
    count = 0
    note = messages.text("results.carried")
    for item in list(session.scalars(stmt)):
        try:
            _add_rebill(session, item, row, operator, note)
        except InvalidValue:
            continue
        count += 1
    return count

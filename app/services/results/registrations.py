"""A supervisor's hand on registrations: confirm 「返却なし・未確認」 ones (e.g. by telephone with the provider's
support), release a billing stop a result put on (REG-3, RES-2). Each with its note in the history."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from app import messages
from app.db.database import Database
from app.db.models import AccountRegistration, utcnow
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import InvalidValue, NotFound
from app.services.operators import Action, OperatorRef, require
from app.services.transitions import HistoryAction, move_registration, record_history


def confirm_registrations(db: Database, customer_numbers: Sequence[str], note: str, operator: OperatorRef) -> int:
    """Confirm one or a selection of sent paper registrations as 登録済, all or none; returns how many."""
    require(operator, Action.CONFIRM, db)
    if not note.strip():
        raise InvalidValue("results.note_required")
    numbers = list(dict.fromkeys(n.strip() for n in customer_numbers if n.strip()))
    with db.write() as session:
        rows = {
            r.customer_number: r
            for r in session.scalars(
                select(AccountRegistration).where(AccountRegistration.customer_number.in_(numbers))
            )
        }
        for number in numbers:
            row = rows.get(number)
            if row is None:
                raise NotFound("results.customer_unknown", customer_number=number)
            if row.status != RegistrationStatus.SENT.value or row.method != "paper":
                raise InvalidValue(
                    "results.confirm_not_paper",
                    customer_number=number,
                    status=RegistrationStatus(row.status).label,
                )
        reason = messages.text("results.confirmed_by_supervisor", note=note.strip())
        for number in numbers:
            move_registration(session, rows[number], RegistrationStatus.COMPLETE, operator, reason)
    return len(numbers)


def release_billing_stop(db: Database, customer_number: str, note: str, operator: OperatorRef) -> None:
    """A supervisor lifts the billing stop (e.g. after a result 3, once the customer confirmed)."""
    require(operator, Action.RELEASE_STOP, db)
    if not note.strip():
        raise InvalidValue("results.note_required")
    with db.write() as session:
        row = session.scalar(select(AccountRegistration).where(AccountRegistration.customer_number == customer_number))
        if row is None:
            raise NotFound("results.customer_unknown", customer_number=customer_number)
        if not row.billing_stopped:
            raise InvalidValue("results.not_stopped", customer_number=customer_number)
        before = row.billing_stop_reason
        row.billing_stopped = False
        row.billing_stop_reason = ""
        row.updated_at = utcnow()
        session.flush()
        reason = messages.text("results.stop_released", note=note.strip())
        record_history(
            session,
            row,
            operator,
            HistoryAction.CHANGE,
            {"billing_stopped": [True, False], "billing_stop_reason": [before, ""]},
            reason,
        )

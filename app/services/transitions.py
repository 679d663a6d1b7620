"""The one transition: every change of a registration's, a return's or a shipment's state goes through here.

It checks that the step is allowed (app/domain/lifecycle.py), assigns the state, stamps `updated_at`, flushes
(which bumps the row's version under its optimistic lock), and writes the registration's history row in the
same transaction. It is also the place where the operator's permission for the step is checked.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.db.models import AccountRegistration, DeficiencyReturn, RegistrationHistory, Shipment, utcnow
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import InvalidValue
from app.domain.lifecycle import (
    REGISTRATION_TRANSITIONS,
    RETURN_TRANSITIONS,
    SHIPMENT_TRANSITIONS,
    ReturnStatus,
    ShipmentStatus,
)
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action, require


class HistoryAction:
    """What a registration history row records (its `action` column)."""

    REGISTER = "register"
    CHANGE = "change"
    INVALIDATE = "invalidate"
    STATUS = "status"
    CHECKLIST_CHECKED = "checklist_checked"  # an incomplete checklist recorded as checked (issues 13, 14)
    SENT_ANYWAY = "sent_anyway"  # a supervisor sent a form with an incomplete checklist, with a reason


def record_history(
    session: Session,
    row: AccountRegistration,
    operator: OperatorRef,
    action: str,
    changes: dict[str, list[Any]],
    reason: str = "",
    *,
    confirmed_duplicate_account: bool = False,
) -> None:
    """The one writer of registration history rows (call after the flush that bumped the version)."""
    session.add(
        RegistrationHistory(
            registration_id=row.id,
            customer_number=row.customer_number,
            operator_id=operator.id,
            action=action,
            reason=reason,
            changes=changes,
            confirmed_duplicate_account=confirmed_duplicate_account,
            version_after=row.version,
        )
    )


def move_registration(
    session: Session,
    row: AccountRegistration,
    to: RegistrationStatus,
    operator: OperatorRef,
    reason: str,
    *,
    action: str = HistoryAction.STATUS,
    changes: dict[str, list[Any]] | None = None,
) -> bool:
    """Move a registration to `to` with its history row; False (and nothing written) when it is there already.
    A step the lifecycle does not allow is refused. `changes` adds other fields changed in the same step."""
    before = RegistrationStatus(row.status)
    if before == to:
        return False
    # OP-3: the step itself is checked here too (an invalidation is a supervisor's, whoever calls)
    require(operator, Action.INVALIDATE if to == RegistrationStatus.INVALIDATED else Action.CHANGE)
    if to not in REGISTRATION_TRANSITIONS[before]:
        raise InvalidValue(
            "registration.transition_refused", customer_number=row.customer_number, before=before.label, to=to.label
        )
    row.status = to.value
    row.updated_at = utcnow()
    session.flush()
    record_history(session, row, operator, action, {"status": [before.value, to.value], **(changes or {})}, reason)
    if to is RegistrationStatus.COMPLETE:
        from app.services.notices.planning import plan_confirmation

        plan_confirmation(session, row, operator)  # a paper registration confirmed: the customer is told
    return True


def move_registrations(
    session: Session,
    moves: list[tuple[AccountRegistration, RegistrationStatus, str]],
    operator: OperatorRef,
    *,
    action: str = HistoryAction.STATUS,
) -> int:
    """Many moves in one flush (a result file's thousands of lines): each step checked as in
    `move_registration`, every row stamped and versioned, one history row each. Returns how many moved."""
    moved: list[tuple[AccountRegistration, str, str]] = []
    for row, to, reason in moves:
        before = RegistrationStatus(row.status)
        if before == to:
            continue
        if to not in REGISTRATION_TRANSITIONS[before]:
            raise InvalidValue(
                "registration.transition_refused",
                customer_number=row.customer_number,
                before=before.label,
                to=to.label,
            )
        row.status = to.value
        row.updated_at = utcnow()
        moved.append((row, before.value, reason))
    session.flush()
    for row, before_value, reason in moved:
        record_history(session, row, operator, action, {"status": [before_value, row.status]}, reason)
    return len(moved)


def move_return(session: Session, ret: DeficiencyReturn, to: ReturnStatus, operator: OperatorRef) -> bool:
    """Move a deficiency return to `to`, recording who changed it; False when it is there already."""
    before = ReturnStatus(ret.status)
    if before == to:
        return False
    if to not in RETURN_TRANSITIONS[before]:
        raise InvalidValue("paper.return_transition_refused", return_id=ret.id, before=before.label, to=to.label)
    ret.status = to.value
    ret.updated_at = utcnow()
    ret.updated_by = operator.id
    session.flush()
    return True


def move_shipment(session: Session, shipment: Shipment, to: ShipmentStatus, operator: OperatorRef) -> bool:
    """Move a shipment to `to`; False when it is there already."""
    before = ShipmentStatus(shipment.status)
    if before == to:
        return False
    if to not in SHIPMENT_TRANSITIONS[before]:
        raise InvalidValue("paper.shipment_transition_refused", shipment_id=shipment.id, before=before.label)
    shipment.status = to.value
    session.flush()
    return True

"""The follow-up work list [RES-2]: one item per failed line, by urgency; states, a contact log, who acted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import AccountRegistration, FollowUp, FollowUpContact, Operator, utcnow
from app.domain.errors import Conflict, InvalidValue, NotFound
from app.services.operators import Action, OperatorRef, require
from app.services.results.common import (
    FOLLOW_UP_STATE_LABELS,
    ContactView,
    FollowUpState,
    FollowUpView,
)


def _load(session: Session, followup_id: int) -> FollowUp:
    item = session.get(FollowUp, followup_id)
    if item is None:
        raise NotFound("results.followup_unknown", followup_id=followup_id)
    return item


def _view(item: FollowUp, name: str, updated_by: str, contacts: list[ContactView] | None = None) -> FollowUpView:
    return FollowUpView(
        item.id,
        item.customer_number,
        name,
        item.month,
        item.result_code,
        item.kind,
        item.amount,
        item.deadline,
        item.state,
        item.settlement,
        item.settlement_note,
        item.rebill_line_id,
        item.updated_at,
        updated_by,
        item.version,
        contacts or [],
    )


def parse_state(value: str) -> FollowUpState:
    text = value.strip()
    for state, label in FOLLOW_UP_STATE_LABELS.items():
        if text in (state.value, label):
            return state
    names = "、".join(f"{s.value}（{label}）" for s, label in FOLLOW_UP_STATE_LABELS.items())
    raise InvalidValue("results.followup_state_unknown", state=value, states=names)


def list_followups(
    db: Database,
    *,
    open_only: bool = False,
    customer_number: str | None = None,
    month: str | None = None,
    today: date | None = None,
) -> list[FollowUpView]:
    """The work list by urgency: open items by deadline (overdue first), resolved ones last."""
    day = today or date.today()
    Updater = Operator
    with db.read() as session:
        stmt = (
            select(FollowUp, AccountRegistration.contract_holder_name, Updater.name)
            .join(AccountRegistration, AccountRegistration.id == FollowUp.registration_id)
            .outerjoin(Updater, Updater.id == FollowUp.updated_by)
        )
        if open_only:
            stmt = stmt.where(FollowUp.state != FollowUpState.RESOLVED.value)
        if customer_number:
            stmt = stmt.where(FollowUp.customer_number == customer_number)
        if month:
            stmt = stmt.where(FollowUp.month == month)
        views = [_view(item, name, who or "") for item, name, who in session.execute(stmt.order_by(FollowUp.id))]
    return sorted(views, key=lambda v: (v.urgency(day), v.deadline, v.id))


def load_view(db: Database, followup_id: int) -> FollowUpView:
    """One item with its contact log, oldest first."""
    with db.read() as session:
        item = _load(session, followup_id)
        registration = session.get(AccountRegistration, item.registration_id)
        updater = session.get(Operator, item.updated_by) if item.updated_by else None
        contacts = [
            ContactView(c.at, name, c.state_before, c.state_after, c.note)
            for c, name in session.execute(
                select(FollowUpContact, Operator.name)
                .join(Operator, Operator.id == FollowUpContact.operator_id)
                .where(FollowUpContact.follow_up_id == followup_id)
                .order_by(FollowUpContact.id)
            )
        ]
        return _view(
            item, registration.contract_holder_name if registration else "", updater.name if updater else "", contacts
        )


def update_followup(
    db: Database,
    followup_id: int,
    state: str | FollowUpState,
    operator: OperatorRef,
    *,
    note: str = "",
    expected_version: int | None = None,
) -> FollowUpView:
    """Move an item to `state` with a contact-log entry (who, when, the note). A stale screen fails and says
    who changed it when; nothing is written then."""
    require(operator, Action.FOLLOW_UPS, db)
    target = state if isinstance(state, FollowUpState) else parse_state(state)
    with db.write() as session:
        item = _load(session, followup_id)
        if expected_version is not None and item.version != expected_version:
            who = session.get(Operator, item.updated_by) if item.updated_by else None
            raise Conflict(
                "results.followup_conflict",
                followup_id=followup_id,
                name=who.name if who else "",
                at=f"{item.updated_at.astimezone():%m-%d %H:%M}",
            )
        session.add(
            FollowUpContact(
                follow_up_id=item.id,
                operator_id=operator.id,
                state_before=item.state,
                state_after=target.value,
                note=note.strip(),
            )
        )
        item.state = target.value
        item.updated_at = utcnow()
        item.updated_by = operator.id
        session.flush()
    return load_view(db, followup_id)

"""The outbox: every notice's state, its one transition (with its event row), lists and a person's decisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import AccountRegistration, Notice, NoticeEvent, Operator, utcnow
from app.domain.errors import InvalidValue, NotFound
from app.domain.notices import (
    NOTICE_TRANSITIONS,
    Channel,
    NoticeKind,
    NoticeState,
)
from app.services.operators import Action, OperatorRef, require

REMINDER_KINDS = (NoticeKind.REMINDER_BEFORE.value, NoticeKind.REMINDER_DAY.value)


def move_notice(
    session: Session,
    notice: Notice,
    to: NoticeState,
    operator: OperatorRef,
    action: str,
    detail: str = "",
    *,
    channel: Channel | None = None,
) -> None:
    """The one transition of a notice: checks the step, stamps it, flushes (version bump) and writes its event."""
    before = NoticeState(notice.state)
    if to not in NOTICE_TRANSITIONS[before]:
        raise InvalidValue("notices.transition_refused", notice_id=notice.id, before=before.label, to=to.label)
    notice.state = to.value
    if channel is not None:
        notice.channel = channel.value
    notice.updated_at = utcnow()
    if to in (NoticeState.SENT, NoticeState.PRINTED):
        notice.done_by = operator.id
        notice.done_at = notice.updated_at
    session.flush()
    session.add(
        NoticeEvent(
            notice_id=notice.id,
            operator_id=operator.id,
            action=action,
            state_before=before.value,
            state_after=to.value,
            detail=detail,
        )
    )


def record_planned(session: Session, notices: Sequence[Notice], operator: OperatorRef, detail: str) -> None:
    """The event rows of newly planned notices (they are flushed, so they have ids)."""
    session.add_all(
        NoticeEvent(notice_id=n.id, operator_id=operator.id, action="plan", state_after=n.state, detail=detail)
        for n in notices
    )


@dataclass(frozen=True)
class NoticeView:
    id: int
    customer_number: str
    name: str
    kind: str
    channel: str
    due: date
    state: str
    month: str
    attempts: int
    last_error: str
    recipient: str
    message_id: str
    done_by: str
    done_at: datetime | None
    version: int

    @property
    def kind_label(self) -> str:
        return NoticeKind(self.kind).label

    @property
    def state_label(self) -> str:
        return NoticeState(self.state).label

    @property
    def channel_label(self) -> str:
        return Channel(self.channel).label

    def as_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "customer_number": self.customer_number,
            "kind": self.kind,
            "channel": self.channel,
            "due": self.due.isoformat(),
            "state": self.state,
            "month": self.month,
            "attempts": self.attempts,
            "last_error": self.last_error,
            "done_by": self.done_by,
        }


def _views(session: Session, stmt: Any) -> list[NoticeView]:
    rows = session.execute(stmt).all()
    return [
        NoticeView(
            n.id,
            n.customer_number,
            name,
            n.kind,
            n.channel,
            n.due,
            n.state,
            n.month,
            n.attempts,
            n.last_error,
            n.recipient,
            n.message_id,
            who or "",
            n.done_at,
            n.version,
        )
        for n, name, who in rows
    ]


def _base() -> Any:
    return (
        select(Notice, AccountRegistration.contract_holder_name, Operator.name)
        .join(AccountRegistration, AccountRegistration.id == Notice.registration_id)
        .outerjoin(Operator, Operator.id == Notice.done_by)
    )


def list_notices(
    db: Database,
    *,
    state: str | None = None,
    due_by: date | None = None,
    customer_number: str | None = None,
    limit: int | None = None,
) -> list[NoticeView]:
    """Notices by due date, then customer number; filtered by state, due on or before a day, a customer."""
    if state is not None and state not in {s.value for s in NoticeState}:
        raise InvalidValue("notices.state_unknown", states=", ".join(s.value for s in NoticeState), value=state)
    stmt = _base()
    if state is not None:
        stmt = stmt.where(Notice.state == state)
    if due_by is not None:
        stmt = stmt.where(Notice.due <= due_by)
    if customer_number:
        stmt = stmt.where(Notice.customer_number == customer_number)
    stmt = stmt.order_by(Notice.due, Notice.customer_number, Notice.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as session:
        return _views(session, stmt)


def get_notice(db: Database, notice_id: int) -> NoticeView:
    with db.read() as session:
        found = _views(session, _base().where(Notice.id == notice_id))
    if not found:
        raise NotFound("notices.not_found", notice_id=notice_id)
    return found[0]


def notice_events(db: Database, notice_id: int) -> list[tuple[datetime, str, str, str, str]]:
    """A notice's steps: when, who, what, the state after, the detail (the server's answer of a failure)."""
    with db.read() as session:
        stmt = (
            select(NoticeEvent.at, Operator.name, NoticeEvent.action, NoticeEvent.state_after, NoticeEvent.detail)
            .join(Operator, Operator.id == NoticeEvent.operator_id)
            .where(NoticeEvent.notice_id == notice_id)
            .order_by(NoticeEvent.id)
        )
        return [(at, who, action, state, detail) for at, who, action, state, detail in session.execute(stmt)]


def counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        stmt = select(Notice.state, func.count()).group_by(Notice.state)
        return {state: int(count) for state, count in session.execute(stmt)}


def unsent_reminders_due(db: Database, day: date | None = None) -> int:
    """Reminders due on or before `day` (today) that have not gone out: the main window's banner."""
    on = day or date.today()
    with db.read() as session:
        stmt = select(func.count()).where(
            Notice.kind.in_(REMINDER_KINDS),
            Notice.due == on,
            Notice.state.in_((NoticeState.PLANNED.value, NoticeState.FAILED.value, NoticeState.SENDING.value)),
        )
        return int(session.scalar(stmt) or 0)


def _load(session: Session, notice_id: int) -> Notice:
    notice = session.get(Notice, notice_id)
    if notice is None:
        raise NotFound("notices.not_found", notice_id=notice_id)
    return notice


def resolve_unconfirmed(db: Database, notice_id: int, delivered: bool, operator: OperatorRef) -> NoticeView:
    """A notice left 'sending' by an interrupted run: a person looked (server log, the customer) and decides.
    Delivered → sent; not delivered → planned again (the next run sends it, with a new Message-ID)."""
    require(operator, Action.NOTICES, db)
    with db.write() as session:
        notice = _load(session, notice_id)
        if notice.state != NoticeState.SENDING.value:
            raise InvalidValue(
                "notices.transition_refused",
                notice_id=notice_id,
                before=NoticeState(notice.state).label,
                to=(NoticeState.SENT if delivered else NoticeState.PLANNED).label,
            )
        if delivered:
            move_notice(session, notice, NoticeState.SENT, operator, "confirm_sent", f"Message-ID {notice.message_id}")
        else:
            move_notice(session, notice, NoticeState.PLANNED, operator, "confirm_not_sent", notice.message_id)
            notice.message_id = ""
    return get_notice(db, notice_id)


def fall_back_to_letter(db: Database, notice_ids: Sequence[int], operator: OperatorRef) -> int:
    """Failed e-mails become letters (planned, printed with the next letters run)."""
    require(operator, Action.NOTICES, db)
    moved = 0
    with db.write() as session:
        for notice_id in notice_ids:
            notice = _load(session, notice_id)
            if notice.state == NoticeState.FAILED.value and notice.channel == Channel.EMAIL.value:
                move_notice(
                    session,
                    notice,
                    NoticeState.PLANNED,
                    operator,
                    "to_letter",
                    notice.last_error,
                    channel=Channel.LETTER,
                )
                moved += 1
    return moved


def cancel_notice(db: Database, notice_id: int, reason: str, operator: OperatorRef) -> NoticeView:
    require(operator, Action.NOTICES, db)
    if not reason.strip():
        raise InvalidValue("error.reason_required", action="取消")
    with db.write() as session:
        move_notice(session, _load(session, notice_id), NoticeState.CANCELLED, operator, "cancel", reason.strip())
    return get_notice(db, notice_id)

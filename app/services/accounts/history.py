"""The registration history (口座登録履歴): the one writer of history rows and the history search."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from app.db.database import Database
from app.db.models import (
    Operator,
    RegistrationHistory,
)

# Fields compared and shown in the history (field-level before and after).
from app.services.accounts.queries import _like
from app.services.accounts.views import (
    HistoryEntry,
)


def _entry(h: RegistrationHistory, op: Operator) -> HistoryEntry:
    return HistoryEntry(
        h.id,
        h.registration_id,
        h.customer_number,
        h.at,
        op.login_id,
        op.name,
        h.action,
        h.reason,
        dict(h.changes),
        h.confirmed_duplicate_account,
        h.version_after,
    )


def history(db: Database, registration_id: int) -> list[HistoryEntry]:
    """One registration's timeline, oldest first."""
    with db.read() as session:
        stmt = (
            select(RegistrationHistory, Operator)
            .join(Operator, Operator.id == RegistrationHistory.operator_id)
            .where(RegistrationHistory.registration_id == registration_id)
            .order_by(RegistrationHistory.id)
        )
        return [_entry(h, op) for h, op in session.execute(stmt)]


def search_history(
    db: Database,
    *,
    customer_number: str = "",
    operator_login: str = "",
    action: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 1000,
) -> list[HistoryEntry]:
    """Registration history search (口座登録履歴検索), newest first."""
    H = RegistrationHistory
    stmt = select(H, Operator).join(Operator, Operator.id == H.operator_id)
    if customer_number.strip():
        stmt = stmt.where(H.customer_number.like(_like(customer_number.strip()), escape="\\"))
    if operator_login.strip():
        stmt = stmt.where(Operator.login_id == operator_login.strip())
    if action:
        stmt = stmt.where(H.action == action)
    if date_from:
        stmt = stmt.where(H.at >= datetime.combine(date_from, datetime.min.time()).astimezone())
    if date_to:
        stmt = stmt.where(H.at < datetime.combine(date_to, datetime.max.time()).astimezone())
    stmt = stmt.order_by(H.id.desc()).limit(limit)
    with db.read() as session:
        return [_entry(h, op) for h, op in session.execute(stmt)]

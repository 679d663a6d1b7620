"""The month's change record: every change to a billing month writes its audit row in the same transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AuditLog,
    Operator,
)
from app.domain.business_calendar import BillingMonth as Month
from app.services.operators import OperatorRef
from app.services.operators.audit import audit


def _audit(session: Session, operator: OperatorRef, month: str, action: str, **changes: Any) -> None:
    """Every change to a billing month leaves its row in the append-only audit log, in the same transaction."""
    audit(session, operator, "billing_month", month, action, **changes)


def audit_trail(db: Database, month: str) -> list[tuple[datetime, str, str, dict[str, Any]]]:
    """Who changed the month how, oldest first: (when, operator name, action, what)."""
    with db.read() as session:
        rows = session.execute(
            select(AuditLog.at, Operator.name, AuditLog.action, AuditLog.changes)
            .join(Operator, Operator.id == AuditLog.operator_id)
            .where(AuditLog.entity == "billing_month", AuditLog.entity_id == str(Month.parse(month)))
            .order_by(AuditLog.id)
        ).all()
    return [(at, name, action, dict(changes)) for at, name, action, changes in rows]

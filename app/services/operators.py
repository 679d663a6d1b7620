"""Operators: who acts. Login, secrets and lock-out (OP-1) come with the operators issue."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import Operator
from app.domain.errors import NotFound

SYSTEM_LOGIN = "system"


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


@dataclass(frozen=True)
class OperatorRef:
    """The acting operator, as plain data that crosses threads and layers."""

    id: int
    login_id: str
    name: str
    role: Role


def _ref(row: Operator) -> OperatorRef:
    return OperatorRef(row.id, row.login_id, row.name, Role(row.role))


def ensure_operator(session: Session, login_id: str, name: str, role: Role) -> Operator:
    row = session.scalar(select(Operator).where(Operator.login_id == login_id))
    if row is None:
        row = Operator(login_id=login_id, name=name, role=role.value, active=True)
        session.add(row)
        session.flush()
    return row


def get_operator(db: Database, login_id: str) -> OperatorRef:
    with db.read() as session:
        row = session.scalar(select(Operator).where(Operator.login_id == login_id, Operator.active.is_(True)))
        if row is None:
            raise NotFound(f"担当者 {login_id} は登録されていません", code="operator_unknown", login_id=login_id)
        return _ref(row)


def list_operators(db: Database) -> list[OperatorRef]:
    with db.read() as session:
        return [_ref(r) for r in session.scalars(select(Operator).order_by(Operator.id))]

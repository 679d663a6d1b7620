"""Operators: who acts. The acting operator crosses layers as plain data (`OperatorRef`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import Operator
from app.domain.errors import NotFound

# The program's own actor (set-up, migrations, tests). It has no password and can never log in.
SYSTEM_LOGIN = "system"


class Role(StrEnum):
    """OP-3: what a person may do is their role's (app/services/operators/permissions.py)."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.CLERK: "事務担当", Role.SUPERVISOR: "責任者", Role.AUDITOR: "監査担当"}


@dataclass(frozen=True)
class OperatorRef:
    """The acting operator, as plain data that crosses threads and layers."""

    id: int
    login_id: str
    name: str
    role: Role


def ref_of(row: Operator) -> OperatorRef:
    return OperatorRef(row.id, row.login_id, row.name, Role(row.role))


def ensure_operator(session: Session, login_id: str, name: str, role: Role) -> Operator:
    row = session.scalar(select(Operator).where(Operator.login_id == login_id))
    if row is None:
        row = Operator(login_id=login_id, name=name, role=role.value, active=True)
        session.add(row)
        session.flush()
    return row


def get_operator(db: Database, login_id: str) -> OperatorRef:
    """The operator with this login ID, without a password: for set-up and tests. People log in (`login`)."""
    with db.read() as session:
        row = session.scalar(select(Operator).where(Operator.login_id == login_id, Operator.active.is_(True)))
        if row is None:
            raise NotFound("operators.unknown", login_id=login_id)
        return ref_of(row)


def list_operators(db: Database) -> list[OperatorRef]:
    with db.read() as session:
        return [ref_of(r) for r in session.scalars(select(Operator).order_by(Operator.id))]


def has_people(db: Database) -> bool:
    """True when at least one operator can log in (a new database asks for its first supervisor)."""
    with db.read() as session:
        return session.scalar(select(Operator.id).where(Operator.password_hash.is_not(None)).limit(1)) is not None

"""Managing operators (a supervisor's): add, list, lock, unlock, reset a password, change a role.

Each change writes its audit row in the same transaction and, on PostgreSQL with per-operator roles
(app/services/operators/pg_roles.py), changes the operator's database role in that same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import LoginGuard, Operator, utcnow
from app.domain.errors import Duplicate, InvalidValue, NotFound
from app.services.operators import passwords, pg_roles
from app.services.operators.audit import audit
from app.services.operators.core import SYSTEM_LOGIN, OperatorRef, Role, has_people, ref_of
from app.services.operators.permissions import Action, require

LOGIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,39}")


@dataclass(frozen=True)
class OperatorListing:
    login_id: str
    name: str
    role: Role
    locked: bool
    must_change_password: bool

    def as_record(self) -> dict[str, object]:
        return {
            "login_id": self.login_id,
            "name": self.name,
            "role": self.role.value,
            "locked": self.locked,
            "must_change_password": self.must_change_password,
        }


def _check_login_id(login_id: str) -> str:
    if not LOGIN_ID.fullmatch(login_id) or login_id == SYSTEM_LOGIN:
        raise InvalidValue("operators.login_id_invalid", login_id=login_id)
    return login_id


def _role(value: str | Role) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise InvalidValue("operators.role_invalid", role=value) from None


def _row(session: Session, login_id: str) -> Operator:
    row = session.scalar(select(Operator).where(Operator.login_id == login_id, Operator.active.is_(True)))
    if row is None or row.login_id == SYSTEM_LOGIN:
        raise NotFound("operators.unknown", login_id=login_id)
    return row


def _add(session: Session, actor: OperatorRef | None, login_id: str, name: str, role: Role, password: str) -> Operator:
    if session.scalar(select(Operator.id).where(Operator.login_id == login_id)) is not None:
        raise Duplicate("operators.exists", login_id=login_id)
    if not name.strip():
        raise InvalidValue("operators.name_required")
    row = Operator(
        login_id=login_id,
        name=name.strip(),
        role=role.value,
        active=True,
        password_hash=passwords.hash_password(password),
    )
    session.add(row)
    session.flush()
    guard = session.get(LoginGuard, login_id)
    if guard is not None:  # an ID somebody probed before it existed starts clean
        session.delete(guard)
    pg_roles.create_login(session, login_id, role, password)
    audit(session, actor or ref_of(row), "operator", login_id, "operator_add", name=row.name, role=role.value)
    return row


def create_first_supervisor(db: Database, login_id: str, name: str, password: str) -> OperatorRef:
    """A database with no operator who can log in gets its first supervisor (the window and init ask)."""
    _check_login_id(login_id)
    passwords.check_new_password(password)
    if has_people(db):
        raise InvalidValue("operators.first_exists")
    with db.write() as session:
        return ref_of(_add(session, None, login_id, name, Role.SUPERVISOR, password))


def add_operator(
    db: Database, actor: OperatorRef, login_id: str, name: str, role: str | Role, password: str
) -> OperatorRef:
    require(actor, Action.OPERATORS, db)
    _check_login_id(login_id)
    role = _role(role)
    passwords.check_new_password(password)
    with db.write() as session:
        return ref_of(_add(session, actor, login_id, name, role, password))


def list_operator_accounts(db: Database, actor: OperatorRef) -> list[OperatorListing]:
    require(actor, Action.SEARCH, db)
    with db.read() as session:
        rows = session.execute(
            select(Operator, LoginGuard.locked_at)
            .outerjoin(LoginGuard, LoginGuard.login_id == Operator.login_id)
            .where(Operator.login_id != SYSTEM_LOGIN, Operator.active.is_(True))
            .order_by(Operator.login_id)
        ).all()
        return [
            OperatorListing(r.login_id, r.name, Role(r.role), locked is not None, r.must_change_password)
            for r, locked in rows
        ]


def _guard(session: Session, login_id: str) -> LoginGuard:
    guard = session.get(LoginGuard, login_id)
    if guard is None:
        guard = LoginGuard(login_id=login_id, failures=0)
        session.add(guard)
    return guard


def lock_operator(db: Database, actor: OperatorRef, login_id: str) -> None:
    require(actor, Action.OPERATORS, db)
    with db.write() as session:
        _row(session, login_id)
        guard = _guard(session, login_id)
        if guard.locked_at is None:
            guard.locked_at = utcnow()
            pg_roles.set_login(session, login_id, allowed=False)
            audit(session, actor, "operator", login_id, "lock", by="supervisor")


def unlock_operator(db: Database, actor: OperatorRef, login_id: str) -> None:
    """Unlock an ID (its failures start again from zero). An unknown ID that was locked by tries unlocks too."""
    require(actor, Action.OPERATORS, db)
    with db.write() as session:
        guard = session.get(LoginGuard, login_id)
        if guard is None:
            _row(session, login_id)
            return
        was_locked = guard.locked_at is not None
        guard.failures, guard.locked_at = 0, None
        pg_roles.set_login(session, login_id, allowed=True)
        if was_locked:
            audit(session, actor, "operator", login_id, "unlock")


def reset_password(db: Database, actor: OperatorRef, login_id: str, password: str) -> None:
    """A supervisor sets a temporary password; the operator must change it at the next login. Unlocks too."""
    require(actor, Action.OPERATORS, db)
    passwords.check_new_password(password)
    with db.write() as session:
        row = _row(session, login_id)
        row.password_hash = passwords.hash_password(password)
        row.must_change_password = True
        guard = _guard(session, login_id)
        guard.failures, guard.locked_at = 0, None
        pg_roles.set_password(session, login_id, password)
        pg_roles.set_login(session, login_id, allowed=True)
        audit(session, actor, "operator", login_id, "password_reset")


def set_role(db: Database, actor: OperatorRef, login_id: str, role: str | Role) -> None:
    require(actor, Action.OPERATORS, db)
    new = _role(role)
    with db.write() as session:
        row = _row(session, login_id)
        before = Role(row.role)
        if before == new:
            return
        row.role = new.value
        pg_roles.set_group(session, login_id, before, new)
        audit(session, actor, "operator", login_id, "role_change", role=[before.value, new.value])

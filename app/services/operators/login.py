"""OP-1 login: Argon2id, three consecutive failures lock the ID, unknown IDs behave exactly as known ones.

Every attempt costs one Argon2 verification (an unknown ID or one without a password is checked against a
dummy hash) and one write of its login-guard row, so neither the message nor the time tells which IDs exist;
an unknown ID is also reported as locked after three tries. OP-2: during maintenance only a supervisor logs in.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.database import Database
from app.db.models import LoginGuard, Operator, utcnow
from app.domain.errors import DomainError
from app.services.operators import passwords, pg_roles
from app.services.operators.audit import audit
from app.services.operators.core import OperatorRef, Role, ref_of
from app.services.operators.maintenance import maintenance_text, read_maintenance

MAX_FAILURES = 3


class LoginRefused(DomainError):
    code = "login_refused"


class PasswordChangeRequired(DomainError):
    """The password was reset by a supervisor: the operator chooses a new one before anything else."""

    code = "password_change_required"


@dataclass(frozen=True)
class LoginResult:
    operator: OperatorRef
    must_change_password: bool


def login(db: Database, login_id: str, password: str) -> LoginResult:
    """Check an ID and a password; refuse with one message whatever was wrong. The failure is recorded
    (and the lock set) in its own transaction before the refusal is raised."""
    login_id = login_id.strip()[:40]
    refusal: LoginRefused | None = None
    result: LoginResult | None = None
    with db.write() as session:
        row = session.scalar(select(Operator).where(Operator.login_id == login_id, Operator.active.is_(True)))
        guard = session.get(LoginGuard, login_id)
        if guard is None:
            guard = LoginGuard(login_id=login_id, failures=0)
            session.add(guard)
        good = passwords.verify(row.password_hash if row is not None else None, password)
        maintenance = read_maintenance(session)
        operator = ref_of(row) if row is not None else None
        if guard.locked_at is not None:
            refusal = LoginRefused("operators.login_locked")
            audit(session, operator, "login", login_id, "login_failed", login_id=login_id, locked=True)
        elif not good:
            guard.failures += 1
            audit(session, operator, "login", login_id, "login_failed", login_id=login_id, failures=guard.failures)
            if guard.failures >= MAX_FAILURES:
                guard.locked_at = utcnow()
                audit(session, operator, "login", login_id, "lock", login_id=login_id, failures=guard.failures)
                pg_roles.set_login(session, login_id, allowed=False)
                refusal = LoginRefused("operators.login_locked")
            else:
                refusal = LoginRefused("operators.login_failed", left=MAX_FAILURES - guard.failures)
        elif maintenance is not None and operator is not None and operator.role != Role.SUPERVISOR:
            guard.failures = 0
            refusal = LoginRefused("operators.maintenance", until=maintenance_text(maintenance))
        else:
            assert row is not None and operator is not None and row.password_hash is not None
            guard.failures = 0
            if passwords.needs_rehash(row.password_hash):
                row.password_hash = passwords.HASHER.hash(password)
            audit(session, operator, "login", login_id, "login")
            result = LoginResult(operator, row.must_change_password)
        if maintenance is not None and refusal is not None and refusal.code != "operators.maintenance":
            # during maintenance everybody is told until when (the failure still counts)
            refusal = LoginRefused("operators.maintenance", until=maintenance_text(maintenance))
    if refusal is not None:
        raise refusal
    assert result is not None
    return result


def change_password(db: Database, login_id: str, old: str, new: str) -> OperatorRef:
    """The operator's own change (required after a reset): the old password is checked like a login."""
    operator = login(db, login_id, old).operator
    passwords.check_new_password(new)
    if new == old:
        raise LoginRefused("operators.password_same")
    with db.write() as session:
        row = session.get(Operator, operator.id)
        assert row is not None
        row.password_hash = passwords.hash_password(new)
        row.must_change_password = False
        pg_roles.set_password(session, login_id, new)
        audit(session, operator, "operator", login_id, "password_change")
    return operator

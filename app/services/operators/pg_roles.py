"""OP-8 on PostgreSQL: each operator is a login role in a group role per application role.

`install()` (run by `initialize` when the connected user may create roles) sets up, for a database D:
- `D_owner` (NOLOGIN) owns every table, so no person's role owns anything;
- `D_clerk`, `D_supervisor`, `D_auditor` (NOLOGIN) hold exactly the grants of their application role:
  every group reads the tables (the operator table without its password hashes); the clerk writes
  registrations, shipments and returns and may only INSERT history and audit rows; the supervisor also
  billing months, settings, operators and maintenance; the auditor reads. Nobody may UPDATE or DELETE
  history or audit rows;
- `D_lockout` (NOLOGIN, CREATEROLE) owns one SECURITY DEFINER function, `kofuri_login_failed(login_id)`,
  which counts a failed login and after three turns the operator's role NOLOGIN; `D_gate` (LOGIN) may do
  nothing but EXECUTE that function. A client whose connection as the operator was refused records the
  failure through the gate, before the operator has any connection of their own; the gate can neither read
  nor change a table.
Each operator's login role is `<database>_<login_id>` (roles are cluster-wide), a member of its group.
Passwords reach the server only as SCRAM-SHA-256 verifiers computed here (never in clear in a statement).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db.database import Database
from app.services.operators.core import Role

GATE_PASSWORD_ENV = "KOFURI_PG_GATE_PASSWORD"
DEFAULT_GATE_PASSWORD = "gate-counts-failures-only"
MAX_FAILURES = 3

CLERK_WRITES = {
    "account_registration": "INSERT, UPDATE",
    "registration_search_gram": "INSERT, UPDATE, DELETE",
    "customer_number_reservation": "INSERT, UPDATE, DELETE",
    "shipment": "INSERT, UPDATE",
    "shipment_item": "INSERT, UPDATE, DELETE",
    "deficiency_return": "INSERT, UPDATE",
    "return_contact": "INSERT",
    "registration_history": "INSERT",
    "audit_log": "INSERT",
    # follow-ups of failed debits (states, the contact log) and the customers' notices [RES-2, OP-5]; a
    # registration confirmed by a web result plans a notice too
    "follow_up": "UPDATE",
    "follow_up_contact": "INSERT",
    "notice": "INSERT, UPDATE",
    "notice_event": "INSERT",
}
SUPERVISOR_WRITES = {
    **CLERK_WRITES,
    "result_import": "INSERT, UPDATE",
    "debit_result": "INSERT, UPDATE",
    "follow_up": "INSERT, UPDATE",
    "billing_month": "INSERT, UPDATE",
    "billing_line": "INSERT, UPDATE, DELETE",
    "billing_export": "INSERT",
    "annual_schedule": "INSERT, UPDATE, DELETE",
    "merchant_settings": "UPDATE",
    "maintenance": "INSERT, UPDATE, DELETE",
    "login_guard": "INSERT, UPDATE, DELETE",
    "operator": "INSERT, UPDATE",
}
# an auditor changes nothing; its own logins, refusals and reads of the audit log are still recorded
AUDITOR_WRITES = {"audit_log": "INSERT"}
OPERATOR_PUBLIC_COLUMNS = "id, login_id, name, role, active, created_at, must_change_password"


def q(name: str) -> str:
    """A quoted identifier."""
    return '"' + name.replace('"', '""') + '"'


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores, so the password never travels in clear."""
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = base64.b64encode
    return f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}${b64(stored_key).decode()}:{b64(server_key).decode()}"


def _ddl(session: Session, statement: str) -> None:
    """A statement without bind parameters (role DDL cannot take them; a verifier holds ':' and '$')."""
    session.connection().exec_driver_sql(statement)


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def group_prefix(session: Session) -> str | None:
    """The prefix of the group roles when this database has them (its tables' owner is `<prefix>_owner`)."""
    if not _is_pg(session):
        return None
    owner = session.scalar(
        text("SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'operator'")
    )
    if owner is None or not str(owner).endswith("_owner"):
        return None
    prefix = str(owner)[: -len("_owner")]
    exists = session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": f"{prefix}_clerk"})
    return prefix if exists else None


def login_role(session: Session, login_id: str) -> str:
    return f"{session.scalar(text('SELECT current_database()'))}_{login_id}"


def _role_exists(session: Session, name: str) -> bool:
    return session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}) is not None


def create_login(session: Session, login_id: str, role: Role, password: str) -> None:
    prefix = group_prefix(session)
    if prefix is None:
        return
    name = login_role(session, login_id)
    verifier = scram_verifier(password).replace("'", "''")
    if _role_exists(session, name):
        _ddl(session, f"ALTER ROLE {q(name)} LOGIN PASSWORD '{verifier}'")
    else:
        _ddl(session, f"CREATE ROLE {q(name)} LOGIN PASSWORD '{verifier}'")
    _ddl(session, f"GRANT {q(prefix + '_' + role.value)} TO {q(name)}")


def set_login(session: Session, login_id: str, *, allowed: bool) -> None:
    if group_prefix(session) is None:
        return
    name = login_role(session, login_id)
    if _role_exists(session, name):
        _ddl(session, f"ALTER ROLE {q(name)} {'LOGIN' if allowed else 'NOLOGIN'}")


def set_password(session: Session, login_id: str, password: str) -> None:
    if group_prefix(session) is None:
        return
    name = login_role(session, login_id)
    if _role_exists(session, name):
        verifier = scram_verifier(password).replace("'", "''")
        _ddl(session, f"ALTER ROLE {q(name)} PASSWORD '{verifier}'")


def set_group(session: Session, login_id: str, before: Role, after: Role) -> None:
    prefix = group_prefix(session)
    if prefix is None:
        return
    name = login_role(session, login_id)
    if _role_exists(session, name):
        _ddl(session, f"REVOKE {q(prefix + '_' + before.value)} FROM {q(name)}")
        _ddl(session, f"GRANT {q(prefix + '_' + after.value)} TO {q(name)}")


def can_install(db: Database) -> bool:
    if db.is_sqlite:
        return False
    with db.read() as session:
        return bool(session.scalar(text("SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user")))


def install(db: Database, *, gate_password: str | None = None) -> str:
    """Create (or bring up to date) the owner, group, lock-out and gate roles, the ownership and the grants.
    Safe to run again; returns the prefix."""
    gate_password = gate_password or os.environ.get(GATE_PASSWORD_ENV) or DEFAULT_GATE_PASSWORD
    with db.write() as session:
        prefix = group_prefix(session) or str(session.scalar(text("SELECT current_database()")))
        owner, lockout, gate = f"{prefix}_owner", f"{prefix}_lockout", f"{prefix}_gate"
        groups = {role: f"{prefix}_{role.value}" for role in Role}
        me = str(session.scalar(text("SELECT current_user")))
        for name in (owner, *groups.values()):
            if not _role_exists(session, name):
                _ddl(session, f"CREATE ROLE {q(name)} NOLOGIN")
        if not _role_exists(session, lockout):
            _ddl(session, f"CREATE ROLE {q(lockout)} NOLOGIN CREATEROLE")
        verifier = scram_verifier(gate_password).replace("'", "''")
        if not _role_exists(session, gate):
            _ddl(session, f"CREATE ROLE {q(gate)} LOGIN PASSWORD '{verifier}'")
        # the program's own maintenance user keeps running migrations as a member of the owner role
        _ddl(session, f"GRANT {q(owner)} TO {q(me)}")
        _ddl(session, f"GRANT {q(lockout)} TO {q(me)}")
        _ddl(session, f"GRANT USAGE, CREATE ON SCHEMA public TO {q(owner)}")
        tables = [
            str(t)
            for t in session.scalars(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
            )
        ]
        for table in tables:
            _ddl(session, f"ALTER TABLE {q(table)} OWNER TO {q(owner)}")
            _ddl(session, f"REVOKE ALL ON {q(table)} FROM PUBLIC")
            for group in groups.values():
                _ddl(session, f"REVOKE ALL ON {q(table)} FROM {q(group)}")
        _ddl(session, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        database = str(session.scalar(text("SELECT current_database()")))
        _ddl(session, f"REVOKE ALL ON DATABASE {q(database)} FROM PUBLIC")
        for name in (*groups.values(), gate):
            _ddl(session, f"GRANT CONNECT ON DATABASE {q(database)} TO {q(name)}")
            _ddl(session, f"GRANT USAGE ON SCHEMA public TO {q(name)}")
        for role, group in groups.items():
            for table in tables:
                if table == "operator":
                    _ddl(session, f"GRANT SELECT ({OPERATOR_PUBLIC_COLUMNS}) ON operator TO {q(group)}")
                else:
                    _ddl(session, f"GRANT SELECT ON {q(table)} TO {q(group)}")
            writes = {Role.CLERK: CLERK_WRITES, Role.SUPERVISOR: SUPERVISOR_WRITES, Role.AUDITOR: AUDITOR_WRITES}[role]
            for table, privileges in writes.items():
                if table in tables:
                    _ddl(session, f"GRANT {privileges} ON {q(table)} TO {q(group)}")
            if writes:
                _ddl(session, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {q(group)}")
        _install_lockout_function(session, prefix, lockout, gate)
        return prefix


def _install_lockout_function(session: Session, prefix: str, lockout: str, gate: str) -> None:
    _ddl(session, f"GRANT SELECT, INSERT, UPDATE ON login_guard TO {q(lockout)}")
    _ddl(session, f"GRANT SELECT (login_id) ON operator TO {q(lockout)}")
    _ddl(session, f"GRANT INSERT ON audit_log TO {q(lockout)}")
    _ddl(session, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {q(lockout)}")
    _ddl(
        session,
        f"""
CREATE OR REPLACE FUNCTION kofuri_login_failed(p_login_id text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    n integer;
    r text := current_database() || '_' || p_login_id;
BEGIN
    IF length(p_login_id) > 40 THEN RETURN 0; END IF;
    INSERT INTO login_guard (login_id, failures) VALUES (p_login_id, 1)
        ON CONFLICT (login_id) DO UPDATE SET failures = login_guard.failures + 1
        RETURNING failures INTO n;
    INSERT INTO audit_log (operator_id, at, entity, entity_id, action, changes, login_id, machine)
        VALUES (NULL, now(), 'login', p_login_id, 'login_failed',
                json_build_object('failures', n, 'recorded_by', 'gate'), p_login_id, '');
    IF n >= {MAX_FAILURES} THEN
        UPDATE login_guard SET locked_at = coalesce(locked_at, now()) WHERE login_id = p_login_id;
        IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   JOIN pg_roles u ON u.oid = m.member
                   WHERE u.rolname = r AND g.rolname IN ('{prefix}_clerk', '{prefix}_supervisor', '{prefix}_auditor'))
        THEN
            EXECUTE 'ALTER ROLE ' || quote_ident(r) || ' NOLOGIN';
        END IF;
    END IF;
    RETURN n;
END
$fn$""",
    )
    # owning a function needs CREATE on its schema at the moment it changes hands; the lock-out role keeps none
    _ddl(session, f"GRANT USAGE, CREATE ON SCHEMA public TO {q(lockout)}")
    _ddl(session, f"ALTER FUNCTION kofuri_login_failed(text) OWNER TO {q(lockout)}")
    _ddl(session, f"REVOKE CREATE ON SCHEMA public FROM {q(lockout)}")
    _ddl(session, "REVOKE ALL ON FUNCTION kofuri_login_failed(text) FROM PUBLIC")
    _ddl(session, f"GRANT EXECUTE ON FUNCTION kofuri_login_failed(text) TO {q(gate)}")

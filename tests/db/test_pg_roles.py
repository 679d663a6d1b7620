"""OP-8 on PostgreSQL: a clerk who copies the connection settings and opens psql can do no more than the window.

Each operator is a login role in its application role's group; these tests connect as those roles with plain
SQL (psycopg, no application code in between)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.db.database import Database
from app.services import operators
from app.services.operators import LoginRefused, Role, pg_roles

pytestmark = pytest.mark.postgres
PASSWORD = "clerk-password-1"


def connect_as(db: Database, role: str, password: str) -> psycopg.Connection:
    url = make_url(db.url)
    return psycopg.connect(
        host=url.host, port=url.port or 5432, dbname=url.database, user=role, password=password, autocommit=True
    )


@pytest.fixture
def clerk_sql(pg_db: Database) -> Iterator[psycopg.Connection]:
    boss = operators.create_first_supervisor(pg_db, "boss", "責任者", "boss-password-1")
    operators.add_operator(pg_db, boss, "jimu", "事務 花子", Role.CLERK, PASSWORD)
    role = f"{make_url(pg_db.url).database}_jimu"
    with connect_as(pg_db, role, PASSWORD) as connection:
        yield connection


FORBIDDEN = {
    "lock a month": "INSERT INTO billing_month (month, state, created_at) VALUES ('2031-01', 'final', now())",
    "lock an existing month": "UPDATE billing_month SET state = 'final'",
    "change a setting": "UPDATE merchant_settings SET consignor_name = 'x'",
    "rewrite history": "UPDATE registration_history SET reason = 'x'",
    "delete history": "DELETE FROM registration_history",
    "rewrite the audit log": "UPDATE audit_log SET action = 'x'",
    "delete the audit log": "DELETE FROM audit_log",
    "read the password hashes": "SELECT password_hash FROM operator",
    "promote oneself": "UPDATE operator SET role = 'supervisor'",
    "unlock an ID": "UPDATE login_guard SET locked_at = NULL, failures = 0",
    "end maintenance": "DELETE FROM maintenance",
    "record a login failure directly": "SELECT kofuri_login_failed('boss')",
    "create a table": "CREATE TABLE mine (x int)",
    "import results past the application": "DELETE FROM result_import",
    "rewrite a bank's result": "UPDATE debit_result SET result_code = '0'",
    "delete a follow-up": "DELETE FROM follow_up",
    "rewrite a notice's record": "UPDATE notice_event SET detail = 'x'",
    "delete a notice": "DELETE FROM notice",
    "lock the month through a re-bill line": "UPDATE billing_line SET amount = 0",
    "change the annual schedule": "UPDATE annual_schedule SET billing_deadline = now()",
}


@pytest.mark.parametrize("what", list(FORBIDDEN))
def test_a_clerk_in_psql_cannot(clerk_sql: psycopg.Connection, what: str) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        clerk_sql.execute(FORBIDDEN[what])


def test_a_clerk_in_psql_can_what_the_window_can_and_rows_name_the_session_user(clerk_sql: psycopg.Connection) -> None:
    assert clerk_sql.execute("SELECT login_id FROM operator WHERE login_id = 'jimu'").fetchone() == ("jimu",)
    assert clerk_sql.execute("SELECT count(*) FROM account_registration").fetchone() == (0,)
    # a history/audit row names the database's own session user, whatever the client writes
    clerk_sql.execute(
        "INSERT INTO audit_log (at, entity, entity_id, action, changes, login_id, machine, db_user) "
        "VALUES (now(), 'x', 'x', 'x', '{}', 'boss', 'pc', 'boss')"
    )
    row = clerk_sql.execute("SELECT db_user, session_user FROM audit_log WHERE entity = 'x'").fetchone()
    assert row is not None and row[0] == row[1] and row[0].endswith("_jimu")


def test_lock_out_holds_in_the_database(pg_db: Database) -> None:
    boss = operators.create_first_supervisor(pg_db, "boss", "責任者", "boss-password-1")
    operators.add_operator(pg_db, boss, "jimu", "事務 花子", Role.CLERK, PASSWORD)
    database = make_url(pg_db.url).database
    with pg_db.read() as session:
        prefix = pg_roles.group_prefix(session)
    assert prefix is not None
    # a client whose own connection was refused records the failure through the gate (it can do nothing else)
    with connect_as(pg_db, f"{prefix}_gate", pg_roles.DEFAULT_GATE_PASSWORD) as gate:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            gate.execute("SELECT count(*) FROM account_registration")
        counts = [gate.execute("SELECT kofuri_login_failed('jimu')").fetchone() for _ in range(3)]
    assert counts == [(1,), (2,), (3,)]
    with pytest.raises(psycopg.OperationalError):
        connect_as(pg_db, f"{database}_jimu", PASSWORD)  # the role itself cannot log in now
    with pytest.raises(LoginRefused, match="ロックされています"):
        operators.login(pg_db, "jimu", PASSWORD)  # and the application says so too
    operators.unlock_operator(pg_db, boss, "jimu")
    with connect_as(pg_db, f"{database}_jimu", PASSWORD) as again:
        assert again.execute("SELECT session_user").fetchone() == (f"{database}_jimu",)
    # three failures through the application lock the database role as well
    for _ in range(3):
        with pytest.raises(LoginRefused):
            operators.login(pg_db, "jimu", "wrong-password")
    with pytest.raises(psycopg.OperationalError):
        connect_as(pg_db, f"{database}_jimu", PASSWORD)
    operators.reset_password(pg_db, boss, "jimu", "temporary-pass")
    with connect_as(pg_db, f"{database}_jimu", "temporary-pass"):
        pass


def test_a_role_change_moves_the_database_role_to_the_new_group(pg_db: Database) -> None:
    boss = operators.create_first_supervisor(pg_db, "boss", "責任者", "boss-password-1")
    operators.add_operator(pg_db, boss, "jimu", "事務 花子", Role.CLERK, PASSWORD)
    role = f"{make_url(pg_db.url).database}_jimu"
    with connect_as(pg_db, role, PASSWORD) as sql, pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql.execute("UPDATE merchant_settings SET consignor_name = 'x'")
    operators.set_role(pg_db, boss, "jimu", Role.SUPERVISOR)
    with connect_as(pg_db, role, PASSWORD) as sql:
        sql.execute("UPDATE merchant_settings SET consignor_name = 'x'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("DELETE FROM audit_log")  # not even a supervisor


def test_a_clerk_in_psql_may_work_follow_ups_and_notices(clerk_sql: psycopg.Connection) -> None:
    """What the window lets a clerk do with results and notices, the grants allow (no rows here: the
    privilege is checked all the same)."""
    clerk_sql.execute("UPDATE follow_up SET state = state")
    clerk_sql.execute("UPDATE notice SET state = state")
    for table in ("follow_up_contact", "notice_event"):
        assert clerk_sql.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)


AUDITOR_FORBIDDEN = [
    "UPDATE account_registration SET monthly_amount = 0",
    "INSERT INTO registration_history (registration_id, customer_number, action, reason, changes, version_after, at) "
    "VALUES (1, 'x', 'x', 'x', '{}', 1, now())",
    "UPDATE follow_up SET state = 'resolved'",
    "UPDATE notice SET state = 'sent'",
    "UPDATE shipment SET status = 'sent'",
    "UPDATE billing_month SET state = 'final'",
    "DELETE FROM audit_log",
]


def test_an_auditor_in_psql_reads_and_changes_nothing(pg_db: Database) -> None:
    boss = operators.create_first_supervisor(pg_db, "boss", "責任者", "boss-password-1")
    operators.add_operator(pg_db, boss, "kansa", "監査 次郎", Role.AUDITOR, PASSWORD)
    with connect_as(pg_db, f"{make_url(pg_db.url).database}_kansa", PASSWORD) as sql:
        assert sql.execute("SELECT count(*) FROM audit_log").fetchone() is not None
        for statement in AUDITOR_FORBIDDEN:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                sql.execute(statement)

"""Backup and restore [OP-2]: only in maintenance, by a supervisor. SQLite through its online backup API,
PostgreSQL through pg_dump / pg_restore. A restore checks the file before anything is replaced and keeps the
current database aside first. Files are owner-only and appear at their path only complete."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from app.db.database import Database
from app.domain.errors import InvalidValue
from app.services.operators.audit import audit
from app.services.operators.core import OperatorRef
from app.services.operators.maintenance import require_maintenance

# custom format, no owners, no privileges (the roles and grants are set again by `initialize`)
PG_DUMP_ARGS = ("-Fc", "-O", "-x")
PG_RESTORE_ARGS = ("-1", "-O", "-x")  # one transaction
REQUIRED_TABLES = {"alembic_version", "operator", "account_registration", "audit_log"}


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def default_backup_path(db: Database, folder: Path) -> Path:
    suffix = ".sqlite3" if db.is_sqlite else ".dump"
    return folder / f"backup-{_stamp()}{suffix}"


def _libpq_url(db: Database) -> str:
    return make_url(db.url).set(drivername="postgresql").render_as_string(hide_password=False)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise InvalidValue("operators.backup_tool_missing", tool=name)
    return found


def _sqlite_copy(source: Path, target: Path) -> None:
    """The online backup API: a consistent copy while others may read."""
    temporary = target.with_name(target.name + ".part")
    fd = os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(temporary)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.chmod(temporary, 0o600)
    os.replace(temporary, target)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a whole, readable Kofuri Desk database."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as error:
        raise InvalidValue("operators.backup_integrity", file=path.name, reason=str(error)) from None
    if verdict != "ok":
        raise InvalidValue("operators.backup_integrity", file=path.name, reason=str(verdict))
    missing = REQUIRED_TABLES - tables
    if missing:
        raise InvalidValue("operators.backup_integrity", file=path.name, reason="、".join(sorted(missing)))


def _run(argv: list[str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        raise InvalidValue("operators.backup_failed", reason=reason[:200])


def backup(db: Database, operator: OperatorRef, target: Path) -> Path:
    require_maintenance(db, operator)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if db.is_sqlite:
        assert db.sqlite_path is not None
        _sqlite_copy(db.sqlite_path, target)
    else:
        temporary = target.with_name(target.name + ".part")
        _run([_tool("pg_dump"), *PG_DUMP_ARGS, "-f", str(temporary), _libpq_url(db)])
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    with db.write() as session:
        audit(session, operator, "database", "backup", "backup", file=str(target))
    return target


def restore(db: Database, operator: OperatorRef, source: Path, aside_folder: Path) -> Path:
    """Replace the database by `source` after checking it; returns where the current database was kept."""
    require_maintenance(db, operator)
    if not source.is_file():
        raise InvalidValue("operators.backup_integrity", file=source.name, reason="ファイルがありません")
    aside = aside_folder / f"before-restore-{_stamp()}{'.sqlite3' if db.is_sqlite else '.dump'}"
    if db.is_sqlite:
        assert db.sqlite_path is not None
        check_sqlite_file(source)
        aside_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _sqlite_copy(db.sqlite_path, aside)
        db.dispose()
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(db.sqlite_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    else:
        _run([_tool("pg_restore"), "-l", str(source)])  # a readable archive, or nothing happens
        aside_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        backup_aside = aside.with_name(aside.name + ".part")
        _run([_tool("pg_dump"), *PG_DUMP_ARGS, "-f", str(backup_aside), _libpq_url(db)])
        os.replace(backup_aside, aside)
        db.dispose()
        # the schema is emptied and the archive restored into it in one transaction (the current one is aside)
        with db.write() as session:
            session.connection().exec_driver_sql("DROP SCHEMA public CASCADE")
            session.connection().exec_driver_sql("CREATE SCHEMA public")
        db.dispose()
        _run([_tool("pg_restore"), *PG_RESTORE_ARGS, "-d", _libpq_url(db), str(source)])
    with db.write() as session:
        audit(session, operator, "database", "restore", "restore", file=str(source), kept_aside=str(aside))
    return aside

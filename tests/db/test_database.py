import sqlite3
import stat
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.db.database import Database
from app.db.migrate import backup_sqlite, current_revision, downgrade, head_revision, upgrade
from app.db.models import Base
from app.paths import AppPaths
from app.services.setup import connect, initialize


def test_migrations_up_down_up_match_the_models(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    upgrade(db)
    assert current_revision(db) == head_revision(db)
    downgrade(db, "base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade(db)
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    db.dispose()


def test_sqlite_runs_with_wal_full_sync_foreign_keys_and_owner_only_file(sqlite_db: Database) -> None:
    db = sqlite_db
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    assert db.sqlite_path is not None
    assert stat.S_IMODE(db.sqlite_path.stat().st_mode) == 0o600


def test_writes_take_the_lock_at_begin(sqlite_db: Database) -> None:
    db = sqlite_db
    # BEGIN IMMEDIATE: a second writer cannot start while the first holds the write lock
    assert db.sqlite_path is not None
    with db.write() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(db.sqlite_path, timeout=0.05)
        try:
            try:
                other.execute("BEGIN IMMEDIATE")
                locked = False
            except sqlite3.OperationalError:
                locked = True
        finally:
            other.close()
    assert locked


def test_initialize_is_repeatable_and_backup_copies_data(paths: AppPaths, tmp_path: Path) -> None:
    db = connect(str(tmp_path / "b.sqlite3"), paths)
    first = initialize(db, paths)
    second = initialize(db, paths)
    assert first.revision == second.revision == head_revision(db)
    copy = backup_sqlite(db, paths.backups_dir, "test")
    assert copy is not None and stat.S_IMODE(copy.stat().st_mode) == 0o600
    rows = sqlite3.connect(copy).execute("SELECT consignor_code FROM merchant_settings").fetchall()
    assert rows == [("329273",)]
    db.dispose()


def test_postgres_migrations_up_down_up_match_the_models(pg_db: Database) -> None:
    assert current_revision(pg_db) == head_revision(pg_db)
    downgrade(pg_db, "base")
    upgrade(pg_db)
    with pg_db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    assert diff == []

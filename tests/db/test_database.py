import sqlite3
import stat
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.db.database import Database
from app.db.migrate import alembic_config, backup_sqlite, current_revision, downgrade, head_revision, upgrade
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


def test_upgrade_backfills_search_keys_and_backs_up_first(paths: AppPaths, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(alembic_config(db), "0001")  # a database of the first released schema
    with db.engine.begin() as c:
        c.exec_driver_sql(
            "INSERT INTO operator (id, login_id, name, role, active, created_at) VALUES (1, 's', 'S', 'admin', 1, '2026-01-01')"
        )
        c.exec_driver_sql(
            "INSERT INTO account_registration (customer_number, contract_holder_name, contract_holder_kana, postal_code,"
            " address, phone, bank_code, bank_name, branch_code, branch_name, deposit_type, account_number,"
            " account_holder_kana, method, status, registration_date, checklist, note, created_at, updated_at, version)"
            " VALUES ('03292790000000000001', '山田 太郎', 'ヤマダ タロウ', '', '', '03-1234-5678', '0005', '三菱ＵＦＪ',"
            " '001', '本店', 1, '0000001', 'ヤマダ タロウ', 'paper', 'keyed', '2026-01-01', '{}', '', '2026-01-01',"
            " '2026-01-01', 1)"
        )
    backup = upgrade(db, paths.backups_dir)
    assert backup is not None and backup.exists()
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM account_registration").fetchone() == (1,)
    with db.engine.connect() as c:
        assert c.exec_driver_sql("SELECT phone_digits, search_text FROM account_registration").one() == (
            "0312345678",
            "山田太郎\nヤマダタロウ\nヤマダタロウ",
        )
        grams = {g for (g,) in c.exec_driver_sql("SELECT gram FROM registration_search_gram")}
    assert {"山田", "田太", "ダタ"} <= grams
    db.dispose()


def test_a_table_rebuilt_by_a_migration_keeps_the_rows_that_point_at_it(db: Database) -> None:
    """SQLite rebuilds a table to change it (batch mode): with return contacts pointing at deficiency returns,
    the rebuild of deficiency_return (0008, and back) must neither fail nor leave a dangling row."""
    from datetime import date

    from app.domain.registration import RegistrationInput
    from app.services import accounts
    from app.services.operators import SYSTEM_LOGIN, get_operator
    from app.services.paper import returns, shipments

    operator = get_operator(db, SYSTEM_LOGIN)
    raw = RegistrationInput(contract_holder_name="山田 太郎", contract_holder_kana="ヤマダ タロウ", bank_code="0005",
                            branch_code="001", deposit_type="1", account_number="1", account_holder_kana="ヤマダ タロウ")  # fmt: skip
    raw.checklist = {"seal": True, "spare_seal": True, "kana_filled": True, "bank_branch_circled": True,
                     "corrections_sealed": True}  # fmt: skip
    view = accounts.register(db, raw, operator)
    shipments.send_shipment(db, shipments.create_shipment(db, operator).id, date(2026, 10, 20), operator)
    ret = returns.add_return(db, view.customer_number, date(2026, 11, 20), ["seal_mismatch"], operator)
    returns.update_return(db, ret.id, "waiting", operator, note="電話で依頼")
    downgrade(db, "0007")
    upgrade(db)
    assert current_revision(db) == head_revision(db)
    assert [note for _at, _channel, note in returns.contacts(db, ret.id)] == ["電話で依頼"]
    assert returns.list_returns(db)[0].status == "waiting"
    if db.sqlite_path is not None:
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # enforcement is back on

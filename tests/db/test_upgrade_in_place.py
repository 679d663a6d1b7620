"""Upgrade in place: today's program opens a database the first release made (schema 0001), backs it up first
and migrates it; the data survives and can be searched and changed."""

import shutil
import sqlite3
from pathlib import Path

from app.db.migrate import current_revision, head_revision
from app.paths import AppPaths
from app.services import accounts
from app.services.accounts import SearchCriteria
from app.services.setup import connect, initialize

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "schema_0001.sqlite3"


def test_a_first_release_database_is_backed_up_then_migrated_and_keeps_its_data(paths: AppPaths) -> None:
    old = paths.ensure(paths.data_dir) / "shop.sqlite3"
    shutil.copyfile(FIXTURE, old)
    db = connect(str(old), paths)
    try:
        assert current_revision(db) == "0001"
        result = initialize(db, paths)
        assert current_revision(db) == head_revision(db) == result.revision != "0001"
        # the backup is the database as it was: schema 0001, the same registration
        assert result.backup is not None and result.backup.parent == paths.backups_dir
        backup = sqlite3.connect(result.backup)
        try:
            assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
            assert backup.execute("SELECT contract_holder_name FROM account_registration").fetchall() == [
                ("初版 花子",)
            ]
        finally:
            backup.close()
        # the registration made by the first release is there, searchable (0002 derived its search keys)
        view = accounts.find_by_customer_number(db, "03292790000000000001")
        assert (view.contract_holder_name, view.bank_code, view.account_number, view.monthly_amount) == (
            "初版 花子",
            "0005",
            "1234567",
            3300,
        )
        found = accounts.search(db, SearchCriteria(name="はなこ")).rows
        assert [row.customer_number for row in found] == ["03292790000000000001"]
        # opening it again changes nothing and makes no second backup
        assert initialize(db, paths).backup is None
    finally:
        db.dispose()
    assert len(list(paths.backups_dir.iterdir())) == 1

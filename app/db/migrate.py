"""Alembic inside the package: upgrade to head at start-up, after an online backup of an existing SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.db.database import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(db: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    config.attributes["engine"] = db.engine
    return config


def head_revision(db: Database) -> str | None:
    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_sqlite(db: Database, backups_dir: Path, label: str) -> Path | None:
    """An online copy (sqlite3 backup API) of a database that already holds tables; None for an empty file."""
    if db.sqlite_path is None or not db.sqlite_path.exists() or db.sqlite_path.stat().st_size == 0:
        return None
    backups_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{db.sqlite_path.stem}-{stamp}-before-{label}.sqlite3"
    source = sqlite3.connect(db.sqlite_path)
    try:
        target.touch(mode=0o600)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade(db: Database, backups_dir: Path | None = None) -> Path | None:
    """Bring the schema to head; back an existing SQLite file up first. Returns the backup, if one was made."""
    current = current_revision(db)
    head = head_revision(db)
    if current == head:
        return None
    backup = None
    if current is not None and backups_dir is not None:
        backup = backup_sqlite(db, backups_dir, f"upgrade-to-{head}")
    command.upgrade(alembic_config(db), "head")
    return backup


def downgrade(db: Database, revision: str) -> None:
    command.downgrade(alembic_config(db), revision)

"""Opening a database: migrate to head (after a backup), seed the provider's defaults and the system operator."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.db.database import Database
from app.db.migrate import head_revision, upgrade
from app.paths import AppPaths, database_url
from app.services.operators import SYSTEM_LOGIN, Role, ensure_operator, pg_roles
from app.services.settings import ensure_defaults


@dataclass(frozen=True)
class InitResult:
    location: str
    revision: str | None
    backup: Path | None


def connect(db_arg: str | None, paths: AppPaths) -> Database:
    return Database(database_url(db_arg, paths))


def initialize(db: Database, paths: AppPaths) -> InitResult:
    """Create or upgrade the schema and make sure the defaults exist. Safe to run again."""
    backup = upgrade(db, paths.backups_dir)
    with db.write() as session:
        ensure_defaults(session)
        ensure_operator(session, SYSTEM_LOGIN, "システム", Role.SUPERVISOR)
    if pg_roles.can_install(db):
        pg_roles.install(db)  # OP-8: a PostgreSQL login role per operator in a group per application role
    return InitResult(db.location, head_revision(db), backup)

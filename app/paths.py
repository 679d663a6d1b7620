"""Every path the program uses, from one place (platformdirs, overridable for tests and by the user)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "KofuriDesk"
DB_FILE_NAME = "kofuri.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    """The folders of one installation; created owner-only on first use [OP-8]."""

    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | Path | None = None) -> AppPaths:
        chosen = data_dir or os.environ.get("KOFURI_DATA_DIR")
        base = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        return cls(base.expanduser().resolve())

    @property
    def default_db_path(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def user_forms_dir(self) -> Path:
        return self.data_dir / "forms"

    def ensure(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder


def database_url(db: str | None, paths: AppPaths) -> str:
    """`--db` / `KOFURI_DB` as given: an SQLAlchemy URL, or a path to an SQLite file."""
    chosen = db or os.environ.get("KOFURI_DB")
    if not chosen:
        paths.ensure(paths.data_dir)
        return f"sqlite:///{paths.default_db_path}"
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"

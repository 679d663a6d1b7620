"""Every test gets a fresh database and private folders; nothing touches the real home directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from app.db.database import Database
from app.paths import APP_NAME, AppPaths
from app.services.operators import SYSTEM_LOGIN, OperatorRef, Role, ensure_operator, get_operator
from app.services.setup import connect, initialize

REAL_DATA_DIR = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    existed = REAL_DATA_DIR.exists()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("KOFURI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("KOFURI_DB", raising=False)
    yield tmp_path
    assert existed or not REAL_DATA_DIR.exists(), "a test wrote into the real user data folder"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data")


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = connect(str(paths.data_dir / "test.sqlite3"), paths)
    initialize(database, paths)
    yield database
    database.dispose()


@pytest.fixture
def operator(db: Database) -> OperatorRef:
    return get_operator(db, SYSTEM_LOGIN)


def make_operator(db: Database, login: str, name: str, role: Role = Role.CLERK) -> OperatorRef:
    with db.write() as session:
        row = ensure_operator(session, login, name, role)
        return OperatorRef(row.id, row.login_id, row.name, Role(row.role))


@pytest.fixture
def clerk(db: Database) -> OperatorRef:
    return make_operator(db, "suzuki", "鈴木 花子")

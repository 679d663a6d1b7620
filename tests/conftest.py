"""Every test gets a fresh database and private folders; nothing touches the real home directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

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


PG_URL = os.environ.get("KOFURI_TEST_PG_URL", "")


@pytest.fixture
def sqlite_db(paths: AppPaths) -> Iterator[Database]:
    database = connect(str(paths.data_dir / "test.sqlite3"), paths)
    initialize(database, paths)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def pg_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL database migrated to head once; each test gets a fresh copy of it."""
    if not PG_URL:
        pytest.skip("KOFURI_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"kofuri_tpl_{os.getpid()}"
    with admin.connect() as c:
        c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        c.exec_driver_sql(f"CREATE DATABASE {name}")
    template = Database(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    initialize(template, AppPaths.resolve(tmp_path_factory.mktemp("pg")))
    template.dispose()
    yield name
    _drop_database(admin, name)
    admin.dispose()


_pg_counter = itertools.count()


def _drop_database(admin: Engine, name: str) -> None:
    """Drop a test database. WITH (FORCE) may meet an autovacuum worker that this role may not signal; a plain
    DROP waits for such a worker itself, so that is the fallback (a few tries while it winds down)."""
    for attempt in range(50):
        with admin.connect() as c:
            try:
                c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)" if attempt == 0 else
                                  f"DROP DATABASE IF EXISTS {name}")  # fmt: skip
                return
            except DBAPIError:
                time.sleep(0.1)
    raise RuntimeError(f"could not drop the test database {name}")


@pytest.fixture
def pg_db(pg_template: str) -> Iterator[Database]:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"kofuri_t_{os.getpid()}_{next(_pg_counter)}"
    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    database = Database(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    yield database
    database.dispose()
    _drop_database(admin, name)
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """The same services on both backends: SQLite (default) and PostgreSQL (shared by several clerks)."""
    fixture = "sqlite_db" if request.param == "sqlite" else "pg_db"
    database: Database = request.getfixturevalue(fixture)
    return database


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

"""Every test gets a fresh database and private folders; nothing touches the real home directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
from tests.factories import BANK_HEADER

pytest_plugins = ["tests.smtp_server"]  # a real SMTP server on localhost (aiosmtpd) for the notice tests

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
    _drop_roles(admin, name)
    admin.dispose()


def _drop_roles(admin: Engine, prefix: str) -> None:
    """Roles are cluster-wide: the ones a test database made (its operators' login roles, and for the template
    the owner, group, lock-out and gate roles) all start with the database's name and go with it."""
    with admin.connect() as c:
        names = [
            r[0] for r in c.exec_driver_sql(f"SELECT rolname FROM pg_roles WHERE starts_with(rolname, '{prefix}_')")
        ]
        for role in names:
            c.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


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
    _drop_roles(admin, name)
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


# ---- closing the month (results): a month billed from keyed paper forms and exported as final ----

FORM_HEADER = (
    "顧客番号,契約者名,契約者名カナ,郵便番号,住所,電話番号,銀行コード,支店コード,預金種目,口座番号,口座名義カナ,"
    "通帳記号,通帳番号,登録方法,月額"
)
FORM_PEOPLE = [
    ("山田 太郎", "ヤマダ タロウ", "0005", "001", 3300),
    ("佐藤 花子", "サトウ ハナコ", "0001", "210", 4980),
    ("鈴木 一郎", "スズキ イチロウ", "0009", "001", 5500),
    ("高橋 美咲", "タカハシ ミサキ", "0005", "001", 2200),
    ("田中 健", "タナカ ケン", "0001", "210", 1500),
    ("伊藤 誠", "イトウ マコト", "0009", "001", 980),
]


def customer(i: int) -> str:
    return f"0329279{i:013d}"


def result_bytes(request: bytes, codes: dict[str, str] | list[str], **options: object) -> bytes:
    """A result file made the way the bank does, by the script under scripts/ (not by the importer)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_result_file", Path(__file__).resolve().parent.parent / "scripts" / "make_result_file.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    overrides = codes if isinstance(codes, dict) else {}
    cycle = codes if isinstance(codes, list) else ["0"]
    records = module.make(request, cycle, overrides, **options)
    return b"\r\n".join(records) + b"\r\n"


@pytest.fixture
def billed_month(tmp_path: Path) -> Any:
    """build(db, operator, month="2027-01", count=5, sent_on=2026-12-01) → (customer numbers, request file):
    keyed paper forms, shipped and sent, billed in the month, exported as final in the bank format."""
    from datetime import date

    from app.services import billing, settings
    from app.services.accounts.importing import import_accounts
    from app.services.paper import shipments

    def build(
        db: Database,
        operator: OperatorRef,
        month: str = "2027-01",
        count: int = 5,
        sent_on: date = date(2026, 12, 1),
        first: int = 101,
        export: bool = True,
    ) -> tuple[list[str], Path]:
        numbers = [customer(first + i) for i in range(count)]
        rows = [FORM_HEADER]
        for i, number in enumerate(numbers):
            name, kana, bank, branch, amount = FORM_PEOPLE[i % len(FORM_PEOPLE)]
            rows.append(
                f"{number},{name},{kana},100-0001,東京都千代田区千代田1-1,03-1234-{5000 + i:04d},{bank},{branch},"
                f"普通,{1234567 + first + i:07d},{kana},,,紙,{amount}"
            )
        source = tmp_path / f"forms-{first}.csv"
        source.write_text("\n".join(rows) + "\n", encoding="utf-8")
        imported = import_accounts(db, source, operator)
        assert imported.ok, imported.problems
        with db.read() as session:
            from sqlalchemy import select

            from app.db.models import AccountRegistration

            ids = list(
                session.scalars(select(AccountRegistration.id).where(AccountRegistration.customer_number.in_(numbers)))
            )
        from app.services.paper import holds

        for number in numbers:  # imported forms carry no checklist: the paper was checked (REG-7)
            holds.record_checked(db, number, operator, note="原本を確認")
        shipment = shipments.create_shipment(db, operator, only=ids)
        shipments.send_shipment(db, shipment.id, sent_on, operator, tracking_number="123456789012")
        settings.update_settings(db, BANK_HEADER, operator)
        billing.prepare_month(db, month, operator)
        request = tmp_path / f"request-{month}.txt"
        if export:
            billing.export_month(db, month, "zengin", request, operator, final=True, today=date(2026, 12, 2))
        return numbers, request

    return build


@pytest.fixture
def supervisor(db: Database) -> OperatorRef:
    return make_operator(db, "yamamoto", "山本 直子", Role.SUPERVISOR)

"""The project's own proof under crashes, concurrency and hostile files [#16]. Figures, printed; never timed.

    .venv/bin/python scripts/soak/soak.py [--short] [--engines sqlite,postgres]
                                          [--only kill,export,writers,reserve,hostile]

PostgreSQL runs when KOFURI_TEST_PG_URL (or KOFURI_SOAK_PG_URL) names a server; each part gets its own database.
Parts (the real services in real processes; a kill is SIGKILL):
- kill:     a writer registers and changes registrations, printing each acknowledged commit; it is killed at a
            random moment, ITERATIONS times. Every acknowledged commit must be there with its history, and the
            database must pass its integrity check (SQLite: PRAGMA integrity_check).
- export:   a final bank-file export killed at a random moment, again and again: never a partial or stale file at
            the target, never a month locked without its file, never a file without its lock.
- writers:  eight processes registering 25 accounts each at once (numbers allocated by the service).
- reserve:  one process reserving numbers for blank forms while another registers: no number issued twice.
- hostile:  at least 2,000 generated malformed files through every importer: no traceback, nothing written.
Exit status 1 when any figure shows a loss or a failure (the figures are printed either way).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from app.db.database import Database  # noqa: E402
from app.db.models import (  # noqa: E402
    AccountRegistration,
    BillingMonth,
    CustomerNumberReservation,
    RegistrationHistory,
)
from app.paths import AppPaths  # noqa: E402
from app.services.setup import connect, initialize  # noqa: E402
from tests.factories import BANK_HEADER  # noqa: E402

PG_URL = os.environ.get("KOFURI_SOAK_PG_URL") or os.environ.get("KOFURI_TEST_PG_URL", "")
MONTH = "2027-02"

# ---- databases ----


class Engine:
    """Fresh databases of one engine, each migrated to head, under `folder`."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.folder = folder
        self._made: list[str] = []
        self._counter = 0

    def fresh(self) -> str:
        self._counter += 1
        if self.name == "sqlite":
            path = self.folder / f"soak-{self._counter}.sqlite3"
            return str(path)
        name = f"kofuri_soak_{os.getpid()}_{self._counter}"
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            c.exec_driver_sql(f"CREATE DATABASE {name}")
        admin.dispose()
        self._made.append(name)
        return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)

    def open(self, url: str, *, init: bool = False) -> Database:
        paths = AppPaths.resolve(self.folder / "data")
        db = connect(url, paths)
        if init:
            initialize(db, paths)
        return db

    def drop_all(self) -> None:
        if not self._made:
            return
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with admin.connect() as c:
            for name in self._made:
                c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            prefixes = [r[0] for r in c.exec_driver_sql("SELECT rolname FROM pg_roles").all()]
            for role in prefixes:
                if any(role.startswith(f"{n}_") for n in self._made):
                    c.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


def integrity(db: Database) -> bool:
    """SQLite's own check; on PostgreSQL (which checks its pages itself) every registration has its history."""
    with db.engine.connect() as connection:
        if db.is_sqlite:
            return connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        orphans = connection.execute(
            text(
                "SELECT count(*) FROM account_registration r WHERE NOT EXISTS "
                "(SELECT 1 FROM registration_history h WHERE h.customer_number = r.customer_number)"
            )
        ).scalar()
        return orphans == 0


_CHILD_HEAD = """
import json, random, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from scripts.soak.people import form
from app.paths import AppPaths
from app.services import accounts
from app.services.operators import SYSTEM_LOGIN, get_operator
from app.services.setup import connect
db = connect({url!r}, AppPaths.resolve(Path({folder!r})))
operator = get_operator(db, SYSTEM_LOGIN)

"""

_KILL_WRITER = """
i = {start}
print("ready", flush=True)
while True:
    view = accounts.register(db, form(i), operator)
    print(json.dumps(["register", view.customer_number, view.version]), flush=True)
    if i % 3 == 0:
        raw = form(i)
        raw.address = f"東京都千代田区{{i}}"
        view = accounts.change(db, view.id, view.version, raw, "住所変更", operator)
        print(json.dumps(["change", view.customer_number, view.version]), flush=True)
    i += 1
"""


def _child(code: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def _lines_until_killed(process: subprocess.Popen[str], delay: float) -> tuple[list[str], str]:
    """Read the child's lines; SIGKILL it `delay` seconds after it says ready. Returns its lines and stderr."""
    lines: list[str] = []
    ready = threading.Event()

    def reader() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "ready":
                ready.set()
            else:
                lines.append(line.strip())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    ready.wait(timeout=60)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    thread.join(timeout=10)
    assert process.stderr is not None and process.stdout is not None
    err = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    return lines, err


def soak_kill(engine: Engine, iterations: int) -> dict[str, Any]:
    url = engine.fresh()
    engine.open(url, init=True).dispose()
    acknowledged: dict[str, int] = {}
    tracebacks = commits = 0
    for iteration in range(iterations):
        code = _CHILD_HEAD.format(root=str(ROOT), url=url, folder=str(engine.folder / "data"))
        code += _KILL_WRITER.format(start=1 + iteration * 1000)
        lines, err = _lines_until_killed(_child(code), random.uniform(0.05, 0.6))
        tracebacks += "Traceback" in err
        for line in lines:
            try:
                _, number, version = json.loads(line)
            except ValueError:
                continue  # a line cut by the kill was never acknowledged
            acknowledged[number] = version
            commits += 1
    db = engine.open(url)
    lost = missing_history = 0
    with db.read() as session:
        versions = dict(session.execute(select(AccountRegistration.customer_number, AccountRegistration.version)).all())
        histories: dict[str, int] = dict(
            session.execute(
                select(RegistrationHistory.customer_number, func.count()).group_by(RegistrationHistory.customer_number)
            ).all()
        )
    for number, version in acknowledged.items():
        if number not in versions or versions[number] < version:
            lost += 1
        elif histories.get(number, 0) < version:  # one history row per acknowledged version
            missing_history += 1
    ok = integrity(db)
    db.dispose()
    return {
        "iterations": iterations,
        "acknowledged commits": commits,
        "registrations": len(versions),
        "lost": lost,
        "without history": missing_history,
        "integrity failures": 0 if ok else 1,
        "tracebacks": tracebacks,
    }


# ---- export killed ----

_EXPORT = """
from datetime import date
from app.services import billing
from app.domain import bank_codes
bank_codes.lookup_bank("0005")
print("ready", flush=True)
start = time.perf_counter()
billing.export_month(db, {month!r}, "zengin", Path({out!r}), operator, final=True, today=date(2027, 1, 5))
print(f"done {{time.perf_counter() - start}}", flush=True)
"""


def _billable_month(engine: Engine, count: int) -> str:
    from app.services import billing, settings
    from app.services.operators import SYSTEM_LOGIN, get_operator

    url = engine.fresh()
    db = engine.open(url, init=True)
    operator = get_operator(db, SYSTEM_LOGIN)
    from app.services import accounts
    from scripts.soak.people import form

    for i in range(count):
        accounts.register(db, form(i, complete=True), operator)
    settings.update_settings(db, BANK_HEADER, operator)
    billing.prepare_month(db, MONTH, operator)
    db.dispose()
    return url


def _copy(engine: Engine, template: str) -> str:
    if engine.name == "sqlite":
        target = engine.fresh()
        shutil.copy(template, target)
        return target
    url = engine.fresh()
    name = make_url(url).database
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as c:
        c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        c.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {make_url(template).database}")
    admin.dispose()
    return url


def _complete_bank_file(path: Path, lines: int) -> bool:
    records = [r for r in path.read_bytes().split(b"\r\n") if r]
    return (
        len(records) == lines + 3
        and records[0][:1] == b"1"
        and records[-2][:1] == b"8"
        and records[-1][:1] == b"9"
        and all(len(r) == 120 for r in records)
    )


def soak_export(engine: Engine, iterations: int, lines: int = 400) -> dict[str, Any]:
    template = _billable_month(engine, lines)
    partial = locked_without_file = file_without_lock = finished = killed_files = stray = 0
    duration = 5.0  # the first export runs to its end: the kills then land anywhere within its length
    for iteration in range(iterations + 1):
        url = _copy(engine, template)
        out_dir = engine.folder / f"export-{iteration}"
        out_dir.mkdir()
        out = out_dir / "request.txt"
        code = _CHILD_HEAD.format(root=str(ROOT), url=url, folder=str(engine.folder / "data"))
        code += _EXPORT.format(month=MONTH, out=str(out))
        got, _ = _lines_until_killed(_child(code), duration if iteration == 0 else random.uniform(0, duration * 1.1))
        done = [float(line.split()[1]) for line in got if line.startswith("done")]
        if iteration == 0 and done:
            duration = done[0]
        finished += bool(done) and iteration > 0
        db = engine.open(url)
        with db.read() as session:
            state = session.scalar(select(BillingMonth.state).where(BillingMonth.month == MONTH))
        db.dispose()
        locked = state is not None and state != "draft"
        if out.exists():
            killed_files += 1
            if not _complete_bank_file(out, lines):
                partial += 1
            if not locked:
                file_without_lock += 1
        elif locked:
            locked_without_file += 1
        stray += len([p for p in out_dir.iterdir() if p != out])  # a temporary left beside the target
        shutil.rmtree(out_dir)
        if engine.name == "sqlite":
            Path(url).unlink(missing_ok=True)
    return {
        "iterations": iterations,
        "export seconds uncut": round(duration, 2),
        "finished before the kill": finished,
        "files at the target": killed_files,
        "partial or stale files": partial,
        "locked without its file": locked_without_file,
        "file without its lock": file_without_lock,
        "hidden .part temporaries left by the kills": stray,
    }


# ---- concurrency ----

_WRITER = """
ok = failed = 0
messages = []
print("ready", flush=True)
sys.stdin.readline()
for i in range({start}, {start} + {count}):
    try:
        accounts.register(db, form(i), operator)
        ok += 1
    except Exception as error:
        failed += 1
        messages.append(type(error).__name__ + ": " + str(error)[:80])
print(json.dumps({{"ok": ok, "failed": failed, "messages": messages[:3]}}), flush=True)
"""

_RESERVER = """
from app.services.accounts.numbers import reserve_customer_numbers
ok = failed = 0
numbers = []
messages = []
print("ready", flush=True)
sys.stdin.readline()
for _ in range({count}):
    try:
        numbers += reserve_customer_numbers(db, 1, operator, "白紙の依頼書")
        ok += 1
    except Exception as error:
        failed += 1
        messages.append(type(error).__name__ + ": " + str(error)[:80])
print(json.dumps({{"ok": ok, "failed": failed, "numbers": numbers, "messages": messages[:3]}}), flush=True)
"""


def _together(url: str, folder: Path, bodies: list[str]) -> list[dict[str, Any]]:
    """Start every child, wait until each is ready, release them at once; their last lines as JSON."""
    processes = []
    for body in bodies:
        code = _CHILD_HEAD.format(root=str(ROOT), url=url, folder=str(folder)) + body
        processes.append(
            subprocess.Popen(
                [sys.executable, "-c", code],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for process in processes:
        assert process.stdout is not None
        process.stdout.readline()
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        last = out.strip().splitlines()[-1] if out.strip() else "{}"
        result = json.loads(last) if last.startswith("{") else {}
        result["traceback"] = "Traceback" in err
        results.append(result)
    return results


def soak_writers(engine: Engine, writers: int, each: int) -> dict[str, Any]:
    url = engine.fresh()
    engine.open(url, init=True).dispose()
    bodies = [_WRITER.format(start=1 + w * 10_000, count=each) for w in range(writers)]
    results = _together(url, engine.folder / "data", bodies)
    db = engine.open(url)
    with db.read() as session:
        stored = session.scalar(select(func.count()).select_from(AccountRegistration))
        distinct = session.scalar(select(func.count(func.distinct(AccountRegistration.customer_number))))
    ok = integrity(db)
    db.dispose()
    messages = sorted({m for r in results for m in r.get("messages", [])})
    return {
        "writers": writers,
        "attempted": writers * each,
        "succeeded": sum(r.get("ok", 0) for r in results),
        "failed": sum(r.get("failed", 0) for r in results),
        "stored": stored,
        "duplicate numbers": (stored or 0) - (distinct or 0),
        "integrity failures": 0 if ok else 1,
        "tracebacks": sum(r["traceback"] for r in results),
        "first failures": messages[:3],
    }


def soak_reserve(engine: Engine, count: int) -> dict[str, Any]:
    url = engine.fresh()
    engine.open(url, init=True).dispose()
    results = _together(
        url, engine.folder / "data", [_WRITER.format(start=1, count=count), _RESERVER.format(count=count)]
    )
    db = engine.open(url)
    with db.read() as session:
        registered = set(session.scalars(select(AccountRegistration.customer_number)))
        reserved = set(session.scalars(select(CustomerNumberReservation.customer_number)))
    db.dispose()
    writer, reserver = results
    return {
        "registrations ok": writer.get("ok", 0),
        "registrations failed": writer.get("failed", 0),
        "reservations ok": reserver.get("ok", 0),
        "reservations failed": reserver.get("failed", 0),
        "numbers both registered and reserved": len(registered & reserved),
        "tracebacks": sum(r["traceback"] for r in results),
        "first failures": sorted({m for r in results for m in r.get("messages", [])})[:3],
    }


# ---- hostile files ----


def soak_hostile(engine: Engine, files: int) -> dict[str, Any]:
    from scripts.soak.hostile_files import run_hostile

    url = engine.fresh()
    db = engine.open(url, init=True)
    try:
        return run_hostile(db, engine.folder / "hostile", files, seed=16)
    finally:
        db.dispose()


# ---- main ----

FULL = {"kill": 300, "export": 60, "writers": (8, 25), "reserve": 100, "hostile": 2000}
SHORT = {"kill": 3, "export": 3, "writers": (3, 4), "reserve": 10, "hostile": 60}


def run(engines: list[str], only: list[str], short: bool) -> tuple[dict[str, dict[str, Any]], bool]:
    sizes = SHORT if short else FULL
    figures: dict[str, dict[str, Any]] = {}
    failed = False
    for name in engines:
        folder = Path(tempfile.mkdtemp(prefix=f"kofuri-soak-{name}-"))
        engine = Engine(name, folder)
        try:
            for part in only:
                start = time.perf_counter()
                if part == "kill":
                    result = soak_kill(engine, int(sizes["kill"]))  # type: ignore[call-overload]
                    bad = result["lost"] or result["without history"] or result["integrity failures"]
                elif part == "export":
                    result = soak_export(engine, int(sizes["export"]))  # type: ignore[call-overload]
                    # a hidden .part temporary beside the target is what a SIGKILL leaves (counted, not a failure)
                    bad = sum(result[k] for k in ("partial or stale files", "locked without its file",
                                                  "file without its lock"))  # fmt: skip
                elif part == "writers":
                    writers, each = sizes["writers"]  # type: ignore[misc]
                    result = soak_writers(engine, writers, each)
                    bad = result["failed"] or result["duplicate numbers"] or result["tracebacks"]
                elif part == "reserve":
                    result = soak_reserve(engine, int(sizes["reserve"]))  # type: ignore[call-overload]
                    bad = sum(result[k] for k in ("numbers both registered and reserved", "tracebacks",
                                                  "registrations failed", "reservations failed"))  # fmt: skip
                else:
                    result = soak_hostile(engine, int(sizes["hostile"]))  # type: ignore[call-overload]
                    bad = result["tracebacks"] or result["files that wrote something"]
                result["seconds"] = round(time.perf_counter() - start, 1)
                result["verdict"] = "FAIL" if bad else "ok"
                failed = failed or bool(bad)
                figures[f"{name} {part}"] = result
                print(f"{name:8} {part:8} " + ", ".join(f"{k}: {v}" for k, v in result.items()), flush=True)
        finally:
            engine.drop_all()
            shutil.rmtree(folder, ignore_errors=True)
    return figures, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="a few iterations of each (what make test runs)")
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--only", default="kill,export,writers,reserve,hostile")
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    if "postgres" in engines and not PG_URL:
        print("postgres: skipped (set KOFURI_TEST_PG_URL to a server)")
        engines.remove("postgres")
    _, failed = run(engines, args.only.split(","), args.short)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Closing the month at size (issue: results). Figures, never assertions.

    .venv/bin/python bench/bench_results.py [LINES] [REGISTRATIONS]

1. import a LINES-line bank result file (default 100,000; target ≤ 10 s, ≤ 300 MB resident) in a fresh
   process: its time and its peak resident memory (VmHWM);
2. one customer's ledger on a database of REGISTRATIONS registrations (default 1,000,000) with twelve months
   billed and their results in (target ≤ 50 ms).
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.db.models import AccountRegistration, BillingLine, BillingMonth, DebitResult, ResultImport  # noqa: E402
from app.paths import AppPaths  # noqa: E402
from app.services import billing, results, settings  # noqa: E402
from app.services.operators import SYSTEM_LOGIN, get_operator  # noqa: E402
from app.services.setup import connect, initialize  # noqa: E402
from bench.bulk_data import fill  # noqa: E402
from tests.factories import BANK_HEADER  # noqa: E402

DATA = ROOT / ".bench-data"
MONTH = "2027-01"
CODES = ["0"] * 940 + ["1"] * 40 + ["2"] * 8 + ["3"] * 4 + ["4"] * 3 + ["8"] * 2 + ["9"] * 2 + ["N"]


def _maker():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_result_file", ROOT / "scripts" / "make_result_file.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_database(lines: int) -> tuple[Path, Path]:
    folder = DATA / f"results-{lines}"
    path = folder / "bench.sqlite3"
    result = folder / "result.txt"
    if not path.exists():
        paths = AppPaths.resolve(folder)
        db = connect(str(path), paths)
        initialize(db, paths)
        start = time.perf_counter()
        fill(db, lines, status="complete")
        operator = get_operator(db, SYSTEM_LOGIN)
        settings.update_settings(db, BANK_HEADER, operator)
        billing.prepare_month(db, MONTH, operator)
        request = folder / "request.txt"
        billing.export_month(db, MONTH, "zengin", request, operator, final=True)
        rng = random.Random(7)
        codes = [rng.choice(CODES) for _ in range(lines)]
        records = _maker().make(request.read_bytes(), codes, {})
        result.write_bytes(b"\r\n".join(records) + b"\r\n")
        print(
            f"built {lines:,} registrations, a final month and its result file in {time.perf_counter() - start:.0f} s"
        )
        db.dispose()
    return path, result


def import_in_child(path: Path, result: Path) -> dict[str, float]:
    code = f"""
import json, sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from app.paths import AppPaths
from app.services import results
from app.services.operators import SYSTEM_LOGIN, get_operator
from app.services.setup import connect
db = connect({str(path)!r}, AppPaths.resolve(Path({str(path.parent)!r})))
operator = get_operator(db, SYSTEM_LOGIN)
start = time.perf_counter()
outcome = results.import_results(db, Path({str(result)!r}), operator, replace=True)
seconds = time.perf_counter() - start
hwm = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
print(json.dumps({{"seconds": seconds, "peak_mb": hwm / 1024, "failed": outcome.preview.failed.count,
                   "follow_ups": outcome.preview.follow_ups, "already": outcome.already_imported}}))
"""
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def ledger_database(count: int) -> Path:
    """`count` registrations; twelve final months with results: every month bills a tenth of them (a fixed
    100,000 when count is 1,000,000) plus the measured customers."""
    folder = DATA / f"ledger-{count}"
    path = folder / "bench.sqlite3"
    if path.exists():
        return path
    paths = AppPaths.resolve(folder)
    db = connect(str(path), paths)
    initialize(db, paths)
    start = time.perf_counter()
    fill(db, count, status="complete")
    print(f"generated {count:,} registrations in {time.perf_counter() - start:.0f} s")
    operator = get_operator(db, SYSTEM_LOGIN)
    rng = random.Random(11)
    per_month = max(1, count // 10)
    now = datetime.now(UTC)
    start = time.perf_counter()
    for m in range(1, 13):
        month = f"2026-{m:02d}"
        with db.write() as session:
            row = BillingMonth(month=month, state="results", locked_at=now, locked_by=operator.id)
            session.add(row)
            session.flush()
            ids = sorted(set(rng.sample(range(1, count + 1), per_month)) | set(range(1, 21)))
            session.execute(
                insert(BillingLine),
                [
                    {
                        "billing_month_id": row.id,
                        "registration_id": i,
                        "customer_number": f"0329279{i:013d}",
                        "amount": 3300,
                        "updated_at": now,
                    }
                    for i in ids
                ],
            )
            imp = ResultImport(billing_month_id=row.id, file_hash=f"bench{m}", format="zengin", operator_id=operator.id)
            session.add(imp)
            session.flush()
            lines = session.execute(
                select(BillingLine.id, BillingLine.registration_id).where(BillingLine.billing_month_id == row.id)
            ).all()
            session.execute(
                insert(DebitResult),
                [
                    {
                        "import_id": imp.id,
                        "billing_month_id": row.id,
                        "billing_line_id": lid,
                        "registration_id": rid,
                        "customer_number": f"0329279{rid:013d}",
                        "amount": 3300,
                        "result_code": rng.choice(CODES),
                        "record_number": n + 2,
                        "active": True,
                    }
                    for n, (lid, rid) in enumerate(lines)
                ],
            )
    print(f"twelve months billed with results ({per_month:,} lines a month) in {time.perf_counter() - start:.0f} s")
    db.dispose()
    return path


def main() -> None:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    path, result = import_database(lines)
    figures = import_in_child(path, result)
    print(
        f"import {lines:,}-line result file: {figures['seconds']:.2f} s, peak {figures['peak_mb']:.0f} MB resident "
        f"({figures['failed']:,.0f} failed, {figures['follow_ups']:,.0f} follow-up items; target ≤ 10 s, ≤ 300 MB)"
    )
    ledger_path = ledger_database(count)
    db = connect(str(ledger_path), AppPaths.resolve(ledger_path.parent))
    with db.read() as session:
        regs = session.scalar(select(func.count(AccountRegistration.id)))
        total = session.scalar(select(func.count(DebitResult.id)))
    timings = []
    for i in range(1, 21):
        start = time.perf_counter()
        book = results.ledger(db, f"0329279{i:013d}")
        timings.append((time.perf_counter() - start) * 1000)
        assert len(book.months) == 12
    print(
        f"ledger on {regs:,} registrations, {total:,} results over twelve months: "
        f"median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms over 20 customers (first {timings[0]:.1f} ms; target ≤ 50 ms)"
    )


if __name__ == "__main__":
    main()

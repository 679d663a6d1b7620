"""A month of 100,000 billing lines (issue: monthly billing). Figures, never assertions.

    .venv/bin/python bench/bench_billing.py [N]

Excel export against the floor (a bare openpyxl write-only loop writing the same cells with the same number
formats), the export's peak memory (the maximum resident size of a fresh process doing only the export), and
the bank-format export.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.paths import AppPaths  # noqa: E402
from app.services import billing  # noqa: E402
from app.services.operators import SYSTEM_LOGIN, get_operator  # noqa: E402
from app.services.setup import connect, initialize  # noqa: E402
from bench.bulk_data import fill  # noqa: E402

DATA = ROOT / ".bench-data"
MONTH = "2027-02"


def database(count: int) -> Path:
    folder = DATA / f"billing-{count}"
    path = folder / "bench.sqlite3"
    if not path.exists():
        paths = AppPaths.resolve(folder)
        db = connect(str(path), paths)
        initialize(db, paths)
        start = time.perf_counter()
        fill(db, count, status="complete")
        print(f"generated {count:,} complete registrations in {time.perf_counter() - start:.0f} s")
        operator = get_operator(db, SYSTEM_LOGIN)
        start = time.perf_counter()
        view = billing.prepare_month(db, MONTH, operator)
        print(f"prepare {MONTH}: {view.line_count:,} lines in {time.perf_counter() - start:.1f} s")
        db.dispose()
    return path


def export_in_child(path: Path, fmt: str, out: Path) -> dict[str, float]:
    """One export in a fresh process: its time and its peak resident memory (VmHWM of the fresh process)."""
    code = f"""
import json, sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from app.paths import AppPaths
from app.services import billing
from app.services.operators import SYSTEM_LOGIN, get_operator
from app.services.setup import connect
db = connect({str(path)!r}, AppPaths.resolve(Path({str(path.parent)!r})))
operator = get_operator(db, SYSTEM_LOGIN)
from app.domain import bank_codes
bank_codes.lookup_bank("0001")  # the bank-code data, loaded once per program (as in the app), not per export
def high_water_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
before = high_water_mb()
start = time.perf_counter()
result = billing.export_month(db, {MONTH!r}, {fmt!r}, Path({str(out)!r}), operator)
took = time.perf_counter() - start
print(json.dumps({{"seconds": took, "lines": result.line_count, "rss_before_mb": before,
                  "rss_peak_mb": high_water_mb()}}))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def floor(path: Path, out: Path) -> float:
    """Bare openpyxl write-only: the same cells, values and number formats, no application code."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from app.services import billing as b

    lines = b.list_lines(connect(str(path), AppPaths.resolve(path.parent)), MONTH)
    formats = ["@", "@", None, "@", None, None, "@", None, '"¥"#,##0', None, None]
    start = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    for line in lines:
        values = [
            line.customer_number,
            line.bank_code,
            "三菱ＵＦＪ",
            line.branch_code,
            "本店",
            "普通",
            line.account_number,
            line.account_holder_bank,
            line.amount,
            line.new_code,
            "月額会費",
        ]
        row = []
        for value, fmt in zip(values, formats, strict=True):
            if fmt is None:
                row.append(value)
            else:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = fmt
                row.append(cell)
        sheet.append(row)
    book.save(out)
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = database(count)
    xlsx = export_in_child(path, "xlsx", path.parent / "month.xlsx")
    print(
        f"Excel export: {xlsx['lines']:,.0f} lines in {xlsx['seconds']:.2f} s, "
        f"peak resident memory {xlsx['rss_peak_mb']:.0f} MB (process before the export {xlsx['rss_before_mb']:.0f} MB)"
    )
    bare = floor(path, path.parent / "floor.xlsx")
    print(
        f"floor (bare openpyxl write-only, same cells): {bare:.2f} s"
        f" -> export is {xlsx['seconds'] / bare:.2f} x the floor"
    )
    runs = sorted(export_in_child(path, "zengin", path.parent / "month.txt")["seconds"] for _ in range(3))
    print(
        f"bank-format export: {count:,} lines in {runs[1]:.2f} s (median of 3: {', '.join(f'{r:.2f}' for r in runs)})"
    )


if __name__ == "__main__":
    main()

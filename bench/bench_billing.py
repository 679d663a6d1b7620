"""A month of 100,000 billing lines (issue: monthly billing). Figures, never assertions.

    .venv/bin/python bench/bench_billing.py [N]

Excel export against the floor (a bare openpyxl write-only loop writing the same cells with the same number
formats), the export's peak memory (the maximum resident size of a fresh process doing only the export), and
the bank-format export.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.paths import AppPaths  # noqa: E402
from app.services import billing, settings  # noqa: E402
from app.services.operators import SYSTEM_LOGIN, get_operator  # noqa: E402
from app.services.setup import connect, initialize  # noqa: E402
from bench.bulk_data import fill  # noqa: E402

DATA = ROOT / ".bench-data"
HEADER = {
    "zengin_consignor_code": "0000329273",
    "consignor_name_kana": "サンプル",
    "merchant_bank_code": "0001",
    "merchant_branch_code": "001",
    "merchant_deposit_type": "1",
    "merchant_account_number": "1234567",
}
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


_CHILD_HEAD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from app.paths import AppPaths
from app.services import billing
from app.services.operators import SYSTEM_LOGIN, get_operator
from app.services.setup import connect
db = connect({db!r}, AppPaths.resolve(Path({folder!r})))
operator = get_operator(db, SYSTEM_LOGIN)
from app.domain import bank_codes
bank_codes.lookup_bank("0001")  # the bank-code data, loaded once per program (as in the app), not per export
def high_water_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
"""


def _child(path: Path, body: str) -> dict[str, float]:
    code = _CHILD_HEAD.format(root=str(ROOT), db=str(path), folder=str(path.parent)) + body
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def export_in_child(path: Path, fmt: str, out: Path) -> dict[str, float]:
    """One export in a fresh process: wall and CPU seconds and its peak resident memory (VmHWM)."""
    return _child(
        path,
        f"""
before = high_water_mb()
start, cpu = time.perf_counter(), time.process_time()
if {fmt!r} == "zengin":
    result = billing.export_month(db, {MONTH!r}, "zengin", Path({str(out)!r}), operator, final=True)
else:
    result = billing.export_month(db, {MONTH!r}, "xlsx", Path({str(out)!r}), operator)
print(json.dumps({{"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "lines": result.line_count, "rss_before_mb": before, "rss_peak_mb": high_water_mb()}}))
""",
    )


def floor_in_child(path: Path, out: Path) -> dict[str, float]:
    """Bare openpyxl write-only, in a fresh process: the same values (names included) and the same number
    formats, one new cell per formatted value, no application code. The lines are read first, untimed."""
    return _child(
        path,
        f"""
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
lines = billing.list_lines(db, {MONTH!r})
before = high_water_mb()
formats = ["@", None, "@", None, "@", None, None, "@", None, '"¥"#,##0', None, None]
start, cpu = time.perf_counter(), time.process_time()
book = Workbook(write_only=True)
sheet = book.create_sheet("data")
for line in lines:
    values = [line.customer_number, line.contract_holder_name, line.bank_code, "三菱ＵＦＪ", line.branch_code,
              "本店", "普通", line.account_number, line.account_holder_bank, line.amount, line.new_code, "月額会費"]
    row = []
    for value, fmt in zip(values, formats):
        if fmt is None:
            row.append(value)
        else:
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = fmt
            row.append(cell)
    sheet.append(row)
book.save({str(out)!r})
print(json.dumps({{"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "rss_before_mb": before, "rss_peak_mb": high_water_mb()}}))
""",
    )


def libreoffice_mark(path: Path, folder: Path) -> dict[str, float] | None:
    """LibreOffice converting the same rows (the month's machine CSV) to .xlsx: the mark to aim for."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    from app.io.table_export import Column, write_csv
    from app.services.setup import connect as open_db

    db = open_db(str(path), AppPaths.resolve(path.parent))
    lines = billing.list_lines(db, MONTH)
    db.dispose()
    source = folder / "month.csv"
    columns = [Column(h) for h in ("顧客番号", "契約者名", "銀行コード", "銀行名", "支店コード", "支店名", "預金種目",
                                   "口座番号", "口座名義カナ", "金額", "新規コード", "摘要")]  # fmt: skip
    rows = ([x.customer_number, x.contract_holder_name, x.bank_code, "三菱ＵＦＪ", x.branch_code, "本店", "普通",
             x.account_number, x.account_holder_bank, x.amount, x.new_code, "月額会費"] for x in lines)  # fmt: skip
    write_csv(source, columns, rows)
    profile = folder / "lo-profile"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(folder / "lo"), str(source)],
        check=True, capture_output=True,
    )  # fmt: skip
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": took, "cpu": cpu, "rss_peak_mb": after.ru_maxrss / 1024}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = database(count)
    folder = path.parent
    xlsx = export_in_child(path, "xlsx", folder / "month.xlsx")
    bare = floor_in_child(path, folder / "floor.xlsx")
    mark = libreoffice_mark(path, folder)
    print(f"Excel export of {xlsx['lines']:,.0f} lines, side by side (wall s / CPU s / peak resident MB):")
    print(f"  the product's export      {xlsx['seconds']:6.2f} / {xlsx['cpu']:6.2f} / {xlsx['rss_peak_mb']:5.0f}"
          f"  (process before the export {xlsx['rss_before_mb']:.0f} MB)")  # fmt: skip
    print(f"  bare openpyxl write-only  {bare['seconds']:6.2f} / {bare['cpu']:6.2f} / {bare['rss_peak_mb']:5.0f}"
          f"  (process before the loop {bare['rss_before_mb']:.0f} MB)")  # fmt: skip
    if mark is not None:
        print(f"  LibreOffice CSV -> xlsx   {mark['seconds']:6.2f} / {mark['cpu']:6.2f} / {mark['rss_peak_mb']:5.0f}"
              "  (the mark; peak of the soffice process)")  # fmt: skip
    else:
        print("  LibreOffice: not installed here (apt-get install libreoffice-calc-nogui), no mark measured")
    print(f"  -> export / floor: {xlsx['seconds'] / bare['seconds']:.2f} x wall, {xlsx['cpu'] / bare['cpu']:.2f} x CPU"
          f" (target <= 1.2 x); peak {xlsx['rss_peak_mb']:.0f} MB (target <= 150 MB)")  # fmt: skip
    copy = folder / "final-copy.sqlite3"  # the final export locks the month: run it on a copy
    shutil.copyfile(path, copy)
    db = connect(str(copy), AppPaths.resolve(folder))
    settings.update_settings(db, HEADER, get_operator(db, SYSTEM_LOGIN))
    db.dispose()
    zengin = export_in_child(copy, "zengin", folder / "month.txt")
    copy.unlink()
    print(f"bank-format export (final, with the lock): {count:,} lines in {zengin['seconds']:.2f} s")


if __name__ == "__main__":
    main()

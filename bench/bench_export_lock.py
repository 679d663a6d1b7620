"""A clerk saving registrations while a 100,000-line Excel export runs (house rule: no write transaction spans
file I/O). Figures, never assertions.

    .venv/bin/python bench/bench_export_lock.py [N] [--before COMMIT]

The export runs in one process, the clerk in another: 20 single registrations, one every 0.25 s, starting once
the export is under way; each save's commit time is measured (p95 of the saves made while the export ran;
target < 200 ms). With --before COMMIT (default: the commit before the snapshot export, when found) the same
run is repeated with that commit's code (extracted with `git archive` into a temporary folder), so both figures
come from one run on the same database.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_billing import MONTH, database  # noqa: E402

SAVES = 20
GAP = 0.25
BEFORE_DEFAULT = "51ff57b"  # main before issue-14-bank: export_month wrote the file inside db.write()

_HEAD = """
import json, sys, time
# the code under test comes from {root}: drop the editable install's finder, which would map app.* to this tree
sys.meta_path = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "").lower()]
sys.path.insert(0, {root!r})
from pathlib import Path
from app.paths import AppPaths
from app.services.operators import SYSTEM_LOGIN, get_operator
from app.services.setup import connect
db = connect({db!r}, AppPaths.resolve(Path({folder!r})))
operator = get_operator(db, SYSTEM_LOGIN)
"""

_EXPORT = """
from app.domain import bank_codes
from app.services import billing
bank_codes.lookup_bank("0001")
print("ready", flush=True)
start = time.time()
billing.export_month(db, {month!r}, "xlsx", Path({out!r}), operator)
print(json.dumps({{"start": start, "end": time.time()}}), flush=True)
"""

_CLERK = """
from app.domain.account_fields import RegistrationStatus
from app.domain.registration import RegistrationInput
from app.services import accounts
time.sleep({delay})
saves = []
for i in range({saves}):
    raw = RegistrationInput(contract_holder_name="窓口 太郎", contract_holder_kana="マドグチ タロウ", bank_code="0005",
                            branch_code="001", deposit_type="1", account_number=str(7000000 + i),
                            account_holder_kana="マドグチ タロウ", monthly_amount="3300")
    raw.status = RegistrationStatus.COMPLETE
    began = time.time()
    try:
        accounts.register(db, raw, operator, confirm_duplicate_account=True)
        failed = ""
    except Exception as error:  # e.g. SQLite busy past its 10 s timeout while the export holds the lock
        failed = type(error).__name__
    saves.append((began, time.time() - began, failed))
    time.sleep({gap})
print(json.dumps(saves), flush=True)
"""


def run(root: Path, db_path: Path) -> dict[str, object]:
    folder = db_path.parent
    head = _HEAD.format(root=str(root), db=str(db_path), folder=str(folder))
    export = subprocess.Popen(
        [sys.executable, "-c", head + _EXPORT.format(month=MONTH, out=str(folder / "lock-bench.xlsx"))],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
    )
    assert export.stdout is not None
    assert export.stdout.readline().strip() == "ready"
    clerk = subprocess.run(
        [sys.executable, "-c", head + _CLERK.format(delay=1.0, saves=SAVES, gap=GAP)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    timing = json.loads(export.stdout.readline())
    export.wait()
    saves: list[tuple[float, float, str]] = json.loads(clerk.stdout.strip().splitlines()[-1])
    during = sorted(took for began, took, _ in saves if timing["start"] <= began <= timing["end"])
    everything = sorted(took for _, took, _ in saves)
    failures = sorted({f for _, _, f in saves if f})
    return {
        "export_s": timing["end"] - timing["start"],
        "during": len(during),
        "p95_during_ms": _p95(during) * 1000 if during else float("nan"),
        "max_ms": everything[-1] * 1000,
        "p95_all_ms": _p95(everything) * 1000,
        "failed": sum(1 for _, _, f in saves if f),
        "failures": ", ".join(failures),
    }


def _p95(values: list[float]) -> float:
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def _old_tree(commit: str, into: Path) -> Path | None:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "app", "resources"], capture_output=True, check=False
    )
    if archive.returncode != 0:
        return None
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def main() -> None:
    args = sys.argv[1:]
    before = BEFORE_DEFAULT
    if "--before" in args:
        at = args.index("--before")
        before = args[at + 1]
        del args[at : at + 2]
    count = int(args[0]) if args else 100_000
    source = database(count)
    with tempfile.TemporaryDirectory(prefix="kofuri-lock-bench-") as temp:
        work = Path(temp)
        results: list[tuple[str, dict[str, object]]] = []
        (work / "before").mkdir()
        old_root = _old_tree(before, work / "before")
        for label, root in (("before (" + before + ")", old_root), ("after (this tree)", ROOT)):
            if root is None:
                print(f"{label}: that commit's code is not available here, not measured")
                continue
            copy = work / "db" / "bench.sqlite3"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(source, copy)
            results.append((label, run(root, copy)))
            copy.unlink()
    print(f"{SAVES} registrations saved by a clerk while an Excel export of {count:,} lines runs (SQLite):")
    for label, r in results:
        print(
            f"  {label:<22} export {r['export_s']:5.1f} s; saves during it {r['during']:>2}/{SAVES}: "
            f"p95 {r['p95_during_ms']:7.0f} ms (all saves p95 {r['p95_all_ms']:.0f} ms, max {r['max_ms']:.0f} ms);"
            f" failed saves {r['failed']}{' (' + str(r['failures']) + ')' if r['failed'] else ''}"
        )
    print("  target: p95 < 200 ms while the export runs")


if __name__ == "__main__":
    main()

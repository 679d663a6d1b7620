"""Account search at scale (issue: account screens). Figures, never assertions.

    make bench                                   # 1,000,000 registrations, generated once into .bench-data/
    .venv/bin/python bench/bench_accounts.py 200000

Service level: first rows of a search, the row count, the last page (scroll to the end), and a mix of
realistic searches with p50 / p95. GUI level (offscreen Qt, the real SearchPage): time to first rows, to
the count, to the last page after scrolling to the end, and the longest the GUI thread was blocked.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from app.db.database import Database
from app.db.models import AccountRegistration
from app.domain.account_fields import RegistrationStatus
from app.paths import AppPaths
from app.services import accounts
from app.services.accounts import SearchCriteria
from app.services.setup import connect, initialize
from bench.bulk_data import fill

DATA = Path(__file__).resolve().parent.parent / ".bench-data"


def database(count: int) -> Database:
    folder = DATA / f"accounts-{count}"
    paths = AppPaths.resolve(folder)
    path = folder / "bench.sqlite3"
    fresh = not path.exists()
    db = connect(str(path), paths)
    initialize(db, paths)
    if fresh:
        start = time.perf_counter()
        fill(db, count)
        print(f"generated {count:,} registrations in {time.perf_counter() - start:.0f} s ({path})")
    return db


def ms(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def service_figures(db: Database) -> None:
    everything = SearchCriteria()
    took, _ = ms(lambda: accounts.search(db, everything, limit=100, with_total=False))
    print(f"first 100 rows, every active registration:     {took:7.1f} ms")
    took, total = ms(lambda: accounts.count_matching(db, everything))
    print(f"row count ({total:,}):                         {took:7.1f} ms")
    last = (int(total) - 1) // 100 * 100  # type: ignore[call-overload]
    took, _ = ms(lambda: accounts.search(db, everything, offset=last, limit=100, with_total=False))
    print(f"last page (OFFSET {last:,}):                   {took:7.1f} ms")

    rng = random.Random(11)
    with db.read() as session:
        sample = session.execute(
            select(AccountRegistration.customer_number, AccountRegistration.contract_holder_name,
                   AccountRegistration.contract_holder_kana, AccountRegistration.phone)
            .where(AccountRegistration.id.in_([rng.randint(1, 1_000_000) for _ in range(400)]))
        ).all()  # fmt: skip
    kinds: dict[str, list[SearchCriteria]] = {k: [] for k in (
        "surname (kanji)", "surname (hiragana)", "given name (kana)", "full name", "phone, last 4", "phone, whole",
        "customer number", "status", "bank + branch")}  # fmt: skip
    import jaconv

    for number, name, kana, phone in sample[:60]:
        surname = name.split(" ")[0]
        kana_surname, kana_given = kana.split(" ")
        kinds["surname (kanji)"].append(SearchCriteria(name=surname))
        kinds["surname (hiragana)"].append(SearchCriteria(name=jaconv.kata2hira(kana_surname)))
        kinds["given name (kana)"].append(SearchCriteria(name=kana_given))
        kinds["full name"].append(SearchCriteria(name=name))
        kinds["phone, last 4"].append(SearchCriteria(phone=phone[-4:]))
        kinds["phone, whole"].append(SearchCriteria(phone=phone))
        kinds["customer number"].append(SearchCriteria(customer_number=number[-6:].lstrip("0")))
    for status in RegistrationStatus:
        kinds["status"].append(SearchCriteria(statuses=[status]))
    for bank, branch in (("0001", "001"), ("0005", "001"), ("0009", "005"), ("0116", "002")):
        kinds["bank + branch"].append(SearchCriteria(bank_code=bank, branch_code=branch))

    print(f"\n{'search (service level)':<22} {'n':>4} {'first rows p50':>15} {'p95':>8} {'max':>8}   {'count p95':>10}")
    every_first: list[float] = []
    every_count: list[float] = []
    for kind, searches in kinds.items():
        firsts = [ms(lambda c=c: accounts.search(db, c, limit=100, with_total=False))[0] for c in searches]
        counts = [ms(lambda c=c: accounts.count_matching(db, c))[0] for c in searches]
        every_first += firsts
        every_count += counts
        print(f"{kind:<22} {len(firsts):>4} {statistics.median(firsts):12.1f} ms {p95(firsts):6.1f} ms "
              f"{max(firsts):6.1f} ms   {p95(counts):7.1f} ms")  # fmt: skip
    print(f"{'all searches':<22} {len(every_first):>4} {statistics.median(every_first):12.1f} ms "
          f"{p95(every_first):6.1f} ms {max(every_first):6.1f} ms   {p95(every_count):7.1f} ms")  # fmt: skip
    took, _ = ms(lambda: accounts.search(db, SearchCriteria(name="田"), limit=100, with_total=False))
    took_count, _ = ms(lambda: accounts.count_matching(db, SearchCriteria(name="田")))
    print(f"one-character name (a scan, not in the mix): first rows {took:.1f} ms, count {took_count:.1f} ms")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def gui_figures(db: Database) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from app.services.operators import SYSTEM_LOGIN, get_operator
    from ui.accounts.search_page import SearchPage
    from ui.shared.workers import TaskRunner

    sys.setswitchinterval(0.0005)  # as ui.app.run_gui does
    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    page = SearchPage(db, get_operator(db, SYSTEM_LOGIN), runner)
    page.resize(1200, 800)
    page.show()

    longest = 0.0
    clock = QElapsedTimer()
    clock.start()
    last_tick = [clock.elapsed()]

    def tick() -> None:
        nonlocal longest
        now = clock.elapsed()
        longest = max(longest, now - last_tick[0] - 5)
        last_tick[0] = now

    heartbeat = QTimer()
    heartbeat.timeout.connect(tick)
    heartbeat.start(5)

    def wait_until(condition: Callable[[], bool], limit_s: float = 60) -> float:
        start = time.perf_counter()
        while not condition():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - start > limit_s:
                raise TimeoutError
        return (time.perf_counter() - start) * 1000

    for label, criteria_name in (("every active registration", ""), ("name substring 'やまもと'", "やまもと")):
        page.inputs["name"].setText(criteria_name)
        start = time.perf_counter()
        page.run_search()
        wait_until(lambda: page.model.rowCount() > 0)
        first = (time.perf_counter() - start) * 1000
        wait_until(lambda: page.model.complete)
        counted = (time.perf_counter() - start) * 1000
        rows = page.model.rowCount()
        start = time.perf_counter()
        page.table.scrollToBottom()
        app.processEvents()
        bottom = page.model.index(rows - 1, 0)
        wait_until(lambda b=bottom: b.data() not in (None, "…"))
        scrolled = (time.perf_counter() - start) * 1000
        print(f"GUI, {label} ({rows:,} rows): first rows {first:.0f} ms, count {counted:.0f} ms, "
              f"scroll to the end {scrolled:.0f} ms")  # fmt: skip
    print(f"GUI thread blocked at most {max(longest, 0):.0f} ms (heartbeat every 5 ms)")
    heartbeat.stop()
    runner.wait()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    db = database(count)
    service_figures(db)
    print()
    gui_figures(db)
    db.dispose()


if __name__ == "__main__":
    main()

"""The main window at scale: opening it and visiting every area. Figures, never assertions.

    make bench                                   # on the 1,000,000 registrations of bench_accounts.py
    .venv/bin/python bench/bench_window.py 200000

Opens the real MainWindow (offscreen Qt) on the generated database, waits until the areas that read in the
background (shipments and returns, billing) are on screen, then switches through every area with its
Go-menu shortcut. A 5 ms heartbeat on the GUI thread gives the longest time the window could not paint.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_accounts import DATA, database


def main() -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from app.paths import AppPaths
    from app.services.operators import SYSTEM_LOGIN, get_operator
    from ui.main_window import MainWindow

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    db = database(count)
    sys.setswitchinterval(0.0005)  # as ui.app.run_gui does
    app = QApplication.instance() or QApplication([])
    paths = AppPaths.resolve(DATA / f"accounts-{count}")

    longest = [0.0, ""]
    clock = QElapsedTimer()
    clock.start()
    last_tick = [clock.elapsed()]
    doing = ["start"]

    def tick() -> None:
        now = clock.elapsed()
        blocked = now - last_tick[0] - 5
        if blocked > longest[0]:
            longest[0], longest[1] = blocked, doing[0]
        last_tick[0] = now

    heartbeat = QTimer()
    heartbeat.timeout.connect(tick)
    heartbeat.start(5)

    def settle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    settle(0.05)
    doing[0] = "opening the window"
    start = time.perf_counter()
    window = MainWindow(db, get_operator(db, SYSTEM_LOGIN), attachments=paths.ensure(paths.attachments_dir))
    window.resize(1400, 900)
    window.show()
    built = (time.perf_counter() - start) * 1000
    refreshed = [False]
    window.paper_page.refreshed.connect(lambda: refreshed.__setitem__(0, True))
    while not refreshed[0]:
        app.processEvents()
        time.sleep(0.001)
    paper = (time.perf_counter() - start) * 1000
    print(f"{count:,} registrations: window built and shown {built:.0f} ms; "
          f"shipments and returns on screen {paper:.0f} ms (read in the background)")  # fmt: skip
    go_menu = window.menuBar().actions()[1].menu()
    assert go_menu is not None
    for action in go_menu.actions():
        if not action.text():
            continue
        doing[0] = f"switching to {action.text()}"
        start = time.perf_counter()
        action.trigger()
        app.processEvents()
        took = (time.perf_counter() - start) * 1000
        settle(1.0)
        print(f"  {action.text()}: switched in {took:.0f} ms")
    heartbeat.stop()
    print(f"GUI thread blocked at most {max(longest[0], 0):.0f} ms ({longest[1]}; heartbeat every 5 ms)")
    window.close()
    db.dispose()


if __name__ == "__main__":
    main()

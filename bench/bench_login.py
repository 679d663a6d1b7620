"""How long a login takes (Argon2id, m=19 MiB, t=2, p=1) — a known ID, an unknown ID, a bare hash (not a test).

make bench            # or: .venv/bin/python bench/bench_login.py [N]
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

from app.domain.errors import DomainError
from app.paths import AppPaths
from app.services import operators
from app.services.operators import passwords
from app.services.setup import connect, initialize


def _timed(call: object, rounds: int) -> list[float]:
    took = []
    for _ in range(rounds):
        start = time.perf_counter()
        with contextlib.suppress(DomainError):  # a refused login costs its time too
            call()  # type: ignore[operator]
        took.append((time.perf_counter() - start) * 1000)
    return took


def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = AppPaths.resolve(Path(folder))
        db = connect(str(Path(folder) / "bench.sqlite3"), paths)
        initialize(db, paths)
        boss = operators.create_first_supervisor(db, "boss", "責任者", "boss-password-1")
        print(f"Argon2id parameters: {passwords.HASHER.memory_cost // 1024} MiB, t={passwords.HASHER.time_cost}, "
              f"p={passwords.HASHER.parallelism}")  # fmt: skip
        stored = passwords.HASHER.hash("boss-password-1")
        for label, call in (
            ("hash verify only", lambda: passwords.verify(stored, "boss-password-1")),
            ("login, right password", lambda: operators.login(db, "boss", "boss-password-1")),
            ("login, wrong password", lambda: operators.login(db, "boss", "wrong-password")),
            ("login, unknown ID", lambda: operators.login(db, f"nobody{time.perf_counter_ns()}", "x")),
        ):
            took = _timed(call, rounds)
            if label == "login, wrong password":
                operators.unlock_operator(db, boss, "boss")
            print(f"{label:24s} median {statistics.median(took):6.1f} ms   max {max(took):6.1f} ms  ({rounds} rounds)")
        db.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)

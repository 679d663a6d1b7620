"""Foundation figures with generated data (not a test): batch registration, search, kana conversion.

make bench            # or: .venv/bin/python bench/bench_foundation.py [N]
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from pathlib import Path

from app.domain.errors import DomainError
from app.domain.kana import to_bank_kana
from app.paths import AppPaths
from app.services import accounts
from app.services.demo import generate
from app.services.setup import connect, initialize


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = AppPaths.resolve(Path(folder))
        db = connect(str(Path(folder) / "bench.sqlite3"), paths)
        initialize(db, paths)

        start = time.perf_counter()
        generate(db, count, seed=3)
        took = time.perf_counter() - start
        print(f"demo data: {count:,} registrations in {took:.2f} s ({count / took:,.0f}/s)")
        print("  (registered in one transaction, then 7% invalidated one by one)")

        for label, criteria in (
            ("customer number exact", accounts.SearchCriteria(customer_number="03292790000000000777")),
            ("name substring (kana)", accounts.SearchCriteria(name="たなか")),
            ("phone substring", accounts.SearchCriteria(phone="1234")),
            ("status filter", accounts.SearchCriteria(statuses=[accounts.RegistrationStatus.RETURNED])),
        ):
            start = time.perf_counter()
            page = accounts.search(db, criteria, limit=100)
            ms = (time.perf_counter() - start) * 1000
            print(f"search {label:<24} {page.total:>7,} hits, first page in {ms:7.1f} ms")

        names = ["カブシキガイシャ ヤマダショウジ", "やまだ たろう", "ｷｭｳｼｭｳ ﾃﾞﾝｷ", "スーパー・マーケット"] * 2500
        start = time.perf_counter()
        for name in names:
            with contextlib.suppress(DomainError):
                to_bank_kana(name)
        took = time.perf_counter() - start
        print(f"kana conversion: {len(names):,} names in {took * 1000:.0f} ms ({len(names) / took:,.0f}/s)")
        db.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)

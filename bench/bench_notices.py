"""Customer notices (issue: customer notices): plan and send 10,000 reminders through a real SMTP server on
localhost (aiosmtpd, started here). Figures, never assertions.

    .venv/bin/python bench/bench_notices.py [N]

Locking a month of N lines plans 2 reminders a line in the lock's transaction (timed with and without the
planning); sending the N reminders due 3 days before the debit date claims each in its own transaction, sends
it over one SMTP connection and records it sent (two commits a message, by design: never sent twice).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402
from sqlalchemy import update  # noqa: E402

from app.db.models import AccountRegistration  # noqa: E402
from app.paths import AppPaths  # noqa: E402
from app.services import billing, notices, settings  # noqa: E402
from app.services.operators import SYSTEM_LOGIN, get_operator  # noqa: E402
from app.services.setup import connect, initialize  # noqa: E402
from bench.bulk_data import fill  # noqa: E402
from tests.smtp_server import Handler, free_port  # noqa: E402

MONTH = "2027-02"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        paths = AppPaths.resolve(folder)
        db = connect(str(Path(folder) / "bench.sqlite3"), paths)
        initialize(db, paths)
        operator = get_operator(db, SYSTEM_LOGIN)
        fill(db, count, status="complete")
        with db.write() as session:
            session.execute(
                update(AccountRegistration).values(
                    email=AccountRegistration.customer_number + "@example.jp", notice_channel="email"
                )
            )
        handler = Handler()
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            settings.update_settings(
                db,
                {"consignor_name": "さくら水道株式会社", "smtp_host": "127.0.0.1", "smtp_port": str(port),
                 "smtp_security": "none", "smtp_sender": "billing@example.jp"},
                operator,
            )  # fmt: skip
            billing.prepare_month(db, MONTH, operator)
            start = time.perf_counter()
            billing.export_month(
                db, MONTH, "xlsx", Path(folder) / "m.xlsx", operator, final=True, today=date(2027, 2, 5)
            )
            lock = time.perf_counter() - start
            planned = len(notices.list_notices(db, state="planned"))
            print(f"lock of {count:,} lines with {planned:,} reminders planned in the same transaction: {lock:.2f} s")
            start = time.perf_counter()

            def tick(_notice_id: int) -> None:
                if len(handler.received) % 1000 == 0:
                    print(f"  {len(handler.received):,} sent after {time.perf_counter() - start:.0f} s", flush=True)

            result = notices.send_due(db, operator, as_of=date(2027, 2, 26), after_send=tick)
            sent = time.perf_counter() - start
            print(
                f"sent {len(result.sent):,} reminders to the local SMTP server in {sent:.1f} s "
                f"({len(result.sent) / sent:.0f} a second); server received {len(handler.received):,}; "
                f"failed {len(result.failed)}"
            )
            start = time.perf_counter()
            again = notices.send_due(db, operator, as_of=date(2027, 2, 26))
            print(f"a second run sends {len(again.sent)} (checked in {time.perf_counter() - start:.2f} s)")
        finally:
            controller.stop()
            db.dispose()


if __name__ == "__main__":
    main()

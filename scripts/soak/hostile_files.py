"""Malformed files through every importer [#16]: no traceback, nothing written when a file is refused.

Each file starts from a valid file of its importer (registrations, the month's amounts, the annual schedule, a
bank result file) and is broken one or more ways: bytes cut, flipped or inserted, control characters, a header
twice or missing, thousands of digits, digits that only look like digits, wrong encodings, an .xlsx that is no
zip, a truncated zip, a formula without its result, a sheetless workbook. A refusal must be a DomainError (the
one-line message a clerk reads); anything else is counted as a traceback.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import AccountRegistration, AnnualSchedule, BillingLine, DebitResult, RegistrationHistory
from app.domain.errors import DomainError

HEADER = ["契約者名", "契約者名カナ", "銀行コード", "支店コード", "預金種目", "口座番号", "口座名義カナ", "月額"]
ROW = ["山田 太郎", "ヤマダ タロウ", "0005", "001", "1", "7654321", "ヤマダ タロウ", "3300"]
AMOUNTS = [["顧客番号", "金額", "摘要"], ["03292790000000000001", "3300", "会費"]]
SCHEDULE = [["請求月", "請求締切日", "結果返却日"], ["2027-02", "2027-02-10", "2027-03-10"]]
NASTY = ["\x00", "\x1b[2J", "\x07", "\t", "\r", "\x85", "²", "①", "٣", "1,0,0", "=1+1", "@SUM(A1)", "9" * 3000,
         "ア" * 40_000, "\ufeff", "\u202e", "\ud7ff", "－", "▲100", "1e9", "NaN", "0x10", " ", "\"", "'"]  # fmt: skip
TABLES = (AccountRegistration, RegistrationHistory, BillingLine, AnnualSchedule, DebitResult)


def _counts(db: Database) -> tuple[int, ...]:
    with db.read() as session:
        return tuple(int(session.scalar(select(func.count()).select_from(t)) or 0) for t in TABLES)


def _mutate_rows(rng: random.Random, rows: list[list[str]]) -> list[list[str]]:
    rows = [list(r) for r in rows]
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(7)
        r = rng.randrange(len(rows))
        if not rows[r]:
            continue
        c = rng.randrange(len(rows[r]))
        if kind == 0:
            rows[r][c] = rng.choice(NASTY)
        elif kind == 1:
            rows[r][c] = rows[r][c][: rng.randrange(len(rows[r][c]) + 1)] + rng.choice(NASTY)
        elif kind == 2:
            rows[0].append(rng.choice(rows[0]))  # a header twice
        elif kind == 3:
            del rows[r][c]
        elif kind == 4:
            rows.append([rng.choice(NASTY) for _ in rows[0]])
        elif kind == 5 and rows[0]:
            rows[0][rng.randrange(len(rows[0]))] = rng.choice(NASTY)
        else:
            rows = rows[:1]  # no rows
    return rows


def _break(rng: random.Random, data: bytes, times: int) -> bytes:
    """Bytes flipped, cut, or inserted (a nasty value, a run of NULs)."""
    blob = bytearray(data)
    for _ in range(times):
        i = rng.randrange(len(blob) + 1)
        choice = rng.randrange(4)
        if choice == 0 and i < len(blob):
            blob[i] = rng.randrange(256)
        elif choice == 1:
            blob = blob[:i]
        elif choice == 2:
            blob[i:i] = rng.choice(NASTY[:12]).encode("utf-8")
        else:
            blob[i:i] = b"\x00" * rng.randint(1, 200)
    return bytes(blob)


def _csv_bytes(rng: random.Random, rows: list[list[str]]) -> bytes:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    encoding = rng.choice(["utf-8", "utf-8-sig", "cp932", "utf-16"])
    data = buffer.getvalue().encode(encoding, errors="replace")
    if rng.random() < 0.3:
        data = _break(rng, data, rng.randint(1, 5))
    return data


def _xlsx_bytes(rng: random.Random, rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    kind = rng.randrange(6)
    if kind == 0:
        book.remove(sheet)
        book.create_chartsheet()  # a workbook with no worksheet
    else:
        for row in rows:
            safe = []
            for value in row:
                cleaned = "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")
                safe.append(cleaned[:32_000])
            sheet.append(safe)
        if kind == 1:
            sheet.cell(2, rng.randint(1, max(1, len(rows[0])))).value = "=1000*3"  # a formula without its result
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if kind == 2:
        return data[: rng.randrange(len(data))]  # a truncated zip
    if kind == 3:
        return b"not a zip at all" + data[:100]
    if kind == 4:  # broken XML inside a valid zip
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename.endswith("sheet1.xml"):
                    content = content[: len(content) // 2] + b"<<broken"
                target.writestr(item, content)
        return out.getvalue()
    return data


def _result_bytes(rng: random.Random) -> bytes:
    """A bank result file (fixed 120-byte records) broken at random."""
    header = b"1" + b"91" + b"0" + b"0000329273" + b" " * 40 + b"0301" + b"0005" + b" " * 15 + b"001" + b" " * 15
    header = header.ljust(120, b" ")
    data = b"2" + b"0005" + b" " * 15 + b"001" + b" " * 15 + b"    1" + b"7654321" + "ﾔﾏﾀﾞ ﾀﾛｳ".encode("cp932").ljust(30)
    data = (data + b"0000003300" + b"1" + b"03292790000000000001" + b"0").ljust(120, b" ")
    records = [header, data, b"8".ljust(120, b"0"), b"9".ljust(120, b" ")]
    return _break(rng, b"\r\n".join(records) + b"\r\n", rng.randint(1, 6))


def run_hostile(db: Database, folder: Path, files: int, *, seed: int = 16) -> dict[str, Any]:
    from app.services import billing
    from app.services.accounts.importing import import_accounts
    from app.services.operators import SYSTEM_LOGIN, get_operator
    from app.services.results.importing import import_results

    folder.mkdir(parents=True, exist_ok=True)
    operator = get_operator(db, SYSTEM_LOGIN)
    rng = random.Random(seed)
    importers: list[tuple[str, Callable[[Path], Any], list[list[str]] | None]] = [
        ("accounts", lambda p: import_accounts(db, p, operator), [HEADER, ROW]),
        ("amounts", lambda p: billing.import_amounts(db, "2027-02", p, operator), AMOUNTS),
        ("schedule", lambda p: billing.import_schedule(db, p, operator), SCHEDULE),
        ("results", lambda p: import_results(db, p, operator), None),
    ]
    tried = tracebacks = refused = accepted = wrote = 0
    per_importer: dict[str, int] = {}
    examples: list[str] = []
    for index in range(files):
        name, call, rows = importers[index % len(importers)]
        if rows is None:
            path = folder / f"{index}.txt"
            path.write_bytes(_result_bytes(rng))
        elif rng.random() < 0.5:
            path = folder / f"{index}.csv"
            path.write_bytes(_csv_bytes(rng, _mutate_rows(rng, rows)))
        else:
            path = folder / f"{index}.xlsx"
            path.write_bytes(_xlsx_bytes(rng, _mutate_rows(rng, rows)))
        before = _counts(db)
        tried += 1
        per_importer[name] = per_importer.get(name, 0) + 1
        try:
            outcome = call(path)
        except DomainError:
            refused += 1
            outcome = None
            ok = False
        except Exception as error:  # what a clerk would see as 予期しない問題
            tracebacks += 1
            ok = False
            if len(examples) < 5:
                examples.append(f"{name} {path.name}: {type(error).__name__}: {str(error)[:100]}")
        else:
            ok = _accepted(outcome)
            refused += not ok
            accepted += ok
        if not ok and _counts(db) != before:
            wrote += 1
        path.unlink()
    return {
        "files tried": tried,
        "per importer": per_importer,
        "refused": refused,
        "accepted (still valid)": accepted,
        "tracebacks": tracebacks,
        "files that wrote something": wrote,
        "examples": examples,
    }


def _accepted(outcome: Any) -> bool:
    if outcome is None:
        return False
    if isinstance(outcome, tuple):  # (count, problems)
        return not outcome[1]
    problems = getattr(outcome, "problems", None)
    return not problems


__all__ = ["run_hostile"]

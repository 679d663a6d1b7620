"""Exporting a month as a workbook or the bank format; as final it locks the month [BILL-6].

No write transaction spans the file (house rule, issue #9): the month is read in one consistent snapshot, the
file is written to a temporary file beside the target, then one short write transaction checks the month did
not change since the snapshot (its version, its change record, the merchant settings for the bank file, the
registrations its lines bill), records the export (and the lock when final) and commits; only then is the file
moved into place. A crash, a refusal or a cancel leave no file at the target and nothing recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    AuditLog,
    BillingExport,
    BillingLine,
    BillingMonth,
    RegistrationHistory,
    utcnow,
)
from app.domain.business_calendar import BillingMonth as Month
from app.domain.business_calendar import MonthSchedule
from app.domain.errors import Conflict, InvalidValue
from app.io.zengin import NewCode, plan_groups, write
from app.messages import text
from app.progress import Cancelled
from app.services.billing.audit import _audit
from app.services.billing.bankfile import (
    BankFilePreview,
    HeaderIncomplete,
    bank_header,
    check_header,
    debit_lines,
)
from app.services.billing.checks import _problems
from app.services.billing.common import DRAFT, FINAL, BillingRefused, ExportResult, LineProblem
from app.services.billing.months import _month_row
from app.services.billing.schedule import schedule_for
from app.services.files import staged_file
from app.services.notices.planning import plan_reminders
from app.services.operators import OperatorRef
from app.services.operators.audit import audit
from app.services.operators.permissions import Action, require
from app.services.settings import SettingsView, _view, load_settings


class ExportLine(NamedTuple):
    """A line as it is written: plain values read in one query (the registration's names beside it)."""

    id: int
    registration_id: int
    customer_number: str
    amount: int
    description: str
    bank_code: str
    branch_code: str
    deposit_type: int
    account_number: str
    account_holder_bank: str
    new_code: int
    contract_holder_name: str = ""
    bank_name: str = ""
    branch_name: str = ""
    debited_before: bool = False


@dataclass(frozen=True)
class _Snapshot:
    """The month as one consistent read saw it, and the marks that say whether it changed since."""

    row_id: int | None
    state: str
    version: int | None
    audit_mark: int
    history_mark: int
    settings: SettingsView
    schedule: MonthSchedule
    lines: Collection[ExportLine]
    code_changes: list[tuple[int, int]]  # (line id, 新規コード) stored with the lock
    problems: list[LineProblem]


@contextmanager
def _consistent_read(db: Database) -> Iterator[Session]:
    """One snapshot for every query: SQLite's read transaction is one already (WAL); PostgreSQL's default
    (read committed) takes a new snapshot per statement, so the read runs as repeatable read."""
    with db.read() as session:
        if not db.is_sqlite:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield session


def _export_lines(session: Session, row_id: int) -> Iterator[ExportLine]:
    L, R = BillingLine, AccountRegistration
    stmt = (
        select(
            L.id,
            L.registration_id,
            L.customer_number,
            L.amount,
            L.description,
            L.bank_code,
            L.branch_code,
            L.deposit_type,
            L.account_number,
            L.account_holder_bank,
            L.new_code,
            R.contract_holder_name,
            R.bank_name,
            R.branch_name,
            R.debited_before,
        )
        .join(R, R.id == L.registration_id)
        .where(L.billing_month_id == row_id, L.stopped.is_(False))
        .order_by(L.customer_number)
    )
    # streamed in batches (no second copy of every row in the driver's buffer); the texts many lines share
    # (bank and branch names, the description) kept once each, not once a line
    shared: dict[str, str] = {}
    for values in session.execute(stmt.execution_options(yield_per=5000)):
        (line_id, rid, number, amount, description, bank, branch, deposit, account, holder, code, name,
         bank_name, branch_name, debited) = values  # fmt: skip
        yield (
            ExportLine(
                line_id,
                rid,
                number,
                amount,
                shared.setdefault(description, description),
                bank,
                branch,
                deposit,
                account,
                holder,
                code,
                name,
                shared.setdefault(bank_name, bank_name),
                shared.setdefault(branch_name, branch_name),
                debited,
            )
        )


def _previous_accounts(session: Session, month: str) -> dict[int, tuple[str, str, int, str]]:
    """Each registration's account at its last final debit before this month."""
    L = BillingLine
    previous: dict[int, tuple[str, str, int, str]] = {}
    stmt = (
        select(L.registration_id, L.bank_code, L.branch_code, L.deposit_type, L.account_number)
        .join(BillingMonth, BillingMonth.id == L.billing_month_id)
        .where(BillingMonth.state != DRAFT, BillingMonth.month < month, L.stopped.is_(False))
        .order_by(BillingMonth.month)
    )
    for rid, bank, branch, deposit, number in session.execute(stmt):
        previous[rid] = (bank, branch, deposit, number)
    return previous


def _coded(
    lines: Iterable[ExportLine], previous: dict[int, tuple[str, str, int, str]], changed: list[tuple[int, int]]
) -> Iterator[ExportLine]:
    """新規コード from the last final export before this month: 1 first debit (unless the registration was
    debited before the product took it over), 2 account changed, 0 other. The stored codes that differ are
    collected in `changed` (written only with the lock)."""
    for line in lines:
        before = previous.get(line.registration_id)
        if before is None:
            code = NewCode.OTHER if line.debited_before else NewCode.FIRST
        else:
            account = (line.bank_code, line.branch_code, line.deposit_type, line.account_number)
            code = NewCode.CHANGED if before != account else NewCode.OTHER
        if code != line.new_code:
            changed.append((line.id, code))
            line = line._replace(new_code=code)
        yield line


class _StreamedLines(Collection[ExportLine]):
    """The month's lines read batch by batch while the snapshot's read transaction stays open (a large
    month is never held in memory whole): its size and total come from one aggregate query."""

    def __init__(
        self,
        session: Session,
        row_id: int,
        previous: dict[int, tuple[str, str, int, str]] | None,
        changed: list[tuple[int, int]],
    ) -> None:
        self._session, self._row_id, self._previous, self._changed = session, row_id, previous, changed
        count, total = session.execute(
            select(func.count(BillingLine.id), func.coalesce(func.sum(BillingLine.amount), 0)).where(
                BillingLine.billing_month_id == row_id, BillingLine.stopped.is_(False)
            )
        ).one()
        self.count, self.total = int(count), int(total)

    def __len__(self) -> int:
        return self.count

    def __contains__(self, item: object) -> bool:
        return any(line == item for line in self)

    def __iter__(self) -> Iterator[ExportLine]:
        lines = _export_lines(self._session, self._row_id)
        if self._previous is None:
            return iter(lines)
        return _coded(lines, self._previous, self._changed)


def _audit_mark(session: Session, month: str) -> int:
    stmt = select(func.coalesce(func.max(AuditLog.id), 0)).where(
        AuditLog.entity == "billing_month", AuditLog.entity_id == month
    )
    return int(session.scalar(stmt) or 0)


def _history_mark(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(RegistrationHistory.id), 0))) or 0)


@contextmanager
def _open_snapshot(db: Database, month: Month, *, stream: bool) -> Iterator[_Snapshot]:
    """The month as one consistent read sees it. With `stream`, the lines are read while the caller writes
    (the read transaction stays open meanwhile: a read, never a write lock); else they are in a list."""
    with _consistent_read(db) as session:
        settings = _view(load_settings(session))
        schedule = schedule_for(session, month, settings.stop_request_business_days)
        row = session.scalar(select(BillingMonth).where(BillingMonth.month == str(month)))
        audit_mark, history_mark = _audit_mark(session, str(month)), _history_mark(session)
        if row is None:  # BILL-5: a month never prepared still has its (empty) file
            yield _Snapshot(None, DRAFT, None, audit_mark, history_mark, settings, schedule, [], [], [])
            return
        problems = _problems(session, row)
        changes: list[tuple[int, int]] = []
        previous = _previous_accounts(session, row.month) if row.state == DRAFT else None
        streamed = _StreamedLines(session, row.id, previous, changes)
        lines: Collection[ExportLine] = streamed if stream else list(streamed)
        yield _Snapshot(
            row.id, row.state, row.version, audit_mark, history_mark, settings, schedule, lines, changes, problems
        )


def _snapshot(db: Database, month: Month) -> _Snapshot:
    with _open_snapshot(db, month, stream=False) as snap:
        return snap


def header_warnings(db: Database) -> list[str]:
    """The header settings still missing or wrong (the final bank file is refused until there are none)."""
    snap = _snapshot_settings(db)
    return [str(p) for p in check_header(bank_header(*snap))]


def _snapshot_settings(db: Database) -> tuple[SettingsView, MonthSchedule]:
    with db.read() as session:
        settings = _view(load_settings(session))
        today = date.today()
        month = Month(today.year, today.month)
        return settings, schedule_for(session, month, settings.stop_request_business_days)


def preview_bank_file(db: Database, month: str, *, today: date | None = None) -> BankFilePreview:
    """What the month's bank file will hold (header, groups, counts, totals, 新規コード), without a file."""
    parsed = Month.parse(month)
    snap = _snapshot(db, parsed)
    header = bank_header(snap.settings, snap.schedule)
    counts: dict[int, int] = {}
    for line in snap.lines:
        counts[line.new_code] = counts.get(line.new_code, 0) + 1
    return BankFilePreview(
        month=str(parsed),
        state=snap.state,
        header=header,
        header_problems=check_header(header),
        line_problems=[str(p) for p in snap.problems],
        groups=plan_groups(line.amount for line in snap.lines),
        line_count=len(snap.lines),
        total=sum(line.amount for line in snap.lines),
        new_code_counts=dict(sorted(counts.items())),
        warnings=_deadline_warnings(snap.schedule, today or date.today()),
    )


def _deadline_warnings(schedule: MonthSchedule, day: date) -> list[str]:
    if day > schedule.billing_deadline:
        deadline = schedule.billing_deadline.isoformat()
        return [text("billing.deadline_passed", deadline=deadline)]  # BILL-2
    return []


def export_month(
    db: Database,
    month: str,
    fmt: str,
    path: Path,
    operator: OperatorRef,
    *,
    final: bool = False,
    newline: bool = True,
    today: date | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ExportResult:
    """Write the month as .xlsx or the bank format; refused with every problem when a line cannot be billed.
    The bank format exists only as the final file (or a copy of a month already final), with a complete header.
    As final, the month is locked [BILL-6]. A past deadline is a warning, not a refusal."""
    require(operator, Action.EXPORT_FINAL if final else Action.EXPORT_PERSONAL, db)
    if fmt not in ("xlsx", "zengin"):
        raise InvalidValue("形式は xlsx か zengin です", code="export_format")
    parsed = Month.parse(month)
    day = today or date.today()
    with staged_file(path) as (temporary, done):
        with _open_snapshot(db, parsed, stream=fmt == "xlsx") as snap:
            already_final = snap.state != DRAFT
            if snap.problems:
                raise BillingRefused(snap.problems)
            if fmt == "zengin" and not (final or already_final):
                raise InvalidValue("billing.bank_file_final_only", month=str(parsed))
            header = bank_header(snap.settings, snap.schedule)
            if fmt == "zengin":
                header_problems = check_header(header)
                if header_problems:
                    raise HeaderIncomplete(header_problems)
            if cancelled():
                raise Cancelled
            lines = snap.lines
            if isinstance(lines, _StreamedLines):
                count, total = lines.count, lines.total
            else:
                count, total = len(lines), sum(line.amount for line in lines)
            if fmt == "zengin":
                temporary.write_bytes(write(header, debit_lines(list(lines)), newline=newline))
            else:
                from app.io.billing_xlsx import write_billing_workbook

                write_billing_workbook(
                    temporary,
                    snap.settings,
                    snap.schedule,
                    lines,
                    operator,
                    final or already_final,
                    progress,
                    cancelled,
                )
        if cancelled():
            raise Cancelled
        _record(db, parsed, snap, fmt, path, operator, final, count, total, day)
        done[0] = True
    return ExportResult(path, fmt, count, total, final, _deadline_warnings(snap.schedule, day), already_final)


def _record(
    db: Database,
    month: Month,
    snap: _Snapshot,
    fmt: str,
    path: Path,
    operator: OperatorRef,
    final: bool,
    count: int,
    total: int,
    day: date,
) -> None:
    """The one short write transaction: the month is still as the snapshot saw it, then the export (and lock)."""
    with db.write() as session:
        row = session.scalar(select(BillingMonth).where(BillingMonth.month == str(month)))
        changed = None
        if snap.row_id is None:
            if row is not None:
                changed = "billing.changed_lines"
            row = _month_row(session, month, create=True)
        elif row is None or row.version != snap.version or row.state != snap.state:
            changed = "billing.changed_lines"
        if changed is None and _audit_mark(session, str(month)) != snap.audit_mark:
            changed = "billing.changed_lines"
        if changed is None and fmt == "zengin" and load_settings(session).version != snap.settings.version:
            changed = "billing.changed_settings"
        if changed is not None or row is None:
            from app import messages

            raise Conflict(
                "billing.month_changed", month=str(month), what=messages.text(changed or "billing.changed_lines")
            )
        _recheck_changed_registrations(session, row, snap)
        locking = final and row.state == DRAFT
        if locking and snap.code_changes:
            table = cast(Table, BillingLine.__table__)  # Core: one executemany UPDATE, not the ORM bulk path
            session.connection().execute(
                update(table).where(table.c.id == bindparam("line_id")).values(new_code=bindparam("code")),
                [{"line_id": line_id, "code": code} for line_id, code in snap.code_changes],
            )
        if locking:
            row.state = FINAL
            row.locked_at = utcnow()
            row.locked_by = operator.id
            _audit(session, operator, str(month), "lock", format=fmt, lines=count, total=total)
            session.flush()
            plan_reminders(session, row, operator, today=day)  # OP-5: in the transaction that records the lock
        session.add(
            BillingExport(
                billing_month_id=row.id,
                operator_id=operator.id,
                format=fmt,
                final=final,
                line_count=count,
                total=total,
                file_name=path.name,
            )
        )
        audit(session, operator, "output", "billing_file", "export", what=f"billing {month} {fmt}",
              count=count, file=str(path), final=final)  # fmt: skip


def _recheck_changed_registrations(session: Session, row: BillingMonth, snap: _Snapshot) -> None:
    """A registration billed by the month changed during the export (e.g. invalidated): its line is checked
    again under the write lock; a line that can no longer be billed refuses the file [BILL-4]."""
    changed_ids = set(
        session.scalars(
            select(RegistrationHistory.registration_id).where(RegistrationHistory.id > snap.history_mark)
        ).all()
    )
    if not changed_ids:
        return
    billed = session.scalars(
        select(BillingLine.registration_id)
        .where(BillingLine.billing_month_id == row.id, BillingLine.registration_id.in_(sorted(changed_ids)[:10_000]))
        .limit(1)
    ).first()
    if billed is None and len(changed_ids) <= 10_000:
        return
    problems = [p for p in _problems(session, row) if p.registration_id in changed_ids]
    if problems:
        raise BillingRefused(problems)

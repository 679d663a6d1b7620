"""Taking in a result file (RES-1, BILL-3): read and check outside any write, then one short transaction that
re-checks, records every result, applies what they do, marks the month 結果取込済 and writes its audit row.

The same file twice changes nothing and says when and by whom it came in; another file for a month whose
results are in is refused unless a supervisor replaces them (the old results kept, inactive).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    BillingLine,
    BillingMonth,
    DebitResult,
    FollowUp,
    FollowUpContact,
    Operator,
    ResultImport,
    utcnow,
)
from app.domain.errors import Conflict, DomainError
from app.io.zengin_result import ResultFile, read_result_file
from app.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from app.services.billing.audit import _audit
from app.services.billing.common import DRAFT, RESULTS
from app.services.notices.planning import FailedDebit, plan_failure_notices
from app.services.operators import Action, OperatorRef, require
from app.services.results import effects, reconcile
from app.services.results.common import (
    PAID,
    FollowUpState,
    ImportOutcome,
    ImportPreview,
    ResultsRefused,
    Settlement,
)
from app.services.settings import load_settings

STEPS = 4


def import_results(
    db: Database,
    path: Path,
    operator: OperatorRef,
    *,
    dry_run: bool = False,
    replace: bool = False,
    today: date | None = None,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ImportOutcome:
    """Check the file against its month; unless `dry_run`, record it all or nothing. Refusals list every
    problem (ResultsRefused); the same file again returns `already_imported` and changes nothing."""
    require(operator, Action.IMPORT_RESULTS, db)  # a dry run too, and a replacement [OP-3]
    day = today or date.today()
    parsed = read_result_file(path)  # file I/O before any transaction
    progress(1, STEPS)
    with db.read() as session:
        earlier = _same_file(session, parsed)
        if earlier is not None:
            return earlier
        plan = _plan(session, parsed, operator, replace=replace)
        preview = reconcile.preview(plan, path.name, replaces=plan.active_import is not None)
    progress(2, STEPS)
    if dry_run:
        return ImportOutcome(preview, dry_run=True)
    if cancelled():
        raise Cancelled
    _write(db, plan, preview, path.name, operator, day)
    progress(STEPS, STEPS)
    return ImportOutcome(preview)


def _same_file(session: Session, parsed: ResultFile) -> ImportOutcome | None:
    row = session.execute(
        select(ResultImport, BillingMonth.month, Operator.name)
        .join(BillingMonth, BillingMonth.id == ResultImport.billing_month_id)
        .join(Operator, Operator.id == ResultImport.operator_id)
        .where(ResultImport.file_hash == parsed.file_hash, ResultImport.active.is_(True))
    ).first()
    if row is None:
        return None
    earlier, month, name = row
    from app.services.results.common import Totals

    preview = ImportPreview(
        month,
        earlier.file_name,
        earlier.format,
        Totals(earlier.paid_count, earlier.paid_amount),
        Totals(earlier.failed_count, earlier.failed_amount),
        {},
        0,
        0,
        0,
        0,
        0,
    )
    return ImportOutcome(preview, already_imported=True, imported_at=earlier.at, imported_by=name)


def _plan(session: Session, parsed: ResultFile, operator: OperatorRef, *, replace: bool) -> reconcile.Plan:
    problems = list(parsed.problems)
    if problems:
        raise ResultsRefused(problems)
    month = reconcile.find_month(session, parsed, problems)
    if month is None or problems:
        raise ResultsRefused(problems)
    active = reconcile.active_import(session, month)
    if active is not None and not replace:  # a replacement is the importing role's [OP-3]
        name = session.get(Operator, active.operator_id)
        raise DomainError(
            "results.results_in",
            month=month.month,
            at=f"{active.at.astimezone():%Y-%m-%d %H:%M}",
            name=name.name if name else "",
        )
    lines = reconcile.month_lines(session, month)
    matches, problems = reconcile.match(month, parsed.records, lines)
    if problems:
        raise ResultsRefused(problems)
    paid_ids = {m.line.registration_id for m in matches if m.record.result_code == PAID}
    plan = reconcile.Plan(month, parsed, matches, active, len(lines))
    plan.open_returns = reconcile.open_returns(session, paid_ids)
    return plan


def _write(
    db: Database, plan: reconcile.Plan, preview: ImportPreview, file_name: str, operator: OperatorRef, day: date
) -> None:
    month_id = plan.month.id
    with db.write() as session:
        month = session.get(BillingMonth, month_id)
        active = reconcile.active_import(session, month) if month is not None else None
        lines = session.scalar(select(func.count(BillingLine.id)).where(BillingLine.billing_month_id == month_id))
        stopped = session.scalar(
            select(func.count(BillingLine.id)).where(
                BillingLine.billing_month_id == month_id, BillingLine.stopped.is_(True)
            )
        )
        planned_stops = sum(1 for m in plan.matches if m.line.stopped)
        expected_active = plan.active_import.id if plan.active_import is not None else None
        if (
            month is None
            or month.state == DRAFT
            or (active.id if active is not None else None) != expected_active
            or lines != plan.line_count
            or (stopped or 0) < planned_stops
        ):
            raise Conflict("results.changed_meanwhile", month=plan.month.month)
        now = utcnow()
        if active is not None:
            _retire(session, active, operator)
        record = ResultImport(
            billing_month_id=month_id,
            file_name=file_name,
            file_hash=plan.file.file_hash,
            format=plan.file.format,
            operator_id=operator.id,
            at=now,
            active=True,
            line_count=len(plan.matches),
            paid_count=preview.paid.count,
            paid_amount=preview.paid.amount,
            failed_count=preview.failed.count,
            failed_amount=preview.failed.amount,
        )
        session.add(record)
        session.flush()
        rows = [
            {
                "import_id": record.id,
                "billing_month_id": month_id,
                "billing_line_id": m.line.id,
                "registration_id": m.line.registration_id,
                "customer_number": m.line.customer_number,
                "amount": m.record.amount,
                "result_code": m.record.result_code,
                "record_number": m.record.record,
                "debit_date": m.record.debit_date,
                "active": True,
            }
            for m in plan.matches
        ]
        table = cast(Table, DebitResult.__table__)  # Core: one executemany, not the ORM bulk path
        for start in range(0, len(rows), 20_000):
            session.connection().execute(insert(table), rows[start : start + 20_000])
        result_ids = {
            line_id: result_id
            for line_id, result_id in session.execute(
                select(DebitResult.billing_line_id, DebitResult.id).where(DebitResult.import_id == record.id)
            )
        }
        settings = load_settings(session)
        dates = effects.deadlines(session, plan.month.month, settings.stop_request_business_days, day)
        open_returns = reconcile.open_returns(
            session, {m.line.registration_id for m in plan.matches if m.record.result_code == PAID}
        )
        follow_ups = effects.apply(session, plan.month.month, plan.matches, result_ids, open_returns, dates, operator)
        # OP-5: a failure notice for each failed line, in this same transaction (planning twice adds nothing)
        failed = [
            FailedDebit(m.line.customer_number, m.record.result_code)
            for m in plan.matches
            if m.record.result_code != PAID
        ]
        plan_failure_notices(session, plan.month.month, failed, operator, today=day)
        month.state = RESULTS
        _audit(
            session,
            operator,
            plan.month.month,
            "results_replace" if active is not None else "results",
            file=file_name,
            lines=len(plan.matches),
            paid=[preview.paid.count, preview.paid.amount],
            failed=[preview.failed.count, preview.failed.amount],
            follow_ups=follow_ups,
            replaced_import=active.id if active is not None else None,
        )
        if settings.carry_insufficient_funds:
            from app.services.results.rebill import carry_forward

            later = session.scalar(
                select(BillingMonth)
                .where(BillingMonth.month > plan.month.month, BillingMonth.state == DRAFT)
                .order_by(BillingMonth.month)
            )
            if later is not None:
                carry_forward(session, later, operator)


def _retire(session: Session, old: ResultImport, operator: OperatorRef) -> None:
    """A supervisor's replacement: the old results stay (inactive); their open follow-up items are closed."""
    from app import messages

    old.active = False
    old.replaced_at = utcnow()
    old.replaced_by = operator.id
    session.execute(update(DebitResult).where(DebitResult.import_id == old.id).values(active=False))
    old_ids = select(DebitResult.id).where(DebitResult.import_id == old.id)
    note = messages.text("results.replaced_note")
    for item in session.scalars(
        select(FollowUp).where(FollowUp.result_id.in_(old_ids), FollowUp.state != FollowUpState.RESOLVED.value)
    ):
        session.add(
            FollowUpContact(
                follow_up_id=item.id,
                operator_id=operator.id,
                state_before=item.state,
                state_after=FollowUpState.RESOLVED.value,
                note=note,
            )
        )
        item.state = FollowUpState.RESOLVED.value
        if not item.settlement:
            item.settlement = Settlement.REPLACED.value
        item.updated_at = utcnow()
        item.updated_by = operator.id
    session.flush()

"""Reconciliation of a result file with its month, all or nothing (RES-1, BILL-3): read outside any write.

The header's consignor code and debit date name a final (locked) month; every data line matches exactly one
exported line of that month by customer number and amount; every exported line gets exactly one result; the
trailer's totals equal its data (checked by the reader). Any mismatch refuses the whole file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.db.models import AccountRegistration, BillingLine, BillingMonth, DeficiencyReturn, ResultImport
from app.domain.account_fields import RegistrationStatus
from app.domain.business_calendar import BillingMonth as Month
from app.domain.lifecycle import OPEN_RETURN_STATUSES
from app.io.zengin_result import FileProblem, ResultFile, ResultRecord
from app.services.billing.common import DRAFT
from app.services.billing.schedule import schedule_for
from app.services.results.common import (
    CONFIRMING_CODES,
    DEPOSITOR_STOP,
    NEW_FORM_CODES,
    PAID,
    ImportPreview,
    Totals,
)
from app.services.settings import load_settings


@dataclass(frozen=True)
class MonthLine:
    id: int
    registration_id: int
    customer_number: str
    amount: int
    stopped: bool
    status: str
    method: str
    billing_stopped: bool


@dataclass
class Match:
    record: ResultRecord
    line: MonthLine


@dataclass
class Plan:
    """A checked file: its month, each record with its line; what it will change (from a snapshot)."""

    month: BillingMonth
    file: ResultFile
    matches: list[Match]
    active_import: ResultImport | None
    line_count: int
    open_returns: set[int] = field(default_factory=set)  # registrations with an open deficiency return
    problems: list[FileProblem] = field(default_factory=list)


def _problem(record: int, message_id: str, **params: Any) -> FileProblem:
    return FileProblem(record, messages.text(message_id, **params))


def find_month(session: Session, parsed: ResultFile, problems: list[FileProblem]) -> BillingMonth | None:
    """The month a file names: the header's consignor code and debit date (bank format), or the 振替日 column,
    or (a spreadsheet without dates) the one final month whose lines the file matches."""
    settings = load_settings(session)
    months = list(session.scalars(select(BillingMonth).order_by(BillingMonth.month.desc())))
    schedules = {
        m.month: schedule_for(session, Month.parse(m.month), settings.stop_request_business_days) for m in months
    }
    if parsed.format == "zengin":
        expected = settings.zengin_consignor_code
        if not expected:
            problems.append(_problem(1, "results.consignor_unset"))
            return None
        days = sorted({g.debit_mmdd for g in parsed.groups})
        for group in parsed.groups:
            if group.consignor_code != expected.zfill(10):
                problems.append(
                    _problem(
                        group.header_record, "results.consignor_mismatch", found=group.consignor_code, expected=expected
                    )
                )
        if len(days) != 1:
            problems.append(_problem(1, "results.groups_months", days="、".join(days)))
            return None
        mmdd = days[0]
        found = [m for m in months if schedules[m.month].debit_date.strftime("%m%d") == mmdd]
        header = parsed.groups[0].header_record
        return _pick(found, header, f"{mmdd[:2]}-{mmdd[2:]}", problems)
    dates = {r.debit_date for r in parsed.records if r.debit_date is not None}
    if len(dates) > 1:
        problems.append(_problem(1, "results.groups_months", days="、".join(sorted(d.isoformat() for d in dates))))
        return None
    if dates:
        day: date = next(iter(dates))
        found = [m for m in months if schedules[m.month].debit_date == day]
        return _pick(found, 1, day.isoformat(), problems)
    wanted = {(r.customer_number, r.amount) for r in parsed.records}
    fitting = []
    for month in (m for m in months if m.state != DRAFT):
        billed = set(
            session.execute(
                select(BillingLine.customer_number, BillingLine.amount).where(BillingLine.billing_month_id == month.id)
            )
        )
        if wanted <= billed:
            fitting.append(month)
    awaiting = [m for m in fitting if m.state != "results"] or fitting
    if not awaiting:
        problems.append(_problem(1, "results.no_month_matches"))
        return None
    if len(awaiting) > 1:
        problems.append(_problem(1, "results.several_months_match", months="、".join(m.month for m in awaiting)))
        return None
    return awaiting[0]


def _pick(found: list[BillingMonth], record: int, day: str, problems: list[FileProblem]) -> BillingMonth | None:
    if not found:
        problems.append(_problem(record, "results.no_month_for_date", day=day))
        return None
    final = [m for m in found if m.state != DRAFT]
    if not final:
        problems.append(_problem(record, "results.month_not_final", month=found[0].month))
        return None
    awaiting = [m for m in final if m.state != "results"]
    return (awaiting or final)[0]  # the newest month with that date that still awaits its results


def month_lines(session: Session, month: BillingMonth) -> list[MonthLine]:
    R = AccountRegistration
    stmt = (
        select(
            BillingLine.id,
            BillingLine.registration_id,
            BillingLine.customer_number,
            BillingLine.amount,
            BillingLine.stopped,
            R.status,
            R.method,
            R.billing_stopped,
        )
        .join(R, R.id == BillingLine.registration_id)
        .where(BillingLine.billing_month_id == month.id)
        .order_by(BillingLine.customer_number, BillingLine.id)
    )
    return [MonthLine(*values) for values in session.execute(stmt)]


def match(
    month: BillingMonth, records: list[ResultRecord], lines: list[MonthLine]
) -> tuple[list[Match], list[FileProblem]]:
    """Each record to exactly one line by customer number and amount; every line to exactly one record.
    A line stopped after the lock [BILL-7] may come back (as 8) or not at all."""
    by_key: dict[tuple[str, int], list[MonthLine]] = defaultdict(list)
    by_number: dict[str, list[MonthLine]] = defaultdict(list)
    for line in lines:
        by_key[(line.customer_number, line.amount)].append(line)
        by_number[line.customer_number].append(line)
    taken: dict[int, int] = {}
    matches: list[Match] = []
    problems: list[FileProblem] = []
    for record in records:
        candidates = by_key.get((record.customer_number, record.amount))
        if not candidates:
            same_number = by_number.get(record.customer_number)
            if same_number:
                problems.append(
                    _problem(
                        record.record,
                        "results.amount_differs",
                        customer_number=record.customer_number,
                        amount=f"{record.amount:,}",
                        billed="・".join(f"{x.amount:,}" for x in same_number),
                        month=month.month,
                    )
                )
            else:
                problems.append(
                    _problem(
                        record.record, "results.not_billed", customer_number=record.customer_number, month=month.month
                    )
                )
            continue
        free = next((c for c in candidates if c.id not in taken), None)
        if free is None:
            problems.append(
                _problem(
                    record.record,
                    "results.duplicate",
                    customer_number=record.customer_number,
                    amount=f"{record.amount:,}",
                    first=taken[candidates[0].id],
                )
            )
            continue
        taken[free.id] = record.record
        matches.append(Match(record, free))
    last = records[-1].record if records else 1
    for line in lines:
        if line.id not in taken and not line.stopped:
            problems.append(
                _problem(
                    last, "results.missing_result", customer_number=line.customer_number, amount=f"{line.amount:,}"
                )
            )
    return matches, problems


def open_returns(session: Session, registration_ids: set[int]) -> set[int]:
    """Which of these registrations have an open deficiency return (open returns are few: read them all)."""
    if not registration_ids:
        return set()
    stmt = select(DeficiencyReturn.registration_id).where(
        DeficiencyReturn.status.in_([s.value for s in OPEN_RETURN_STATUSES])
    )
    return set(session.scalars(stmt)) & registration_ids


def active_import(session: Session, month: BillingMonth) -> ResultImport | None:
    return session.scalar(
        select(ResultImport).where(ResultImport.billing_month_id == month.id, ResultImport.active.is_(True))
    )


def preview(plan: Plan, file_name: str, *, replaces: bool) -> ImportPreview:
    paid, failed = Totals(), Totals()
    by_code: dict[str, Totals] = {}
    confirmations = new_forms = stops = follow_ups = flagged = 0
    sent = RegistrationStatus.SENT.value
    for m in plan.matches:
        code, amount = m.record.result_code, m.record.amount
        by_code[code] = by_code.get(code, Totals()).add(amount)
        if code == PAID:
            paid = paid.add(amount)
            if m.line.registration_id in plan.open_returns:
                flagged += 1
        else:
            failed = failed.add(amount)
            follow_ups += 1
        if code in CONFIRMING_CODES and m.line.status == sent:
            confirmations += 1
        if code in NEW_FORM_CODES:
            new_forms += 1
        if code == DEPOSITOR_STOP:
            stops += 1
    return ImportPreview(
        plan.month.month,
        file_name,
        plan.file.format,
        paid,
        failed,
        by_code,
        confirmations,
        new_forms,
        stops,
        follow_ups + flagged,
        flagged,
        replaces,
    )

"""The annual schedule [BILL-2]: deadlines keyed or imported by a supervisor, else the calendar's default."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AnnualSchedule,
)
from app.domain.business_calendar import BillingMonth as Month
from app.domain.business_calendar import MonthSchedule, check_schedule_dates, month_schedule
from app.domain.errors import DomainError
from app.domain.text import shown
from app.services.billing.audit import _audit
from app.services.billing.common import (
    ImportProblem,
)
from app.services.operators import Action, OperatorRef, require


def schedule_for(session: Session, month: Month, stop_days: int) -> MonthSchedule:
    """BILL-2: the annual schedule's deadline when a supervisor recorded one, else the calendar's default."""
    row = session.get(AnnualSchedule, str(month))
    return month_schedule(
        month, annual_schedule_deadline=row.billing_deadline if row else None, stop_request_business_days=stop_days
    )


def set_schedule(
    db: Database, month: str, billing_deadline: date, operator: OperatorRef, *, result_date: date | None = None
) -> None:
    """A supervisor records one month's deadline (and result date), with its audit row [BILL-2]."""
    require(operator, Action.BILLING, db)
    parsed = Month.parse(month)
    check_schedule_dates(parsed, billing_deadline, result_date)  # before anything is written
    with db.write() as session:
        _put(session, str(parsed), billing_deadline, result_date)
        _audit(session, operator, str(parsed), "schedule", **_days(billing_deadline, result_date))


def _days(billing_deadline: date, result_date: date | None) -> dict[str, str | None]:
    return {
        "billing_deadline": billing_deadline.isoformat(),
        "result_date": result_date.isoformat() if result_date else None,
    }


def _put(session: Session, month: str, billing_deadline: date, result_date: date | None) -> None:
    row = session.get(AnnualSchedule, month)
    if row is None:
        session.add(AnnualSchedule(month=month, billing_deadline=billing_deadline, result_date=result_date))
    else:
        row.billing_deadline, row.result_date = billing_deadline, result_date


def import_schedule(db: Database, path: Path, operator: OperatorRef) -> tuple[int, list[ImportProblem]]:
    """The annual schedule from .xlsx/.csv (請求月, 請求締切日, 結果返却日): all or nothing, one audit row a month."""
    from app.io.tabular import read_table

    require(operator, Action.BILLING, db)

    table = read_table(path)
    problems = [
        ImportProblem(1, h, f"見出し「{h}」の列がありません")
        for h in ("請求月", "請求締切日")
        if h not in table.headers
    ]
    if problems:
        return 0, problems
    rows: list[tuple[str, date, date | None]] = []
    for number, cells in table.rows:
        try:
            month = str(Month.parse(cells.get("請求月", "")))
        except DomainError as error:
            problems.append(ImportProblem(number, "請求月", error.message))
            continue
        days: list[date | None] = []
        for column in ("請求締切日", "結果返却日"):
            text = cells.get(column, "").strip()[:10]
            if not text:
                if column == "請求締切日":
                    problems.append(ImportProblem(number, column, "日付を入力してください"))
                days.append(None)
                continue
            try:
                days.append(date.fromisoformat(text.replace("/", "-")))
            except ValueError:
                problems.append(ImportProblem(number, column, f"日付は YYYY-MM-DD で入力してください（{shown(text)}）"))
                days.append(None)
        if days[0] is not None:
            try:
                check_schedule_dates(Month.parse(month), days[0], days[1])
            except DomainError as error:
                column = "結果返却日" if "結果返却日" in error.message else "請求締切日"
                problems.append(ImportProblem(number, column, error.message))
                continue
            rows.append((month, days[0], days[1]))
    if problems:
        return 0, problems
    with db.write() as session:
        for month, deadline, result_date in rows:
            _put(session, month, deadline, result_date)
            _audit(session, operator, month, "schedule", file=path.name, **_days(deadline, result_date))
    return len(rows), []

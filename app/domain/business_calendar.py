"""The bank business calendar and a billing month's dates (BILL-1, BILL-2, BILL-3, BILL-7, REG-2)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import jpholiday

from app.domain.errors import InvalidValue
from app.domain.text import only_digits, shown

DEBIT_DAY = 27  # BILL-1
DEFAULT_DEADLINE_DAY = 10  # BILL-2: "around the 10th" when no annual schedule is recorded
RESULT_BUSINESS_DAYS = 4  # BILL-3
DEFAULT_STOP_REQUEST_BUSINESS_DAYS = 7  # BILL-7 (the FAQ also says 6: configurable)
WEB_REGISTRATION_LEAD_DAYS = 7  # REG-2: about one week before the billing request


def is_bank_holiday(day: date) -> bool:
    """BILL-1: Saturdays, Sundays, national holidays and 31 Dec – 3 Jan."""
    if day.weekday() >= 5:
        return True
    if (day.month == 12 and day.day == 31) or (day.month == 1 and day.day <= 3):
        return True
    return bool(jpholiday.is_holiday(day))


def is_business_day(day: date) -> bool:
    return not is_bank_holiday(day)


def next_business_day(day: date) -> date:
    """The day itself if banks are open, else the next day they are."""
    while is_bank_holiday(day):
        day += timedelta(days=1)
    return day


def previous_business_day(day: date) -> date:
    """The day itself if banks are open, else the last day before it that they are."""
    while is_bank_holiday(day):
        day -= timedelta(days=1)
    return day


def add_business_days(day: date, count: int) -> date:
    """Move `count` business days forward (negative: back), not counting `day` itself."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    while remaining:
        day += timedelta(days=step)
        if is_business_day(day):
            remaining -= 1
    return day


def one_month_before(day: date) -> date:
    """The same day a month earlier, clamped to the month's end (31 Mar → 28/29 Feb)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class BillingMonth:
    """A billing month, written YYYY-MM."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> BillingMonth:
        parts = text.strip().replace("/", "-").split("-")
        if len(parts) != 2 or not all(only_digits(p) for p in parts) or len(parts[0]) != 4 or len(parts[1]) > 2:
            raise InvalidValue("month.format", value=shown(text))
        year, month = int(parts[0]), int(parts[1])
        if not 1 <= month <= 12 or not 2000 <= year <= 2100:
            raise InvalidValue(f"請求月 {shown(text)} は正しい年月ではありません", code="billing_month_range")
        return cls(year, month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class MonthSchedule:
    """Every date that matters for one billing month."""

    billing_month: BillingMonth
    debit_date: date  # BILL-1
    billing_deadline: date  # BILL-2
    result_date: date  # BILL-3
    paper_form_deadline: date  # REG-2, DEF-4
    web_registration_deadline: date  # REG-2
    stop_request_deadline: date  # BILL-7
    deadline_from_annual_schedule: bool

    def as_dict(self) -> dict[str, str]:
        return {
            "billing_month": str(self.billing_month),
            "debit_date": self.debit_date.isoformat(),
            "billing_deadline": self.billing_deadline.isoformat(),
            "result_date": self.result_date.isoformat(),
            "paper_form_deadline": self.paper_form_deadline.isoformat(),
            "web_registration_deadline": self.web_registration_deadline.isoformat(),
            "stop_request_deadline": self.stop_request_deadline.isoformat(),
        }


def month_schedule(
    billing_month: BillingMonth,
    *,
    annual_schedule_deadline: date | None = None,
    stop_request_business_days: int = DEFAULT_STOP_REQUEST_BUSINESS_DAYS,
) -> MonthSchedule:
    """The dates of a billing month.

    - debit date: the 27th, or the next business day (may fall in the next month) — BILL-1
    - billing deadline: the annual schedule's when recorded, else the 10th moved back to a business day — BILL-2
    - result date: debit date + 4 business days — BILL-3
    - paper-form deadline: one month before the debit date, moved back to a business day so the
      forms are at the agency in time — REG-2
    - web-registration deadline: one week before the billing deadline, moved back likewise — REG-2
    - stop-request deadline: N business days before the debit date (default 7) — BILL-7
    """
    debit = next_business_day(date(billing_month.year, billing_month.month, DEBIT_DAY))
    if annual_schedule_deadline is not None:
        deadline = annual_schedule_deadline
    else:
        deadline = previous_business_day(date(billing_month.year, billing_month.month, DEFAULT_DEADLINE_DAY))
    return MonthSchedule(
        billing_month=billing_month,
        debit_date=debit,
        billing_deadline=deadline,
        result_date=add_business_days(debit, RESULT_BUSINESS_DAYS),
        paper_form_deadline=previous_business_day(one_month_before(debit)),
        web_registration_deadline=previous_business_day(deadline - timedelta(days=WEB_REGISTRATION_LEAD_DAYS)),
        stop_request_deadline=add_business_days(debit, -stop_request_business_days),
        deadline_from_annual_schedule=annual_schedule_deadline is not None,
    )


# [BILL-2] How far from its month an annual schedule's dates may lie: a deadline falls before the month's
# debit date and at most this many days before the month starts; a result date after the debit date and within
# this many days of it. Anything else is a typing error (0001-01-01, 9999-12-31) refused before it is saved.
DEADLINE_EARLIEST_DAYS = 120
RESULT_LATEST_DAYS = 90


def check_schedule_dates(month: BillingMonth, deadline: date, result_date: date | None) -> None:
    """InvalidValue when a schedule date lies outside its month's sensible range."""
    debit = month_schedule(month).debit_date
    earliest = date(month.year, month.month, 1) - timedelta(days=DEADLINE_EARLIEST_DAYS)
    latest = debit - timedelta(days=1)
    if not earliest <= deadline <= latest:
        raise InvalidValue("date.out_of_range", label="請求締切日", value=deadline, earliest=earliest, latest=latest)
    if result_date is not None:
        first, last = debit + timedelta(days=1), debit + timedelta(days=RESULT_LATEST_DAYS)
        if not first <= result_date <= last:
            raise InvalidValue("date.out_of_range", label="結果返却日", value=result_date, earliest=first, latest=last)

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.business_calendar import (
    BillingMonth,
    add_business_days,
    is_bank_holiday,
    month_schedule,
    next_business_day,
)
from app.domain.errors import InvalidValue


def test_bank_holidays() -> None:
    # BILL-1: weekends, national holidays, 31 Dec – 3 Jan
    assert (
        is_bank_holiday(date(2026, 12, 31)) and is_bank_holiday(date(2027, 1, 1)) and is_bank_holiday(date(2027, 1, 3))
    )
    assert not is_bank_holiday(date(2027, 1, 4))
    assert is_bank_holiday(date(2027, 2, 11))  # 建国記念の日 (Thursday)
    assert is_bank_holiday(date(2027, 2, 27))  # Saturday
    assert not is_bank_holiday(date(2027, 2, 26))


def test_february_2027() -> None:
    s = month_schedule(BillingMonth.parse("2027-02"))
    assert s.debit_date == date(2027, 3, 1)  # 27th is a Saturday: next business day, in the next month
    assert s.billing_deadline == date(2027, 2, 10)
    assert s.result_date == date(2027, 3, 5)  # + 4 business days (BILL-3)
    assert s.paper_form_deadline == date(2027, 2, 1)  # one month before the debit date (REG-2)
    assert s.web_registration_deadline == date(2027, 2, 3)  # a week before the billing deadline
    assert s.stop_request_deadline == date(2027, 2, 17)  # 7 business days before, skipping 23 Feb (BILL-7)


def test_deadline_moves_back_and_annual_schedule_wins() -> None:
    # 10 Jan 2027 is a Sunday, 11 Jan is 成人の日: the deadline moves back to Friday 8 Jan
    assert month_schedule(BillingMonth(2027, 1)).billing_deadline == date(2027, 1, 8)
    s = month_schedule(BillingMonth(2027, 1), annual_schedule_deadline=date(2027, 1, 12))
    assert s.billing_deadline == date(2027, 1, 12) and s.deadline_from_annual_schedule


def test_year_end_result_date_skips_the_bank_holidays() -> None:
    s = month_schedule(BillingMonth(2026, 12))
    assert s.debit_date == date(2026, 12, 28)
    assert s.result_date == date(2027, 1, 5)  # 29, 30, (31 Dec – 3 Jan closed), 4, 5 → 4 business days


def test_stop_request_days_are_configurable() -> None:
    s = month_schedule(BillingMonth(2027, 2), stop_request_business_days=6)
    assert s.stop_request_deadline == date(2027, 2, 18)


@pytest.mark.parametrize("text", ["2027-13", "27-02", "2027/2x", "", "abcd-ef"])
def test_bad_month(text: str) -> None:
    with pytest.raises(InvalidValue):
        BillingMonth.parse(text)


@given(st.integers(2000, 2099), st.integers(1, 12))
def test_schedule_properties(year: int, month: int) -> None:
    s = month_schedule(BillingMonth(year, month))
    assert not is_bank_holiday(s.debit_date) and s.debit_date >= date(year, month, 27)
    assert next_business_day(date(year, month, 27)) == s.debit_date
    assert not is_bank_holiday(s.billing_deadline) and s.billing_deadline <= date(year, month, 10)
    assert add_business_days(s.stop_request_deadline, 7) == s.debit_date
    assert s.paper_form_deadline < s.debit_date - timedelta(days=27)
    assert s.web_registration_deadline < s.billing_deadline

"""Dates as a person reads them on a screen or on paper (ISO stays in files): 2026年12月2日（水）."""

from __future__ import annotations

from datetime import date

WEEKDAYS = "月火水木金土日"


def japanese_date(day: date) -> str:
    """2026年12月2日（水）."""
    return f"{day.year}年{day.month}月{day.day}日（{WEEKDAYS[day.weekday()]}）"

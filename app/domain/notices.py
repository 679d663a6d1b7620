"""Customer notices (OP-5, BILL-9): kinds, channels, the outbox's states and steps, due dates, addresses.

A reminder goes 3 days before the debit date (moved back to the previous business day when that is a bank
holiday, so it is sent on a working day and the customer can still deposit by the day before, BILL-9) and on
the debit date itself; a failure notice after the results.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum

from app.domain.business_calendar import previous_business_day
from app.domain.errors import InvalidValue
from app.domain.text import normalize_digits

REMINDER_DAYS_BEFORE = 3  # OP-5
LETTER_LEAD_DAYS = 3  # letters are printed this many days ahead of their due date (post takes a day or two)
MAX_EMAIL = 254


class NoticeKind(StrEnum):
    REMINDER_BEFORE = "reminder_before"
    REMINDER_DAY = "reminder_day"
    FAILURE = "failure"
    CONFIRMATION = "confirmation"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS: dict[NoticeKind, str] = {
    NoticeKind.REMINDER_BEFORE: "振替日の事前案内",
    NoticeKind.REMINDER_DAY: "振替日当日の案内",
    NoticeKind.FAILURE: "振替不能のお知らせ",
    NoticeKind.CONFIRMATION: "登録完了のお知らせ",
}


class Channel(StrEnum):
    """How a customer wants to be told (on the registration); a notice itself is e-mail or letter."""

    EMAIL = "email"
    LETTER = "letter"
    NONE = "none"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS: dict[Channel, str] = {Channel.EMAIL: "メール", Channel.LETTER: "郵送", Channel.NONE: "なし"}


def parse_channel(value: str | None, *, email: str = "") -> Channel:
    """メール / 郵送 / なし (or email / letter / none). Empty: e-mail when an address is given, else letter."""
    text = normalize_digits(value or "").strip().lower()
    if not text:
        return Channel.EMAIL if email.strip() else Channel.LETTER
    aliases = {Channel.EMAIL: ("e-mail", "eメール", "電子メール"), Channel.LETTER: ("郵便", "手紙")}
    for channel, label in CHANNEL_LABELS.items():
        if text in (channel.value, label, *aliases.get(channel, ())):
            return channel
    raise InvalidValue("notices.channel_unknown", value=value)


_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


def normalize_email(value: str) -> str:
    """An e-mail address as stored: trimmed, full-width letters made half-width, the domain in lower case.
    Empty stays empty. Refused with a clear message when it cannot be an address."""
    text = normalize_digits(value)  # NFKC: full-width letters and ＠ become ASCII
    if not text:
        return ""
    if len(text) > MAX_EMAIL or text.count("@") != 1:
        raise InvalidValue("notices.email_invalid", value=value)
    local, domain = text.split("@")
    if (
        not local
        or len(local) > 64
        or not _LOCAL.match(local)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or not _DOMAIN.match(domain)
    ):
        raise InvalidValue("notices.email_invalid", value=value)
    return f"{local}@{domain.lower()}"


class NoticeState(StrEnum):
    PLANNED = "planned"  # waiting for its due date (or for a retry after a failure)
    SENDING = "sending"  # claimed by a sending run (committed before the message leaves); unconfirmed if it stays
    SENT = "sent"
    FAILED = "failed"  # the server refused it, or could not be reached: the answer is kept
    PRINTED = "printed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS: dict[NoticeState, str] = {
    NoticeState.PLANNED: "予定",
    NoticeState.SENDING: "送信確認待ち",
    NoticeState.SENT: "送信済",
    NoticeState.FAILED: "送信失敗",
    NoticeState.PRINTED: "印刷済",
    NoticeState.CANCELLED: "取消",
}

_S = NoticeState
# Which state may follow which (the one notice transition in app/services/notices/outbox.py refuses others).
# sending → sent/failed is the run's own outcome; sending → sent/planned by a person for an unconfirmed one.
NOTICE_TRANSITIONS: dict[NoticeState, frozenset[NoticeState]] = {
    _S.PLANNED: frozenset({_S.SENDING, _S.PRINTED, _S.CANCELLED, _S.PLANNED}),
    _S.SENDING: frozenset({_S.SENT, _S.FAILED, _S.PLANNED}),
    _S.FAILED: frozenset({_S.SENDING, _S.PLANNED, _S.CANCELLED}),
    _S.SENT: frozenset(),
    _S.PRINTED: frozenset(),
    _S.CANCELLED: frozenset(),
}
OPEN_STATES = (NoticeState.PLANNED, NoticeState.FAILED, NoticeState.SENDING)


def reminder_dates(debit_date: date) -> dict[NoticeKind, date]:
    """OP-5: 3 days before the debit date (the previous business day when that is a holiday) and the day."""
    before = previous_business_day(debit_date - timedelta(days=REMINDER_DAYS_BEFORE))
    return {NoticeKind.REMINDER_BEFORE: before, NoticeKind.REMINDER_DAY: debit_date}


def masked_account(number: str) -> str:
    """An account number as a customer's notice shows it: only the last 3 digits."""
    return "*" * 4 + number[-3:] if number else ""

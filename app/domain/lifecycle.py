"""The paper-form lifecycle in words [REG-3]: the step a registration is at and what happens next."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from app.domain.account_fields import RegistrationStatus

DEFAULT_QUIET_WEEKS = 6  # REG-3: no return within this after sending: presumed complete (a merchant setting)


def presumed_date(sent_on: date, quiet_weeks: int = DEFAULT_QUIET_WEEKS) -> date:
    return sent_on + timedelta(weeks=quiet_weeks)


def presumed_complete(status: str, sent_on: date | None, today: date, quiet_weeks: int = DEFAULT_QUIET_WEEKS) -> bool:
    """Sent, and the quiet period has passed without a return (shown as presumed, never as confirmed)."""
    return (
        status == RegistrationStatus.SENT.value and sent_on is not None and today >= presumed_date(sent_on, quiet_weeks)
    )


def next_step(status: str, sent_on: date | None, today: date, quiet_weeks: int = DEFAULT_QUIET_WEEKS) -> str:
    """A short "what happens next" for lists."""
    if presumed_complete(status, sent_on, today, quiet_weeks):
        return "返却なし・未確認（振替結果で確認）"
    return {
        RegistrationStatus.KEYED.value: "次の発送で送付",
        RegistrationStatus.SENT.value: (
            f"返却がなければ {presumed_date(sent_on, quiet_weeks).isoformat()} に登録済とみなす"
            if sent_on
            else "返却を待つ"
        ),
        RegistrationStatus.RETURNED.value: "お客様に新しい依頼書を依頼",
        RegistrationStatus.COMPLETE.value: "請求できます",
        RegistrationStatus.WEB_REQUESTED.value: "WEB登録の結果を待つ",
        RegistrationStatus.WEB_NG.value: "再申込か紙の依頼書を依頼",
        RegistrationStatus.INVALIDATED.value: "—",
    }.get(status, "")


class ReturnStatus(StrEnum):
    """Where a deficiency return stands [DEF-1]."""

    OPEN = "open"  # received back from the agency, nobody has acted yet
    WAITING = "waiting"  # the customer was asked for a new form
    RECEIVED = "received"  # the new form is here (the registration goes back to keyed)
    RESENT = "resent"  # the new form went out in a shipment
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return RETURN_STATUS_LABELS[self]


RETURN_STATUS_LABELS: dict[ReturnStatus, str] = {
    ReturnStatus.OPEN: "未対応",
    ReturnStatus.WAITING: "お客様の返送待ち",
    ReturnStatus.RECEIVED: "新しい依頼書を受領",
    ReturnStatus.RESENT: "再送付済",
    ReturnStatus.CLOSED: "完了",
}
OPEN_RETURN_STATUSES = (ReturnStatus.OPEN, ReturnStatus.WAITING)


class ShipmentStatus(StrEnum):
    """A bundle of forms for the collection agency (COVER-1, COVER-2)."""

    OPEN = "open"  # being put together
    SENT = "sent"  # posted, with its date and tracking number

    @property
    def label(self) -> str:
        return {ShipmentStatus.OPEN: "未発送", ShipmentStatus.SENT: "発送済"}[self]


_R = RegistrationStatus
# Which status may follow which: the one transition (app/services/transitions.py) refuses anything else.
REGISTRATION_TRANSITIONS: dict[RegistrationStatus, frozenset[RegistrationStatus]] = {
    _R.KEYED: frozenset({_R.SENT, _R.COMPLETE, _R.INVALIDATED}),
    _R.SENT: frozenset({_R.RETURNED, _R.COMPLETE, _R.KEYED, _R.INVALIDATED}),
    _R.RETURNED: frozenset({_R.KEYED, _R.SENT, _R.COMPLETE, _R.INVALIDATED}),
    _R.COMPLETE: frozenset({_R.RETURNED, _R.KEYED, _R.WEB_NG, _R.INVALIDATED}),  # a later web NG wins [REG-10]
    _R.WEB_REQUESTED: frozenset({_R.COMPLETE, _R.WEB_NG, _R.INVALIDATED}),
    _R.WEB_NG: frozenset({_R.COMPLETE, _R.WEB_REQUESTED, _R.INVALIDATED}),
    _R.INVALIDATED: frozenset(),
}
# A follow-up may move a return freely (and close it from any status), but the new form can be received only
# while the return is open or waiting for the customer.
RETURN_TRANSITIONS: dict[ReturnStatus, frozenset[ReturnStatus]] = {
    s: frozenset(set(ReturnStatus) - {s} - (set() if s in OPEN_RETURN_STATUSES else {ReturnStatus.RECEIVED}))
    for s in ReturnStatus
}
SHIPMENT_TRANSITIONS: dict[ShipmentStatus, frozenset[ShipmentStatus]] = {
    ShipmentStatus.OPEN: frozenset({ShipmentStatus.SENT}),
    ShipmentStatus.SENT: frozenset(),
}

"""The paper-form lifecycle in words (REG-3): the step a registration is at and what happens next."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.account_fields import RegistrationStatus

QUIET_PERIOD = timedelta(weeks=6)  # REG-3: no return within this after sending: presumed complete


def presumed_complete(status: str, sent_on: date | None, today: date) -> bool:
    """Sent, and the quiet period has passed without a return (shown as presumed, never as confirmed)."""
    return status == RegistrationStatus.SENT.value and sent_on is not None and today >= sent_on + QUIET_PERIOD


def next_step(status: str, sent_on: date | None, today: date) -> str:
    """A short "what happens next" for lists."""
    if presumed_complete(status, sent_on, today):
        return "登録済（推定）・振替結果で確認"
    return {
        RegistrationStatus.KEYED.value: "次の発送で送付",
        RegistrationStatus.SENT.value: (
            f"返却がなければ {(sent_on + QUIET_PERIOD).isoformat()} に登録済とみなす" if sent_on else "返却を待つ"
        ),
        RegistrationStatus.RETURNED.value: "お客様に新しい依頼書を依頼",
        RegistrationStatus.COMPLETE.value: "請求できます",
        RegistrationStatus.WEB_REQUESTED.value: "WEB登録の結果を待つ",
        RegistrationStatus.WEB_NG.value: "再申込か紙の依頼書を依頼",
        RegistrationStatus.INVALIDATED.value: "—",
    }.get(status, "")

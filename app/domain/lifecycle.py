"""The paper-form lifecycle in words (REG-3): the step a registration is at and what happens next."""

from __future__ import annotations

from datetime import date, timedelta

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
        return "登録済（推定）・振替結果で確認"
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

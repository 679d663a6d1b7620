"""Customer notices (お知らせ, OP-5): reminders before and on the debit date, failed-debit notices, an outbox
sent by e-mail through the merchant's SMTP server or printed as letters for a window envelope."""

from app.services.notices.letters import LetterResult, render_letters
from app.services.notices.mail import (
    SendResult,
    preview,
    send_due,
    set_smtp_password,
    smtp_password,
)
from app.services.notices.outbox import (
    NoticeView,
    cancel_notice,
    counts,
    fall_back_to_letter,
    get_notice,
    list_notices,
    notice_events,
    resolve_unconfirmed,
    unsent_reminders_due,
)
from app.services.notices.planning import (
    FailedDebit,
    cancel_line_reminders,
    failure_wording,
    plan_confirmation,
    plan_failure_notices,
    plan_reminders,
)

__all__ = [
    "FailedDebit",
    "LetterResult",
    "NoticeView",
    "SendResult",
    "cancel_line_reminders",
    "cancel_notice",
    "counts",
    "failure_wording",
    "fall_back_to_letter",
    "get_notice",
    "list_notices",
    "notice_events",
    "plan_confirmation",
    "plan_failure_notices",
    "plan_reminders",
    "preview",
    "render_letters",
    "resolve_unconfirmed",
    "send_due",
    "set_smtp_password",
    "smtp_password",
    "unsent_reminders_due",
]

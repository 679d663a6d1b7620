"""Notice texts as data: forms/notices/<kind>.txt (a 件名: line, a blank line, the body), the merchant's own
copy in the user's forms folder (forms/notices/<kind>.txt there) taking precedence, like the print layouts."""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.errors import InvalidValue
from app.domain.notices import NoticeKind
from app.resources import forms_dir
from app.services.settings import SettingsView

SUBJECT_PREFIX = "件名:"
WEEKDAYS = "月火水木金土日"


@dataclass(frozen=True)
class RenderedNotice:
    subject: str
    body: str


class _Template(string.Formatter):
    """`{name}` placeholders; an unknown one prints as nothing (a merchant's template never fails a run)."""

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        value = kwargs.get(str(key), "")
        return "" if value is None else value


_FORMATTER = _Template()


def template_path(kind: str, user_forms: Path | None = None) -> Path:
    for folder in (user_forms, forms_dir()):
        if folder is not None and (folder / "notices" / f"{kind}.txt").is_file():
            return folder / "notices" / f"{kind}.txt"
    raise InvalidValue("notices.template_unknown", kind=kind)


def load_template(kind: str, user_forms: Path | None = None) -> tuple[str, str]:
    path = template_path(kind, user_forms)
    try:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidValue("notices.template_invalid", path=str(path), reason=str(error)) from error
    first, _, rest = text.partition("\n")
    if not first.startswith(SUBJECT_PREFIX):
        raise InvalidValue("notices.template_invalid", path=str(path), reason=f"1行目は「{SUBJECT_PREFIX}」で始めます")
    return first[len(SUBJECT_PREFIX) :].strip(), rest.lstrip("\n")


def japanese_date(day: date | str | None) -> str:
    if day is None or day == "":
        return ""
    value = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{value.year}年{value.month}月{value.day}日（{WEEKDAYS[value.weekday()]}）"


def month_label(month: str) -> str:
    if not month:
        return ""
    year, number = month.split("-")
    return f"{int(year)}年{int(number)}月分"


def notice_values(params: Mapping[str, Any], settings: SettingsView, name: str) -> dict[str, str]:
    """What a template may use: the notice's own values (as planned) and the merchant's name and contact."""
    amount = params.get("amount")
    return {
        "name": name,
        "customer_number": str(params.get("customer_number", "")),
        "month_label": month_label(str(params.get("month", ""))),
        "debit_date": japanese_date(params.get("debit_date")),
        "deposit_by": japanese_date(params.get("deposit_by")),
        "amount": f"{int(amount):,}" if isinstance(amount, int) else "",
        "bank_name": str(params.get("bank_name", "")),
        "branch_name": str(params.get("branch_name", "")),
        "account": str(params.get("account", "")),  # masked when planned: never the full number
        "reason": str(params.get("reason", "")),
        "action": str(params.get("action", "")),
        "merchant_name": settings.consignor_name,
        "merchant_address": settings.merchant_address,
        "merchant_phone": settings.merchant_phone,
        "reply_to": settings.smtp_reply_to or settings.smtp_sender,
    }


def render_notice(
    kind: NoticeKind | str, params: Mapping[str, Any], settings: SettingsView, name: str, user_forms: Path | None
) -> RenderedNotice:
    subject, body = load_template(str(kind), user_forms)
    values = notice_values(params, settings, name)
    return RenderedNotice(
        _FORMATTER.vformat(subject, (), values).strip(), _FORMATTER.vformat(body, (), values).rstrip() + "\n"
    )

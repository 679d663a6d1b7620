"""Registrations and history entries as plain data (never an ORM object across threads or layers)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from app.db.models import (
    AccountRegistration,
)
from app.domain.account_fields import DEPOSIT_TYPE_LABELS, DepositType, RegistrationStatus
from app.domain.kana import KanaError, to_bank_kana
from app.domain.lifecycle import next_step
from app.domain.notices import Channel
from app.domain.registration import STORED_FIELDS, RegistrationInput
from app.services.transitions import HistoryAction

# Fields compared and shown in the history (field-level before and after): every stored field.
TRACKED_FIELDS: tuple[str, ...] = STORED_FIELDS


Action = HistoryAction  # what a history row records (register, change, invalidate, status)

ACTION_LABELS = {
    Action.REGISTER: "新規登録",
    Action.CHANGE: "変更",
    Action.INVALIDATE: "無効化",
    Action.STATUS: "状態変更",
    Action.CHECKLIST_CHECKED: "チェック確認済",
    Action.SENT_ANYWAY: "チェック未完了のまま発送",
}


@dataclass(frozen=True)
class RegistrationView:
    """A registration as plain data (never an ORM object across threads or layers)."""

    id: int
    customer_number: str
    contract_holder_name: str
    contract_holder_kana: str
    postal_code: str
    address: str
    phone: str
    bank_code: str
    bank_name: str
    branch_code: str
    branch_name: str
    deposit_type: int
    account_number: str
    account_holder_kana: str
    jp_symbol: str | None
    jp_number: str | None
    method: str
    status: str
    monthly_amount: int | None
    registration_date: date
    checklist: dict[str, bool]
    note: str
    created_at: datetime
    updated_at: datetime
    version: int
    sent_on: date | None = None
    corrected: bool = False
    billing_stopped: bool = False
    billing_stop_reason: str = ""
    debited_before: bool = False  # 振替実績: debited before the product (新規コード 0 in its first month)
    email: str = ""
    notice_channel: str = "letter"

    def next_step(self, quiet_weeks: int) -> str:
        """What happens next [REG-3], in a few words for the results list."""
        return next_step(self.status, self.sent_on, date.today(), quiet_weeks)

    @property
    def account_holder_kana_bank(self) -> str:
        """The account holder as the bank file carries it (half-width kana)."""
        try:
            return to_bank_kana(self.account_holder_kana)
        except KanaError:
            return ""

    @property
    def deposit_type_label(self) -> str:
        return DEPOSIT_TYPE_LABELS.get(DepositType(self.deposit_type), str(self.deposit_type))

    @property
    def notice_channel_label(self) -> str:
        return Channel(self.notice_channel).label

    @property
    def status_label(self) -> str:
        return RegistrationStatus(self.status).label

    @property
    def masked_account_number(self) -> str:
        return "*" * 4 + self.account_number[-3:]

    def as_record(self) -> dict[str, Any]:
        record = {f.name: getattr(self, f.name) for f in fields(self)}
        record["account_holder_kana_bank"] = self.account_holder_kana_bank
        return record


def view_of(row: AccountRegistration) -> RegistrationView:
    return RegistrationView(**{f.name: getattr(row, f.name) for f in fields(RegistrationView)})


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    registration_id: int
    customer_number: str
    at: datetime
    operator_login: str
    operator_name: str
    action: str
    reason: str
    changes: dict[str, list[Any]]
    confirmed_duplicate_account: bool
    version_after: int

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def input_from_view(view: RegistrationView) -> RegistrationInput:
    """A registration as editable input (what the change form starts from)."""
    return RegistrationInput(
        customer_number=view.customer_number,
        contract_holder_name=view.contract_holder_name,
        contract_holder_kana=view.contract_holder_kana,
        postal_code=view.postal_code,
        address=view.address,
        phone=view.phone,
        email=view.email,
        notice_channel=view.notice_channel,
        bank_code=view.bank_code,
        branch_code="" if view.jp_symbol else view.branch_code,
        deposit_type=str(view.deposit_type),
        account_number="" if view.jp_symbol else view.account_number,
        account_holder_kana=view.account_holder_kana,
        jp_symbol=view.jp_symbol or "",
        jp_number=view.jp_number or "",
        method=view.method,
        monthly_amount="" if view.monthly_amount is None else str(view.monthly_amount),
        registration_date=view.registration_date,
        status=RegistrationStatus(view.status),
        checklist=dict(view.checklist),
        debited_before=view.debited_before,
        note=view.note,
    )

"""Checking a whole registration as keyed (REG-9: every field validated at entry, every problem listed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, TypeVar

from app import messages
from app.domain import bank_codes, japan_post, limits
from app.domain.account_fields import (
    DepositType,
    RegistrationMethod,
    RegistrationStatus,
    normalize_account_number,
    normalize_phone,
    normalize_postal_code,
    parse_amount,
    parse_deposit_type,
    parse_method,
)
from app.domain.customer_number import validate_customer_number
from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.kana import to_bank_kana, to_display_kana
from app.domain.notices import Channel, normalize_email, parse_channel
from app.domain.text import refuse_controls

# REG-7: the paper-form checklist a clerk ticks while keying.
CHECKLIST_ITEMS: dict[str, str] = {
    "seal": "届出印が押されている",
    "spare_seal": "捨印が押されている",
    "kana_filled": "契約者・口座名義のフリガナが記入されている",
    "bank_branch_circled": "金融機関・支店の種類に○が付いている",
    "corrections_sealed": "訂正は二重線と届出印で行われている",
}

# Field code names (glossary) with the Japanese label a clerk and the import file use.
FIELD_LABELS: dict[str, str] = {
    "customer_number": "顧客番号",
    "contract_holder_name": "契約者名",
    "contract_holder_kana": "契約者名カナ",
    "postal_code": "郵便番号",
    "address": "住所",
    "phone": "電話番号",
    "email": "メールアドレス",
    "notice_channel": "通知方法",
    "bank_code": "銀行コード",
    "branch_code": "支店コード",
    "deposit_type": "預金種目",
    "account_number": "口座番号",
    "account_holder_kana": "口座名義カナ",
    "jp_symbol": "通帳記号",
    "jp_number": "通帳番号",
    "method": "登録方法",
    "monthly_amount": "月額",
    "registration_date": "登録日",
    "status": "状態",
}

# what the request form can print (app/domain/limits.py)
MAX_NAME = limits.CONTRACT_HOLDER_NAME_MAX
MAX_KANA = limits.CONTRACT_HOLDER_KANA_MAX
MAX_ADDRESS = limits.ADDRESS_MAX


@dataclass
class RegistrationInput:
    """A registration as keyed: plain strings, as they come from a form field or a file cell."""

    customer_number: str = ""
    contract_holder_name: str = ""
    contract_holder_kana: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    notice_channel: str = ""  # メール / 郵送 / なし; empty: e-mail when an address is given, else letter
    bank_code: str = ""
    branch_code: str = ""
    deposit_type: str = ""
    account_number: str = ""
    account_holder_kana: str = ""
    jp_symbol: str = ""
    jp_number: str = ""
    method: str = ""
    monthly_amount: str = ""
    registration_date: date | None = None
    status: RegistrationStatus | None = None
    checklist: dict[str, bool] = field(default_factory=dict)
    note: str = ""
    debited_before: bool = False  # debited before the product took it over (an import's 振替実績)


@dataclass(frozen=True)
class ValidRegistration:
    """A registration every rule accepts; `customer_number` is empty when one is still to be allocated."""

    customer_number: str
    contract_holder_name: str
    contract_holder_kana: str
    postal_code: str
    address: str
    phone: str
    email: str
    notice_channel: Channel
    bank_code: str
    bank_name: str
    branch_code: str
    branch_name: str
    deposit_type: DepositType
    account_number: str
    account_holder_kana: str
    jp_symbol: str | None
    jp_number: str | None
    method: RegistrationMethod
    monthly_amount: int | None
    registration_date: date
    status: RegistrationStatus
    checklist: dict[str, bool]
    note: str
    debited_before: bool = False  # imported as already debited elsewhere: 新規コード 0 in its first month

    def stored_fields(self) -> dict[str, Any]:
        """The values as the database stores them (enums as their plain value)."""
        return {
            "customer_number": self.customer_number,
            "contract_holder_name": self.contract_holder_name,
            "contract_holder_kana": self.contract_holder_kana,
            "postal_code": self.postal_code,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
            "notice_channel": self.notice_channel.value,
            "bank_code": self.bank_code,
            "bank_name": self.bank_name,
            "branch_code": self.branch_code,
            "branch_name": self.branch_name,
            "deposit_type": int(self.deposit_type),
            "account_number": self.account_number,
            "account_holder_kana": self.account_holder_kana,
            "jp_symbol": self.jp_symbol,
            "jp_number": self.jp_number,
            "method": self.method.value,
            "monthly_amount": self.monthly_amount,
            "registration_date": self.registration_date,
            "status": self.status.value,
            "checklist": dict(self.checklist),
            "note": self.note,
            "debited_before": self.debited_before,
        }


# The one field table: every stored field of a registration in the form's order. The history's tracked
# fields, the command line's list, the importer's columns and the exports derive from it (and FIELD_LABELS).
STORED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ValidRegistration))
# What an import file may carry, by its header (FIELD_LABELS); the status is optional, the date is today.
KEYED_FIELDS: tuple[str, ...] = tuple(name for name in FIELD_LABELS if name not in ("registration_date", "status"))


_T = TypeVar("_T")


def initial_status(method: RegistrationMethod) -> RegistrationStatus:
    """REG-3: a paper form starts as keyed (not yet sent); a web registration as requested."""
    return RegistrationStatus.KEYED if method is RegistrationMethod.PAPER else RegistrationStatus.WEB_REQUESTED


def _without_controls(raw: RegistrationInput, errors: list[FieldError]) -> RegistrationInput:
    """[REG-9] A control character (NUL, ESC, tab, …) in any keyed text is refused at its field with its position;
    that field is then checked as empty so that only this one problem is named for it. A value longer than any
    limit is refused before it is converted (a 30,000-character kana costs nothing)."""
    cleaned: dict[str, Any] = {}
    for name in FIELD_LABELS:
        value = getattr(raw, name)
        if not isinstance(value, str):
            continue
        try:
            refuse_controls(value, FIELD_LABELS[name])
        except DomainError as error:
            errors.append(FieldError(name, error.message))
            cleaned[name] = ""
            continue
        if len(value) > limits.KEYED_TEXT_MAX and name != "monthly_amount":  # an amount says its digits
            errors.append(
                FieldError(
                    name,
                    messages.text(
                        "input.too_long", label=FIELD_LABELS[name], limit=limits.KEYED_TEXT_MAX, length=len(value)
                    ),
                )
            )
            cleaned[name] = ""
    if not cleaned:
        return raw
    from dataclasses import replace

    return replace(raw, **cleaned)


def validate_registration(raw: RegistrationInput, *, prefix: str, today: date) -> ValidRegistration:
    """Check every field; raise ValidationFailed listing each problem at its field."""
    errors: list[FieldError] = []
    raw = _without_controls(raw, errors)
    reported = {e.field for e in errors}  # refused before their own checks: only that problem is named

    def check(name: str, fn: Callable[[], _T], default: _T) -> _T:
        try:
            return fn()
        except DomainError as error:
            errors.append(FieldError(name, error.message))
            return default

    def required(name: str, value: str, max_length: int) -> str:
        text = value.strip()
        if not text:
            errors.append(FieldError(name, f"{FIELD_LABELS[name]}を入力してください"))
        elif len(text) > max_length:
            errors.append(FieldError(name, f"{FIELD_LABELS[name]}は{max_length}文字以内です（入力は{len(text)}文字）"))
        return text

    def kana(name: str, value: str) -> str:
        if not value.strip():
            errors.append(FieldError(name, f"{FIELD_LABELS[name]}を入力してください"))
            return ""
        if name == "contract_holder_kana" and len(value.strip()) > MAX_KANA:
            errors.append(
                FieldError(name, f"{FIELD_LABELS[name]}は{MAX_KANA}文字以内です（入力は{len(value.strip())}文字）")
            )
        bank_form = check(name, lambda: to_bank_kana(value), None)
        most = limits.ACCOUNT_HOLDER_BANK_KANA_MAX
        if bank_form is not None and name == "account_holder_kana" and len(bank_form) > most:
            errors.append(
                FieldError(name, f"口座名義カナは銀行データで{most}文字までです（変換後{len(bank_form)}文字）")
            )
        return to_display_kana(value)

    customer_number = ""
    if raw.customer_number.strip():
        customer_number = check("customer_number", lambda: validate_customer_number(raw.customer_number, prefix), "")
    name = required("contract_holder_name", raw.contract_holder_name, MAX_NAME)
    name_kana = kana("contract_holder_kana", raw.contract_holder_kana)
    postal = check("postal_code", lambda: normalize_postal_code(raw.postal_code), "")
    address = raw.address.strip()
    if len(address) > MAX_ADDRESS:
        errors.append(FieldError("address", f"住所は{MAX_ADDRESS}文字以内です"))
    phone = check("phone", lambda: normalize_phone(raw.phone), "")
    email = check("email", lambda: normalize_email(raw.email), "")
    channel = check("notice_channel", lambda: parse_channel(raw.notice_channel, email=email), Channel.LETTER)
    if channel is Channel.EMAIL and not email and "email" not in {e.field for e in errors}:
        errors.append(FieldError("email", messages.text("notices.email_required")))
    method = check("method", lambda: parse_method(raw.method), RegistrationMethod.PAPER)
    amount = check("monthly_amount", lambda: parse_amount(raw.monthly_amount), None)
    holder_kana = kana("account_holder_kana", raw.account_holder_kana)

    bank_name = branch_name = branch_code = account_number = ""
    deposit_type = DepositType.ORDINARY
    jp_symbol: str | None = None
    jp_number: str | None = None
    bank = None
    if not raw.bank_code.strip():
        errors.append(FieldError("bank_code", "銀行コードを入力してください"))
    else:
        bank = check("bank_code", lambda: bank_codes.lookup_bank(raw.bank_code), None)
    if bank is not None:
        bank_name = bank.name
        if bank.code == bank_codes.JAPAN_POST_BANK_CODE and (raw.jp_symbol.strip() or raw.jp_number.strip()):
            # REG-6: Japan Post Bank keyed by passbook symbol and number
            if not raw.jp_symbol.strip():
                errors.append(FieldError("jp_symbol", "通帳記号を入力してください"))
            elif not raw.jp_number.strip():
                errors.append(FieldError("jp_number", "通帳番号を入力してください"))
            else:
                try:
                    converted = japan_post.convert(raw.jp_symbol, raw.jp_number)
                except DomainError as error:  # the message goes under the field it is about
                    converted = None
                    field_name = "jp_symbol" if error.code.startswith("jp_symbol") else "jp_number"
                    errors.append(FieldError(field_name, error.message))
                if converted is not None:
                    jp_symbol, jp_number = converted.symbol, converted.number
                    account_number = converted.account_number
                    deposit_type = converted.deposit_type
                    branch_code = converted.branch_code
                    branch = check(
                        "jp_symbol",
                        lambda: bank_codes.lookup_branch(bank_codes.JAPAN_POST_BANK_CODE, branch_code),
                        None,
                    )
                    branch_name = branch.name if branch is not None else ""
        else:
            if raw.jp_symbol.strip() or raw.jp_number.strip():
                errors.append(FieldError("jp_symbol", "通帳記号・番号はゆうちょ銀行（9900）のときだけ入力します"))
            if not raw.branch_code.strip():
                errors.append(FieldError("branch_code", "支店コードを入力してください"))
            else:
                branch = check("branch_code", lambda: bank_codes.lookup_branch(bank.code, raw.branch_code), None)
                if branch is not None:
                    branch_code, branch_name = branch.code, branch.name
            if not raw.deposit_type.strip():
                errors.append(FieldError("deposit_type", "預金種目を入力してください"))
            else:
                deposit_type = check("deposit_type", lambda: parse_deposit_type(raw.deposit_type), DepositType.ORDINARY)
            account_number = check("account_number", lambda: normalize_account_number(raw.account_number), "")

    if errors:
        first = errors[: len(reported)]
        raise ValidationFailed(first + [e for e in errors[len(reported) :] if e.field not in reported])
    assert bank is not None
    return ValidRegistration(
        customer_number=customer_number,
        contract_holder_name=name,
        contract_holder_kana=name_kana,
        postal_code=postal,
        address=address,
        phone=phone,
        email=email,
        notice_channel=channel,
        bank_code=bank.code,
        bank_name=bank_name,
        branch_code=branch_code,
        branch_name=branch_name,
        deposit_type=deposit_type,
        account_number=account_number,
        account_holder_kana=holder_kana,
        jp_symbol=jp_symbol,
        jp_number=jp_number,
        method=method,
        monthly_amount=amount,
        registration_date=raw.registration_date or today,
        status=raw.status or initial_status(method),
        checklist={key: bool(raw.checklist.get(key, False)) for key in CHECKLIST_ITEMS},
        note=raw.note.strip()[: limits.NOTE_MAX],
        debited_before=raw.debited_before,
    )

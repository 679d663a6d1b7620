"""Merchant settings (加盟店設定): read, and change one value at a time with validation and an audit row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import MerchantSettings, utcnow
from app.domain import limits
from app.domain.account_fields import normalize_phone
from app.domain.customer_number import DEFAULT_PREFIX, validate_prefix
from app.domain.errors import Conflict, FieldError, InvalidValue, ValidationFailed
from app.domain.text import normalize_digits, only_digits, refuse_controls
from app.services.operators import OperatorRef
from app.services.operators.audit import audit
from app.services.operators.output_audit import mask
from app.services.operators.permissions import Action, require

DEFAULT_CONSIGNOR_CODE = "329273"  # REG-5: the provider's default; a setting, changed per merchant
SETTINGS_ROW_ID = 1
INTEGER_KEYS = {
    "stop_request_business_days",
    "quiet_period_weeks",
    "bill_confirmed_only",
    "carry_insufficient_funds",
    "idle_lock_minutes",
    "smtp_port",
}
SMTP_SECURITY = ("none", "starttls", "tls")


@dataclass(frozen=True)
class SettingsView:
    consignor_code: str
    consignor_category: str
    consignor_name: str
    charge_description: str
    customer_number_prefix: str
    agency_address: str
    merchant_address: str
    merchant_phone: str
    zengin_consignor_code: str
    consignor_name_kana: str
    merchant_bank_code: str
    merchant_branch_code: str
    merchant_deposit_type: str
    merchant_account_number: str
    stop_request_business_days: int
    quiet_period_weeks: int
    contact_person: str
    bill_confirmed_only: int
    carry_insufficient_funds: int
    idle_lock_minutes: int
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    smtp_sender: str
    smtp_reply_to: str
    version: int

    def as_dict(self) -> dict[str, str | int]:
        return asdict(self)


def _consignor_code(value: str) -> str:
    code = normalize_digits(value)
    if not only_digits(code) or len(code) != 6:
        raise InvalidValue("委託者コードは6桁の数字です", code="consignor_code_format", value=value)
    return code


def _category(value: str) -> str:
    text = normalize_digits(value)
    if text and (not only_digits(text) or len(text) > 4):
        raise InvalidValue("区分は4桁以内の数字です", code="consignor_category_format", value=value)
    return text


def _text(max_length: int, label: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        text = refuse_controls(value, label).strip()  # [REG-9] printed on forms and in the bank file
        if len(text) > max_length:
            raise InvalidValue(f"{label}は{max_length}文字以内です", code="setting_too_long")
        return text

    return check


def _digits(length: int, label: str, *, exact: bool) -> Callable[[str], str]:
    def check(value: str) -> str:
        text = normalize_digits(value)
        if text == "":
            return ""
        if not only_digits(text) or (len(text) != length if exact else len(text) > length):
            raise InvalidValue(f"{label}は{length}桁の数字です", code="setting_digits")
        return text

    return check


def _party_kana(value: str) -> str:
    from app.domain.kana import to_bank_kana

    return to_bank_kana(value) if value.strip() else ""


def _merchant_deposit_type(value: str) -> str:
    from app.domain.account_fields import parse_deposit_type

    return str(int(parse_deposit_type(value))) if value.strip() else ""


def _merchant_account(value: str) -> str:
    from app.domain.account_fields import normalize_account_number

    return normalize_account_number(value) if value.strip() else ""


def _stop_days(value: str) -> str:
    text = normalize_digits(value)
    if not only_digits(text) or not 1 <= int(text) <= 20:
        raise InvalidValue("振替停止依頼の期限は1〜20営業日です", code="setting_stop_days")
    return text


def _quiet_weeks(value: str) -> str:
    text = normalize_digits(value)
    if not only_digits(text) or not 2 <= int(text) <= 26:
        raise InvalidValue("登録済とみなすまでの期間は2〜26週です", code="setting_quiet_period")
    return text


def _on_off(value: str) -> str:
    text = normalize_digits(value).strip().lower()
    if text in ("1", "on", "yes", "true", "する", "はい"):
        return "1"
    if text in ("0", "off", "no", "false", "しない", "いいえ"):
        return "0"
    raise InvalidValue("settings.on_off", value=value)


def _idle_minutes(value: str) -> str:
    text = normalize_digits(value)
    if not only_digits(text) or not 1 <= int(text) <= 120:
        raise InvalidValue("operators.idle_minutes_range")
    return text


def _smtp_host(value: str) -> str:
    text = value.strip()
    if len(text) > 200 or any(c.isspace() for c in text) or "/" in text:
        raise InvalidValue("SMTPサーバーはホスト名かIPアドレスです", code="setting_smtp_host")
    return text


def _smtp_port(value: str) -> str:
    text = normalize_digits(value)
    if not only_digits(text) or not 1 <= int(text) <= 65535:
        raise InvalidValue("notices.smtp_port_range")
    return str(int(text))


def _smtp_security(value: str) -> str:
    text = value.strip().lower()
    if text not in SMTP_SECURITY:
        raise InvalidValue("notices.smtp_security_unknown")
    return text


def _address(value: str) -> str:
    from app.domain.notices import normalize_email

    return normalize_email(value)


# key → (Japanese label, validator)
SETTING_KEYS: dict[str, tuple[str, Callable[[str], str]]] = {
    "consignor_code": ("委託者コード", _consignor_code),
    "consignor_category": ("区分", _category),
    # the longest the request form can print (app/domain/limits.py)
    "consignor_name": ("委託者名", _text(limits.CONSIGNOR_NAME_MAX, "委託者名")),
    "charge_description": ("料金の種類", _text(limits.CHARGE_DESCRIPTION_MAX, "料金の種類")),
    "customer_number_prefix": ("顧客番号の先頭番号", validate_prefix),
    "agency_address": ("収納会社の住所", _text(200, "収納会社の住所")),
    "merchant_address": ("加盟店の住所", _text(limits.MERCHANT_ADDRESS_MAX, "加盟店の住所")),
    "merchant_phone": ("加盟店の電話番号", normalize_phone),
    "contact_person": ("担当者名（送付書に印刷）", _text(limits.CONTACT_PERSON_MAX, "担当者名")),
    # for the bank file's header (全銀 種別91)
    "zengin_consignor_code": (
        "委託者コード（10桁・請求データ用）",
        _digits(10, "委託者コード（請求データ用）", exact=True),
    ),
    "consignor_name_kana": ("委託者名カナ（請求データ用）", _party_kana),
    "merchant_bank_code": ("取引銀行コード", _digits(4, "取引銀行コード", exact=True)),
    "merchant_branch_code": ("取引支店コード", _digits(3, "取引支店コード", exact=True)),
    "merchant_deposit_type": ("取引口座の預金種目", _merchant_deposit_type),
    "merchant_account_number": ("取引口座の口座番号", _merchant_account),
    "stop_request_business_days": ("振替停止依頼の期限（振替日の何営業日前）", _stop_days),
    "quiet_period_weeks": ("返却がなければ登録済とみなすまでの週数（発送日から）", _quiet_weeks),
    # REG-2/REG-3: 1 = bill paper registrations only once a result or a supervisor confirmed them
    "bill_confirmed_only": ("紙の登録は確認済みのものだけ請求する（1: する、0: 返却なし・未確認も請求）", _on_off),
    # RES-2: 1 = carry insufficient-funds failures into the next draft month automatically
    "carry_insufficient_funds": ("資金不足の未収金を翌月の下書きに自動で再請求する（1: する、0: しない）", _on_off),
    "idle_lock_minutes": ("操作がないとき画面をロックするまでの分数", _idle_minutes),
    # customer notices by e-mail (OP-5); the password is kept in the keyring, never here
    "smtp_host": ("SMTPサーバー", _smtp_host),
    "smtp_port": ("SMTPのポート番号", _smtp_port),
    "smtp_security": ("SMTPの接続の保護（none / starttls / tls）", _smtp_security),
    "smtp_user": ("SMTPのユーザー名", _text(200, "SMTPのユーザー名")),
    "smtp_sender": ("差出人のメールアドレス", _address),
    "smtp_reply_to": ("返信先のメールアドレス", _address),
}


def _view(row: MerchantSettings) -> SettingsView:
    return SettingsView(**{f.name: getattr(row, f.name) for f in fields(SettingsView)})


def ensure_defaults(session: Session) -> MerchantSettings:
    """A new database holds the provider's defaults (consignor code 329273, prefix 0329279)."""
    row = session.get(MerchantSettings, SETTINGS_ROW_ID)
    if row is None:
        row = MerchantSettings(
            id=SETTINGS_ROW_ID,
            consignor_code=DEFAULT_CONSIGNOR_CODE,
            consignor_category="",
            consignor_name="",
            charge_description="",
            customer_number_prefix=DEFAULT_PREFIX,
            agency_address="",
            merchant_address="",
            merchant_phone="",
        )
        session.add(row)
        session.flush()
    return row


def load_settings(session: Session) -> MerchantSettings:
    row = session.get(MerchantSettings, SETTINGS_ROW_ID)
    if row is None:
        raise InvalidValue("settings.missing")
    return row


def get_settings(db: Database) -> SettingsView:
    with db.read() as session:
        return _view(load_settings(session))


def validate_settings(values: dict[str, str]) -> tuple[dict[str, str], list[FieldError]]:
    """Check several settings at once (the settings screen); every problem at its key."""
    clean: dict[str, str] = {}
    errors: list[FieldError] = []
    for key, value in values.items():
        if key not in SETTING_KEYS:
            errors.append(FieldError(key, f"設定項目 {key} はありません"))
            continue
        try:
            clean[key] = SETTING_KEYS[key][1](value)
        except InvalidValue as error:
            errors.append(FieldError(key, error.message))
    return clean, errors


def update_settings(
    db: Database, values: dict[str, str], operator: OperatorRef, *, expected_version: int | None = None
) -> SettingsView:
    """Save several settings in one transaction with one audit row; a stale screen fails clearly."""
    require(operator, Action.SETTINGS, db)
    clean, errors = validate_settings(values)
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        row = load_settings(session)
        if expected_version is not None and row.version != expected_version:
            raise Conflict(
                "加盟店設定は画面を開いた後で別の担当者が変更しました。再読み込みしてください", code="stale_edit"
            )
        typed: dict[str, str | int] = {k: int(v) if k in INTEGER_KEYS else v for k, v in clean.items()}
        changes = {key: [getattr(row, key), value] for key, value in typed.items() if getattr(row, key) != value}
        if changes:
            for key, (_, after) in changes.items():
                setattr(row, key, after)
            row.updated_at = utcnow()
            masked: dict[str, Any] = {
                k: [mask(str(v[0])), mask(str(v[1]))] if k == "merchant_account_number" else v
                for k, v in changes.items()
            }
            audit(session, operator, "merchant_settings", str(SETTINGS_ROW_ID), "change", **masked)
        session.flush()
        return _view(row)


def set_setting(db: Database, key: str, value: str, operator: OperatorRef) -> SettingsView:
    """Validate and store one setting (`kofuri settings set`), with its audit row."""
    if key not in SETTING_KEYS:
        raise InvalidValue(
            f"設定項目 {key} はありません。使える項目: {', '.join(SETTING_KEYS)}", code="setting_unknown", key=key
        )
    try:
        return update_settings(db, {key: value}, operator)
    except ValidationFailed as failed:
        label = SETTING_KEYS[key][0]
        raise InvalidValue(f"{label}: {failed.errors[0].message}", code="setting_invalid") from failed

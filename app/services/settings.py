"""Merchant settings (加盟店設定): read, and change one value at a time with validation and an audit row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import AuditLog, MerchantSettings, utcnow
from app.domain.account_fields import normalize_phone
from app.domain.customer_number import DEFAULT_PREFIX, validate_prefix
from app.domain.errors import Conflict, FieldError, InvalidValue, ValidationFailed
from app.domain.text import normalize_digits, only_digits
from app.services.operators import OperatorRef

DEFAULT_CONSIGNOR_CODE = "329273"  # REG-5: the provider's default; a setting, changed per merchant
SETTINGS_ROW_ID = 1


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
        text = value.strip()
        if len(text) > max_length:
            raise InvalidValue(f"{label}は{max_length}文字以内です", code="setting_too_long")
        return text

    return check


# key → (Japanese label, validator)
SETTING_KEYS: dict[str, tuple[str, Callable[[str], str]]] = {
    "consignor_code": ("委託者コード", _consignor_code),
    "consignor_category": ("区分", _category),
    "consignor_name": ("委託者名", _text(80, "委託者名")),
    "charge_description": ("料金の種類", _text(80, "料金の種類")),
    "customer_number_prefix": ("顧客番号の先頭番号", validate_prefix),
    "agency_address": ("収納会社の住所", _text(200, "収納会社の住所")),
    "merchant_address": ("加盟店の住所", _text(200, "加盟店の住所")),
    "merchant_phone": ("加盟店の電話番号", normalize_phone),
}


def _view(row: MerchantSettings) -> SettingsView:
    return SettingsView(
        row.consignor_code,
        row.consignor_category,
        row.consignor_name,
        row.charge_description,
        row.customer_number_prefix,
        row.agency_address,
        row.merchant_address,
        row.merchant_phone,
        row.version,
    )


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
        raise InvalidValue("加盟店設定がありません。kofuri init を実行してください", code="settings_missing")
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
    clean, errors = validate_settings(values)
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        row = load_settings(session)
        if expected_version is not None and row.version != expected_version:
            raise Conflict(
                "加盟店設定は画面を開いた後で別の担当者が変更しました。再読み込みしてください", code="stale_edit"
            )
        changes = {key: [getattr(row, key), value] for key, value in clean.items() if getattr(row, key) != value}
        if changes:
            for key, (_, after) in changes.items():
                setattr(row, key, after)
            row.updated_at = utcnow()
            session.add(
                AuditLog(
                    operator_id=operator.id,
                    entity="merchant_settings",
                    entity_id=str(SETTINGS_ROW_ID),
                    action="change",
                    changes=changes,
                )
            )
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

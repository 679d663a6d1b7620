"""Account fields: deposit type (預金種目), account number, method, status, contact fields."""

from __future__ import annotations

import re
from enum import IntEnum, StrEnum

from app.domain import limits
from app.domain.errors import InvalidValue
from app.domain.text import normalize_digits, only_digits, shown

ACCOUNT_NUMBER_LENGTH = 7


class DepositType(IntEnum):
    """Deposit types a debit can be drawn from (bank file field 預金種目)."""

    ORDINARY = 1  # 普通
    CURRENT = 2  # 当座
    TAX_RESERVE = 3  # 納税準備
    OTHER = 9  # その他

    @property
    def label(self) -> str:
        return DEPOSIT_TYPE_LABELS[self]


DEPOSIT_TYPE_LABELS: dict[DepositType, str] = {
    DepositType.ORDINARY: "普通",
    DepositType.CURRENT: "当座",
    DepositType.TAX_RESERVE: "納税準備",
    DepositType.OTHER: "その他",
}


def parse_deposit_type(value: str | int) -> DepositType:
    """1/2/3/9 or 普通/当座/納税準備/その他 (full-width digits accepted); 4 貯蓄 is refused."""
    text = normalize_digits(str(value))
    if text in ("4", "貯蓄"):
        raise InvalidValue(
            "貯蓄預金の口座からは口座振替で引き落とせません（普通・当座などの口座を指定してください）",
            code="deposit_type_savings",
        )
    for deposit_type, label in DEPOSIT_TYPE_LABELS.items():
        if text in (str(int(deposit_type)), label):
            return deposit_type
    raise InvalidValue(
        "預金種目は 1 普通、2 当座、3 納税準備、9 その他 のどれかです",
        code="deposit_type_unknown",
        value=value,
    )


def normalize_account_number(value: str) -> str:
    """Up to 7 digits (full-width accepted), stored zero-padded on the left to 7 (REG-7: right-aligned)."""
    text = normalize_digits(value).replace(" ", "").replace("-", "")
    if text == "":
        raise InvalidValue("口座番号を入力してください", code="account_number_empty")
    if not only_digits(text):
        raise InvalidValue("口座番号は数字だけで入力してください", code="account_number_not_digits")
    if len(text) > ACCOUNT_NUMBER_LENGTH:
        raise InvalidValue(
            f"口座番号は7桁以内です（入力は{len(text)}桁）", code="account_number_length", length=len(text)
        )
    if int(text) == 0:
        raise InvalidValue("口座番号が0だけになっています", code="account_number_zero")
    return text.zfill(ACCOUNT_NUMBER_LENGTH)


class RegistrationMethod(StrEnum):
    """REG-1: paper form keyed by the merchant, or web registration by the customer."""

    PAPER = "paper"
    WEB = "web"

    @property
    def label(self) -> str:
        return "紙" if self is RegistrationMethod.PAPER else "WEB"


def parse_method(value: str | None) -> RegistrationMethod:
    text = (normalize_digits(value or "")).upper()
    if text in ("", "紙", "PAPER", "ペーパー"):
        return RegistrationMethod.PAPER
    if text in ("WEB", "ウェブ"):
        return RegistrationMethod.WEB
    raise InvalidValue("登録方法は「紙」か「WEB」です", code="method_unknown", value=value)


class RegistrationStatus(StrEnum):
    """Where a registration stands [REG-3]; invalidated is REG-12's delete."""

    KEYED = "keyed"  # paper form keyed, not yet sent to the agency
    SENT = "sent"  # in a shipment, awaiting the bank (no news is not success: REG-3)
    RETURNED = "returned"  # sent back deficient [DEF-1]
    COMPLETE = "complete"  # registered at the bank
    WEB_REQUESTED = "web_requested"  # web registration asked, result pending
    WEB_NG = "web_ng"  # web registration failed
    INVALIDATED = "invalidated"  # REG-12: no longer billable; data and history kept

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[RegistrationStatus, str] = {
    RegistrationStatus.KEYED: "入力済（未発送）",
    RegistrationStatus.SENT: "発送済・金融機関確認中",
    RegistrationStatus.RETURNED: "不備返却",
    RegistrationStatus.COMPLETE: "登録済",
    RegistrationStatus.WEB_REQUESTED: "WEB申込中",
    RegistrationStatus.WEB_NG: "WEB登録NG",
    RegistrationStatus.INVALIDATED: "無効",
}


def parse_status(value: str) -> RegistrationStatus:
    text = value.strip()
    for status, label in STATUS_LABELS.items():
        if text in (status.value, label):
            return status
    if text == "登録済み":
        return RegistrationStatus.COMPLETE
    names = "、".join(f"{s.value}（{label}）" for s, label in STATUS_LABELS.items())
    raise InvalidValue(f"状態「{shown(value)}」はありません。使える状態: {names}", code="status_unknown", value=value)


_POSTAL = re.compile(r"^(\d{3})-?(\d{4})$")


def normalize_postal_code(value: str) -> str:
    """7-digit postal code, stored as 123-4567; empty allowed."""
    text = normalize_digits(value).replace("〒", "").replace("ー", "-").replace("−", "-").strip()
    if text == "":
        return ""
    match = _POSTAL.match(text)
    if not match:
        raise InvalidValue("郵便番号は7桁の数字です（例: 123-4567）", code="postal_code_format", value=value)
    return f"{match.group(1)}-{match.group(2)}"


def normalize_phone(value: str) -> str:
    """Japanese phone number: 10 or 11 digits, hyphens and parentheses allowed; empty allowed."""
    text = normalize_digits(value).replace("ー", "-").replace("−", "-").replace("(", "-").replace(")", "-")
    text = text.strip().strip("-")
    if text.startswith("+81"):  # international form: +81-3-1234-5678 → 03-1234-5678
        text = "0" + text[3:].lstrip("- ")
    if text == "":
        return ""
    digits = text.replace("-", "")
    if not only_digits(digits) or not (10 <= len(digits) <= 11) or not digits.startswith("0"):
        raise InvalidValue(
            "電話番号は0で始まる10桁か11桁の数字です（例: 03-1234-5678）", code="phone_format", value=value
        )
    while "--" in text:
        text = text.replace("--", "-")
    return text if "-" in text else _hyphenate(digits)


def _hyphenate(digits: str) -> str:
    """One hyphenated form for numbers keyed without hyphens, where the split is certain: mobile and IP phones
    (090-1234-5678), free dial (0120-123-456), Tokyo and Osaka (03-1234-5678). Other area codes vary in length:
    those are kept as keyed."""
    if len(digits) == 11 and digits[:3] in ("050", "060", "070", "080", "090"):
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10 and digits[:4] in ("0120", "0800"):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if len(digits) == 11 and digits[:4] == "0800":
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if len(digits) == 10 and digits[:2] in ("03", "06"):
        return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
    return digits


_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")


def parse_amount(value: str | int | None) -> int | None:
    """A standing monthly amount in whole yen (empty: none yet); at most the bank file's 10 digits
    (limits.AMOUNT_MAX). Commas only as thousands separators (「1,0,0」 is refused, not read as 100)."""
    if value is None:
        return None
    text = normalize_digits(str(value)).replace("円", "").replace("¥", "").replace("￥", "").strip()
    if text == "":
        return None
    if "," in text:
        if not _THOUSANDS.match(text.lstrip("-−▲")):
            raise InvalidValue("amount.format", value=shown(value))
        text = text.replace(",", "")
    if text.endswith(".0"):
        text = text[:-2]
    if text.startswith(("-", "−", "▲")) and only_digits(text[1:]):
        raise InvalidValue("金額は1円以上です", code="amount_not_positive", value=value)
    if not only_digits(text):
        raise InvalidValue("amount.format", value=shown(value))
    if len(text.lstrip("0")) > limits.AMOUNT_DIGITS:  # before int(): thousands of digits stay cheap
        raise InvalidValue("amount.too_large", digits=limits.AMOUNT_DIGITS)
    amount = int(text)
    if amount <= 0:
        raise InvalidValue("金額は1円以上です", code="amount_not_positive", value=value)
    return amount

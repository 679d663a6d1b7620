"""Customer number (顧客番号), REG-4: 20 digits = 7-digit provider prefix + 13 digits the merchant issues."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.errors import InvalidValue
from app.domain.text import normalize_digits, only_digits

LENGTH = 20
PREFIX_LENGTH = 7
SUFFIX_LENGTH = LENGTH - PREFIX_LENGTH
DEFAULT_PREFIX = "0329279"  # REG-4: the provider's prefix; a merchant setting, not a constant in use


def validate_prefix(value: str) -> str:
    """A customer-number prefix: exactly 7 digits."""
    prefix = normalize_digits(value)
    if not only_digits(prefix) or len(prefix) != PREFIX_LENGTH:
        raise InvalidValue(
            f"顧客番号の先頭番号は7桁の数字です（入力: {value!r}）",
            code="customer_number_prefix",
            value=value,
        )
    return prefix


def validate_customer_number(value: str, prefix: str = DEFAULT_PREFIX) -> str:
    """Check a keyed customer number; return it normalised (full-width digits accepted).

    REG-4: digits only, 20 digits, starting with the provider prefix (a wrong prefix makes the
    bank reject the debit with result code 8).
    """
    number = normalize_digits(value).replace(" ", "")
    if number == "":
        raise InvalidValue("顧客番号を入力してください", code="customer_number_empty")
    bad = [c for c in number if not ("0" <= c <= "9")]
    if bad:
        raise InvalidValue(
            f"顧客番号は数字だけで入力してください（「{bad[0]}」は使えません）",
            code="customer_number_not_digits",
            char=bad[0],
        )
    if len(number) != LENGTH:
        raise InvalidValue(
            f"顧客番号は20桁です（入力は{len(number)}桁）",
            code="customer_number_length",
            length=len(number),
        )
    if not number.startswith(prefix):
        raise InvalidValue(
            f"顧客番号の先頭7桁は {prefix} です（入力は {number[:PREFIX_LENGTH]}）。"
            "違うと振替結果コード8で引き落とせません",
            code="customer_number_prefix_mismatch",
            prefix=prefix,
        )
    return number


def next_free_customer_number(prefix: str, issued: Iterable[str]) -> str:
    """The next number after every number already issued or reserved with this prefix (REG-4: never reused)."""
    highest = 0
    for number in issued:
        if len(number) == LENGTH and number.startswith(prefix) and number.isdigit():
            highest = max(highest, int(number[PREFIX_LENGTH:]))
    following = highest + 1
    if following >= 10**SUFFIX_LENGTH:
        raise InvalidValue("この先頭番号で発行できる顧客番号を使い切りました", code="customer_number_exhausted")
    return f"{prefix}{following:0{SUFFIX_LENGTH}d}"

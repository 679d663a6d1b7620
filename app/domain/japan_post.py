"""Japan Post Bank (ゆうちょ銀行) passbook symbol and number to the bank-standard account [REG-6]."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.account_fields import DepositType
from app.domain.errors import InvalidValue
from app.domain.text import normalize_digits, only_digits

SYMBOL_LENGTH = 5


@dataclass(frozen=True)
class JapanPostAccount:
    """What the bank file carries for a Japan Post account (bank code 9900)."""

    symbol: str
    number: str
    branch_code: str
    account_number: str
    deposit_type: DepositType


def convert(symbol: str, number: str) -> JapanPostAccount:
    """Passbook symbol (記号, 5 digits) and number (番号) to branch code, 7-digit account and deposit type.

    Symbol starting with 1 (総合口座/通常貯金): branch = digits 2–3 + "8"; the number is written on the form
    with 8 digits ending in 1 and keyed without that 1 [REG-6]. An 8-digit number must end in 1, which is
    dropped; a number of up to 7 digits is taken as keyed without it.
    Symbol starting with 0 (振替口座): branch = digits 2–3 + "9"; number of up to 6 digits, deposit type 当座.
    """
    sym = normalize_digits(symbol)
    num = normalize_digits(number).replace("-", "").replace(" ", "")
    if not only_digits(sym) or len(sym) != SYMBOL_LENGTH:
        raise InvalidValue("通帳記号は5桁の数字です", code="jp_symbol_format", value=symbol)
    if not only_digits(num):
        raise InvalidValue("通帳番号は数字で入力してください", code="jp_number_format", value=number)
    if sym[0] == "1":
        if len(num) == 8:
            if num[-1] != "1":
                raise InvalidValue(
                    "記号が1で始まる通帳番号は末尾が1です（8桁目を確認してください）",
                    code="jp_number_last_digit",
                    value=number,
                )
            num = num[:-1]
        elif len(num) > 8:
            raise InvalidValue("通帳番号は8桁以内です", code="jp_number_length", value=number)
        return JapanPostAccount(sym, num, sym[1:3] + "8", num.zfill(7), DepositType.ORDINARY)
    if sym[0] == "0":
        if len(num) > 6:
            raise InvalidValue("記号が0で始まる振替口座の番号は6桁以内です", code="jp_number_length", value=number)
        return JapanPostAccount(sym, num, sym[1:3] + "9", num.zfill(7), DepositType.CURRENT)
    raise InvalidValue("通帳記号は0か1で始まります", code="jp_symbol_format", value=symbol)

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.account_fields import (
    DepositType,
    normalize_account_number,
    normalize_phone,
    normalize_postal_code,
    parse_amount,
    parse_deposit_type,
    parse_status,
)
from app.domain.errors import InvalidValue


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", DepositType.ORDINARY),
        ("普通", DepositType.ORDINARY),
        ("２", DepositType.CURRENT),
        (3, DepositType.TAX_RESERVE),
        ("その他", DepositType.OTHER),
        ("9", DepositType.OTHER),
    ],
)
def test_deposit_types(value: str | int, expected: DepositType) -> None:
    assert parse_deposit_type(value) == expected


def test_savings_is_refused_with_the_reason() -> None:
    for value in ("4", "貯蓄", 4):
        with pytest.raises(InvalidValue, match="貯蓄預金"):
            parse_deposit_type(value)
    with pytest.raises(InvalidValue, match="1 普通"):
        parse_deposit_type("5")


def test_account_number_is_zero_padded_to_seven() -> None:
    assert normalize_account_number("123") == "0000123"
    assert normalize_account_number("１２３４５６７") == "1234567"
    for bad, words in (("", "入力"), ("12a", "数字"), ("12345678", "7桁以内"), ("0000", "0だけ")):
        with pytest.raises(InvalidValue, match=words):
            normalize_account_number(bad)


def test_contact_fields() -> None:
    assert normalize_postal_code("１２３４５６７") == "123-4567"
    assert normalize_postal_code("〒123-4567") == "123-4567"
    assert normalize_phone("03(1234)5678") == "03-1234-5678"
    assert normalize_phone("+81-3-1234-5678") == "03-1234-5678"
    with pytest.raises(InvalidValue):
        normalize_phone("12345")
    with pytest.raises(InvalidValue):
        normalize_postal_code("12-34")


def test_amounts_are_positive_whole_yen_below_ten_digits() -> None:
    assert parse_amount("1,500円") == 1500
    assert parse_amount("") is None
    for bad in ("0", "-5", "1.5", "10000000000"):
        with pytest.raises(InvalidValue):
            parse_amount(bad)


def test_status_by_code_or_label() -> None:
    assert parse_status("登録済").value == "complete"
    assert parse_status("complete").value == "complete"
    with pytest.raises(InvalidValue, match="使える状態"):
        parse_status("done")


@given(st.text(max_size=12))
def test_validators_answer_a_value_or_the_domain_error(value: str) -> None:
    for validator in (
        normalize_account_number,
        normalize_phone,
        normalize_postal_code,
        parse_deposit_type,
        parse_amount,
    ):
        with contextlib.suppress(InvalidValue):
            validator(value)

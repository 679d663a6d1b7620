import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.account_fields import DepositType
from app.domain.errors import InvalidValue
from app.domain.japan_post import convert


def test_reference_vectors() -> None:
    # ../shared/reference/zengin-furikae-format.md "Japan Post Bank conversion"
    general = convert("14030", "12345671")
    assert (general.branch_code, general.deposit_type, general.account_number) == (
        "408",
        DepositType.ORDINARY,
        "1234567",
    )
    transfer = convert("00580", "654321")
    assert (transfer.branch_code, transfer.deposit_type, transfer.account_number) == (
        "059",
        DepositType.CURRENT,
        "0654321",
    )


def test_number_keyed_without_its_final_one() -> None:
    # REG-6: in the tool the clerk keys the 8-digit number without its last 1
    assert convert("14030", "1234567").account_number == "1234567"
    assert convert("１４０３０", "１２３４５６７１").account_number == "1234567"


def test_symbol_one_number_not_ending_in_one_is_an_error() -> None:
    with pytest.raises(InvalidValue, match="末尾が1"):
        convert("14030", "12345670")


@pytest.mark.parametrize(("symbol", "number"), [("1403", "1"), ("24030", "1"), ("1403A", "1"), ("00580", "1234567")])
def test_bad_symbols_and_numbers(symbol: str, number: str) -> None:
    with pytest.raises(InvalidValue):
        convert(symbol, number)


@given(st.text(max_size=7), st.text(max_size=10))
def test_any_input_converts_or_raises_the_domain_error(symbol: str, number: str) -> None:
    try:
        account = convert(symbol, number)
    except InvalidValue:
        return
    assert len(account.branch_code) == 3 and account.branch_code[-1] in "89"
    assert len(account.account_number) == 7 and account.account_number.isdigit()

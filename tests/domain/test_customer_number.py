import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.customer_number import (
    DEFAULT_PREFIX,
    next_free_customer_number,
    validate_customer_number,
    validate_prefix,
)
from app.domain.errors import InvalidValue


def test_valid_number_is_returned_normalised() -> None:
    # REG-4: 20 digits, prefix 0329279; full-width digits typed by a clerk are accepted
    assert validate_customer_number("03292790000000000001") == "03292790000000000001"
    assert validate_customer_number("０３２９２７９００００００００００００１") == "03292790000000000001"


@pytest.mark.parametrize(
    ("value", "code", "words"),
    [
        ("", "customer_number_empty", "入力"),
        ("0329279000000000000A", "customer_number_not_digits", "「A」"),
        ("0329279000001", "customer_number_length", "13桁"),
        ("032927900000000000012", "customer_number_length", "21桁"),
        ("12345670000000000001", "customer_number_prefix_mismatch", "0329279"),
    ],
)
def test_each_problem_says_what_is_wrong(value: str, code: str, words: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        validate_customer_number(value, DEFAULT_PREFIX)
    assert raised.value.code == code
    assert words in raised.value.message


def test_prefix_comes_from_settings() -> None:
    assert validate_customer_number("11111110000000000042", "1111111") == "11111110000000000042"
    with pytest.raises(InvalidValue):
        validate_customer_number("03292790000000000001", "1111111")


def test_next_free_number_follows_the_highest_issued() -> None:
    issued = ["03292790000000000007", "03292790000000000003", "99999990000000000099"]
    assert next_free_customer_number(DEFAULT_PREFIX, issued) == "03292790000000000008"
    assert next_free_customer_number(DEFAULT_PREFIX, []) == "03292790000000000001"


def test_prefix_must_be_seven_digits() -> None:
    assert validate_prefix("0329279") == "0329279"
    for bad in ("032927", "03292790", "03a9279", ""):
        with pytest.raises(InvalidValue):
            validate_prefix(bad)


@given(st.text(max_size=30))
def test_any_input_gives_a_number_or_the_domain_error(value: str) -> None:
    try:
        number = validate_customer_number(value)
    except InvalidValue:
        return
    assert len(number) == 20 and number.isascii() and number.isdigit() and number.startswith(DEFAULT_PREFIX)


@given(st.lists(st.integers(min_value=0, max_value=10**13 - 2).map(lambda n: f"{DEFAULT_PREFIX}{n:013d}")))
def test_allocated_number_is_never_one_already_issued(issued: list[str]) -> None:
    assert next_free_customer_number(DEFAULT_PREFIX, issued) not in issued


@given(st.text(max_size=9))
def test_any_prefix_is_seven_digits_or_refused(value: str) -> None:
    try:
        prefix = validate_prefix(value)
    except InvalidValue:
        return
    assert len(prefix) == 7 and prefix.isascii() and prefix.isdigit()

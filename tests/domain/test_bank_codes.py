import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import bank_codes
from app.domain.errors import InvalidValue


def test_lookup_by_code_fills_names() -> None:
    bank = bank_codes.lookup_bank("0005")
    assert bank.name == "三菱ＵＦＪ"
    branch = bank_codes.lookup_branch("5", "1")  # short codes are zero-padded
    assert (branch.bank_code, branch.code, branch.name) == ("0005", "001", "本店")


def test_unknown_codes_are_errors_that_name_them() -> None:
    with pytest.raises(InvalidValue, match="8999"):
        bank_codes.lookup_bank("8999")
    with pytest.raises(InvalidValue) as raised:
        bank_codes.lookup_branch("0005", "999")
    assert "999" in raised.value.message and "三菱ＵＦＪ" in raised.value.message
    with pytest.raises(InvalidValue, match="4桁"):
        bank_codes.lookup_bank("12345")


@pytest.mark.parametrize("query", ["みずほ", "ミズホ", "ﾐｽﾞﾎ", "mizuho", "MIZUHO", "0001"])
def test_type_ahead_by_name_kana_hiragana_romaji_or_code(query: str) -> None:
    assert bank_codes.search_banks(query)[0].code == "0001"


def test_branch_type_ahead_puts_exact_match_first() -> None:
    found = bank_codes.search_branches("0001", "しぶや")
    assert found[0].name == "渋谷"
    assert all("渋谷" in b.name for b in found)


def test_japan_post_branches_are_known() -> None:
    assert bank_codes.lookup_branch("9900", "408").name == "四〇八"
    assert bank_codes.data_version().startswith("1.1.0.")


@given(st.text(max_size=6), st.text(max_size=5))
def test_any_code_is_found_or_refused_with_the_domain_error(bank: str, branch: str) -> None:
    try:
        found = bank_codes.lookup_branch(bank, branch)
    except InvalidValue:
        return
    assert len(found.bank_code) == 4 and len(found.code) == 3 and found.name


@given(st.text(max_size=8))
def test_type_ahead_never_fails(query: str) -> None:
    assert len(bank_codes.search_banks(query, limit=5)) <= 5

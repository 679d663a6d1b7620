from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.account_fields import DepositType, RegistrationStatus
from app.domain.errors import ValidationFailed
from app.domain.registration import FIELD_LABELS, RegistrationInput, validate_registration

TODAY = date(2026, 12, 1)


def paper_form(**overrides: str) -> RegistrationInput:
    values = {
        "contract_holder_name": "山田 太郎",
        "contract_holder_kana": "やまだ たろう",
        "postal_code": "1000001",
        "address": "東京都千代田区千代田1-1",
        "phone": "03-1234-5678",
        "bank_code": "0005",
        "branch_code": "001",
        "deposit_type": "普通",
        "account_number": "1234",
        "account_holder_kana": "ﾔﾏﾀﾞ ﾀﾛｳ",
        "monthly_amount": "3,300",
    }
    values.update(overrides)
    return RegistrationInput(**values)  # type: ignore[arg-type]


def test_complete_paper_form_is_accepted_with_names_from_codes() -> None:
    valid = validate_registration(paper_form(), prefix="0329279", today=TODAY)
    assert (valid.bank_name, valid.branch_name) == ("三菱ＵＦＪ", "本店")
    assert valid.account_number == "0001234" and valid.deposit_type is DepositType.ORDINARY
    assert valid.contract_holder_kana == "ヤマダ タロウ" and valid.account_holder_kana == "ヤマダ タロウ"
    assert valid.status is RegistrationStatus.KEYED and valid.registration_date == TODAY
    assert valid.customer_number == ""  # allocated by the service


def test_every_problem_is_listed_at_its_field() -> None:
    raw = paper_form(
        customer_number="123",
        contract_holder_name="",
        contract_holder_kana="山田",
        branch_code="999",
        deposit_type="4",
        account_number="12345678",
        phone="12",
    )
    with pytest.raises(ValidationFailed) as raised:
        validate_registration(raw, prefix="0329279", today=TODAY)
    fields = {e.field: e.message for e in raised.value.errors}
    assert set(fields) == {
        "customer_number",
        "contract_holder_name",
        "contract_holder_kana",
        "branch_code",
        "deposit_type",
        "account_number",
        "phone",
    }
    assert "貯蓄" in fields["deposit_type"] and "7桁以内" in fields["account_number"]


def test_japan_post_by_symbol_and_number() -> None:
    raw = paper_form(
        bank_code="9900", branch_code="", account_number="", deposit_type="", jp_symbol="14030", jp_number="12345671"
    )
    valid = validate_registration(raw, prefix="0329279", today=TODAY)
    assert (valid.branch_code, valid.branch_name, valid.account_number) == ("408", "四〇八", "1234567")
    assert valid.jp_symbol == "14030" and valid.jp_number == "1234567"


def test_passbook_fields_only_for_japan_post() -> None:
    with pytest.raises(ValidationFailed) as raised:
        validate_registration(paper_form(jp_symbol="14030"), prefix="0329279", today=TODAY)
    assert raised.value.errors[0].field == "jp_symbol"


field_text = st.text(max_size=12) | st.sampled_from(["0005", "001", "1", "9900", "14030", "12345671", "ヤマダ"])


@given(
    st.builds(
        RegistrationInput,
        customer_number=field_text,
        contract_holder_name=field_text,
        contract_holder_kana=field_text,
        postal_code=field_text,
        phone=field_text,
        bank_code=field_text,
        branch_code=field_text,
        deposit_type=field_text,
        account_number=field_text,
        account_holder_kana=field_text,
        jp_symbol=field_text,
        jp_number=field_text,
        method=field_text,
        monthly_amount=field_text,
    )
)
@settings(max_examples=200, deadline=None)
def test_any_form_is_accepted_or_refused_field_by_field(raw: RegistrationInput) -> None:
    try:
        valid = validate_registration(raw, prefix="0329279", today=TODAY)
    except ValidationFailed as failed:
        assert failed.errors and all(e.field in FIELD_LABELS and e.message for e in failed.errors)
        return
    assert len(valid.account_number) == 7 and len(valid.branch_code) == 3 and len(valid.bank_code) == 4


def test_one_field_table_drives_history_lists_and_imports() -> None:
    """A field added to the registration reaches the history, the list and the views without a second list."""
    from dataclasses import fields

    from app.cli.accounts import LIST_FIELDS
    from app.domain.registration import KEYED_FIELDS, STORED_FIELDS, ValidRegistration
    from app.services.accounts import TRACKED_FIELDS, RegistrationView
    from app.services.accounts.importing import COLUMNS

    assert tuple(f.name for f in fields(ValidRegistration)) == STORED_FIELDS
    assert TRACKED_FIELDS == STORED_FIELDS
    assert set(STORED_FIELDS) <= set(LIST_FIELDS) and set(STORED_FIELDS) <= {f.name for f in fields(RegistrationView)}
    assert list(COLUMNS.values()) == list(KEYED_FIELDS) and set(KEYED_FIELDS) <= set(STORED_FIELDS)
    assert COLUMNS["契約者名"] == "contract_holder_name" and "状態" not in COLUMNS

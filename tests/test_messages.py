"""The message catalogue: every id has a text, and no text a person reads names a rule id or a command."""

import re

import pytest

from app import messages
from app.domain.errors import InvalidValue

RULE_ID = re.compile(r"\b(REG|FORM|COVER|DEF|BILL|RES|OP)-\d+\b")
COMMAND_WORDS = re.compile(r"(--[a-z][a-z-]+|\bkofuri\b)")


def test_every_text_renders_without_a_rule_id() -> None:
    for message_id, template in messages.CATALOGUE.items():
        assert template.strip(), message_id
        assert not RULE_ID.search(template), f"{message_id}: {template}"


def test_screen_texts_name_no_command_or_option() -> None:
    for message_id in messages.CATALOGUE:
        screen = messages.SCREEN.get(message_id, messages.CATALOGUE[message_id])
        assert not COMMAND_WORDS.search(screen), f"{message_id} (screen): {screen}"


def test_screen_variants_have_a_catalogue_entry() -> None:
    assert set(messages.SCREEN) <= set(messages.CATALOGUE)


def test_an_error_raised_by_id_carries_id_parameters_and_both_wordings() -> None:
    error = InvalidValue("registration.transition_refused", customer_number="1", before="無効", to="登録済")
    assert error.code == "registration.transition_refused"
    assert error.params == {"customer_number": "1", "before": "無効", "to": "登録済"}
    assert error.message == error.screen_message == "顧客番号 1 は「無効」のため、「登録済」にはできません"


def test_an_unknown_parameter_fails_loudly() -> None:
    with pytest.raises(KeyError):
        messages.text("registration.transition_refused", customer_number="1")

"""The message catalogue: every id has a text, and no text a person reads names a rule id or a command."""

import re

import pytest

from app import messages
from app.domain.errors import InvalidValue

RULE_ID = re.compile(r"\b(REG|FORM|COVER|DEF|BILL|RES|OP)-\d+\b")
COMMAND_WORDS = re.compile(r"(\s--[a-z][a-z-]+|^--[a-z][a-z-]+|\bkofuri [a-z])")


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


ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def _literals(folder: str) -> list[tuple[str, int, str]]:
    """Every string literal below `folder` that is not a docstring (what can reach a person)."""
    import ast

    found = []
    for path in (ROOT / folder).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    docstrings.add(id(first.value))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found.append((str(path.relative_to(ROOT)), node.lineno, node.value))
    return found


def test_no_rule_id_in_any_text_of_the_program() -> None:
    offenders = [f"{p}:{n}: {v[:60]}" for p, n, v in _literals("app") + _literals("ui") if RULE_ID.search(v)]
    assert offenders == []


def test_no_command_words_in_texts_outside_the_command_line() -> None:
    """Services, domain, renderer and screens never tell a clerk to run a command or pass an option; the
    catalogue's command-line wordings live in app/messages and are checked above for their screen variant."""
    texts = _literals("ui") + [t for t in _literals("app") if not t[0].startswith(("app/cli/", "app/messages/"))]
    offenders = [f"{p}:{n}: {v[:60]}" for p, n, v in texts if COMMAND_WORDS.search(v) and "\n" not in v[:1]]
    assert offenders == []


def test_printed_layouts_carry_no_rule_id() -> None:
    import json

    def strings(value: object, key: str = "") -> list[str]:
        if isinstance(value, dict):
            return [s for k, v in value.items() if k not in ("note", "comment") for s in strings(v, k)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v, key)]
        return [value] if isinstance(value, str) else []

    offenders = [
        f"{path.name}: {text}"
        for path in (ROOT / "forms").glob("*.json")
        for text in strings(json.loads(path.read_text(encoding="utf-8")))
        if RULE_ID.search(text)
    ]
    assert offenders == []

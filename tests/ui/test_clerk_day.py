"""Issue 13, "a clerk's day without a stumble": each defect found by keying real forms, driven on real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput
from app.services import accounts
from app.services.operators import OperatorRef
from tests.ui.conftest import answer_message_box, wait_for
from ui.accounts.new_registration import NewRegistrationPage
from ui.shared.workers import TaskRunner

ALL_CHECKED = dict.fromkeys(CHECKLIST_ITEMS, True)


def sample(**overrides: object) -> RegistrationInput:
    values: dict[str, object] = dict(contract_holder_name="山田 太郎", contract_holder_kana="ヤマダ タロウ",
                  phone="03-1234-5678", bank_code="0005", branch_code="001", deposit_type="1",
                  account_number="1234567", account_holder_kana="ヤマダ タロウ", monthly_amount="3300",
                  checklist=dict(ALL_CHECKED))  # fmt: skip
    values.update(overrides)
    return RegistrationInput(**values)  # type: ignore[arg-type]


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    task_runner = TaskRunner()
    yield task_runner  # type: ignore[misc]
    task_runner.wait()


def show(qtbot: QtBot, widget: object) -> None:
    qtbot.addWidget(widget)
    widget.show()  # type: ignore[attr-defined]
    qtbot.waitExposed(widget)
    widget.activateWindow()  # type: ignore[attr-defined]


def key_form(page: NewRegistrationPage, **overrides: object) -> None:
    """Fill the open form as the clerk would have keyed it (the customer number as the form shows it)."""
    number = page.form.text("customer_number")
    page.form.load(sample(**overrides))
    if "customer_number" not in overrides:
        page.form.edits["customer_number"].setText(number)


# --- 1. a reserved customer number goes to nobody but its blank form (REG-4) -----------------------------------
def test_open_form_does_not_give_away_a_number_reserved_meanwhile(
    qtbot: QtBot, db: Database, operator: OperatorRef
) -> None:
    page = NewRegistrationPage(db, operator)
    show(qtbot, page)
    offered = page.form.text("customer_number")
    assert offered.endswith("0001")
    reserved = accounts.reserve_customer_numbers(db, 3, operator, "白紙の依頼書")  # printed while the form is open
    assert reserved[0] == offered
    key_form(page)
    page.save(next_form=False)
    saved = accounts.find_by_customer_number(db, "03292790000000000004")
    assert saved.contract_holder_name == "山田 太郎"  # the next number after the reserved ones
    with pytest.raises(Exception):  # noqa: B017, PT011
        accounts.find_by_customer_number(db, offered)
    assert "03292790000000000004 を登録しました" in page.message.text()
    assert accounts.next_customer_number(db).endswith("0005")


def test_keying_a_reserved_number_is_the_arrival_of_its_blank_form(
    qtbot: QtBot, db: Database, operator: OperatorRef
) -> None:
    reserved = accounts.reserve_customer_numbers(db, 3, operator, "白紙の依頼書")
    page = NewRegistrationPage(db, operator)
    show(qtbot, page)
    assert page.form.text("customer_number").endswith("0004")  # the offered number skips the reserved ones
    key_form(page, customer_number=reserved[1])
    page.save(next_form=True)
    assert "予約番号" in page.message.text() and reserved[1] in page.message.text()
    saved = accounts.find_by_customer_number(db, reserved[1])
    assert "白紙の依頼書" in accounts.history(db, saved.id)[0].reason

"""The billing screen driven as a supervisor drives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import accounts, billing
from app.services.operators import OperatorRef
from tests import factories
from tests.ui.conftest import answer_message_box
from ui.billing.page import AMOUNT_COLUMN, BillingPage
from ui.main_window import MainWindow
from ui.shared.workers import TaskRunner


def complete(db: Database, operator: OperatorRef, number: int, amount: str = "3300") -> accounts.RegistrationView:
    return factories.complete(db, operator, number, monthly_amount=amount)


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    task_runner = TaskRunner()
    yield task_runner  # type: ignore[misc]
    task_runner.wait()


def test_prepare_edit_check_export_and_lock(
    qtbot: QtBot, qtmodeltester: object, db: Database, operator: OperatorRef, runner: TaskRunner, tmp_path: Path
) -> None:
    views = [complete(db, operator, i + 1) for i in range(3)]
    page = BillingPage(db, operator, runner)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.month.setDate(QDate(2027, 2, 1))
    assert page.facts["debit_date"].text().startswith("2027年3月1日（月）")
    assert "未作成" in page.facts["state"].text()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.prepare_button.click()  # in a worker, then the page reads the month again
    assert page.model.rowCount() == 3 and page.facts["lines"].text() == "3 件 / 9,900 円"
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    amount = page.model.index(0, AMOUNT_COLUMN)
    assert page.model.flags(amount) & Qt.ItemFlag.ItemIsEditable
    assert page.model.setData(amount, "4,400")
    assert not page.model.setData(amount, "-1") and "1円以上" in page.message.text()
    assert billing.list_lines(db, "2027-02")[0].amount == 4400
    # a registration that can no longer be billed shows as a problem, and the export is refused
    accounts.invalidate(db, views[2].id, views[2].version, "解約", operator)
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.refresh()
    assert page.problems.count() == 1 and views[2].customer_number in page.problems.item(0).text()
    with qtbot.waitSignal(page.registrationRequested) as jump:
        page.problems.itemActivated.emit(page.problems.item(0))
    assert jump.args == [views[2].customer_number]
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.export("xlsx", str(tmp_path / "refused.xlsx"))
    assert "1 件の問題があるため作成していません" in page.message.text() and "BILL-4" not in page.message.text()
    assert not (tmp_path / "refused.xlsx").exists()
    page.table.selectRow(2)  # the invalidated customer's line comes out of the draft
    answer_message_box("Yes")
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.remove_button.click()
    assert page.problems.count() == 0 and page.model.rowCount() == 2
    page.final.setChecked(True)
    answer_message_box("Yes")  # locking asks first
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.export("xlsx", str(tmp_path / "feb.xlsx"))
    assert page.last_result is not None
    assert "feb.xlsx: 2 件 7,700 円" in page.message.text()
    assert load_workbook(tmp_path / "feb.xlsx")["集計"]["B9"].value == 7700
    assert page.facts["state"].text() == "確定（ロック済）"
    assert not page.model.flags(page.model.index(0, AMOUNT_COLUMN)) & Qt.ItemFlag.ItemIsEditable  # BILL-6
    assert not page.prepare_button.isEnabled() and page.stop_button.isEnabled()


def test_a_problem_opens_the_registration_in_the_search(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    view = complete(db, operator, 1)
    billing.prepare_month(db, "2027-02", operator)
    accounts.invalidate(db, view.id, view.version, "解約", operator)
    window = MainWindow(db, operator)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.billing_page.refreshed, timeout=5000):
        window.billing_page.month.setDate(QDate(2027, 2, 1))
    assert window.billing_page.problems.count() == 1
    with qtbot.waitSignal(window.search_page.model.searchFinished, timeout=5000):
        window.billing_page.problems.itemActivated.emit(window.billing_page.problems.item(0))
    assert window.pages.currentWidget() is window.search_page
    assert window.search_page.model.rowCount() == 1
    window.close()


def test_two_supervisors_editing_one_amount_and_the_audit_trail(
    qtbot: QtBot, db: Database, operator: OperatorRef, supervisor: OperatorRef, runner: TaskRunner
) -> None:
    """A stale grid edit fails clearly and the grid then shows what the amount is now; every change to the month
    is in the audit log with who did it."""
    views = [complete(db, operator, i + 1) for i in range(2)]
    page = BillingPage(db, operator, runner)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.month.setDate(QDate(2027, 2, 1))
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.prepare_button.click()
    first = billing.list_lines(db, "2027-02")[0]
    billing.set_amount(db, first.id, "5,000", supervisor, expected=3300)  # another supervisor, meanwhile
    amount = page.model.index(0, AMOUNT_COLUMN)
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        assert not page.model.setData(amount, "4,400")
    assert "ほかの担当者が 5,000 円に変更しました" in page.message.text()
    assert billing.list_lines(db, "2027-02")[0].amount == 5000  # nothing overwritten
    assert page.model.lines[0].amount == 5000  # the grid shows it as it is now
    assert page.model.setData(page.model.index(0, AMOUNT_COLUMN), "4,400")  # now based on what is there
    billing.remove_customer(db, "2027-02", views[1].customer_number, operator)
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.refresh()
    shown = [page.trail.item(i).text().split(" ", 2)[2] for i in range(page.trail.count())]  # without the time
    assert shown == [
        f"システム: {views[1].customer_number} を明細から外す（3,300 円）",
        f"システム: {first.customer_number} の金額 5,000 → 4,400 円",
        f"山本 直子: {first.customer_number} の金額 3,300 → 5,000 円",
        "システム: 明細を作成（2 件追加）",
    ]
    trail = [(name, action, changes) for _at, name, action, changes in billing.audit_trail(db, "2027-02")]
    assert trail == [
        ("システム", "prepare", {"added": 2}),
        ("山本 直子", "amount", {"customer_number": first.customer_number, "amount": [3300, 5000]}),
        ("システム", "amount", {"customer_number": first.customer_number, "amount": [5000, 4400]}),
        ("システム", "remove", {"customer_number": views[1].customer_number, "amount": 3300}),
    ]


def test_the_bank_file_only_as_final_and_its_preview(
    qtbot: QtBot,
    db: Database,
    operator: OperatorRef,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services import settings

    complete(db, operator, 1)
    complete(db, operator, 2, "1200")
    billing.prepare_month(db, "2027-02", operator)
    page = BillingPage(db, operator, runner)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.month.setDate(QDate(2027, 2, 1))
    # before the lock: no bank-format file, the screen says how to see what it will hold
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.export("zengin", str(tmp_path / "draft.txt"))
    assert "確定として書き出す" in page.message.text() and "--final" not in page.message.text()
    assert not (tmp_path / "draft.txt").exists()
    # the preview: counts, totals, and every header setting still missing
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.last_preview is not None, timeout=10_000)
    text = page.message.text()
    assert "明細: 2 件　合計 4,500 円" in text and "委託者コード（10桁・請求データ用）が未設定です" in text
    assert "新規コード別: 1: 2 件" in text and "BILL" not in text
    # a final file with the header empty is refused, naming the settings (the lock's question answered Yes)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    page.final.setChecked(True)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.export("zengin", str(tmp_path / "final.txt"))
    assert "取引口座の口座番号が未設定です" in page.message.text() and not (tmp_path / "final.txt").exists()
    assert billing.get_month(db, "2027-02").state == "draft"
    settings.update_settings(db, {"zengin_consignor_code": "0000329273", "consignor_name_kana": "サンプル",
                                  "merchant_bank_code": "0001", "merchant_branch_code": "001",
                                  "merchant_deposit_type": "1", "merchant_account_number": "1234567"},
                             operator)  # fmt: skip
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.export("zengin", str(tmp_path / "final.txt"))
    assert (tmp_path / "final.txt").read_bytes()[:3] == b"191"
    assert billing.get_month(db, "2027-02").state == "final"

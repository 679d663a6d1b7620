"""The 振替結果 screen and the ledger view, driven as a clerk drives them (real widgets, real files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import results
from app.services.operators import OperatorRef
from tests.conftest import result_bytes
from tests.ui.conftest import answer_message_box, wait_for
from ui.main_window import MainWindow
from ui.results.ledger_view import LedgerDialog


def _window(qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path) -> MainWindow:
    window = MainWindow(db, operator, attachments=tmp_path / "attachments")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_dry_run_then_the_import_fills_summary_lines_and_work_list(
    qtbot: QtBot, db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    window = _window(qtbot, db, operator, tmp_path)
    go = {a.text(): a for a in window.menuBar().actions()[1].menu().actions()}  # type: ignore[union-attr]
    assert go["振替結果"].shortcut().toString() == "Ctrl+T"
    go["振替結果"].trigger()
    page = window.results_page
    assert window.pages.currentWidget() is page
    page.reload_months()
    assert page.month.currentText() == "2027-01" and "結果待ち" in page.totals.text()
    path = tmp_path / "result.txt"
    path.write_bytes(result_bytes(request.read_bytes(), dict(zip(numbers, ["0", "1", "2", "3", "N"], strict=True))))
    page.import_file(path)
    wait_for(qtbot, lambda: page.confirm_button.isVisible())
    assert page.preview.text().startswith("取り込むと: 2027-01") and "登録の確認 2 件" in page.preview.text()
    assert results.list_followups(db) == []  # the dry run wrote nothing
    page.confirm_button.click()
    wait_for(qtbot, lambda: page.preview.text().startswith("取り込みました"))
    assert "結果取込済" in page.totals.text() and "振替不能 4 件 14,180 円" in page.totals.text()
    assert [r[:3] for r in page.code_model.rows][-1] == ("N", "不明なコード N", "1")
    assert len(page.chart.series()) == 1 and page.months_model.rows[0][0] == "2027-01"
    page.code_filter.setCurrentIndex(page.code_filter.findData("failed"))
    assert [r[5] for r in page.lines_model.rows] == ["1", "2", "3", "N"]
    assert page.followups_model.rowCount() == 4
    # the work list by urgency: the paper-form deadlines (2, 3) come before the billing deadline (1, N)
    assert [r[5].split()[0] for r in page.followups_model.rows][:2] == ["2", "3"]
    page.tabs.setCurrentIndex(2)
    page.followups_view.selectRow(0)
    page.apply_update(page.followups_model.keys[0], "contacted", "電話で新しい依頼書を依頼")
    page.followups_view.selectRow(0)
    assert "電話で新しい依頼書を依頼" in page.contacts.toPlainText()
    # from a follow-up item to the ledger with one key
    opened: list[str] = []
    page.ledgerRequested.connect(opened.append)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.followups_view.setFocus()
    qtbot.keyClick(page.followups_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert opened == [results.load_view(db, page.followups_model.keys[0]).customer_number]
    # the same file again: nothing changes, and it says so
    page.import_file(path)
    wait_for(qtbot, lambda: "取り込み済み" in page.preview.text())
    assert not page.confirm_button.isVisible()
    window.close()


def test_a_refused_file_says_why_and_changes_nothing(
    qtbot: QtBot, db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    _numbers, request = billed_month(db, operator)
    window = _window(qtbot, db, operator, tmp_path)
    page = window.results_page
    page.reload_months()
    path = tmp_path / "broken.txt"
    path.write_bytes(result_bytes(request.read_bytes(), ["0"], break_trailer=True))
    seen: list[str] = []
    answer_message_box("OK", seen)
    page.import_file(path)
    wait_for(qtbot, lambda: bool(seen))
    assert "トレーラの振替済金額 17,481 円がデータの合計 17,480 円と一致しません" in seen[0]
    assert "何も変更していません" in page.preview.text() and "Traceback" not in seen[0]
    window.close()


def test_the_ledger_from_the_search_results_and_printed(
    qtbot: QtBot, db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    path = tmp_path / "result.txt"
    path.write_bytes(result_bytes(request.read_bytes(), {numbers[1]: "1"}))
    results.import_results(db, path, operator)
    window = _window(qtbot, db, operator, tmp_path)
    assert "台帳(&L)" in [a.text() for a in window.search_page.menu_actions]
    opened: list[LedgerDialog] = []
    window.search_page.ledgerRequested.connect(lambda number: opened.append(window.show_ledger(number)))
    window.search_page.ledgerRequested.emit(numbers[1])
    (dialog,) = opened
    text = dialog.browser.toPlainText()
    assert "台帳 " + numbers[1] in text and "資金不足" in text and "未収金" in text and "4,980 円" in text
    pdf = tmp_path / "ledger.pdf"
    dialog.save_pdf(pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 1000
    dialog.close()
    window.close()

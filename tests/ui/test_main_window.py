import logging
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from app.db.database import Database
from app.domain.errors import DomainError
from app.services import accounts
from app.services.operators import OperatorRef
from tests.ui.conftest import answer_message_box
from tests.ui.test_accounts_ui import sample
from ui.accounts.dialogs import ChangeDialog, InvalidateDialog
from ui.forms.dialog import BlankFormsOptions, RequestFormOptions
from ui.main_window import MainWindow
from ui.paper.return_dialog import ReturnDialog
from ui.shared import error_hook
from ui.shared.fonts import register_fonts


def test_bundled_japanese_fonts_are_registered_with_qt(qtbot: QtBot) -> None:
    families = register_fonts()
    assert set(families.values()) >= {"IPAexGothic", "IPAexMincho"}
    assert "IPAexGothic" in QFontDatabase.families()


def test_main_window_shows_database_operator_and_areas(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    window = MainWindow(db, operator)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "口振デスク"
    assert db.location in window.db_label.text()
    assert "システム" in window.operator_label.text()
    areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert areas[:3] == ["新規口座登録", "口座検索", "登録履歴"] and areas[-3:] == ["加盟店設定", "担当者", "監査ログ"]
    assert window.pages.currentWidget() is window.new_page
    # every area is reachable from the keyboard: the Go menu lists each with its shortcut
    go_menu = window.menuBar().actions()[1].menu()
    assert go_menu is not None
    shortcuts = {a.text(): a.shortcut().toString() for a in go_menu.actions()}
    assert shortcuts["口座検索"] == "Ctrl+F" and shortcuts["新規口座登録"] == "Ctrl+N"
    go_menu.actions()[1].trigger()
    assert window.pages.currentWidget() is window.search_page
    assert "zengin-code 1.1.0." in window.about_text()
    window.close()


def mnemonic_letters(widget: QWidget) -> tuple[list[str], list[str]]:
    """The Alt letters a screen offers, and the labels that show a mnemonic but lead nowhere (no buddy: Qt then
    prints the "&" as is and Alt+letter does nothing)."""
    texts = [w.text() for w in widget.findChildren(QAbstractButton)]
    dead = []
    for label in widget.findChildren(QLabel):
        texts.append(label.text())
        if re.search(r"&\w", label.text()) and label.buddy() is None:
            dead.append(label.text())
    for bar in widget.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    return [m.upper() for text in texts for m in re.findall(r"&(\w)", text)], dead


def test_no_two_mnemonics_clash_on_a_screen(qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    """Alt+letter reaches one thing: the menus' letters are not reused on a page, a page or dialog has no
    duplicates, and every label that shows a letter moves the focus to its field."""
    window = MainWindow(db, operator, attachments=tmp_path)
    qtbot.addWidget(window)
    menu_letters = {re.search(r"&(\w)", a.text()).group(1).upper() for a in window.menuBar().actions()}  # type: ignore[union-attr]
    for index in range(window.pages.count()):
        letters, dead = mnemonic_letters(window.pages.widget(index))
        where = window.navigation.item(index).text()
        assert not set(letters) & menu_letters, (where, set(letters) & menu_letters)
        duplicates = {x for x in letters if letters.count(x) > 1}
        assert not duplicates, (where, duplicates)
        assert not dead, (where, dead)
    view = accounts.register(db, sample(), operator)
    dialogs: list[QWidget] = [
        ChangeDialog(db, operator, view, window),
        InvalidateDialog(db, operator, view, window),
        ReturnDialog(db, operator, tmp_path, window),
        RequestFormOptions(1, None, window),
        BlankFormsOptions(None, window),
    ]
    for dialog in dialogs:
        letters, dead = mnemonic_letters(dialog)
        duplicates = {x for x in letters if letters.count(x) > 1}
        assert not duplicates and not dead, (type(dialog).__name__, duplicates, dead)
    window.close()


def test_an_error_no_screen_caught_is_shown_in_plain_words_and_logged(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing crashes with a traceback in front of a clerk: the hook shows words, the log keeps the traceback."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_file = tmp_path / "kofuri.log"
    hook = error_hook.install(log_file)
    assert sys.excepthook is hook

    def raised(error: Exception) -> list[str]:
        try:
            raise error
        except Exception as caught:
            seen: list[str] = []
            answer_message_box("OK", seen)
            hook(type(caught), caught, caught.__traceback__)
            return seen

    with caplog.at_level(logging.ERROR):
        [text] = raised(ZeroDivisionError("division by zero"))
    assert "予期しない問題が発生したため、この操作を中止しました" in text
    assert str(log_file) in text and "Traceback" not in text and "ZeroDivisionError" not in text
    [record] = caplog.records
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError

    caplog.clear()
    [text] = raised(OperationalError("INSERT …", {}, Exception("database is locked")))
    assert "データベースに書き込めませんでした" in text and "保存されていません" in text

    caplog.clear()
    [text] = raised(DomainError("この月は確定済みです"))
    assert text == "この月は確定済みです"
    assert caplog.records == []  # a refusal is not a fault: nothing to log


def test_closing_while_a_field_has_the_focus_raises_nothing(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    """Tearing the window down moves the focus out of the field being keyed (editingFinished): the form must
    not check itself with half of its labels gone (an error there would reach the clerk at every close)."""
    import shiboken6

    window = MainWindow(db, operator)
    window.show()
    qtbot.waitExposed(window)
    field = window.new_page.form.edits["contract_holder_kana"]
    field.setFocus()
    field.setText("やまだ")
    answer_message_box("Yes")  # closing with a half-typed form asks first
    window.close()
    shiboken6.delete(window)  # pytest-qt fails the test on any exception raised in a slot meanwhile
    # the same moment for the registration form alone: its labels are already gone when the field reports
    # that editing finished
    from ui.accounts.new_registration import NewRegistrationPage

    page = NewRegistrationPage(db, operator)
    edit = page.form.edits["contract_holder_kana"]
    edit.setText("やまだ")
    shiboken6.delete(page.form.hint_labels["contract_holder_kana"])
    edit.editingFinished.emit()
    shiboken6.delete(page)


def test_operations_menu_shows_the_shortcuts_and_the_keys_work_on_the_search_screen(
    qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    """F2 / Del / Ctrl+H / Ctrl+P are listed in the 操作 menu, work from the keyboard on the search screen, and
    Escape closes the dialog they open without changing anything."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from app.services import settings
    from tests.ui.test_accounts_ui import search_and_wait
    from ui.accounts.dialogs import ChangeDialog, InvalidateDialog

    settings.update_settings(db, {"consignor_category": "12", "consignor_name": "株式会社サンプル商事"}, operator)
    view = accounts.register(db, sample(), operator)
    window = MainWindow(db, operator, attachments=tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    menu = window.operations_menu
    assert {a.text(): a.shortcut().toString() for a in menu.actions()} == {
        "変更(&E)…": "F2",
        "削除（無効化）(&D)…": "Del",
        "履歴(&I)": "Ctrl+H",
        "台帳(&L)": "Ctrl+L",
        "依頼書を印刷(&P)…": "Ctrl+P",
        "口座番号を表示(&R)": "F9",
    }
    assert not menu.menuAction().isEnabled()  # nothing selected on another screen
    window.go_to(window.search_page)
    assert menu.menuAction().isEnabled()
    page = window.search_page
    search_and_wait(qtbot, page)

    def selected() -> bool:  # the row is read in the background; a search still running may reset the list
        if not page.selected_ids():
            page.table.selectRow(0)
        return page.change_action.isEnabled()

    qtbot.waitUntil(selected)

    def refocus() -> None:
        """Offscreen, the window is not re-activated by itself after a dialog closes (a desktop does it)."""
        window.activateWindow()
        page.table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=2000)

    def escape_next(seen: list[str]) -> None:
        def close() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, close)
                return
            seen.append(type(dialog).__name__)
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

        QTimer.singleShot(20, close)

    none, ctrl = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier
    for key, modifier, dialog_type in (
        (Qt.Key.Key_F2, none, ChangeDialog),
        (Qt.Key.Key_Delete, none, InvalidateDialog),
        (Qt.Key.Key_P, ctrl, RequestFormOptions),
    ):
        seen: list[str] = []
        escape_next(seen)
        refocus()
        qtbot.keyClick(page.table, key, modifier)
        assert seen == [dialog_type.__name__]
    assert accounts.get_registration(db, view.id).version == view.version  # Escape changed nothing
    refocus()
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.history_page
    assert window.history_page.customer_number.text() == view.customer_number
    assert not menu.menuAction().isEnabled()
    window.close()


def test_a_change_on_one_screen_refreshes_the_others_through_the_one_signal(
    qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    """A registration invalidated in the search screen shows at once in the billing month's problems."""
    from tests import factories
    from ui.shared.data_events import Area, announce

    view = factories.complete(db, operator)
    window = MainWindow(db, operator, attachments=tmp_path)
    qtbot.addWidget(window)
    page = window.billing_page
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.prepare()
    assert page.problems.count() == 0
    accounts.invalidate(db, view.id, view.version, "解約", operator)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        announce(Area.ACCOUNTS, [view.id])
    assert page.problems.count() == 1 and view.customer_number in page.problems.item(0).text()
    window.runner.wait()  # no background read still holds a connection when the window and database go
    window.close()
    window.runner.wait()

from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.operators import OperatorRef
from ui.fonts import register_fonts
from ui.main_window import MainWindow


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
    assert areas[:3] == ["新規口座登録", "口座検索", "登録履歴"] and areas[-1] == "加盟店設定"
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


def test_no_two_mnemonics_clash_on_a_screen(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    """Alt+letter reaches one thing: the menus' letters are not reused on a page, and a page has no duplicates."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    window = MainWindow(db, operator)
    qtbot.addWidget(window)
    menu_letters = {re.search(r"&(\w)", a.text()).group(1).upper() for a in window.menuBar().actions()}  # type: ignore[union-attr]
    for index in range(window.pages.count()):
        page = window.pages.widget(index)
        texts = [w.text() for w in page.findChildren(QAbstractButton)] + [w.text() for w in page.findChildren(QLabel)]
        for bar in page.findChildren(QTabBar):
            texts += [bar.tabText(i) for i in range(bar.count())]
        letters = [m.upper() for text in texts for m in re.findall(r"&(\w)", text)]
        assert not set(letters) & menu_letters, (window.navigation.item(index).text(), set(letters) & menu_letters)
        duplicates = {x for x in letters if letters.count(x) > 1}
        assert not duplicates, (window.navigation.item(index).text(), duplicates)
    window.close()

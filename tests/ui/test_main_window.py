from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.registration import RegistrationInput
from app.services import accounts
from app.services.operators import OperatorRef
from ui.fonts import register_fonts
from ui.main_window import MainWindow


def test_bundled_japanese_fonts_are_registered_with_qt(qtbot: QtBot) -> None:
    families = register_fonts()
    assert set(families.values()) >= {"IPAexGothic", "IPAexMincho"}
    assert "IPAexGothic" in QFontDatabase.families()


def test_main_window_shows_database_operator_and_counts(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    accounts.register(
        db,
        RegistrationInput(
            contract_holder_name="山田 太郎",
            contract_holder_kana="ヤマダ タロウ",
            bank_code="0005",
            branch_code="001",
            deposit_type="1",
            account_number="1",
            account_holder_kana="ヤマダ タロウ",
        ),
        operator,
    )
    window = MainWindow(db, operator)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "口振デスク"
    assert db.location in window.db_label.text()
    assert "システム" in window.operator_label.text()
    table = window.findChild(QTableWidget)
    assert table is not None
    cells = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert cells["入力済（未発送）"] == "1" and cells["合計"] == "1"
    window.navigation.setCurrentRow(4)
    page = window.pages.currentWidget()
    label = page.findChild(QLabel, "setting_consignor_code")
    assert label is not None and label.text() == "329273"
    assert "zengin-code 1.1.0." in window.about_text()

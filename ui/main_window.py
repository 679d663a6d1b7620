"""The main window: navigation between the work areas, a status bar with the database and the operator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.db.database import Database
from app.domain import bank_codes
from app.domain.account_fields import STATUS_LABELS
from app.services import accounts, settings
from app.services.operators import OperatorRef


class AccountsOverview(QWidget):
    """Accounts area: how many registrations stand in each status (search and forms arrive with issue 3)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("口座振替登録の状況"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("状態"), self.tr("件数")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        counts = accounts.count_by_status(self._db)
        rows = [(label, counts.get(status.value, 0)) for status, label in STATUS_LABELS.items()]
        rows.append((self.tr("合計"), sum(counts.values())))
        self.table.setRowCount(len(rows))
        for index, (label, count) in enumerate(rows):
            self.table.setItem(index, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(f"{count:,}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(index, 1, item)
        self.table.resizeColumnToContents(0)


class SettingsPage(QWidget):
    """The merchant settings as stored (editing arrives with the settings screen)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        view = settings.get_settings(db)
        for key, (label, _) in settings.SETTING_KEYS.items():
            value = QLabel(str(getattr(view, key)) or self.tr("（未設定）"))
            value.setObjectName(f"setting_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addRow(label, value)


class PlannedPage(QWidget):
    """An area whose screens are not built yet: says so plainly."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)


class MainWindow(QMainWindow):
    def __init__(self, db: Database, operator: OperatorRef) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("口振デスク"))
        self.resize(1200, 760)
        central = QWidget(self)
        row = QHBoxLayout(central)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.pages = QStackedWidget(central)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        planned = self.tr("この画面は次の開発で追加されます。")
        self._add_page(self.tr("口座振替登録"), AccountsOverview(db))
        self._add_page(self.tr("発送・不備返却"), PlannedPage(planned))
        self._add_page(self.tr("請求"), PlannedPage(planned))
        self._add_page(self.tr("振替結果"), PlannedPage(planned))
        self._add_page(self.tr("加盟店設定"), SettingsPage(db))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        self._build_menus()
        self.db_label = QLabel(self.tr("データベース: {0}").format(db.location))
        self.operator_label = QLabel(self.tr("担当者: {0}（{1}）").format(operator.name, operator.login_id))
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.operator_label)

    def _add_page(self, title: str, page: QWidget) -> None:
        self.navigation.addItem(title)
        self.pages.addWidget(page)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("ファイル(&F)"))
        quit_action = QAction(self.tr("終了(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("移動(&G)"))
        for index in range(self.navigation.count()):
            action = QAction(self.navigation.item(index).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.navigation.setCurrentRow(i))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("ヘルプ(&H)"))
        about = QAction(self.tr("バージョン情報(&A)"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def about_text(self) -> str:
        return self.tr("口振デスク {0}\n銀行・支店コードのデータ: zengin-code {1}").format(
            __version__, bank_codes.data_version()
        )

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("バージョン情報"), self.about_text())

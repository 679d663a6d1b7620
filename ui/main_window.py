"""The main window: navigation between the work areas, menus with shortcuts, a status bar with the database
and the operator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain import bank_codes
from app.paths import AppPaths
from app.services.operators import Action, OperatorRef, Role, allowed
from ui.about import AboutDialog
from ui.accounts.history_page import HistoryPage
from ui.accounts.new_registration import NewRegistrationPage
from ui.accounts.search_page import SearchPage
from ui.billing.page import BillingPage
from ui.forms.dialog import make_blank_forms
from ui.i18n import add_language_menu
from ui.notices.page import NoticesPage
from ui.operators.idle_lock import IdleGuard
from ui.operators.pages import AuditPage, OperatorsPage
from ui.paper.page import PaperPage
from ui.results.ledger_view import LedgerDialog
from ui.results.page import ResultsPage
from ui.settings.page import SettingsPage
from ui.shared.widgets import fit_to_screen
from ui.shared.workers import TaskRunner

STYLE = """
QLabel#pageTitle { font-size: 15pt; font-weight: bold; padding: 4px 0 8px 0; }
QListWidget#navigation { font-size: 11pt; }
QListWidget#navigation::item { padding: 7px 6px; }
QListWidget#navigation::item:selected { background: #1f5fa8; color: white; }
QWidget#noticeBanner { background: #fff3cd; border: 1px solid #e0a800; }
"""
BANNER_REFRESH_MS = 5 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        operator: OperatorRef,
        *,
        user_forms: Path | None = None,
        attachments: Path | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self._db = db
        self._operator = operator
        self._user_forms = user_forms
        self._data_dir = data_dir  # where the display-language preference is kept (None: the default data folder)
        self.runner = TaskRunner(self)
        self._focused_once = False
        self.setWindowTitle(self.tr("口振デスク"))
        self.setStyleSheet(STYLE)
        fit_to_screen(self, 1280, 860)  # no larger than the screen (a 1024×768 screen shows it whole)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        # OP-5: reminders that were due today and have not gone out are said at the top of every screen
        self.banner = QWidget(central)
        self.banner.setObjectName("noticeBanner")
        banner_row = QHBoxLayout(self.banner)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("bannerText")
        banner_row.addWidget(self.banner_label, 1)
        self.banner_button = QPushButton(self.tr("お知らせを開く"))
        banner_row.addWidget(self.banner_button)
        self.banner.hide()
        column.addWidget(self.banner)
        row = QHBoxLayout()
        column.addLayout(row, 1)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.pages = QStackedWidget(central)
        row.addWidget(self.navigation)
        # the pages scroll inside the window rather than forcing it wider or taller than the screen (1024×768)
        self.page_scroll = QScrollArea(central)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setWidget(self.pages)
        row.addWidget(self.page_scroll, 1)
        self.setCentralWidget(central)

        self.new_page = NewRegistrationPage(db, operator)
        self.search_page = SearchPage(db, operator, self.runner, user_forms=user_forms)
        self.history_page = HistoryPage(db)
        self.settings_page = SettingsPage(db, operator)
        self.billing_page = BillingPage(db, operator, self.runner)
        paths = AppPaths.resolve()
        self.paper_page = PaperPage(db, operator, attachments or paths.ensure(paths.attachments_dir), self.runner)
        self.results_page = ResultsPage(db, operator, self.runner)
        self.notices_page = NoticesPage(db, operator, self.runner, user_forms=user_forms)
        areas: list[tuple[str, QWidget, str, bool]] = [
            (self.tr("新規口座登録"), self.new_page, "Ctrl+N", allowed(operator, Action.REGISTER)),
            (self.tr("口座検索"), self.search_page, "Ctrl+F", True),
            (self.tr("登録履歴"), self.history_page, "Ctrl+Shift+H", True),
            (self.tr("発送・不備返却"), self.paper_page, "Ctrl+R", True),  # an auditor reads it
            (self.tr("請求"), self.billing_page, "Ctrl+B", operator.role != Role.CLERK),
            # clerks work the follow-ups and send the notices; auditors read them [OP-3]
            (self.tr("振替結果"), self.results_page, "Ctrl+T", True),
            (self.tr("お知らせ"), self.notices_page, "Ctrl+M", True),
            (self.tr("加盟店設定"), self.settings_page, "Ctrl+,", allowed(operator, Action.SETTINGS)),
        ]
        if allowed(operator, Action.OPERATORS):
            self.operators_page: OperatorsPage | None = OperatorsPage(db, operator)
            areas.append((self.tr("担当者"), self.operators_page, "Ctrl+Shift+O", True))
        else:
            self.operators_page = None
        if allowed(operator, Action.AUDIT):
            self.audit_page: AuditPage | None = AuditPage(db, operator)
            areas.append((self.tr("監査ログ"), self.audit_page, "Ctrl+Shift+A", True))
        else:
            self.audit_page = None
        # OP-3: a screen the role cannot use is not offered (its services refuse it as well)
        self._areas = [(title, page, key) for title, page, key, shown in areas if shown]
        for title, page, _ in self._areas:
            self.navigation.addItem(title)
            self.pages.addWidget(page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.pages.currentChanged.connect(self._size_to_current)
        self.navigation.setCurrentRow(0)
        self._size_to_current(0)
        self.search_page.historyRequested.connect(self.show_history)
        self.search_page.ledgerRequested.connect(self.show_ledger)
        self.results_page.ledgerRequested.connect(self.show_ledger)
        self.billing_page.registrationRequested.connect(self.show_registration)

        self._build_menus()
        self.db_label = QLabel(self.tr("データベース: {0}").format(db.location))
        self.operator_label = QLabel(
            self.tr("担当者: {0}（{1}・{2}）").format(operator.name, operator.login_id, operator.role.label)
        )
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.operator_label)
        self.idle_guard = IdleGuard(self, db, operator)
        self.banner_button.clicked.connect(lambda: self.go_to(self.notices_page))
        self.notices_page.changed.connect(self.refresh_banner)
        self._banner_timer = QTimer(self)
        self._banner_timer.timeout.connect(self.refresh_banner)
        self._banner_timer.start(BANNER_REFRESH_MS)
        self.refresh_banner()
        # The bank-code data loads in the background, so the first bank typed does not wait for it.
        self.runner.start(lambda _ctx: bank_codes.search_banks("0", limit=1))

    def _size_to_current(self, index: int) -> None:
        """The stack is as large as the page shown, not as the largest page (each page scrolls on its own)."""
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page = self.pages.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.updateGeometry()

    def refresh_banner(self) -> None:
        """Count today's unsent reminders in the background; show or hide the banner."""
        from app.services import notices

        def show(count: int) -> None:
            self.banner_label.setText(
                self.tr("今日が予定日の振替案内のうち {0} 件がまだ送られていません").format(count)
            )
            self.banner.setVisible(count > 0)

        self.runner.start(lambda _ctx: notices.unsent_reminders_due(self._db), on_success=show)

    def go_to(self, page: QWidget) -> None:
        self.navigation.setCurrentRow(self.pages.indexOf(page))

    def show_registration(self, customer_number: str) -> None:
        """From a billing problem to the registration behind it."""
        self.go_to(self.search_page)
        self.search_page.show_customer(customer_number)

    def show_ledger(self, customer_number: str) -> LedgerDialog:
        """One customer's ledger (from the search results or a follow-up item)."""
        dialog = LedgerDialog(self._db, customer_number, self)
        dialog.open()
        return dialog

    def show_history(self, customer_number: str) -> None:
        self.go_to(self.history_page)
        self.history_page.show_customer(customer_number)

    def _export_results(self) -> None:
        self.go_to(self.search_page)
        self.search_page.export_results()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("ファイル(&F)"))
        export = QAction(self.tr("検索結果を書き出す(&X)…"), self)
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.triggered.connect(self._export_results)
        file_menu.addAction(export)
        blank = QAction(self.tr("番号入り白紙の依頼書(&B)…"), self)
        blank.triggered.connect(lambda: make_blank_forms(self, self.runner, self._db, self._operator, self._user_forms))
        file_menu.addAction(blank)
        # OP-3: the File menu offers no more than the role may do
        export.setVisible(allowed(self._operator, Action.EXPORT_PERSONAL))
        blank.setVisible(allowed(self._operator, Action.REGISTER) and allowed(self._operator, Action.PRINT_FORMS))
        file_menu.addSeparator()
        quit_action = QAction(self.tr("終了(&Q)"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("移動(&G)"))
        for index, (title, page, shortcut) in enumerate(self._areas):
            action = QAction(title, self)
            numbered = f"Alt+{index + 1}" if index < 9 else ""  # Alt+1 … Alt+9 for the first nine areas
            action.setShortcuts([QKeySequence(s) for s in (shortcut, numbered) if s])
            action.triggered.connect(lambda _checked=False, p=page: self.go_to(p))
            go_menu.addAction(action)
        # What can be done to the registration selected in 口座検索, with its shortcut (active on that screen).
        self.operations_menu = self.menuBar().addMenu(self.tr("操作(&O)"))
        self.operations_menu.addActions(self.search_page.menu_actions)
        self.pages.currentChanged.connect(
            lambda _i: self.operations_menu.menuAction().setEnabled(self.pages.currentWidget() is self.search_page)
        )
        self.operations_menu.menuAction().setEnabled(False)
        add_language_menu(self, self._data_dir or AppPaths.resolve().data_dir)
        help_menu = self.menuBar().addMenu(self.tr("ヘルプ(&H)"))
        about = QAction(self.tr("バージョン情報(&A)"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def about_text(self) -> str:
        return AboutDialog(self._db, self).text()

    def show_about(self) -> None:
        AboutDialog(self._db, self).exec()

    def showEvent(self, event: object) -> None:
        """The window takes the keyboard when it opens (under a window manager it would wait for a click)."""
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._focused_once:
            self._focused_once = True
            QTimer.singleShot(0, self._take_focus)

    def _take_focus(self) -> None:
        self.raise_()
        self.activateWindow()
        page = self.pages.currentWidget()
        if page is self.new_page:
            self.new_page.form.focus_first()

    def confirm_discard(self) -> bool:
        """A half-keyed paper form is not lost without asking (Ctrl+Q, the window's close button)."""
        if not self.new_page.has_unsaved_input():
            return True
        self.go_to(self.new_page)
        answer = QMessageBox.question(
            self,
            self.tr("入力中の依頼書"),
            self.tr("新規口座登録に保存していない入力があります。保存せずに終了しますか？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.idle_guard.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle_guard)
        self.runner.wait(5_000)
        super().closeEvent(event)

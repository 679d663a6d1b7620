"""口座検索 and 口座検索結果一覧: every criterion, Enter searches; a lazy results table and the detail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.account_fields import STATUS_LABELS, RegistrationStatus
from app.domain.errors import DomainError
from app.domain.registration import CHECKLIST_ITEMS
from app.services import accounts
from app.services.accounts import RegistrationView, SearchCriteria
from app.services.accounts.exporting import export_registrations
from app.services.operators import Action, OperatorRef, allowed
from app.services.operators.output_audit import mask, reveal_account_number
from app.services.paper.returns import STATUSES, returns_of
from app.services.paper.shipments import status_report
from ui.accounts.dialogs import ChangeDialog, InvalidateDialog
from ui.accounts.results_model import COLUMNS, AccountResultsModel, cell_text
from ui.forms.dialog import make_request_forms
from ui.operators.visibility import show_for_role
from ui.shared.data_events import Area, announce
from ui.shared.error_hook import error_text
from ui.shared.labels import QT_TRANSLATE_NOOP, tr_label
from ui.shared.widgets import DateRange
from ui.shared.workers import TaskContext, TaskRunner, run_with_progress

ACTIVE = "__active__"
EVERYTHING = "__all__"


class DetailPanel(QGroupBox):
    """One registration in full; the account number masked until revealed (one key, audited)."""

    FIELDS = (
        ("customer_number", QT_TRANSLATE_NOOP("Labels", "顧客番号")),
        ("status_label", QT_TRANSLATE_NOOP("Labels", "状態")),
        ("contract_holder_name", QT_TRANSLATE_NOOP("Labels", "契約者名")),
        ("contract_holder_kana", QT_TRANSLATE_NOOP("Labels", "フリガナ")),
        ("postal_code", QT_TRANSLATE_NOOP("Labels", "郵便番号")),
        ("address", QT_TRANSLATE_NOOP("Labels", "住所")),
        ("phone", QT_TRANSLATE_NOOP("Labels", "電話番号")),
        ("bank", QT_TRANSLATE_NOOP("Labels", "金融機関")),
        ("branch", QT_TRANSLATE_NOOP("Labels", "支店")),
        ("deposit_type_label", QT_TRANSLATE_NOOP("Labels", "預金種目")),
        ("account_number", QT_TRANSLATE_NOOP("Labels", "口座番号")),
        ("passbook", QT_TRANSLATE_NOOP("Labels", "通帳記号・番号")),
        ("account_holder_kana", QT_TRANSLATE_NOOP("Labels", "口座名義カナ")),
        ("account_holder_kana_bank", QT_TRANSLATE_NOOP("Labels", "銀行データの名義")),
        ("method", QT_TRANSLATE_NOOP("Labels", "登録方法")),
        ("monthly_amount", QT_TRANSLATE_NOOP("Labels", "月額")),
        ("registration_date", QT_TRANSLATE_NOOP("Labels", "登録日")),
        ("checklist", QT_TRANSLATE_NOOP("Labels", "依頼書の確認")),
        ("version", QT_TRANSLATE_NOOP("Labels", "版")),
        ("lifecycle", QT_TRANSLATE_NOOP("Labels", "いまの段階")),
        ("next_action", QT_TRANSLATE_NOOP("Labels", "次にすること")),
        ("returns", QT_TRANSLATE_NOOP("Labels", "不備返却の履歴")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("詳細"), parent)
        layout = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for key, label in self.FIELDS:
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            layout.addRow(tr_label(label), value)
            self.values[key] = value

    def show_view(self, view: RegistrationView | None) -> None:
        for key, label in self.values.items():
            label.setText("" if view is None else self._text(view, key))

    def reveal(self, view: RegistrationView, account_number: str) -> None:
        """The full number of the shown registration (after the service has checked and audited it)."""
        if view.jp_symbol:
            self.values["passbook"].setText(f"{view.jp_symbol} - {account_number or view.jp_number}")
        else:
            self.values["account_number"].setText(account_number)

    @staticmethod
    def _text(view: RegistrationView, key: str) -> str:
        if key in ("lifecycle", "next_action", "returns"):
            return ""  # filled by the page from the services (show_lifecycle)
        if key in ("bank", "branch"):
            return cell_text(view, f"{key}_label")
        if key == "account_number":
            return view.masked_account_number if view.account_number else "—"
        if key == "passbook":
            return f"{view.jp_symbol} - {mask(view.jp_number or '')}" if view.jp_symbol else "—"
        if key == "method":
            return "紙" if view.method == "paper" else "WEB"
        if key == "monthly_amount":
            return (
                QCoreApplication.translate("Labels", "未設定")
                if view.monthly_amount is None
                else QCoreApplication.translate("Labels", "{0}円").format(f"{view.monthly_amount:,}")
            )
        if key == "checklist":
            done = [label for item, label in CHECKLIST_ITEMS.items() if view.checklist.get(item)]
            return QCoreApplication.translate("Labels", "{0}/{1} 確認済").format(len(done), len(CHECKLIST_ITEMS))
        return str(getattr(view, key))


class SearchPage(QWidget):
    historyRequested = Signal(str)  # customer number
    detailShown = Signal()  # the selected registration's lifecycle and returns are on screen
    ledgerRequested = Signal(str)  # customer number: the ledger view (振替結果)

    def __init__(
        self,
        db: Database,
        operator: OperatorRef,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        user_forms: Path | None = None,
    ):
        super().__init__(parent)
        self._user_forms = user_forms
        self.last_preview: QWidget | None = None
        self._db = db
        self._operator = operator
        self._runner = runner
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("口座検索"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        criteria = QGroupBox(self.tr("検索条件（Enter で検索）"))
        grid = QGridLayout(criteria)
        self.inputs: dict[str, QLineEdit] = {}
        specs = [
            (
                "customer_number",
                QT_TRANSLATE_NOOP("Labels", "顧客番号(&N)"),
                QT_TRANSLATE_NOOP("Labels", "全桁、先頭の桁、または下の桁（例: 123）"),
            ),
            (
                "name",
                QT_TRANSLATE_NOOP("Labels", "名前(&M)"),
                QT_TRANSLATE_NOOP("Labels", "漢字・カナ・ひらがなの一部"),
            ),
            (
                "phone",
                QT_TRANSLATE_NOOP("Labels", "電話番号(&T)"),
                QT_TRANSLATE_NOOP("Labels", "全部、または先頭・末尾の桁"),
            ),
            ("bank_code", QT_TRANSLATE_NOOP("Labels", "銀行コード"), QT_TRANSLATE_NOOP("Labels", "4桁")),
            ("branch_code", QT_TRANSLATE_NOOP("Labels", "支店コード"), QT_TRANSLATE_NOOP("Labels", "3桁")),
            ("account_number", QT_TRANSLATE_NOOP("Labels", "口座番号"), QT_TRANSLATE_NOOP("Labels", "7桁以内")),
        ]
        for i, (key, label, hint) in enumerate(specs):
            edit = QLineEdit()
            edit.setObjectName(f"criteria_{key}")
            edit.setPlaceholderText(tr_label(hint))
            edit.returnPressed.connect(self.run_search)
            caption = QLabel(tr_label(label))
            caption.setBuddy(edit)
            grid.addWidget(caption, i // 3, (i % 3) * 2)
            grid.addWidget(edit, i // 3, (i % 3) * 2 + 1)
            self.inputs[key] = edit
        self.status = QComboBox()
        self.status.setObjectName("criteria_status")
        self.status.addItem(self.tr("有効な登録すべて"), ACTIVE)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(tr_label(label), status.value)
        self.status.addItem(self.tr("無効を含むすべて"), EVERYTHING)
        self.method = QComboBox()
        self.method.setObjectName("criteria_method")
        for text, value in ((self.tr("すべて"), ""), (self.tr("紙"), "paper"), (self.tr("WEB"), "web")):
            self.method.addItem(text, value)
        self.registered = DateRange()
        status_label = QLabel(self.tr("状態(&J)"))
        status_label.setBuddy(self.status)
        grid.addWidget(status_label, 2, 0)
        grid.addWidget(self.status, 2, 1)
        grid.addWidget(QLabel(self.tr("登録方法")), 2, 2)
        grid.addWidget(self.method, 2, 3)
        grid.addWidget(QLabel(self.tr("登録日")), 3, 0)  # a row of its own: the screen fits 1024×768
        grid.addWidget(self.registered, 3, 1, 1, 3)
        buttons = QHBoxLayout()
        self.search_button = QPushButton(self.tr("検索(&S)"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.run_search)
        self.clear_button = QPushButton(self.tr("条件をクリア"))
        self.clear_button.clicked.connect(self.clear_criteria)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.search_button)
        grid.addLayout(buttons, 4, 0, 1, 6)
        layout.addWidget(criteria)

        self.model = AccountResultsModel(db, runner, self)
        self.table = QTableView()
        self.table.setObjectName("results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        for number, column in enumerate(COLUMNS):
            self.table.setColumnWidth(number, column.width)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = DetailPanel()
        # the detail scrolls when a long history of returns or next steps does not fit beside the list
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_scroll.setWidget(self.detail)
        detail_scroll.setMinimumWidth(
            max(320, self.detail.sizeHint().width() + detail_scroll.verticalScrollBar().sizeHint().width() + 12)
        )
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        actions = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        actions.addWidget(self.count_label)
        self.notice = QLabel()  # what the last change or invalidation did (the row itself may disappear)
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet("color: #1b5e20;")
        self.notice.setWordWrap(True)
        actions.addWidget(self.notice, 1)
        # The actions carry the shortcuts; the main window lists them in its 操作 menu (shortcuts shown there),
        # the buttons trigger them and follow their enabled state.
        self.change_action = self._action(self.tr("変更(&E)…"), "F2", self.change_selected)
        self.delete_action = self._action(
            self.tr("削除（無効化）(&D)…"), QKeySequence.StandardKey.Delete, self.invalidate_selected, self.table
        )  # Del only in the table, never while typing
        self.history_action = self._action(self.tr("履歴(&I)"), "Ctrl+H", self.history_of_selected)
        self.forms_action = self._action(self.tr("依頼書を印刷(&P)…"), "Ctrl+P", self.print_request_forms)
        self.ledger_action = self._action(self.tr("台帳(&L)"), "Ctrl+L", self.ledger_of_selected)
        self.reveal_action = self._action(self.tr("口座番号を表示(&R)"), "F9", self.reveal_selected)
        self.menu_actions = [
            self.change_action,
            self.delete_action,
            self.history_action,
            self.ledger_action,
            self.forms_action,
        ]
        if allowed(operator, Action.REVEAL):
            self.menu_actions.append(self.reveal_action)
        self.change_button = self._button(self.tr("変更(&E) F2"), self.change_action)
        self.delete_button = self._button(self.tr("削除(&D) Del"), self.delete_action)
        self.history_button = self._button(self.tr("履歴(&I) Ctrl+H"), self.history_action)
        self.forms_button = self._button(self.tr("依頼書(&P)… Ctrl+P"), self.forms_action)
        self.export_button = QPushButton(self.tr("書き出し(&X)… Ctrl+E"))  # Ctrl+E is the File menu's
        self.export_button.clicked.connect(self.export_results)
        action_buttons = (
            self.change_button,
            self.delete_button,
            self.history_button,
            self.forms_button,
            self.export_button,
        )
        for button in action_buttons:
            actions.addWidget(button)
        layout.addLayout(actions)
        # OP-3: what the role may not do is not offered at all (the services refuse it too)
        for button, action in (
            (self.change_button, Action.CHANGE),
            (self.delete_button, Action.INVALIDATE),
            (self.forms_button, Action.PRINT_FORMS),
            (self.export_button, Action.EXPORT_PERSONAL),
        ):
            button.setVisible(allowed(operator, action))
        # the 操作 menu and the shortcuts offer no more than the buttons do
        show_for_role(
            operator,
            [
                (self.change_action, Action.CHANGE),
                (self.delete_action, Action.INVALIDATE),
                (self.forms_action, Action.PRINT_FORMS),
                (self.reveal_action, Action.REVEAL),
            ],
        )
        self.menu_actions = [a for a in self.menu_actions if a.isVisible()]

        self.model.searchStarted.connect(lambda: self.count_label.setText(self.tr("検索中…")))
        self.model.searchFinished.connect(self._finished)
        self.model.searchFailed.connect(lambda message: self.count_label.setText(message))
        self.model.modelReset.connect(lambda: self.detail.show_view(None))
        self.model.pageLoaded.connect(self._page_loaded)
        self._update_actions()

    def _action(
        self,
        text: str,
        key: str | QKeySequence.StandardKey,
        slot: Callable[[], object],
        holder: QWidget | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        # active while the focus is on this screen (or, for Del, in the table): never on another screen
        holder = holder or self
        context = (
            Qt.ShortcutContext.WidgetShortcut if holder is not self else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        holder.addAction(action)
        return action

    def _button(self, text: str, action: QAction) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.inputs["customer_number"].setFocus()

    # --- searching -------------------------------------------------------------------------------------
    def criteria(self) -> SearchCriteria:
        status = self.status.currentData()
        c = SearchCriteria()
        for key, edit in self.inputs.items():
            setattr(c, key, edit.text())
        if status == EVERYTHING:
            c.include_invalidated = True
        elif status != ACTIVE:
            c.statuses = [RegistrationStatus(status)]
        c.method = str(self.method.currentData())
        c.registered_from = self.registered.start()
        c.registered_to = self.registered.end()
        return c

    def run_search(self) -> None:
        self.model.search(self.criteria())

    def show_customer(self, customer_number: str) -> None:
        """One registration, whatever its status (from elsewhere in the app)."""
        self.clear_criteria()
        self.inputs["customer_number"].setText(customer_number)
        self.status.setCurrentIndex(self.status.findData(EVERYTHING))
        self.run_search()

    def clear_criteria(self) -> None:
        for edit in self.inputs.values():
            edit.clear()
        self.status.setCurrentIndex(0)
        self.method.setCurrentIndex(0)
        self.registered.clear()
        self.inputs["customer_number"].setFocus()

    def _finished(self, count: int) -> None:
        self.count_label.setText(self.tr("{0:,} 件").replace("{0:,}", f"{count:,}"))
        if count and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_actions()

    # --- the selected registration ---------------------------------------------------------------------
    def selected_view(self) -> RegistrationView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.load_row(rows[0].row())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail()
        self._update_actions()

    def _show_detail(self) -> None:
        view = self.selected_view()
        self.detail.show_view(view)
        if view is None:
            return
        for key in ("lifecycle", "next_action", "returns"):
            self.detail.values[key].setText("…")
        db, shown = self._db, view.id

        def read(_ctx: TaskContext) -> tuple[int, Any, list[Any]]:  # off the GUI thread: two queries
            return shown, status_report(db, view.customer_number), returns_of(db, shown)

        self._runner.start(read, on_success=self._detail_arrived)

    def _detail_arrived(self, result: tuple[int, Any, list[Any]]) -> None:
        shown, report, history = result
        current = self.selected_view()
        if current is None or current.id != shown:
            return  # another row was selected meanwhile: its own answer is on the way
        self.detail.values["lifecycle"].setText(report.step)
        self.detail.values["next_action"].setText("\n".join([report.next_action, *report.deadlines]))
        self.detail.values["returns"].setText(
            "\n".join(f"{r.received_on} {r.reason_labels}（{STATUSES[r.status]}）" for r in history) or "—"
        )
        self.detailShown.emit()

    def selected_ids(self) -> list[int]:
        """The selected registrations in list order (for printing their forms)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.id_at(row) for row in rows) if i is not None]

    def print_request_forms(self) -> None:
        ids = self.selected_ids()
        if ids:
            make_request_forms(
                self,
                self._runner,
                self._db,
                ids,
                self._user_forms,
                on_done=self._preview_opened,
                operator=self._operator,
            )

    def _preview_opened(self, preview: QWidget) -> None:
        self.last_preview = preview

    def _page_loaded(self, _page: int) -> None:
        self._show_detail()
        self._update_actions()

    def _update_actions(self) -> None:
        view = self.selected_view()
        editable = view is not None and view.status != RegistrationStatus.INVALIDATED.value
        # OP-3: what cannot be done to this record is not offered (the service refuses it too)
        for action, enabled in (
            (self.change_action, editable),
            (self.delete_action, editable),
            (self.history_action, view is not None),
            (self.ledger_action, view is not None),
            (self.forms_action, bool(self.selected_ids())),
            (self.reveal_action, view is not None),
        ):
            action.setEnabled(enabled)  # the button follows (enabledChanged)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def _reload_row(self, view: RegistrationView) -> None:
        self.model.forget(view.id)
        self._show_detail()
        self._update_actions()

    def change_selected(self) -> None:
        view = self.selected_view()
        if view is None or view.status == RegistrationStatus.INVALIDATED.value:
            return
        dialog = ChangeDialog(self._db, self._operator, accounts.get_registration(self._db, view.id), self)
        if dialog.exec() and dialog.result_view is not None:
            self._reload_row(dialog.result_view)
            announce(Area.ACCOUNTS, [view.id])
            self.notice.setText(self.tr("顧客番号 {0} の変更を保存しました").format(dialog.result_view.customer_number))

    def invalidate_selected(self) -> None:
        view = self.selected_view()
        if view is None or view.status == RegistrationStatus.INVALIDATED.value:
            return
        dialog = InvalidateDialog(self._db, self._operator, accounts.get_registration(self._db, view.id), self)
        if dialog.exec() and dialog.result_view is not None:
            self.model.refresh()  # hidden from the default search from now on
            announce(Area.ACCOUNTS, [view.id])
            self.notice.setText(
                self.tr("顧客番号 {0} を無効にしました（状態「無効」で検索すると表示されます）").format(
                    dialog.result_view.customer_number
                )
            )

    def ledger_of_selected(self) -> None:
        view = self.selected_view()
        if view is not None:
            self.ledgerRequested.emit(view.customer_number)

    def history_of_selected(self) -> None:
        view = self.selected_view()
        if view is not None:
            self.historyRequested.emit(view.customer_number)

    # --- export ----------------------------------------------------------------------------------------
    def _export_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("書き出しできませんでした"), error_text(error))

    def reveal_selected(self) -> None:
        """F9: the full account number of the selected registration, for a role that may (audited)."""
        view = self.selected_view()
        if view is None:
            return
        try:
            number = reveal_account_number(self._db, self._operator, view.id)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("口座番号"), error.screen_message)
            return
        self.detail.reveal(view, number)

    def export_filters(self) -> list[str]:
        """The file dialog's choices, Excel first (the default): a CSV to open in a spreadsheet keeps customer
        numbers and leading zeros as they are; the plain CSV is for another program to read."""
        return [
            self.tr("Excel ブック (*.xlsx)"),
            self.tr("CSV・Excel や LibreOffice で開く用（番号を文字として保存）(*.csv)"),
            self.tr("CSV・ほかのシステムへの取込用（値をそのまま保存）(*.csv)"),
        ]

    def export_results(self, path: str | None = None, *, spreadsheet_csv: bool = True) -> None:
        count = self.model.rowCount()
        if not count:
            return
        ids_of_result = self.model.ids_source()
        if not path:
            filters = self.export_filters()
            path, chosen = QFileDialog.getSaveFileName(
                self,
                self.tr("書き出し"),
                str(Path.home() / self.tr("口座一覧_{0}.xlsx").format(f"{date.today():%Y%m%d}")),
                ";;".join(filters),
                filters[0],
            )
            spreadsheet_csv = chosen != filters[2]
            if path and chosen in filters[1:] and not path.lower().endswith(".csv"):
                path = str(Path(path).with_suffix(".csv"))
        if not path:
            return
        target = Path(path)
        self.export_dialog = run_with_progress(
            self._runner,
            self,
            self.tr("{0} 件を書き出しています…").format(count),
            lambda ctx: _export(self._db, ids_of_result(), target, ctx, self._operator, spreadsheet_csv),
            lambda count: self.count_label.setText(self.tr("{0} 件を {1} に書き出しました").format(count, target)),
            self._export_failed,
        )


def _export(
    db: Database, ids: list[int], target: Path, ctx: TaskContext, operator: OperatorRef, spreadsheet_csv: bool = True
) -> int:
    return export_registrations(
        db,
        ids,
        target,
        progress=ctx.progress,
        cancelled=lambda: ctx.cancelled,
        spreadsheet_csv=spreadsheet_csv,
        operator=operator,
    )

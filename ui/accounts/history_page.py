"""口座登録履歴検索: search the history by customer number, operator, action and dates; a timeline with
field-level before and after for the chosen entry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.account_fields import DepositType, RegistrationMethod, RegistrationStatus
from app.domain.registration import CHECKLIST_ITEMS, FIELD_LABELS
from app.services import accounts
from app.services.accounts import ACTION_LABELS, HistoryEntry
from app.services.operators import list_operators
from app.services.operators.output_audit import mask
from ui.shared.data_events import Area, data_events
from ui.shared.error_hook import error_text
from ui.shared.labels import QT_TRANSLATE_NOOP, tr_label
from ui.shared.widgets import DateRange, RowsModel
from ui.shared.workers import TaskRunner

ModelIndex = QModelIndex | QPersistentModelIndex
HISTORY_ROWS = 1_000  # the newest entries shown for a search; narrower criteria find older ones
EXTRA_LABELS = {
    "bank_name": QT_TRANSLATE_NOOP("Labels", "銀行名"),
    "branch_name": QT_TRANSLATE_NOOP("Labels", "支店名"),
    "checklist": QT_TRANSLATE_NOOP("Labels", "依頼書の確認"),
    "note": QT_TRANSLATE_NOOP("Labels", "メモ"),
}


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name) or EXTRA_LABELS.get(name, name)


def value_text(value: Any, name: str = "") -> str:
    """A stored value as a clerk reads it: labels for codes (状態, 預金種目, 登録方法), yen, the checklist in words."""
    if value is None or value == "":
        return "（なし）"
    if name in ("account_number", "jp_number"):
        return mask(str(value))  # the history is masked like every list
    try:
        if name == "status":
            return RegistrationStatus(value).label
        if name == "deposit_type":
            return f"{int(value)} {DepositType(int(value)).label}"
        if name == "method":
            return RegistrationMethod(value).label
    except ValueError:
        return str(value)  # an older or unknown code is shown as stored, never hidden
    if name == "monthly_amount" and isinstance(value, int):
        return QCoreApplication.translate("Labels", "{0}円").format(f"{value:,}")
    if isinstance(value, bool):
        return QCoreApplication.translate("Labels", "はい") if value else QCoreApplication.translate("Labels", "いいえ")
    if isinstance(value, dict):
        return "、".join(f"{CHECKLIST_ITEMS.get(k, k)} {'✓' if v else '—'}" for k, v in value.items())
    return str(value)


class HistoryModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("Labels", "日時"),
        QT_TRANSLATE_NOOP("Labels", "顧客番号"),
        QT_TRANSLATE_NOOP("Labels", "担当者"),
        QT_TRANSLATE_NOOP("Labels", "操作"),
        QT_TRANSLATE_NOOP("Labels", "理由"),
        QT_TRANSLATE_NOOP("Labels", "変更した項目"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self.entries[index.row()]
        return (
            e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            e.customer_number,
            f"{e.operator_name}（{e.operator_login}）",
            ACTION_LABELS.get(e.action, e.action),
            e.reason,
            "、".join(field_label(name) for name in e.changes),
        )[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr_label(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None


class ChangesModel(RowsModel):
    """Field-level before and after of one history entry."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            (
                QT_TRANSLATE_NOOP("Labels", "項目"),
                QT_TRANSLATE_NOOP("Labels", "変更前"),
                QT_TRANSLATE_NOOP("Labels", "変更後"),
            ),
            parent,
        )

    def set_entry(self, entry: HistoryEntry | None) -> None:
        changes = entry.changes.items() if entry is not None else []
        self.set_rows([(field_label(k), value_text(v[0], k), value_text(v[1], k)) for k, v in changes])


class HistoryPage(QWidget):
    """Reads run in the background (the history can be long); `searched` says the result is on screen."""

    searched = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = TaskRunner(self)
        self._generation = 0
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("口座登録履歴検索"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        box = QGroupBox(self.tr("検索条件（Enter で検索）"))
        grid = QGridLayout(box)
        self.customer_number = QLineEdit()
        self.customer_number.setObjectName("history_customer_number")
        self.customer_number.returnPressed.connect(self.run_search)
        self.operator = QComboBox()
        self.action = QComboBox()
        self.action.addItem(self.tr("すべて"), "")
        for action, label in ACTION_LABELS.items():
            self.action.addItem(tr_label(label), action)
        self.period = DateRange()
        caption = QLabel(self.tr("顧客番号(&N)"))
        caption.setBuddy(self.customer_number)
        grid.addWidget(caption, 0, 0)
        grid.addWidget(self.customer_number, 0, 1)
        grid.addWidget(QLabel(self.tr("担当者")), 0, 2)
        grid.addWidget(self.operator, 0, 3)
        grid.addWidget(QLabel(self.tr("操作")), 0, 4)
        grid.addWidget(self.action, 0, 5)
        grid.addWidget(QLabel(self.tr("期間")), 1, 0)
        grid.addWidget(self.period, 1, 1, 1, 4)
        self.search_button = QPushButton(self.tr("検索(&S)"))
        self.search_button.clicked.connect(self.run_search)
        grid.addWidget(self.search_button, 1, 5)
        layout.addWidget(box)

        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("history")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.changes = ChangesModel(self)
        self.changes_table = QTableView()
        self.changes_table.setObjectName("changes")
        self.changes_table.setModel(self.changes)
        self.changes_table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_changes(current.row() if current.isValid() else -1)
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.changes_table)
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.reload_operators()
        data_events().changed.connect(self._data_changed)

    def _show_changes(self, row: int) -> None:
        self.changes.set_entry(self.model.entries[row] if 0 <= row < len(self.model.entries) else None)
        self.changes_table.resizeColumnsToContents()

    def _data_changed(self, area: str, _ids: list[int]) -> None:
        if area == Area.ACCOUNTS:  # a new registration may bring a new operator into the list
            self.reload_operators()

    def reload_operators(self) -> None:
        db = self._db
        self._runner.start(lambda _ctx: list_operators(db), on_success=self._operators_arrived)

    def _operators_arrived(self, operators: list[Any]) -> None:
        chosen = self.operator.currentData()
        self.operator.clear()
        self.operator.addItem(self.tr("すべて"), "")
        for op in operators:
            self.operator.addItem(f"{op.name}（{op.login_id}）", op.login_id)
        self.operator.setCurrentIndex(max(0, self.operator.findData(chosen)))

    def show_customer(self, customer_number: str) -> None:
        """The timeline of one registration (from the search results)."""
        self.customer_number.setText(customer_number)
        self.operator.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.period.clear()
        self.run_search()

    def run_search(self) -> None:
        db = self._db
        criteria = {
            "customer_number": self.customer_number.text(),
            "operator_login": str(self.operator.currentData() or ""),
            "action": str(self.action.currentData() or ""),
            "date_from": self.period.start(),
            "date_to": self.period.end(),
            "limit": HISTORY_ROWS + 1,  # one more than shown tells whether there are more
        }
        self._generation += 1
        generation = self._generation
        self.count_label.setText(self.tr("検索しています…"))
        self._runner.start(
            lambda _ctx: accounts.search_history(db, **criteria),  # type: ignore[arg-type]
            on_success=lambda entries: self._entries_arrived(generation, entries),
            on_failure=lambda error: self.count_label.setText(error_text(error)),
        )

    def _entries_arrived(self, generation: int, entries: list[HistoryEntry]) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        more = len(entries) > HISTORY_ROWS
        entries = entries[:HISTORY_ROWS]
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        self.count_label.setText(
            self.tr("新しい順に {0} 件を表示（さらにあります。条件で絞り込んでください）").format(f"{len(entries):,}")
            if more
            else self.tr("{0} 件").format(f"{len(entries):,}")
        )
        if entries:
            self.table.selectRow(0)
        else:
            self.changes.set_entry(None)
        self.searched.emit()

"""Search results (口座検索結果一覧): a model that holds ids and fetches rows by id, a page at a time.

The matching ids come from one SQL query in a worker (sorted and filtered in SQL); the first page arrives
before them so the first rows show at once. Rows are read by primary key when they scroll into view and
kept in a small page cache. Never a proxy model over every row.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.db.database import Database
from app.services import accounts
from app.services.accounts import RegistrationView, SearchCriteria
from ui.workers import TaskContext, TaskRunner

PAGE = 100
MAX_PAGES = 64
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    attribute: str
    sort_key: str | None
    align_right: bool = False


COLUMNS: list[Column] = [
    Column("顧客番号", "customer_number", "customer_number"),
    Column("状態", "status_label", "status"),
    Column("契約者名", "contract_holder_name", "contract_holder_name"),
    Column("フリガナ", "contract_holder_kana", "contract_holder_kana"),
    Column("銀行", "bank_label", "bank_code"),
    Column("支店", "branch_label", None),
    Column("種目", "deposit_type_label", None),
    Column("口座番号", "masked_account_number", None),
    Column("月額", "amount_label", "monthly_amount", align_right=True),
    Column("登録日", "registration_date", "registration_date"),
]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
VIEW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


def cell_text(view: RegistrationView, attribute: str) -> str:
    if attribute == "bank_label":
        return f"{view.bank_code} {view.bank_name}"
    if attribute == "branch_label":
        return f"{view.branch_code} {view.branch_name}"
    if attribute == "amount_label":
        return "" if view.monthly_amount is None else f"{view.monthly_amount:,}円"
    if attribute == "registration_date":
        return view.registration_date.isoformat()
    return str(getattr(view, attribute))


class AccountResultsModel(QAbstractTableModel):
    """Rows of a search; `search()` starts a new one in the background."""

    searchStarted = Signal()
    searchFinished = Signal(int)  # number of rows
    searchFailed = Signal(str)

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._ids: array[int] = array("q")
        self._pages: OrderedDict[int, list[RegistrationView]] = OrderedDict()
        self._generation = 0
        self._criteria = SearchCriteria()
        self._sort = "customer_number"
        self._descending = False
        self.complete = True  # False while the ids beyond the first page are still coming

    # --- searching -------------------------------------------------------------------------------------
    def search(self, criteria: SearchCriteria) -> None:
        self._criteria = criteria
        self._start()

    def refresh(self) -> None:
        self._start()

    def _start(self) -> None:
        self._generation += 1
        generation = self._generation
        criteria, sort, descending = self._criteria, self._sort, self._descending
        self.complete = False
        self.searchStarted.emit()

        def first_page(_ctx: TaskContext) -> list[RegistrationView]:
            return accounts.search(
                self._db, criteria, sort=sort, descending=descending, limit=PAGE, with_total=False
            ).rows

        def all_ids(ctx: TaskContext) -> list[int]:
            ids = accounts.search_ids(self._db, criteria, sort=sort, descending=descending)
            ctx.check()
            return ids

        self._runner.start(
            first_page,
            on_success=self._guard(generation, self._first_page_arrived),
            on_failure=self._guard(generation, self.searchFailed.emit),
        )
        self._runner.start(
            all_ids,
            on_success=self._guard(generation, self._ids_arrived),
            on_failure=self._guard(generation, self.searchFailed.emit),
        )

    def _guard(self, generation: int, handler: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if generation == self._generation:  # an older search's answer is dropped
                handler(value)

        return call

    def _first_page_arrived(self, rows: list[RegistrationView]) -> None:
        if self.complete:
            return  # the ids (and so the pages) are already in
        self.beginResetModel()
        self._ids = array("q", (r.id for r in rows))
        self._pages = OrderedDict({0: rows}) if rows else OrderedDict()
        self.endResetModel()

    def _ids_arrived(self, ids: list[int]) -> None:
        shown = len(self._ids)
        if shown and list(self._ids) == ids[:shown]:
            if len(ids) > shown:  # keep the rows already shown (and the selection): append the rest
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self._ids = array("q", ids)
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = array("q", ids)
            self._pages.clear()
            self.endResetModel()
        self.complete = True
        self.searchFinished.emit(len(ids))

    # --- reading ---------------------------------------------------------------------------------------
    def row_view(self, row: int) -> RegistrationView | None:
        if not 0 <= row < len(self._ids):
            return None
        page_number = row // PAGE
        page = self._pages.get(page_number)
        if page is None:
            ids = list(self._ids[page_number * PAGE : (page_number + 1) * PAGE])
            by_id = {view.id: view for view in accounts.rows_by_ids(self._db, ids)}
            page = [by_id[i] for i in ids if i in by_id]
            if len(page) != len(ids):  # a row vanished meanwhile: keep positions stable
                page = [by_id.get(i) for i in ids]  # type: ignore[misc]
            self._pages[page_number] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page[row % PAGE]

    def id_at(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, registration_id: int) -> int:
        try:
            return self._ids.index(registration_id)
        except ValueError:
            return -1

    def forget(self, registration_id: int) -> None:
        """Drop a row's cached data (after a change) so it is read again."""
        row = self.row_of(registration_id)
        if row >= 0:
            self._pages.pop(row // PAGE, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def all_ids(self) -> list[int]:
        return list(self._ids)

    # --- Qt model API ----------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
            VIEW_ROLE,
            SORT_ROLE,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        view = self.row_view(index.row())
        if view is None:
            return None
        if role == VIEW_ROLE:
            return view
        if role == SORT_ROLE:
            return getattr(view, column.sort_key) if column.sort_key else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return view.status_label if column.attribute == "status_label" else None
        return cell_text(view, column.attribute)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section].title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_key is None:
            return
        self._sort = str(COLUMNS[column].sort_key)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._start()

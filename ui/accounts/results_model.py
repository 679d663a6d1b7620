"""Search results (口座検索結果一覧): a model that holds ids and fetches rows by id, a page at a time.

Filtered and sorted in SQL, read a page at a time in workers, kept in a small page cache.
Never a proxy model over every row.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.db.database import Database
from app.domain.lifecycle import DEFAULT_QUIET_WEEKS
from app.services import accounts
from app.services.accounts import RegistrationView, SearchCriteria
from app.services.settings import get_settings
from ui.shared.error_hook import error_text
from ui.shared.labels import tr_label
from ui.shared.workers import TaskContext, TaskRunner

PAGE = 100
MAX_PAGES = 64
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    attribute: str
    sort_key: str | None
    align_right: bool = False
    width: int = 110


COLUMNS: list[Column] = [
    Column("顧客番号", "customer_number", "customer_number", width=185),
    Column("状態", "status_label", "status", width=165),
    Column("契約者名", "contract_holder_name", "contract_holder_name", width=130),
    Column("フリガナ", "contract_holder_kana", "contract_holder_kana", width=160),
    Column("銀行", "bank_label", "bank_code", width=130),
    Column("支店", "branch_label", None, width=130),
    Column("種目", "deposit_type_label", None, width=55),
    Column("口座番号", "masked_account_number", None, width=85),
    Column("月額", "amount_label", "monthly_amount", align_right=True, width=85),
    Column("登録日", "registration_date", "registration_date", width=95),
    Column("次にすること", "next_step", None, width=230),
]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
VIEW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


def cell_text(view: RegistrationView, attribute: str, quiet_weeks: int = DEFAULT_QUIET_WEEKS) -> str:
    if attribute == "bank_label":
        return f"{view.bank_code} {view.bank_name}"
    if attribute == "branch_label":
        return f"{view.branch_code} {view.branch_name}"
    if attribute == "amount_label":
        return (
            ""
            if view.monthly_amount is None
            else QCoreApplication.translate("Labels", "{0}円").format(f"{view.monthly_amount:,}")
        )
    if attribute == "registration_date":
        return view.registration_date.isoformat()
    if attribute == "next_step":
        return view.next_step(quiet_weeks)
    return str(getattr(view, attribute))


class AccountResultsModel(QAbstractTableModel):
    """Rows of a search. `search()` starts one in the background; the GUI thread never waits for the database.

    The first page arrives first (the table shows at once), then the count. A result of up to `IDS_LIMIT`
    rows also brings every id, and pages are read by primary key; a larger one is paged with OFFSET on the
    sort index. Pages not yet read show "…" until a worker brings them.
    """

    searchStarted = Signal()
    searchFinished = Signal(int)  # number of rows
    searchFailed = Signal(str)  # the failure in words for the screen
    pageLoaded = Signal(int)  # page number

    IDS_LIMIT = 200_000
    PLACEHOLDER = "…"

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._total = 0
        self._ids: array[int] | None = None
        self._pages: OrderedDict[int, list[RegistrationView]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._criteria = SearchCriteria()
        self._sort = "customer_number"
        self._descending = False
        self.complete = True  # False until the row count is known
        self.quiet_weeks = get_settings(db).quiet_period_weeks

    # --- searching -------------------------------------------------------------------------------------
    def search(self, criteria: SearchCriteria) -> None:
        self._criteria = criteria
        self._start()

    def refresh(self) -> None:
        self._start()

    def _query(self) -> tuple[SearchCriteria, str, bool]:
        return self._criteria, self._sort, self._descending

    def _start(self) -> None:
        self._generation += 1
        generation = self._generation
        criteria, sort, descending = self._query()
        self.complete = False
        self.beginResetModel()
        self._total = 0
        self._ids = None
        self._pages.clear()
        self._pending.clear()
        self.endResetModel()
        self.searchStarted.emit()

        def first_page(_ctx: TaskContext) -> list[RegistrationView]:
            return accounts.search(
                self._db, criteria, sort=sort, descending=descending, limit=PAGE, with_total=False
            ).rows

        def count_and_ids(ctx: TaskContext) -> tuple[int, list[int] | None]:
            total = accounts.count_matching(self._db, criteria)
            ctx.check()
            if total > self.IDS_LIMIT:
                return total, None
            return total, accounts.search_ids(self._db, criteria, sort=sort, descending=descending)

        def then_count(rows: list[RegistrationView]) -> None:
            self._first_page_arrived(rows)
            # the count starts once the first rows are on screen, so it never slows them down
            self._runner.start(
                count_and_ids,
                on_success=self._guard(generation, self._count_arrived),
                on_failure=self._guard(generation, self._failed),
            )

        self._runner.start(
            first_page,
            on_success=self._guard(generation, then_count),
            on_failure=self._guard(generation, self._failed),
        )

    def _guard(self, generation: int, handler: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if generation == self._generation:  # an older search's answer is dropped
                handler(value)

        return call

    def _failed(self, error: Exception) -> None:
        self.searchFailed.emit(error_text(error))

    def _first_page_arrived(self, rows: list[RegistrationView]) -> None:
        self._pages[0] = rows
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._total = len(rows)
            self.endInsertRows()
        self.pageLoaded.emit(0)

    def _count_arrived(self, result: tuple[int, list[int] | None]) -> None:
        total, ids = result
        if ids is not None:
            self._ids = array("q", ids)
        shown = self._total
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < shown:  # rows went away meanwhile
            self.beginResetModel()
            self._total = total
            self._pages.clear()
            self.endResetModel()
        self.complete = True
        self.searchFinished.emit(total)

    # --- reading ---------------------------------------------------------------------------------------
    def _request(self, page_number: int) -> None:
        """Bring a page in the background (once); the rows repaint when it arrives."""
        if page_number in self._pending or page_number in self._pages:
            return
        self._pending.add(page_number)
        generation = self._generation
        criteria, sort, descending = self._query()
        ids = list(self._ids[page_number * PAGE : (page_number + 1) * PAGE]) if self._ids is not None else None

        def load(_ctx: TaskContext) -> tuple[int, list[RegistrationView]]:
            if ids is not None:
                return page_number, accounts.rows_by_ids(self._db, ids)
            found = accounts.search(self._db, criteria, sort=sort, descending=descending, offset=page_number * PAGE,
                                    limit=PAGE, with_total=False)  # fmt: skip
            return page_number, found.rows

        self._runner.start(load, on_success=self._guard(generation, self._page_arrived),
                           on_failure=self._guard(generation, self._failed))  # fmt: skip

    def _page_arrived(self, result: tuple[int, list[RegistrationView]]) -> None:
        page_number, rows = result
        self._pending.discard(page_number)
        self._pages[page_number] = rows
        if len(self._pages) > MAX_PAGES:
            oldest = next(iter(self._pages))
            if oldest != page_number:
                del self._pages[oldest]
        first = page_number * PAGE
        last = min(first + PAGE, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.pageLoaded.emit(page_number)

    def row_view(self, row: int) -> RegistrationView | None:
        """The row if its page is here; otherwise None, and the page is on its way."""
        if not 0 <= row < self._total:
            return None
        page_number = row // PAGE
        page = self._pages.get(page_number)
        if page is None:
            self._request(page_number)
            return None
        self._pages.move_to_end(page_number)
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def load_row(self, row: int) -> RegistrationView | None:
        """The row now, reading it by id if it is not here (a single primary-key read: for the selected row)."""
        view = self.row_view(row)
        if view is None and self._ids is not None and 0 <= row < len(self._ids):
            found = accounts.rows_by_ids(self._db, [int(self._ids[row])])
            view = found[0] if found else None
        return view

    def id_at(self, row: int) -> int | None:
        if self._ids is not None and 0 <= row < len(self._ids):
            return int(self._ids[row])
        view = self.row_view(row)
        return view.id if view is not None else None

    def forget(self, registration_id: int) -> None:
        """Read a changed row again (its page is dropped and reloaded)."""
        for page_number, rows in list(self._pages.items()):
            if any(view.id == registration_id for view in rows):
                del self._pages[page_number]
                first = page_number * PAGE
                self.dataChanged.emit(self.index(first, 0), self.index(first + len(rows) - 1, len(COLUMNS) - 1))

    def ids_source(self) -> Callable[[], list[int]]:
        """A function giving every id of the result, to call in a worker (an export): the ids held, or the
        query for them when the result was too large to hold."""
        if self._ids is not None:
            held = list(self._ids)
            return lambda: held
        criteria, sort, descending = self._query()
        db = self._db
        return lambda: accounts.search_ids(db, criteria, sort=sort, descending=descending)

    def all_ids(self) -> list[int]:
        """Every id of the result, read now (tests; screens use `ids_source` in a worker)."""
        return self.ids_source()()

    # --- Qt model API ----------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

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
            return self.PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
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
        return cell_text(view, column.attribute, self.quiet_weeks)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return tr_label(COLUMNS[section].title)
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
        if self._generation:  # before the first search only the order is remembered
            self._start()

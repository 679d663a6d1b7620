"""Small widgets the screens share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QWidget

from ui.shared.labels import tr_label


class DateRange(QWidget):
    """An optional from–to date range: each end applies only when its box is ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.from_enabled, self.date_from = self._end(row)
        row.addWidget(QLabel("〜"))
        self.to_enabled, self.date_to = self._end(row)
        row.addStretch(1)

    def _end(self, row: QHBoxLayout) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(self.tr("指定"))
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        row.addWidget(check)
        row.addWidget(edit)
        return check, edit

    def start(self) -> date | None:
        return to_date(self.date_from.date()) if self.from_enabled.isChecked() else None

    def end(self) -> date | None:
        return to_date(self.date_to.date()) if self.to_enabled.isChecked() else None

    def clear(self) -> None:
        self.from_enabled.setChecked(False)
        self.to_enabled.setChecked(False)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def ok_cancel(dialog: QDialog, ok_text: str, on_ok: Callable[[], None]) -> QDialogButtonBox:
    """OK / キャンセル buttons in Japanese; Escape cancels as in every dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("Dialogs", "キャンセル"))
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


ModelIndex = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A small read-only table of strings (shipments, dashboard rows, statistics, deadlines)."""

    def __init__(self, headers: tuple[str, ...], parent: Any = None, *, numeric: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self.headers = headers
        self.numeric = frozenset(numeric)  # columns of counts and days: right-aligned like any ledger
        self.rows: list[tuple[str, ...]] = []
        self.keys: list[Any] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]], keys: list[Any] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.keys = keys or [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr_label(self.headers[section]) if 0 <= section < len(self.headers) else None
        return None


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open at the wanted size, or smaller where the screen is smaller (its buttons stay on the screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 40)
        height = min(height, available.height() - 60)  # room for the window manager's title bar
    window.resize(width, height)

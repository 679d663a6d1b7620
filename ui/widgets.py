"""Small widgets the screens share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QWidget


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
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("キャンセル"))
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons

"""加盟店設定: the merchant settings, checked like the command line, saved in one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import Conflict, DomainError, ValidationFailed
from app.services import settings
from app.services.operators import OperatorRef
from ui.accounts.registration_form import ERROR_STYLE, EnterMovesOn
from ui.shared.labels import tr_label


class SettingsPage(QWidget):
    def __init__(self, db: Database, operator: OperatorRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._operator = operator
        self._version = 0
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("加盟店設定"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        # the settings scroll on their own and the buttons stay below them (every button reachable at 1024×768)
        fields = QWidget()
        form = QFormLayout(fields)
        self._enter = EnterMovesOn(self)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for key, (label, _) in settings.SETTING_KEYS.items():
            edit = QLineEdit()
            edit.setObjectName(f"setting_{key}")
            edit.installEventFilter(self._enter)
            edit.textChanged.connect(lambda _text, k=key: self._check(k))
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            holder = QVBoxLayout()
            holder.setSpacing(1)
            holder.addWidget(edit)
            holder.addWidget(error)
            form.addRow(tr_label(label), holder)
            self.edits[key] = edit
            self.errors[key] = error
        self.fields_scroll = QScrollArea()
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setWidget(fields)
        layout.addWidget(self.fields_scroll, 1)
        buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        buttons.addWidget(self.message, 1)
        self.reload_button = QPushButton(self.tr("元に戻す"))
        self.reload_button.clicked.connect(self.load)
        self.save_button = QPushButton(self.tr("保存(&S) (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.load()

    def load(self) -> None:
        view = settings.get_settings(self._db)
        self._version = view.version
        for key, edit in self.edits.items():
            edit.setText(str(getattr(view, key)))
        self.message.clear()

    def _check(self, key: str) -> None:
        _, problems = settings.validate_settings({key: self.edits[key].text()})
        label = self.errors[key]
        label.setText(problems[0].message if problems else "")
        label.setVisible(bool(problems))

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.edits.items()}
        try:
            view = settings.update_settings(self._db, values, self._operator, expected_version=self._version)
        except ValidationFailed as failed:
            for error in failed.errors:
                self.errors[error.field].setText(error.message)
                self.errors[error.field].show()
            self.edits[failed.errors[0].field].setFocus()
            self.message.setText(self.tr("赤字の項目を直してください"))
            return
        except Conflict as conflict:
            self.message.setText(conflict.message)
            return
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self._version = view.version
        self.message.setText(self.tr("保存しました"))

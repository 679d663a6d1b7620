"""新規口座登録: keying paper forms one after another, by keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.db.database import Database
from app.domain.account_fields import RegistrationMethod
from app.domain.errors import ConfirmationRequired, DomainError, Duplicate
from app.domain.registration import CHECKLIST_ITEMS
from app.services import accounts, settings
from app.services.accounts import RegistrationView
from app.services.operators import OperatorRef
from ui.accounts.registration_form import RegistrationForm
from ui.shared.data_events import Area, announce
from ui.shared.labels import tr_label


class NewRegistrationPage(QWidget):
    registered = Signal(object)  # RegistrationView

    def __init__(self, db: Database, operator: OperatorRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._operator = operator
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("新規口座登録"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.form = RegistrationForm(settings.get_settings(db).customer_number_prefix)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        buttons.addWidget(self.message, 1)
        self.save_next_button = QPushButton(self.tr("保存して次へ (Ctrl+Enter)"))
        self.save_button = QPushButton(self.tr("保存(&S) (Ctrl+S)"))
        self.save_next_button.clicked.connect(lambda: self.save(next_form=True))
        self.save_button.clicked.connect(lambda: self.save(next_form=False))
        buttons.addWidget(self.save_next_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        QShortcut(
            QKeySequence.StandardKey.Save,
            self,
            lambda: self.save(next_form=False),
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Ctrl+Return"),
            self,
            lambda: self.save(next_form=True),
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Ctrl+Enter"),
            self,
            lambda: self.save(next_form=True),
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._saved_message = False
        self.form.changed.connect(self._form_edited)
        self.start_new()

    def start_new(self) -> None:
        self.form.clear_for_next(accounts.next_customer_number(self._db))

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.form.refresh_prefilled_number(accounts.next_customer_number(self._db))
        self.form.focus_first()

    def has_unsaved_input(self) -> bool:
        """Something was keyed since the form was last emptied or saved (closing would lose it)."""
        return self.form.is_dirty()

    def _unchecked_confirmed(self) -> bool:
        """REG-7: a paper form with checklist items not ticked is saved only when the clerk says so."""
        if self.form.method.currentData() != RegistrationMethod.PAPER.value:
            return True
        missing = [CHECKLIST_ITEMS[key] for key, box in self.form.checks.items() if not box.isChecked()]
        if not missing:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("依頼書の確認"),
            self.tr("次の確認が済んでいません:\n{0}\n\n確認が済んでいないまま保存しますか？").format(
                "\n".join(self.tr("・{0}").format(tr_label(item)) for item in missing)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.message.setText(self.tr("保存していません。依頼書を確認してチェックを付けてください"))
            self.form.checks[next(k for k, b in self.form.checks.items() if not b.isChecked())].setFocus()
            return False
        return True

    def _form_edited(self) -> None:
        if self._saved_message and self.form.is_dirty():
            self.message.clear()  # the last save's message does not stay beside the new form's errors
            self._saved_message = False

    def save(self, *, next_form: bool, confirm_duplicate: bool = False) -> RegistrationView | None:
        """Save the form; with `next_form`, clear it for the next paper form (batch values kept); without, the
        saved form stays on screen."""
        valid = self.form.validate()
        if valid is None:
            self.message.setText(self.tr("赤字の項目を直してください"))
            self._saved_message = False
            return None
        if not confirm_duplicate and not self._unchecked_confirmed():
            return None
        raw = self.form.values()
        if self.form.number_is_prefilled():
            # REG-4: the offered number is allocated afresh on save: since the form opened, blank forms may have
            # reserved it (a reserved number goes to nobody but its blank form)
            raw.customer_number = ""
        keyed_reservation = bool(raw.customer_number) and accounts.reserved_unused(self._db, raw.customer_number)
        try:
            view = accounts.register(self._db, raw, self._operator, confirm_duplicate_account=confirm_duplicate)
        except ConfirmationRequired as question:
            answer = QMessageBox.question(
                self,
                self.tr("同じ口座の登録"),
                self.tr("{0}\n\nこのまま登録しますか？").format(question.message),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                return self.save(next_form=next_form, confirm_duplicate=True)
            self.form.show_error("account_number", question.message)
            return None
        except Duplicate as taken:
            self.form.show_error("customer_number", taken.message)
            return None
        except DomainError as error:
            self.message.setText(error.screen_message)
            return None
        if keyed_reservation:
            self.message.setText(
                self.tr("顧客番号 {0} を登録しました（番号入り白紙の依頼書の予約番号）").format(view.customer_number)
            )
        else:
            self.message.setText(self.tr("顧客番号 {0} を登録しました").format(view.customer_number))
        self.registered.emit(view)
        announce(Area.ACCOUNTS, [view.id])
        if next_form:
            self.form.clear_for_next(accounts.next_customer_number(self._db))
        else:
            self.form.edits["customer_number"].setText(view.customer_number)  # the saved form stays as saved
            self.form.prefilled_number = ""
            self.form.mark_clean()
        self._saved_message = True
        return view

"""Change (変更) and invalidate (削除) dialogs: the same form and checks, a reason, stale edits caught."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import ConfirmationRequired, Conflict, DomainError
from app.services import accounts, settings
from app.services.accounts import RegistrationView
from app.services.operators import OperatorRef
from ui.accounts.registration_form import ERROR_STYLE, RegistrationForm
from ui.shared.widgets import fit_to_screen, ok_cancel


class ChangeDialog(QDialog):
    """Edit a registration; Save needs a reason. A stale edit offers to reload the latest data."""

    def __init__(self, db: Database, operator: OperatorRef, view: RegistrationView, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._operator = operator
        self.view = view
        self.result_view: RegistrationView | None = None
        self.setWindowTitle(self.tr("登録の変更 — 顧客番号 {0}").format(view.customer_number))
        fit_to_screen(self, 760, 820)
        layout = QVBoxLayout(self)
        self.form = RegistrationForm(settings.get_settings(db).customer_number_prefix)
        self.form.edits["customer_number"].setReadOnly(True)
        self.form.edits["customer_number"].setEnabled(False)  # shown as fixed: a customer number never changes
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        layout.addWidget(QLabel(self.tr("変更の理由（必須）(&W)")))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        layout.addWidget(self.reason)
        layout.itemAt(layout.count() - 2).widget().setBuddy(self.reason)  # type: ignore[union-attr]
        self.reason.textChanged.connect(self._reason_typed)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(view)

    def _reason_typed(self, text: str) -> None:
        if text.strip() and self.message.text() == self.tr("変更の理由を入力してください"):
            self.message.clear()

    def _fill(self, view: RegistrationView) -> None:
        self.view = view
        self.form.load(accounts.input_from_view(view))
        self.form.focus_field("contract_holder_name")

    def save(self, confirm_duplicate: bool = False) -> None:
        valid = self.form.validate(RegistrationStatus(self.view.status))
        if valid is None:
            self.message.setText(self.tr("赤字の項目を直してください"))
            return
        if not self.reason.text().strip():
            self.message.setText(self.tr("変更の理由を入力してください"))
            self.reason.setFocus()
            return
        raw = self.form.values()
        raw.status = RegistrationStatus(self.view.status)
        raw.note = self.view.note
        try:
            self.result_view = accounts.change(
                self._db,
                self.view.id,
                self.view.version,
                raw,
                self.reason.text(),
                self._operator,
                confirm_duplicate_account=confirm_duplicate,
            )
        except Conflict as conflict:
            self.message.setText(conflict.message)
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("他の担当者が変更しました"), conflict.message, parent=self
            )
            reload_button = box.addButton(self.tr("最新の内容を読み込む(&R)"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("閉じる"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is reload_button:
                self._fill(accounts.get_registration(self._db, self.view.id))
                self.message.setText(self.tr("最新の内容を読み込みました。変更をもう一度入力してください"))
            return
        except ConfirmationRequired as question:
            answer = QMessageBox.question(
                self, self.tr("同じ口座の登録"), self.tr("{0}\n\nこのまま保存しますか？").format(question.message)
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.save(confirm_duplicate=True)
            return
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.accept()


class InvalidateDialog(QDialog):
    """Delete = invalidate [REG-12], with a reason and a confirmation; the data and history stay."""

    def __init__(self, db: Database, operator: OperatorRef, view: RegistrationView, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._operator = operator
        self.view = view
        self.result_view: RegistrationView | None = None
        self.setWindowTitle(self.tr("登録の削除（無効化）"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "顧客番号 {0}（{1}）を無効にします。\n"
                    "無効にした登録は請求できなくなります。データと履歴は残ります。"
                ).format(view.customer_number, view.contract_holder_name)
            )
        )
        label = QLabel(self.tr("理由（必須）(&W)"))
        layout.addWidget(label)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        label.setBuddy(self.reason)
        layout.addWidget(self.reason)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        self.reason.textChanged.connect(self._reason_typed)
        layout.addWidget(ok_cancel(self, self.tr("無効にする(&D)"), self.confirm))
        self.reason.setFocus()

    def _reason_typed(self, text: str) -> None:
        if text.strip():
            self.message.clear()

    def confirm(self, *, ask: bool = True) -> None:
        if not self.reason.text().strip():
            self.message.setText(self.tr("無効化の理由を入力してください"))
            return
        if ask:
            answer = QMessageBox.question(
                self,
                self.tr("確認"),
                self.tr("顧客番号 {0} を無効にしますか？").format(self.view.customer_number),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.result_view = accounts.invalidate(
                self._db, self.view.id, self.view.version, self.reason.text(), self._operator
            )
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.accept()

"""The login window [OP-1], the first supervisor of a new database, and the change of a reset password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import DomainError
from app.services import operators
from app.services.operators import OperatorRef


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(200)
    return field


class LoginDialog(QDialog):
    """ID and password; a refusal is shown in the window, in one wording whatever was wrong."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.operator: OperatorRef | None = None
        self.setWindowTitle(self.tr("口振デスク — ログイン"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("ログインIDとパスワードを入力してください"))
        layout.addWidget(title)
        form = QFormLayout()
        self.login_id = QLineEdit()
        self.login_id.setObjectName("login_id")
        self.login_id.setMaxLength(40)
        self.password = _password_field()
        self.password.setObjectName("password")
        form.addRow(self.tr("ログインID(&I)"), self.login_id)
        form.addRow(self.tr("パスワード(&P)"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("ログイン"))
        ok.setObjectName("login")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("終了"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 200)

    def try_login(self) -> None:
        try:
            result = operators.login(self._db, self.login_id.text(), self.password.text())
        except DomainError as error:
            self.message.setText(error.screen_message)
            self.password.clear()
            self.password.setFocus()
            return
        if result.must_change_password:
            change = ChangePasswordDialog(self._db, result.operator.login_id, self.password.text(), self)
            if change.exec() != QDialog.DialogCode.Accepted:
                self.message.setText(self.tr("パスワードを変更するまでログインできません"))
                return
        self.operator = result.operator
        self.accept()


class ChangePasswordDialog(QDialog):
    """After a supervisor's reset: the operator chooses a new password before anything else."""

    def __init__(self, db: Database, login_id: str, old: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._login_id, self._old = db, login_id, old
        self.setWindowTitle(self.tr("パスワードの変更"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("パスワードが再設定されています。新しいパスワードを決めてください")))
        self.new = _password_field()
        self.again = _password_field()
        layout.addRow(self.tr("新しいパスワード(&N)"), self.new)
        layout.addRow(self.tr("もう一度(&A)"), self.again)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        layout.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _save(self) -> None:
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("確認用のパスワードが一致しません"))
            return
        try:
            operators.change_password(self._db, self._login_id, self._old, self.new.text())
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.accept()


class FirstSupervisorDialog(QDialog):
    """A database with no operator: the first supervisor is created here (and can then add the others)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.operator: OperatorRef | None = None
        self.setWindowTitle(self.tr("口振デスク — 最初の責任者"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("担当者が登録されていません。最初の責任者を登録してください")))
        self.login_id = QLineEdit()
        self.login_id.setObjectName("first_login_id")
        self.name = QLineEdit()
        self.name.setObjectName("first_name")
        self.password = _password_field()
        self.password.setObjectName("first_password")
        self.again = _password_field()
        self.again.setObjectName("first_again")
        layout.addRow(self.tr("ログインID(&I)"), self.login_id)
        layout.addRow(self.tr("氏名(&N)"), self.name)
        layout.addRow(self.tr("パスワード(&P)（8文字以上）"), self.password)
        layout.addRow(self.tr("もう一度(&A)"), self.again)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        layout.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _create(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("確認用のパスワードが一致しません"))
            return
        try:
            self.operator = operators.create_first_supervisor(
                self._db, self.login_id.text().strip(), self.name.text(), self.password.text()
            )
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.accept()

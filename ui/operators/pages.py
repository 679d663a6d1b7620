"""担当者 (a supervisor's: operators, locks, passwords, roles, maintenance) and 監査ログ (the audit log)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import DomainError
from app.services import operators
from app.services.operators import OperatorRef, Role
from app.services.operators.audit import ACTION_LABELS
from ui.shared.labels import QT_TRANSLATE_NOOP, tr_label
from ui.shared.widgets import DateRange, RowsModel, ok_cancel


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


class OperatorsPage(QWidget):
    def __init__(self, db: Database, operator: OperatorRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._operator = db, operator
        layout = QVBoxLayout(self)
        layout.addWidget(_title(self.tr("担当者")))
        self.model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "ログインID"),
                QT_TRANSLATE_NOOP("Labels", "氏名"),
                QT_TRANSLATE_NOOP("Labels", "役割"),
                QT_TRANSLATE_NOOP("Labels", "状態"),
            ),
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("operators")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("追加(&A)…"))
        self.unlock_button = QPushButton(self.tr("ロック解除(&U)"))
        self.unlock_button.setObjectName("unlock")
        self.lock_button = QPushButton(self.tr("ロック(&L)"))
        self.reset_button = QPushButton(self.tr("パスワード再設定(&R)…"))
        self.role_button = QPushButton(self.tr("役割の変更(&Y)…"))
        for button, slot in (
            (self.add_button, self.add_operator),
            (self.unlock_button, self.unlock_selected),
            (self.lock_button, self.lock_selected),
            (self.reset_button, self.reset_selected),
            (self.role_button, self.change_role),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        layout.addWidget(_title(self.tr("メンテナンス")))
        self.maintenance_state = QLabel()
        self.maintenance_state.setObjectName("maintenance_state")
        layout.addWidget(self.maintenance_state)
        row = QHBoxLayout()
        self.until = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.until.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.until.setCalendarPopup(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("お知らせ（例: バックアップのため）"))
        self.start_button = QPushButton(self.tr("メンテナンス開始(&M)"))
        self.start_button.clicked.connect(self.start_maintenance)
        self.end_button = QPushButton(self.tr("メンテナンス終了(&E)"))
        self.end_button.clicked.connect(self.end_maintenance)
        row.addWidget(QLabel(self.tr("終了予定")))
        row.addWidget(self.until)
        row.addWidget(self.note, 1)
        row.addWidget(self.start_button)
        row.addWidget(self.end_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        listing = operators.list_operator_accounts(self._db, self._operator)
        self.model.set_rows(
            [(o.login_id, o.name, o.role.label, self.tr("ロック中") if o.locked else "") for o in listing],
            [o.login_id for o in listing],
        )
        current = operators.current_maintenance(self._db)
        self.maintenance_state.setText(
            self.tr("メンテナンス中です（{0} まで）{1}").format(operators.maintenance_text(current), current.note)
            if current
            else self.tr("通常運用中")
        )
        self.end_button.setEnabled(current is not None)

    def selected_login(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(self.model.keys[rows[0].row()]) if rows else None

    def select(self, login_id: str) -> None:
        if login_id in self.model.keys:
            self.table.selectRow(self.model.keys.index(login_id))

    def _do(self, work: object, done: str) -> None:
        try:
            work()  # type: ignore[operator]
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.message.setText(done)
        login_id = self.selected_login()
        self.reload()
        if login_id:
            self.select(login_id)

    def unlock_selected(self) -> None:
        login_id = self.selected_login()
        if login_id:
            self._do(lambda: operators.unlock_operator(self._db, self._operator, login_id),
                     self.tr("{0} のロックを解除しました").format(login_id))  # fmt: skip

    def lock_selected(self) -> None:
        login_id = self.selected_login()
        if login_id:
            self._do(lambda: operators.lock_operator(self._db, self._operator, login_id),
                     self.tr("{0} をロックしました").format(login_id))  # fmt: skip

    def reset_selected(self) -> None:
        login_id = self.selected_login()
        if not login_id:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("パスワード再設定"), self.tr("仮パスワード（8文字以上。次のログインで変更が必要）"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        if ok:
            self._do(lambda: operators.reset_password(self._db, self._operator, login_id, password),
                     self.tr("{0} のパスワードを再設定しました").format(login_id))  # fmt: skip

    def change_role(self) -> None:
        login_id = self.selected_login()
        if not login_id:
            return
        labels = [r.label for r in Role]
        label, ok = QInputDialog.getItem(self, self.tr("役割の変更"), self.tr("役割"), labels, 0, False)
        if ok:
            role = list(Role)[labels.index(label)]
            self._do(lambda: operators.set_role(self._db, self._operator, login_id, role),
                     self.tr("{0} の役割を {1} にしました").format(login_id, label))  # fmt: skip

    def add_operator(self) -> None:
        dialog = AddOperatorDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._do(
                lambda: operators.add_operator(
                    self._db, self._operator, dialog.login_id.text().strip(), dialog.name.text(),
                    dialog.role.currentData(), dialog.password.text(),
                ),
                self.tr("{0} を追加しました").format(dialog.login_id.text().strip()),
            )  # fmt: skip

    def start_maintenance(self) -> None:
        until = self.until.dateTime().toPython()
        assert isinstance(until, datetime)
        self._do(lambda: operators.start_maintenance(self._db, self._operator, until.astimezone(), self.note.text()),
                 self.tr("メンテナンスを開始しました"))  # fmt: skip

    def end_maintenance(self) -> None:
        self._do(lambda: operators.end_maintenance(self._db, self._operator), self.tr("メンテナンスを終了しました"))


class AddOperatorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("担当者の追加"))
        form = QFormLayout(self)
        self.login_id = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("ログインID(&I)"), self.login_id)
        form.addRow(self.tr("氏名(&N)"), self.name)
        form.addRow(self.tr("役割(&R)"), self.role)
        form.addRow(self.tr("初回パスワード(&P)"), self.password)
        form.addRow(ok_cancel(self, self.tr("追加"), self.accept))


class AuditPage(QWidget):
    """監査ログ: who did what, when, from which machine; filtered by day, login ID and kind."""

    def __init__(self, db: Database, operator: OperatorRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._operator = db, operator
        layout = QVBoxLayout(self)
        layout.addWidget(_title(self.tr("監査ログ")))
        filters = QHBoxLayout()
        self.days = DateRange()
        self.login_id = QLineEdit()
        self.login_id.setObjectName("audit_login_id")
        self.login_id.setPlaceholderText(self.tr("ログインID"))
        self.kind = QComboBox()
        self.kind.setObjectName("audit_kind")
        self.kind.addItem(self.tr("すべて"), "")
        for key, label in ACTION_LABELS.items():
            self.kind.addItem(tr_label(label), key)
        search = QPushButton(self.tr("表示(&S)"))
        search.setObjectName("audit_search")
        search.clicked.connect(self.reload)
        self.login_id.returnPressed.connect(self.reload)
        filters.addWidget(QLabel(self.tr("期間")))
        filters.addWidget(self.days)
        filters.addWidget(self.login_id)
        filters.addWidget(self.kind)
        filters.addWidget(search)
        layout.addLayout(filters)
        self.model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "日時"),
                QT_TRANSLATE_NOOP("Labels", "担当者"),
                QT_TRANSLATE_NOOP("Labels", "種類"),
                QT_TRANSLATE_NOOP("Labels", "内容"),
                QT_TRANSLATE_NOOP("Labels", "端末"),
                QT_TRANSLATE_NOOP("Labels", "DBユーザー"),
            ),
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("audit")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.reload()

    def reload(self) -> None:
        entries = operators.list_audit(
            self._db, self._operator, start=self.days.start(), end=self.days.end(),
            login_id=self.login_id.text().strip() or None, action=self.kind.currentData() or None,
        )  # fmt: skip
        entries.reverse()  # newest first on the screen
        self.model.set_rows(
            [
                (
                    e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    e.operator,
                    e.action_label,
                    e.detail,
                    e.machine,
                    e.db_user,
                )
                for e in entries
            ]
        )
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count.setText(self.tr("{0} 件").format(len(entries)))
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)

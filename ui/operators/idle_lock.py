"""The idle lock: after the set minutes without input the window covers its data and asks for the password;
what was half typed stays where it was. Maintenance started elsewhere is announced and locks the window at
the next action [OP-2]."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import DomainError
from app.services import operators
from app.services.operators import OperatorRef, Role
from app.services.settings import get_settings

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class LockOverlay(QWidget):
    """Covers the whole window; only the password of the logged-in operator takes it away."""

    def __init__(self, window: QMainWindow, db: Database, operator: OperatorRef) -> None:
        super().__init__(window)
        self._window, self._db, self._operator = window, db, operator
        self.setObjectName("lockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#lockOverlay { background: #2b3440; } QLabel { color: white; font-size: 12pt; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.reason = QLabel()
        self.reason.setObjectName("lock_reason")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setWordWrap(True)
        outer.addWidget(self.reason)
        row = QHBoxLayout()
        row.addStretch(1)
        self.password = QLineEdit()
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setFixedWidth(260)
        self.password.returnPressed.connect(self.unlock)
        unlock = QPushButton(self.tr("ロック解除"))
        unlock.clicked.connect(self.unlock)
        row.addWidget(self.password)
        row.addWidget(unlock)
        row.addStretch(1)
        outer.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #ffb4b4;")
        outer.addWidget(self.message)
        outer.addStretch(2)
        self.hide()

    def cover(self, reason: str) -> None:
        self.reason.setText(reason)
        self.message.clear()
        self.password.clear()
        self.setGeometry(self._window.rect())
        self._window.menuBar().setEnabled(False)
        self.show()
        self.raise_()
        self.password.setFocus()

    def unlock(self) -> None:
        try:
            operators.login(self._db, self._operator.login_id, self.password.text())
        except DomainError as error:
            self.password.clear()
            self.message.setText(error.screen_message)
            return
        self.hide()
        self._window.menuBar().setEnabled(True)


class IdleGuard(QObject):
    """Watches input to the application; locks after the idle minutes, or at the next action in maintenance."""

    def __init__(self, window: QMainWindow, db: Database, operator: OperatorRef, *, check_ms: int = 10_000) -> None:
        super().__init__(window)
        self._db, self._operator = db, operator
        self.overlay = LockOverlay(window, db, operator)
        self._window = window
        self.last_input = time.monotonic()
        self.maintenance_pending = ""
        self.minutes = get_settings(db).idle_lock_minutes
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(check_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.overlay.isVisible()

    def lock(self, reason: str | None = None) -> None:
        self.overlay.cover(
            reason or self.tr("一定時間操作がなかったため、画面をロックしました。パスワードを入力してください")
        )

    def check(self) -> None:
        if self.locked:
            return
        if time.monotonic() - self.last_input >= self.minutes * 60:
            self.lock()
            return
        if self._operator.role != Role.SUPERVISOR:
            current = operators.current_maintenance(self._db)
            if current is not None and not self.maintenance_pending:
                self.maintenance_pending = self.tr("メンテナンス中です（{0} まで）").format(
                    operators.maintenance_text(current)
                )
                self._window.statusBar().showMessage(
                    self.maintenance_pending + self.tr("。次の操作で画面をロックします")
                )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and not self.locked:
            self.last_input = time.monotonic()
            if self.maintenance_pending and event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
                reason, self.maintenance_pending = self.maintenance_pending, ""
                self.lock(reason)
                return True  # the action is not carried out
        if event.type() == QEvent.Type.Resize and watched is self._window and self.locked:
            self.overlay.setGeometry(self._window.rect())
        return False

"""What a clerk sees when something goes wrong that no screen caught: a plain message, never a traceback.

A DomainError that escapes a slot is a refusal (shown as a warning with its own words); a lost or locked
database says so; anything else is logged with its traceback in the log file and shown as an apology
that names the log, so support can read what happened. The window stays open and no half-written
change remains: every service call is one transaction that rolled back when it raised.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.exc import OperationalError

from app.domain.errors import DomainError

log = logging.getLogger(__name__)

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def message_for(error: BaseException, log_file: Path | None) -> tuple[QMessageBox.Icon, str]:
    """The icon and the words for an error that reached the top."""
    if isinstance(error, DomainError):
        return QMessageBox.Icon.Warning, error.screen_message
    where = QCoreApplication.translate("ErrorHook", "詳しい記録: {0}").format(log_file) if log_file else ""
    if isinstance(error, OperationalError):
        text = QCoreApplication.translate(
            "ErrorHook",
            "データベースに書き込めませんでした（ほかの端末が使用中か、接続が切れています）。"
            "この操作は保存されていません。少し待ってからもう一度お試しください。",
        )
    else:
        text = QCoreApplication.translate(
            "ErrorHook",
            "予期しない問題が発生したため、この操作を中止しました。保存済みのデータは変わっていません。"
            "続けて作業できますが、繰り返す場合は管理者に連絡してください。",
        )
    return QMessageBox.Icon.Critical, f"{text}\n\n{where}".strip()


def error_text(error: BaseException, log_file: Path | None = None) -> str:
    """The words a screen shows for a failure (a refusal's own message; never a traceback, SQL or its values)."""
    return message_for(error, log_file)[1]


def install(log_file: Path | None, parent: Callable[[], QWidget | None] = lambda: None) -> Hook:
    """Replace sys.excepthook for the GUI; returns the hook (the tests call it directly)."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if not isinstance(error, DomainError):
            log.error("unhandled error in the window", exc_info=(kind, error, tb))
        icon, text = message_for(error, log_file)
        box = QMessageBox(
            icon, QCoreApplication.translate("ErrorHook", "口振デスク"), text, QMessageBox.StandardButton.Ok, parent()
        )
        box.exec()

    sys.excepthook = hook
    return hook

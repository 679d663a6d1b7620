"""Starting the GUI: one QApplication, bundled fonts, Japanese Qt translations, the database opened and migrated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import preferences
from app.db.database import Database
from app.domain.errors import DomainError
from app.paths import AppPaths
from app.resources import resource_path
from app.services.operators import OperatorRef, has_people
from app.services.setup import connect, initialize
from ui import i18n
from ui.main_window import MainWindow
from ui.operators.login import FirstSupervisorDialog, LoginDialog
from ui.shared import error_hook
from ui.shared.fonts import ui_font


def install_translations(app: QApplication, data_dir: Path) -> str:
    """Our texts and Qt's own dialogs in the language chosen in 表示 → 表示言語, else the system's (Japanese unless
    the system is English). Returns the language installed."""
    language = preferences.resolve_language(preferences.language(data_dir), i18n.system_language())
    try:
        i18n.install(app, language)
    except (FileNotFoundError, OSError, subprocess.CalledProcessError):
        language = preferences.DEFAULT_LANGUAGE  # the source texts are Japanese: nothing is lost
    return language


def ask_login(db: Database, login_id: str | None) -> OperatorRef | None:
    """OP-1: a new database asks for its first supervisor; then everyone logs in with ID and password."""
    if not has_people(db):
        first = FirstSupervisorDialog(db)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None
    dialog = LoginDialog(db)
    if login_id:
        dialog.login_id.setText(login_id)
        dialog.password.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.operator


def run_gui(db_arg: str | None, paths: AppPaths, operator_login: str | None, log_file: Path | None = None) -> int:
    # Workers run Python too; a short GIL switch interval keeps painting (hundreds of data() calls) smooth.
    sys.setswitchinterval(0.0005)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("口振デスク")
    app.setOrganizationName("KofuriDesk")
    install_translations(app, paths.data_dir)
    app.setWindowIcon(QIcon(str(resource_path("icons", "kofuri-256.png"))))
    app.setFont(ui_font(10))
    try:
        db = connect(db_arg, paths)
        initialize(db, paths)
    except DomainError as error:
        QMessageBox.critical(None, "口振デスク", error.screen_message)
        return 1
    operator = ask_login(db, operator_login)
    if operator is None:
        db.dispose()
        return 0
    window = MainWindow(
        db,
        operator,
        user_forms=paths.user_forms_dir,
        attachments=paths.ensure(paths.attachments_dir),
        data_dir=paths.data_dir,
    )
    error_hook.install(log_file, lambda: QApplication.activeWindow() or window)
    window.show()
    code = app.exec()
    sys.excepthook = sys.__excepthook__  # no message boxes while the window is torn down
    db.dispose()
    return code

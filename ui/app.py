"""Starting the GUI: one QApplication, bundled fonts, Japanese Qt translations, the database opened and migrated."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.errors import DomainError
from app.paths import AppPaths
from app.services.operators import get_operator
from app.services.setup import connect, initialize
from ui.main_window import MainWindow
from ui.shared import error_hook
from ui.shared.fonts import ui_font


def install_translations(app: QApplication) -> None:
    """Japanese for Qt's own dialogs (our source strings are Japanese already)."""
    translator = QTranslator(app)
    if translator.load(
        QLocale(QLocale.Language.Japanese),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(translator)


def run_gui(db_arg: str | None, paths: AppPaths, operator_login: str, log_file: Path | None = None) -> int:
    # Workers run Python too; a short GIL switch interval keeps painting (hundreds of data() calls) smooth.
    sys.setswitchinterval(0.0005)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("口振デスク")
    app.setOrganizationName("KofuriDesk")
    install_translations(app)
    app.setFont(ui_font(10))
    try:
        db = connect(db_arg, paths)
        initialize(db, paths)
        operator = get_operator(db, operator_login)
    except DomainError as error:
        QMessageBox.critical(None, "口振デスク", str(error))
        return 1
    window = MainWindow(db, operator, user_forms=paths.user_forms_dir, attachments=paths.ensure(paths.attachments_dir))
    error_hook.install(log_file, lambda: QApplication.activeWindow() or window)
    window.show()
    code = app.exec()
    sys.excepthook = sys.__excepthook__  # no message boxes while the window is torn down
    db.dispose()
    return code

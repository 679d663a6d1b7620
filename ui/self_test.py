"""The screen's part of `kofuri --self-test` (app/self_test.py has the rest): the translations load and the
main window opens on the self-test's database with Qt's offscreen platform plugin."""

from __future__ import annotations

import os
import sys

from app.self_test import (
    KNOWN_TEXT,
    WINDOW_NOT_SHOWN,
    Check,
    CheckFailed,
    Workspace,
    translation_line,
    translation_wrong,
    window_line,
)


def _application() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
    return app


def check_translations(_ws: Workspace) -> str:
    """The Japanese and English catalogues (and Qt's own) load and translate a known text."""
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    app = _application()
    assert isinstance(app, QCoreApplication)
    context, source, english = KNOWN_TEXT
    found = []
    for language, expected in (("ja", source), ("en", english)):
        translators = i18n.load(language)
        text = translators[0].translate(context, source) or ""
        if text != expected:
            raise CheckFailed(translation_wrong(language, source, text, expected))
        found.append((language, text, len(translators) > 1))
    return translation_line(found)


def check_main_window(ws: Workspace) -> str:
    """Qt starts (offscreen platform) and the main window opens on the self-test's database."""
    from PySide6.QtWidgets import QApplication

    from app.services.operators import SYSTEM_LOGIN, get_operator
    from ui.main_window import MainWindow
    from ui.shared.fonts import ui_font

    app = _application()
    assert isinstance(app, QApplication)
    app.setFont(ui_font(10))
    db = ws.database()
    try:
        window = MainWindow(
            db,
            get_operator(db, SYSTEM_LOGIN),
            user_forms=ws.paths.user_forms_dir,
            attachments=ws.paths.ensure(ws.paths.attachments_dir),
        )
        window.show()
        app.processEvents()
        areas = window.navigation.count()
        shown = window.isVisible() and areas > 0 and window.pages.currentWidget() is not None
        title = window.windowTitle()
        window.close()
        window.runner.wait(5_000)
        window.deleteLater()
        app.processEvents()
    finally:
        db.dispose()
    if not shown:
        raise CheckFailed(WINDOW_NOT_SHOWN)
    return window_line(title, app.platformName(), areas)


CHECKS: tuple[Check, ...] = (check_translations, check_main_window)

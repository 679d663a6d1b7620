"""Translations (Qt Linguist): our texts from resources/translations/kofuri_<lang>.ts, Qt's own from qtbase_<lang>.

The .ts files are the source (committed, updated with `make ts`); the .qm files are build output compiled by
pyside6-lrelease: by `make translations` into build/translations (the bundle carries them in
resources/translations). Run from a checkout, a missing or out-of-date .qm is compiled on first use, so
`kofuri` from source never shows stale texts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from app import preferences, resources

LANGUAGES = ("ja", "en")
SOURCE_DIR = resources.root() / "resources" / "translations"  # the .ts files (in a checkout)
BUILD_DIR = resources.root() / "build" / "translations"  # the .qm files compiled from them (in a checkout)


def ts_file(language: str) -> Path:
    return SOURCE_DIR / f"kofuri_{language}.ts"


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def lrelease(sources: list[Path], target_dir: Path) -> None:
    """Compile .ts files into .qm files in `target_dir` with PySide6's lrelease."""
    target_dir.mkdir(parents=True, exist_ok=True)
    for source in sources:
        target = target_dir / source.with_suffix(".qm").name
        code = "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"
        subprocess.run(
            [sys.executable, "-c", code, "-silent", str(source), "-qm", str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def qm_file(language: str) -> Path:
    """The compiled catalogue of `language`: the bundle's, or this checkout's (compiled now if stale)."""
    if _frozen():
        return resources.root() / "resources" / "translations" / f"kofuri_{language}.qm"
    target = BUILD_DIR / f"kofuri_{language}.qm"
    source = ts_file(language)
    if source.exists() and (not target.exists() or target.stat().st_mtime < source.stat().st_mtime):
        lrelease([source], BUILD_DIR)
    return target


def system_language() -> str:
    """The system locale's language code ('ja', 'en', 'C' …)."""
    return QLocale.system().name().split("_")[0]


def load(language: str, parent: QCoreApplication | None = None) -> list[QTranslator]:
    """Our catalogue and Qt's own (dialog buttons, context menus) for `language`; raises when ours is missing."""
    ours = QTranslator(parent)
    path = qm_file(language)
    if not ours.load(str(path)):
        raise FileNotFoundError(f"translation missing: {path}")
    translators = [ours]
    qt = QTranslator(parent)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    return translators


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    translators = load(language, app)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def add_language_menu(window: QMainWindow, data_dir: Path) -> QMenu:
    """表示 → 表示言語: Japanese, English, or the system's language; a personal preference of this PC kept in the
    data folder (not a merchant setting), used from the next start."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("LanguageMenu", "表示(&V)"))
    languages = menu.addMenu(QCoreApplication.translate("LanguageMenu", "表示言語(&L)"))
    group = QActionGroup(window)
    chosen = preferences.language(data_dir)
    choices = (
        (None, QCoreApplication.translate("LanguageMenu", "システムの設定に従う(&S)")),
        # each language named in itself, never translated (a reader of the other one must find theirs)
        ("ja", QLocale(QLocale.Language.Japanese).nativeLanguageName() + " (&J)"),
        ("en", "English (&E)"),
    )
    for code, label in choices:
        action = QAction(label, window)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code or "")
        group.addAction(action)
        languages.addAction(action)

    def choose(action: QAction) -> None:
        code = str(action.data()) or None
        try:
            preferences.set_language(data_dir, code)
        except OSError as error:
            QMessageBox.warning(
                window,
                QCoreApplication.translate("LanguageMenu", "表示言語"),
                QCoreApplication.translate("LanguageMenu", "設定を保存できませんでした（{0}）").format(error.strerror),
            )
            return
        QMessageBox.information(
            window,
            QCoreApplication.translate("LanguageMenu", "表示言語"),
            QCoreApplication.translate("LanguageMenu", "次に起動したときから、選んだ言語で表示します。"),
        )

    group.triggered.connect(choose)
    return languages

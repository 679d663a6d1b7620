"""Translations (Qt Linguist): every text of ui/ is in both .ts files, English is complete, and both catalogues
compile and show on a real window; Qt's own dialogs follow the language."""

from __future__ import annotations

import ast
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import preferences
from app.db.database import Database
from app.services.operators import OperatorRef
from ui import i18n
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations as pipeline  # noqa: E402  (scripts/translations.py, the `make ts` pipeline)

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = translation
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """What pyside6-lupdate finds in ui/ today."""
    target = tmp_path_factory.mktemp("ts") / "fresh.ts"
    pipeline.lupdate(target, "en")
    return set(messages(target))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_ui_text_is_in_the_ts_file_and_nothing_stale(extracted: set[tuple[str, str]], language: str) -> None:
    committed = set(messages(pipeline.TS_DIR / f"kofuri_{language}.ts"))
    missing = sorted(extracted - committed)
    assert missing == [], f"run `make ts` and translate: {missing[:10]}"
    assert sorted(committed - extracted) == [], "texts no longer in ui/: run `make ts`"


def test_every_english_entry_is_translated_with_its_placeholders_and_mnemonic() -> None:
    problems = []
    for (context, source), translation in messages(pipeline.TS_DIR / "kofuri_en.ts").items():
        text = translation.text or ""
        if translation.get("type") == "unfinished" or not text.strip():
            problems.append(f"{context}: {source!r} has no English")
        elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
            problems.append(f"{context}: {source!r} → {text!r}: placeholders differ")
        elif ("(&" in source or "&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
            problems.append(f"{context}: {source!r} → {text!r}: the keyboard mnemonic is lost")
        elif re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
            problems.append(f"{context}: {source!r} → {text!r}: Japanese left in the English")
    assert problems == []


def test_the_japanese_catalogue_is_the_source_itself() -> None:
    for (_context, source), translation in messages(pipeline.TS_DIR / "kofuri_ja.ts").items():
        assert translation.get("type") != "unfinished" and translation.text == source


def _ui_classes() -> set[str]:
    names = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(str(node.args[0].value))
    return names


def test_every_context_is_a_class_or_a_named_context_of_ui() -> None:
    """`parent.tr(...)` or a module-level tr() helper land in a context Qt never asks for at run time: the text
    would stay Japanese on an English screen."""
    classes = _ui_classes()
    strays = sorted({context for context, _ in messages(pipeline.TS_DIR / "kofuri_en.ts")} - classes)
    assert strays == []


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "en")
    yield
    for translator in translators:
        app.removeTranslator(translator)


def test_the_main_window_in_english(english: None, qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    window = MainWindow(db, operator)
    qtbot.addWidget(window)
    areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert areas == [
        "New registration",
        "Search accounts",
        "Registration history",
        "Shipments and returns",
        "Billing",
        "Debit results",
        "Notices",
        "Merchant settings",
        "Operators",
        "Audit log",
    ]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Go", "&Operations", "&View", "&Help"]
    assert window.windowTitle() == "Kofuri Desk"
    # Qt's own texts (standard buttons, context menus) follow: qtbase_en
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    window.close()  # waits for its background reads before the database goes


def test_qt_own_dialogs_are_japanese_with_the_japanese_catalogue(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "ja")
    try:
        assert len(translators) == 2, "qtbase_ja.qm from PySide6's translations folder"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_a_checkout_compiles_a_stale_catalogue_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "kofuri_en.ts"
    shutil.copyfile(pipeline.TS_DIR / "kofuri_en.ts", source)
    monkeypatch.setattr(i18n, "SOURCE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "BUILD_DIR", tmp_path / "build")
    compiled = i18n.qm_file("en")
    assert compiled.exists() and compiled.stat().st_size > 1000


def test_the_language_follows_the_preference_then_the_system(tmp_path: Path) -> None:
    assert preferences.language(tmp_path) is None
    assert preferences.resolve_language(None, "ja") == "ja"
    assert preferences.resolve_language(None, "en") == "en"
    assert preferences.resolve_language(None, "C") == "ja"  # Japanese is the default
    preferences.set_language(tmp_path, "en")
    assert preferences.language(tmp_path) == "en"
    assert preferences.resolve_language(preferences.language(tmp_path), "ja") == "en"
    preferences.set_language(tmp_path, None)
    assert preferences.language(tmp_path) is None
    (tmp_path / preferences.PREFERENCES_FILE).write_text("{broken", encoding="utf-8")
    assert preferences.language(tmp_path) is None  # an unreadable file is no preference, not a crash


def test_the_view_menu_saves_the_language_for_the_next_start(
    qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    from tests.ui.conftest import answer_message_box

    window = MainWindow(db, operator, data_dir=tmp_path)
    qtbot.addWidget(window)
    view_menu = window.menuBar().actions()[3].menu()
    assert view_menu is not None
    languages = view_menu.actions()[0].menu()
    assert languages is not None
    english = next(a for a in languages.actions() if a.text().startswith("English"))
    seen: list[str] = []
    answer_message_box("OK", seen)
    english.trigger()
    assert preferences.language(tmp_path) == "en"
    assert seen == ["次に起動したときから、選んだ言語で表示します。"]
    window.close()

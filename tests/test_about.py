"""The About box's facts: version, the database in use and its schema, the bank data, fonts and libraries."""

import tomllib
from pathlib import Path

from pytestqt.qtbot import QtBot

from app import __version__
from app.about import about_info
from app.db.database import Database
from app.db.migrate import head_revision

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_the_one_in_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == project["version"]


def test_about_info_names_the_database_its_schema_and_the_libraries(db: Database) -> None:
    info = about_info(db)
    assert info.version == __version__
    assert info.database == db.location and "password" not in info.database
    assert info.schema_revision == info.schema_head == head_revision(db)
    assert info.bank_data_version.startswith("1.1.0.")
    libraries = {lib.name: lib for lib in info.libraries}
    assert libraries["Qt for Python (PySide6) / Qt"].licence == "LGPL-3.0"
    assert libraries["SQLAlchemy"].version[0].isdigit()
    assert [licence for _name, licence in info.fonts] == ["IPA Font License Agreement v1.0"] * 2
    assert "IPA" in info.font_licence_text


def test_the_about_box_shows_them(qtbot: QtBot, db: Database) -> None:
    from PySide6.QtCore import qVersion

    from ui.about import AboutDialog

    dialog = AboutDialog(db)
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert f"バージョン: {__version__}" in text
    assert f"データベース: {db.location}" in text
    assert f"スキーマ版: {head_revision(db)}" in text
    assert "銀行・支店コードのデータ: zengin-code 1.1.0." in text
    assert f"Qt: {qVersion()}" in text and "Python: 3." in text
    assert "IPAex明朝" in dialog.licences.text() and "LGPL-3.0" in dialog.licences.text()
    assert "IPA" in dialog.font_licence.toPlainText()

"""The About box (ヘルプ → バージョン情報): version, database and schema, bank data, Qt and Python, licences."""

from __future__ import annotations

from html import escape

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from app.about import AboutInfo, about_info
from app.db.database import Database


class AboutDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = about_info(db)
        self.setWindowTitle(self.tr("バージョン情報"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        tabs = QTabWidget(self)
        self.summary = QLabel(self.summary_html(self.info))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        tabs.addTab(self.summary, self.tr("概要"))
        self.licences = QLabel(self.licences_html(self.info))
        self.licences.setWordWrap(True)
        self.licences.setAlignment(Qt.AlignmentFlag.AlignTop)
        tabs.addTab(self.licences, self.tr("ライセンス"))
        self.font_licence = QPlainTextEdit(self.info.font_licence_text)
        self.font_licence.setReadOnly(True)
        tabs.addTab(self.font_licence, self.tr("フォントの使用許諾"))
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        layout.addWidget(buttons)

    def summary_rows(self, info: AboutInfo) -> list[tuple[str, str]]:
        schema = info.schema_revision
        if info.schema_revision != info.schema_head:
            schema = self.tr("{0}（このプログラムの最新は {1}）").format(info.schema_revision, info.schema_head)
        return [
            (self.tr("バージョン"), info.version),
            (self.tr("データベース"), info.database),
            (self.tr("スキーマ版"), schema),
            (self.tr("銀行・支店コードのデータ"), f"zengin-code {info.bank_data_version}"),
            ("Qt", f"{qVersion()}（PySide6 {PySide6.__version__}）"),
            ("Python", info.python_version),
        ]

    def summary_html(self, info: AboutInfo) -> str:
        rows = "".join(
            f"<tr><td><b>{escape(name)}</b></td><td>{escape(value)}</td></tr>"
            for name, value in self.summary_rows(info)
        )
        title = escape(self.tr("口振デスク"))
        return f"<h2>{title}</h2><table cellspacing='6'>{rows}</table>"

    def licences_html(self, info: AboutInfo) -> str:
        fonts = "".join(f"<tr><td>{escape(name)}</td><td>{escape(lic)}</td></tr>" for name, lic in info.fonts)
        libraries = "".join(
            f"<tr><td>{escape(lib.name)}</td><td>{escape(lib.version)}</td><td>{escape(lib.licence)}</td></tr>"
            for lib in info.libraries
        )
        python = escape(self.tr("Python 本体: PSF License"))
        fonts_title = escape(self.tr("同梱のフォント"))
        libraries_title = escape(self.tr("同梱のライブラリ"))
        return (
            f"<p><b>{fonts_title}</b></p><table cellspacing='4'>{fonts}</table>"
            f"<p><b>{libraries_title}</b></p><table cellspacing='4'>{libraries}</table>"
            f"<p>{python}</p>"
        )

    def text(self) -> str:
        """Everything the first tab says, as plain text (for tests and for copying)."""
        return "\n".join(f"{name}: {value}" for name, value in self.summary_rows(self.info))

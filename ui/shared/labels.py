"""Labels kept as data (table headers, choices): marked with QT_TRANSLATE_NOOP("Labels", …) where they are
defined, so pyside6-lupdate extracts them, and translated here where they are shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr_label(text: str) -> str:
    """The translation of a label marked in the "Labels" context (a label from the core's catalogue, which
    has its own wording, is shown as it is)."""
    return QCoreApplication.translate("Labels", text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for extraction in `context` and keep it as it is (it is translated where it is shown)."""
    return text

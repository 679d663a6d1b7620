"""Register the bundled Japanese fonts with Qt so Japanese renders on a machine without Japanese fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from app.resources import FONT_FILES, FONT_GOTHIC, font_path

_families: dict[str, str] = {}


def register_fonts() -> dict[str, str]:
    """Add IPAex Gothic and Mincho to Qt's font database (once); returns file name → family."""
    if _families:
        return dict(_families)
    for file_name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(font_path(file_name)))
        if font_id < 0:
            raise RuntimeError(f"cannot load bundled font {file_name}")
        _families[file_name] = QFontDatabase.applicationFontFamilies(font_id)[0]
    return dict(_families)


def ui_font(point_size: int = 10) -> QFont:
    font = QFont(register_fonts()[FONT_GOTHIC])
    font.setPointSize(point_size)
    return font

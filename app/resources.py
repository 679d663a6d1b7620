"""One accessor for bundled resources (fonts, forms), from the source tree or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

FONT_GOTHIC = "ipaexg.ttf"
FONT_MINCHO = "ipaexm.ttf"
FONT_FILES = (FONT_GOTHIC, FONT_MINCHO)
FONT_LICENSE = "IPA_Font_License.txt"


def root() -> Path:
    """The folder that holds `resources/` and `forms/`: the bundle in a frozen app, else the checkout."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    path = root().joinpath("resources", *parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing: {path}")
    return path


def font_path(file_name: str = FONT_GOTHIC) -> Path:
    return resource_path("fonts", file_name)


def forms_dir() -> Path:
    return root() / "forms"

"""Preferences of one person on one PC (not the merchant's settings, which every clerk shares in the database).

Kept as a small JSON file in the data folder: today only the display language. A missing or unreadable file means
"no preference" (the program follows the system's language), never an error at start-up.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

PREFERENCES_FILE = "preferences.json"
LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"  # the source language of every text


def _file(data_dir: Path) -> Path:
    return data_dir / PREFERENCES_FILE


def _load(data_dir: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def language(data_dir: Path) -> str | None:
    """The chosen display language ('ja' or 'en'), or None to follow the system."""
    chosen = _load(data_dir).get("language")
    return chosen if chosen in LANGUAGES else None


def set_language(data_dir: Path, chosen: str | None) -> None:
    """Remember the display language (None: follow the system). Written whole, then moved into place."""
    if chosen is not None and chosen not in LANGUAGES:
        raise ValueError(f"unknown language {chosen!r}")
    values = _load(data_dir)
    if chosen is None:
        values.pop("language", None)
    else:
        values["language"] = chosen
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temp = tempfile.mkstemp(dir=data_dir, prefix=".preferences-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(values, stream, ensure_ascii=False, indent=2)
        os.replace(temp, _file(data_dir))
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def resolve_language(chosen: str | None, system_language: str) -> str:
    """The language to show: the chosen one, else English on an English system, else Japanese (the default).

    `system_language` is the system locale's language code ('ja', 'en', 'de', 'C' …).
    """
    if chosen in LANGUAGES:
        return chosen
    return "en" if system_language.lower().startswith("en") else DEFAULT_LANGUAGE

"""Print layouts as data (forms/*.json): pages of boxes, labels, bound fields and digit boxes, in millimetres.

A merchant's own design [FORM-1] is one more file of the same kind in the user's forms folder; it is found
before the bundled ones, so no code changes for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.errors import InvalidValue
from app.resources import forms_dir

ELEMENT_TYPES = {"text", "box", "field", "digits", "paragraph", "line", "list", "choices", "textblock", "block"}
REQUIRED = {
    "text": ("x", "y", "text"),
    "box": ("x", "y", "w", "h"),
    "field": ("x", "y", "w", "h", "bind"),
    "digits": ("x", "y", "cells", "cell_w", "h", "bind"),
    "paragraph": ("x", "y", "lines"),
    "line": ("x1", "y1", "x2", "y2"),
    "list": ("x", "y", "row_h", "max_rows", "bind", "columns"),
    "choices": ("x", "y", "options", "bind"),
    "textblock": ("x", "y", "w", "h"),
    "block": ("x", "y", "w", "bind"),  # a text of several lines (bound), wrapped to the width
}


@dataclass(frozen=True)
class Page:
    elements: list[dict[str, Any]]
    variables: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    width_mm: float
    height_mm: float
    pages: list[Page]

    def element(self, name: str, page: int = 0) -> dict[str, Any]:
        """An element by its `name` (tests and previews locate boxes with it)."""
        for element in self.pages[page].elements:
            if element.get("name") == name:
                return element
        raise KeyError(name)


def layout_names(user_forms: Path | None = None) -> list[str]:
    """Every layout that can be used: the user's own designs and the bundled ones."""
    names = {p.stem for p in forms_dir().glob("*.json")}
    if user_forms is not None and user_forms.is_dir():
        names |= {p.stem for p in user_forms.glob("*.json")}
    return sorted(names)


def find_layout(name: str, user_forms: Path | None = None) -> Path:
    for folder in (user_forms, forms_dir()):
        if folder is not None and (folder / f"{name}.json").is_file():
            return folder / f"{name}.json"
    raise InvalidValue(
        f"様式 {name} が見つかりません（使える様式: {', '.join(layout_names(user_forms))}）", code="layout_unknown"
    )


def find_text(name: str, user_forms: Path | None = None) -> Path:
    """A text printed on a form (the terms on the back, forms/*.txt): the merchant's own copy in the user's
    forms folder first, else the bundled one."""
    for folder in (user_forms, forms_dir()):
        if folder is not None and (folder / f"{name}.txt").is_file():
            return folder / f"{name}.txt"
    raise InvalidValue("forms.text_unknown", name=name)


def load_text(name: str, user_forms: Path | None = None) -> str:
    path = find_text(name, user_forms)
    try:
        return path.read_text(encoding="utf-8-sig").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidValue("forms.text_unreadable", path=str(path)) from error


def load_layout(name: str, user_forms: Path | None = None) -> Layout:
    path = find_layout(name, user_forms)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InvalidValue(f"様式ファイル {path} を読めません: {error}", code="layout_unreadable") from error
    return parse_layout(data, str(path))


def parse_layout(data: dict[str, Any], source: str = "layout") -> Layout:
    """Check a layout and expand its pages (a page may use shared `parts` with its own variables)."""
    try:
        width = float(data["page"]["width"])
        height = float(data["page"]["height"])
        parts: dict[str, list[dict[str, Any]]] = data.get("parts", {})
        pages = []
        for number, page in enumerate(data["pages"], start=1):
            elements = list(page.get("elements", []))
            for part in page.get("parts", []):
                elements += parts[part]
            for element in elements:
                _check(element, source, number)
            pages.append(Page(elements, {k: str(v) for k, v in page.get("vars", {}).items()}))
        return Layout(str(data.get("name", source)), str(data.get("title", "")), width, height, pages)
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidValue(f"様式 {source} の形式が正しくありません: {error}", code="layout_invalid") from error


def _check(element: dict[str, Any], source: str, page: int) -> None:
    kind = element.get("type")
    if kind not in ELEMENT_TYPES:
        raise InvalidValue(f"様式 {source} の{page}ページ目: 要素の種類 {kind!r} は使えません", code="layout_invalid")
    missing = [key for key in REQUIRED[str(kind)] if key not in element]
    if missing:
        raise InvalidValue(
            f"様式 {source} の{page}ページ目: {kind} に {', '.join(missing)} がありません", code="layout_invalid"
        )

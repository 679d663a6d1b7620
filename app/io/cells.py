"""Text as it may go into a spreadsheet cell: no live formula, no character that breaks the file.

- .xlsx: every text is written as a string cell, never a formula (a name `=HYPERLINK(…)` stays that text); C0
  control characters other than tab / CR / LF (which a workbook cannot hold) are shown as their visible
  symbol (NUL → ␀, ESC → ␛), so a stray control character never makes an export fail.
- .csv: OWASP's CSV-injection guidance: a cell starting with = + - @ tab or CR is prefixed with a single quote
  so a spreadsheet shows it as text; the csv writer quotes any cell holding a quote, comma or line break.
"""

from __future__ import annotations

import re

_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CSV_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_TEXT = 32_767


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def visible_controls(text: str) -> str:
    """Control characters as their visible symbols (U+2400 block)."""
    return _CSV_CONTROL.sub(_visible, text)


def xlsx_text(text: str) -> str:
    """A text a workbook can hold as it is (written as a string cell by the caller)."""
    if _XLSX_ILLEGAL.search(text):
        text = _XLSX_ILLEGAL.sub(_visible, text)
    return text[:XLSX_MAX_TEXT]


def csv_text(text: str) -> str:
    """A CSV cell no spreadsheet runs as a formula (OWASP CSV injection), with control characters visible."""
    if _CSV_CONTROL.search(text):
        text = visible_controls(text)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


__all__ = ["FORMULA_START", "csv_text", "visible_controls", "xlsx_text"]

"""Normalising what a clerk types: full-width digits, stray spaces; control characters; echoing a value back."""

from __future__ import annotations

import re
import unicodedata

# C0 controls, DEL and C1 controls: never part of a name, an address or a 摘要 (tab, CR and LF included).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
ECHO_MAX = 40  # the longest part of a bad value a message repeats


def _fold(char: str) -> str:
    """Full-width forms (Ａ１ｶ) and the ideographic space to their plain form; anything else unchanged, so that
    ², ① or ٣ never read as digits."""
    if "\uff00" <= char <= "\uffef" or char == "\u3000":
        return unicodedata.normalize("NFKC", char)
    return char


def normalize_digits(value: str) -> str:
    """Full-width digits and letters to ASCII, surrounding spaces removed (superscripts, circled digits and other
    scripts' digits stay what they are: a digit field refuses them)."""
    if value.isascii():
        return value.strip()
    return unicodedata.normalize("NFC", "".join(_fold(c) for c in value)).strip()


def only_digits(value: str) -> bool:
    return value != "" and all("0" <= c <= "9" for c in value)


def control_positions(value: str) -> list[int]:
    """1-based positions of control characters in `value`."""
    return [match.start() + 1 for match in _CONTROL.finditer(value)]


def escape_controls(value: str) -> str:
    """Control characters written as U+XXXX, so an echoed value shows them instead of acting on the terminal."""
    return _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)


def shown(value: object, limit: int = ECHO_MAX) -> str:
    """A value as a message repeats it: cut to `limit` characters (with …) and control characters escaped."""
    text = str(value)
    cut = text[:limit] + ("…" if len(text) > limit else "")
    return escape_controls(cut)


def refuse_controls(value: str, label: str) -> str:
    """`value` unchanged, or InvalidValue naming the first control character's position [REG-9]."""
    positions = control_positions(value)
    if positions:
        from app.domain.errors import InvalidValue

        code = f"U+{ord(value[positions[0] - 1]):04X}"
        raise InvalidValue("input.control_character", label=label, position=positions[0], char=code)
    return value

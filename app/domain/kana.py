"""Kana for bank files: what a clerk types → the bank character set (JIS X 0201 half-width), and back for display.

Rules: `../shared/reference/zengin-furikae-format.md` "Characters in kana fields". The allowed sets live in
`ALLOWED` (banks vary at the edges: change it there, nowhere else).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import jaconv

from app.domain.errors import InvalidValue

_HALF_KANA_LETTERS = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ"
VOICED = "ﾞ"
SEMI_VOICED = "ﾟ"
_DIGITS = "0123456789"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class FieldClass(StrEnum):
    BANK_NAME = "bank_name"  # 金融機関名・支店名
    PARTY_NAME = "party_name"  # 委託者名・預金者名


ALLOWED: dict[FieldClass, frozenset[str]] = {
    FieldClass.BANK_NAME: frozenset(_HALF_KANA_LETTERS + VOICED + SEMI_VOICED + _UPPER + _DIGITS + "-"),
    FieldClass.PARTY_NAME: frozenset(_HALF_KANA_LETTERS + VOICED + SEMI_VOICED + _UPPER + _DIGITS + "-" + " ()."),
}

# Small kana and obsolete kana the bank set has no room for (ｷﾕｳ for キュウ, ﾂ for ッ).
_LARGE = {
    "ァ": "ア",
    "ィ": "イ",
    "ゥ": "ウ",
    "ェ": "エ",
    "ォ": "オ",
    "ャ": "ヤ",
    "ュ": "ユ",
    "ョ": "ヨ",
    "ッ": "ツ",
    "ヮ": "ワ",
    "ヵ": "カ",
    "ヶ": "ケ",
    "ヰ": "イ",
    "ヱ": "エ",
    "ヲ": "オ",
}
_SPACING_MARKS = {"\u309b": "\u3099", "\u309c": "\u309a"}  # ゛゜ typed apart: join them like ﾞﾟ
_DASHES = "ー－‐−―—‒–~〜～"
# Symbols a clerk may type that have a bank-set equivalent.
_SYMBOLS = {"（": "(", "）": ")", "．": ".", "　": " ", "｡": ".", "。": "."}

# Corporate designations and the banks' abbreviations (法人略語). Longest first when matching.
CORPORATE_ABBREVIATIONS: dict[str, str] = {
    "特定非営利活動法人": "ﾄｸﾋ",
    "一般社団法人": "ｼﾔ",
    "一般財団法人": "ｻﾞｲ",
    "公益社団法人": "ｼﾔ",
    "公益財団法人": "ｻﾞｲ",
    "社会福祉法人": "ﾌｸ",
    "株式会社": "ｶ",
    "有限会社": "ﾕ",
    "合同会社": "ﾄﾞ",
    "合名会社": "ﾒ",
    "合資会社": "ｼ",
    "医療法人": "ｲ",
    "財団法人": "ｻﾞｲ",
    "社団法人": "ｼﾔ",
    "学校法人": "ｶﾞｸ",
    "宗教法人": "ｼﾕｳ",
    "カブシキガイシャ": "ｶ",
    "カブシキカイシャ": "ｶ",
    "ユウゲンガイシャ": "ﾕ",
    "ユウゲンカイシャ": "ﾕ",
    "ゴウドウガイシャ": "ﾄﾞ",
    "ゴウドウカイシャ": "ﾄﾞ",
    "イリョウホウジン": "ｲ",
    "(株)": "ｶ",
    "(有)": "ﾕ",
    "(同)": "ﾄﾞ",
}
_ABBREVIATIONS_LONGEST_FIRST = sorted(CORPORATE_ABBREVIATIONS, key=len, reverse=True)
_ABBREVIATION_STARTS = frozenset(d[0] for d in CORPORATE_ABBREVIATIONS)


@dataclass(frozen=True)
class BadCharacter:
    position: int  # 1-based, in what the clerk typed
    char: str

    def describe(self) -> str:
        hint = ""
        if self.char == "・":
            hint = "（スペースに置き換えてください）"
        elif self.char in ",、，":
            hint = "（カンマは使えません）"
        elif unicodedata.category(self.char).startswith("L") and "CJK" in unicodedata.name(self.char, ""):
            hint = "（漢字はカナで入力してください）"
        shown = self.char if self.char.isprintable() and self.char != " " else f"U+{ord(self.char):04X}"
        return f"{self.position}文字目「{shown}」{hint}"


class KanaError(InvalidValue):
    """Characters the bank file cannot carry, each named with its position."""

    code = "kana_invalid"

    def __init__(self, bad: list[BadCharacter]) -> None:
        self.bad = bad
        listed = "、".join(b.describe() for b in bad[:5])
        more = f" ほか{len(bad) - 5}文字" if len(bad) > 5 else ""
        super().__init__(f"カナ欄に使えない文字があります: {listed}{more}", positions=[b.position for b in bad])


@lru_cache(maxsize=8192)
def _nfkc(char: str) -> str:
    return unicodedata.normalize("NFKC", _SPACING_MARKS.get(char, char))


def _fullwidth_units(text: str) -> list[tuple[str, int]]:
    """NFKC each typed character, join voiced marks onto their kana, hiragana → katakana; keep positions."""
    units: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        for piece in _nfkc(char):
            if piece in ("\u3099", "\u309a") and units:
                prev, pos = units[-1]
                combined = unicodedata.normalize("NFC", prev + piece)
                if len(combined) == 1:
                    units[-1] = (combined, pos)
                    continue
            units.append((piece, index + 1))
    return [(_katakana(c), pos) for c, pos in units]


@lru_cache(maxsize=8192)
def _katakana(char: str) -> str:
    return str(jaconv.hira2kata(char))


@lru_cache(maxsize=4096)
def _half(char: str) -> str | None:
    """One full-width unit to bank characters, or None when the bank set has none."""
    char = _LARGE.get(char, char)
    if char in _DASHES:
        return "-"
    char = _SYMBOLS.get(char, char)
    if "a" <= char <= "z":
        return char.upper()
    if char in _DIGITS or "A" <= char <= "Z" or char in " ().-":
        return char
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if "\u30a1" <= base <= "\u30fa":
        base = _LARGE.get(base, base)
        half = str(jaconv.z2h(base, kana=True, ascii=False, digit=False))
        if len(half) != 1 or half not in _HALF_KANA_LETTERS:
            return None
        suffix = ""
        for mark in marks:
            if mark == "\u3099":
                suffix += VOICED
            elif mark == "\u309a":
                suffix += SEMI_VOICED
            else:
                return None
        if suffix and len(unicodedata.normalize("NFC", unicodedata.normalize("NFKC", half + suffix))) != 1:
            return None  # ヺ and the like: no bank kana takes that mark after conversion
        return half + suffix
    return None


def to_bank_kana(text: str, field: FieldClass = FieldClass.PARTY_NAME) -> str:
    """Convert typed kana to the bank character set, or raise KanaError naming every bad character.

    Hiragana, full- and half-width katakana, small kana (→ large), ー (→ -), lowercase (→ upper),
    full-width letters and digits, spaces and corporate designations (株式会社 → ｶ) at the start,
    middle or end are converted. Kanji, emoji and other symbols are errors, never silently dropped.
    """
    units = _fullwidth_units(text)
    joined = "".join(c for c, _ in units)
    out: list[str] = []
    bad: list[BadCharacter] = []
    allowed = ALLOWED[field]
    i = 0
    while i < len(units):
        designation = None
        if joined[i] in _ABBREVIATION_STARTS:
            designation = next((d for d in _ABBREVIATIONS_LONGEST_FIRST if joined.startswith(d, i)), None)
        if designation is not None:
            abbreviation = CORPORATE_ABBREVIATIONS[designation]
            end = i + len(designation)
            at_start = joined[:i].strip() == ""
            at_end = joined[end:].strip() == ""
            while out and out[-1] == " ":
                out.pop()
            if at_start and at_end:
                out.append(abbreviation)
            elif at_start:
                out.append(abbreviation + ")")
            elif at_end:
                out.append("(" + abbreviation)
            else:
                out.append("(" + abbreviation + ")")
            i = end
            while i < len(units) and units[i][0] == " ":
                i += 1
            continue
        char, pos = units[i]
        converted = _half(char)
        if converted is None or any(c not in allowed for c in converted):
            bad.append(BadCharacter(pos, text[pos - 1] if pos - 1 < len(text) else char))
        else:
            out.append(converted)
        i += 1
    if bad:
        # one entry per typed character
        unique = {b.position: b for b in bad}
        raise KanaError(list(unique.values()))
    result = "".join(out).strip()
    while "  " in result:
        result = result.replace("  ", " ")
    return result


def fit(bank_kana: str, length: int) -> str:
    """Cut to at most `length` single-byte characters without separating a kana from its voiced mark."""
    if len(bank_kana) <= length:
        return bank_kana
    cut = length
    if bank_kana[cut] in (VOICED, SEMI_VOICED):
        cut -= 1
    return bank_kana[:cut]


def to_display_kana(text: str) -> str:
    """What a clerk typed, as full-width katakana for storage and display (search folds to this too)."""
    units = _fullwidth_units(text)
    return "".join(c for c, _ in units).strip()

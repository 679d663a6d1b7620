"""Folding names for search, and the bigrams of the substring index (portable across SQLite and PostgreSQL)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import jaconv

GRAM = 2


def fold(text: str) -> str:
    """What a search compares: NFKC, katakana for hiragana, uppercase, no spaces (ヤマダ ハナコ = やまだはなこ)."""
    folded = jaconv.hira2kata(unicodedata.normalize("NFKC", text)).upper()
    return "".join(folded.split())


def grams(text: str) -> set[str]:
    """The bigrams of an already folded text (a single character has none)."""
    return {text[i : i + GRAM] for i in range(len(text) - GRAM + 1)}


def search_text(parts: Iterable[str]) -> str:
    """The folded fields one after another, separated so that no match spans two fields."""
    return "\n".join(fold(p) for p in parts if p)


def text_grams(parts: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for part in parts:
        found |= grams(fold(part))
    return found


def digits(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if "0" <= c <= "9")

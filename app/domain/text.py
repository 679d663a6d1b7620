"""Normalising what a clerk types: full-width digits, stray spaces."""

from __future__ import annotations

import unicodedata


def normalize_digits(value: str) -> str:
    """Full-width digits to ASCII, surrounding spaces removed (NFKC keeps other characters recognisable)."""
    return unicodedata.normalize("NFKC", value).strip()


def only_digits(value: str) -> bool:
    return value != "" and all("0" <= c <= "9" for c in value)

"""Bank and branch codes [REG-9] from the `zengin-code` package, with a type-ahead index of our own.

The package loads every bank on import (about 0.4 s), so it is imported on first use only, never at start-up.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import jaconv

from app.domain.errors import InvalidValue
from app.domain.text import normalize_digits, only_digits

JAPAN_POST_BANK_CODE = "9900"

_Info = TypeVar("_Info", "BankInfo", "BranchInfo")


@dataclass(frozen=True)
class BankInfo:
    code: str
    name: str
    kana: str


@dataclass(frozen=True)
class BranchInfo:
    bank_code: str
    code: str
    name: str
    kana: str


def _zengin() -> Any:
    import zengin_code  # deferred: see module docstring

    return zengin_code


def data_version() -> str:
    """The bank-code data version (shown in the About box); a newer package updates it without code change."""
    return str(_zengin().__version__)


def _banks() -> dict[str, Any]:
    return _zengin().Bank.all  # type: ignore[no-any-return]


def normalize_bank_code(value: str) -> str:
    code = normalize_digits(value)
    if not only_digits(code) or len(code) > 4:
        raise InvalidValue("銀行コードは4桁の数字です", code="bank_code_format", value=value)
    return code.zfill(4)


def normalize_branch_code(value: str) -> str:
    code = normalize_digits(value)
    if not only_digits(code) or len(code) > 3:
        raise InvalidValue("支店コードは3桁の数字です", code="branch_code_format", value=value)
    return code.zfill(3)


def lookup_bank(code: str) -> BankInfo:
    """The bank for a 4-digit code; an unknown code is an error that names it."""
    normalized = normalize_bank_code(code)
    bank = _banks().get(normalized)
    if bank is None:
        raise InvalidValue(f"銀行コード {normalized} の金融機関は見つかりません", code="bank_unknown", bank=normalized)
    return BankInfo(bank.code, bank.name, bank.kana)


def lookup_branch(bank_code: str, branch_code: str) -> BranchInfo:
    """The branch of a bank; an unknown branch is an error that names the bank and the branch code."""
    bank = lookup_bank(bank_code)
    normalized = normalize_branch_code(branch_code)
    branch = _banks()[bank.code].branches.get(normalized)
    if branch is None:
        raise InvalidValue(
            f"{bank.name}（{bank.code}）に支店コード {normalized} の支店は見つかりません",
            code="branch_unknown",
            bank=bank.code,
            branch=normalized,
        )
    return BranchInfo(bank.code, branch.code, branch.name, branch.kana)


# The bank data writes readings in large kana (シンジユク, トウキヨウ); an input method types small ones.
_SMALL_TO_LARGE = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_ROMAJI = re.compile(r"[a-z]+")


def search_key(text: str) -> str:
    """Fold names for prefix search: NFKC, katakana to hiragana, small kana as large (the bank data's readings),
    long vowels and dashes alike, lowercase."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    folded = jaconv.kata2hira(folded).translate(_SMALL_TO_LARGE)
    for dash in ("ー", "－", "‐", "−", "―", "—", "-"):
        folded = folded.replace(dash, "-")
    return folded.replace(" ", "").replace("　", "")


def query_keys(query: str) -> set[str]:
    """The keys a typed query may mean: as typed, and romaji read as kana (shinjuku = しんじゆく); an unfinished
    last syllable (shinj) is left out of the kana form."""
    key = search_key(query)
    keys = {key} if key else set()
    for long_vowel, spelled in (("ā", "aa"), ("ī", "ii"), ("ū", "uu"), ("ē", "ei"), ("ō", "ou"), ("ô", "ou")):
        key = key.replace(long_vowel, spelled)  # Hepburn long vowels (tōkyō) as the data spells them
    if key and _ROMAJI.fullmatch(key):
        complete = re.sub(r"(?:[^aeiouyn]|n(?=y))+$", "", key) or key
        kana = search_key(jaconv.alphabet2kana(complete))
        if kana and not _ROMAJI.search(kana):
            keys.add(kana)
    return keys


def _keys(item: Any) -> tuple[str, ...]:
    return tuple({search_key(item.name), search_key(item.kana), search_key(item.hira), search_key(item.roma)})


@cache
def _bank_index() -> tuple[tuple[tuple[str, ...], BankInfo], ...]:
    return tuple((_keys(b), BankInfo(b.code, b.name, b.kana)) for b in _banks().values())


@cache
def _branch_index(bank_code: str) -> tuple[tuple[tuple[str, ...], BranchInfo], ...]:
    bank = _banks()[bank_code]
    return tuple((_keys(br), BranchInfo(bank_code, br.code, br.name, br.kana)) for br in bank.branches.values())


def _ranked(index: tuple[tuple[tuple[str, ...], _Info], ...], query: set[str], limit: int) -> list[_Info]:
    """Prefix matches, exact matches first, then in code order."""
    found = [
        (0 if query & set(keys) or info.code in query else 1, info.code, info)
        for keys, info in index
        if any(info.code.startswith(q) or any(k.startswith(q) for k in keys) for q in query)
    ]
    found.sort(key=lambda row: (row[0], row[1]))
    return [info for _, _, info in found[:limit]]


def search_banks(query: str, limit: int = 20) -> list[BankInfo]:
    """Banks whose code, name, kana, hiragana or romaji starts with the query (type-ahead)."""
    keys = query_keys(query)
    if not keys:
        return []
    return _ranked(_bank_index(), keys, limit)


def search_branches(bank_code: str, query: str, limit: int = 20) -> list[BranchInfo]:
    """Branches of one bank whose code, name, kana, hiragana or romaji starts with the query."""
    bank = lookup_bank(bank_code)
    keys = query_keys(query)
    if not keys:
        return []
    return _ranked(_branch_index(bank.code), keys, limit)


def branch_codes(bank_code: str) -> list[str]:
    """Every branch code of a bank, in code order."""
    bank = lookup_bank(bank_code)
    return sorted(_banks()[bank.code].branches)


def list_branches(bank_code: str) -> list[BranchInfo]:
    """Every branch of a bank, in code order."""
    return [info for _, info in _branch_index(lookup_bank(bank_code).code)]

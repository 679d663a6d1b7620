"""One catalogue of every text a clerk, a customer or the agency reads: message ids with named parameters.

Each area keeps its texts in a module of this package (a dict of id → Japanese text with `{named}` fields);
`text()` renders one. Where the command line and a screen must say it differently (the CLI may name an
option, a screen never does), the area's `SCREEN` dict holds the screen's wording under the same id.
Rule ids (REG-7, BILL-4, …) never appear in these texts: they stay in comments and tests.
"""

from __future__ import annotations

from typing import Any

from app.messages import accounts, billing, common, forms, notices, operators, paper, results, settings

CATALOGUE: dict[str, str] = {}
SCREEN: dict[str, str] = {}
for _area in (common, accounts, billing, forms, paper, settings, results, notices, operators):
    _overlap = CATALOGUE.keys() & _area.MESSAGES.keys()
    assert not _overlap, f"message ids defined twice: {sorted(_overlap)}"
    CATALOGUE.update(_area.MESSAGES)
    SCREEN.update(getattr(_area, "SCREEN", {}))


def register(messages: dict[str, str], screen: dict[str, str] | None = None) -> None:
    """Add an area's texts (for an area package that keeps its catalogue beside itself)."""
    overlap = CATALOGUE.keys() & messages.keys()
    assert not overlap, f"message ids defined twice: {sorted(overlap)}"
    CATALOGUE.update(messages)
    SCREEN.update(screen or {})


def text(message_id: str, /, *, screen: bool = False, **params: Any) -> str:
    """The text of `message_id` with its parameters filled in; `screen=True` for the screen's wording."""
    template = SCREEN.get(message_id) if screen else None
    if template is None:
        template = CATALOGUE[message_id]
    return template.format(**params)


def known(message_id: str) -> bool:
    return message_id in CATALOGUE


__all__ = ["CATALOGUE", "SCREEN", "known", "register", "text"]

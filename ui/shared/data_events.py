"""One changed-data signal for the whole window: a screen that wrote says which area and which records
changed; every screen that shows that area refreshes itself. (No screen wires itself to another.)"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal


class Area:
    ACCOUNTS = "accounts"  # registrations (new, changed, invalidated, status)
    PAPER = "paper"  # shipments and deficiency returns
    BILLING = "billing"  # billing months and lines
    SETTINGS = "settings"


class DataEvents(QObject):
    changed = Signal(str, list)  # area, ids (empty: any record of the area)


_hub: DataEvents | None = None


def data_events() -> DataEvents:
    """The window's one hub (created on first use, on the GUI thread)."""
    global _hub
    if _hub is None:
        _hub = DataEvents()
    return _hub


def announce(area: str, ids: Sequence[int] = ()) -> None:
    """Say that records of `area` changed (call on the GUI thread after the write committed)."""
    data_events().changed.emit(area, list(ids))

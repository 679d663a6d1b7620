"""One progress and one cancel contract for long work (exports, imports, renders), from the CLI or a worker.

A long task takes `progress(done, total)` and `cancelled() -> bool`; when it sees `cancelled()` turn true it
raises `Cancelled`, having written nothing at the target and recorded nothing.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The person cancelled: nothing was written at the target path and nothing was recorded."""


def no_progress(done: int, total: int) -> None:
    """The default progress callback: report nothing."""


def never_cancelled() -> bool:
    """The default cancel check: never cancelled."""
    return False

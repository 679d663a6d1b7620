"""Background work: run a function off the GUI thread, report progress, allow Cancel, deliver plain results.

Validate on the GUI thread, execute here (design/style.md). The function receives a `TaskContext` and returns
plain data (never ORM objects). A failure reaches the failure handler as the exception itself (a refusal is a
failure with its problems, never a disguised result); `error_text` words it for a screen. Anything that is not
a domain error is logged with its traceback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.domain.errors import DomainError
from app.progress import Cancelled

log = logging.getLogger(__name__)


class TaskContext:
    def __init__(self, signals: TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception itself
    cancelled = Signal()
    progress = Signal(int, int)
    finished = Signal()


class Task(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self.context = TaskContext(self.signals)
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn(self.context)
        except Cancelled:
            self.signals.cancelled.emit()
        except DomainError as error:
            self.signals.failed.emit(error)
        except Exception as error:
            log.exception("background task failed")
            self.signals.failed.emit(error)
        else:
            if self.context.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they finish."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def start(
        self,
        fn: Callable[[TaskContext], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        task = Task(fn)
        if not (shiboken6.isValid(self) and shiboken6.isValid(self.pool)):
            # a page of a closed window reacting to the global changed-data signal: its runner is gone, so the
            # work is not started (it would find "QThreadPool already deleted")
            return task
        if on_success:
            task.signals.succeeded.connect(self._while_alive(on_success))
        if on_failure:
            task.signals.failed.connect(self._while_alive(on_failure))
        if on_cancel:
            task.signals.cancelled.connect(self._while_alive(on_cancel))
        if on_progress:
            task.signals.progress.connect(self._while_alive(on_progress))
        self._running.add(task)
        task.signals.finished.connect(lambda: self._running.discard(task))
        self.pool.start(task)
        return task

    def _while_alive(self, callback: Callable[..., None]) -> Callable[..., None]:
        """A result that arrives after the screen that asked for it was closed goes nowhere: the runner is a
        child of that screen, so it is gone too."""

        def deliver(*args: Any) -> None:
            if shiboken6.isValid(self):
                callback(*args)

        return deliver

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


def run_with_progress(
    runner: TaskRunner,
    parent: QWidget,
    label: str,
    fn: Callable[[TaskContext], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
) -> QProgressDialog:
    """A long job with a progress dialog and a Cancel button (the dialog is modal; the GUI keeps painting)."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Progress", "キャンセル"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Progress", "処理中"))
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def close() -> None:
        dialog.close()

    def finish_ok(result: Any) -> None:
        dialog.close()
        on_success(result)

    def finish_failed(error: Exception) -> None:
        dialog.close()
        on_failure(error)

    task = runner.start(
        fn,
        on_success=finish_ok,
        on_failure=finish_failed,
        on_cancel=close,
        on_progress=progress,
    )
    dialog.canceled.connect(task.context.cancel)
    dialog.open()
    return dialog

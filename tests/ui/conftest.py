"""Helpers for driving real widgets by keyboard, and for answering the modal questions they ask."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Type into the focused widget: ASCII as key presses, Japanese as an input method commits it."""
    widget = focused()
    for run in _runs(text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def _runs(text: str) -> list[str]:
    runs: list[str] = []
    for char in text:
        if runs and runs[-1][-1].isascii() == char.isascii():
            runs[-1] += char
        else:
            runs.append(char)
    return runs


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def answer_message_box(button_text: str, seen: list[str] | None = None) -> None:
    """When the next modal message box opens, record its text and press the button with this text."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text())
        standard = {"Yes": QMessageBox.StandardButton.Yes, "No": QMessageBox.StandardButton.No,
                    "OK": QMessageBox.StandardButton.Ok}.get(button_text)  # fmt: skip
        for button in box.findChildren(QAbstractButton):
            is_standard = standard is not None and box.standardButton(button) == standard  # in any language
            if is_standard or button_text in button.text():
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.findChildren(QAbstractButton)]}")

    QTimer.singleShot(20, click)


def wait_for(qtbot: QtBot, condition: Callable[[], bool], timeout: int = 5000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Close the test's windows before pytest-qt does, answering any question closing them asks.

    A window that asks on closing (a half-typed form) would otherwise open a modal box in pytest-qt's
    teardown that nobody answers: the run hangs there, out of the timeout's reach (a Qt modal loop runs no
    Python for its alarm). Here the box is answered, so the window really closes, and the test fails naming
    the question it left.
    """
    left = close_windows_answering() if "qtbot" in getattr(item, "fixturenames", ()) else []
    result = yield
    if left:
        pytest.fail(f"closing the test's windows asked a question the test did not answer: {left}")
    return result


def close_windows_answering() -> list[str]:
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            return
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            accepting = (QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole)
            button = next((b for b in box.buttons() if box.buttonRole(b) in accepting), None)
            if button is not None:
                button.click()
                return
        else:
            asked.append(box.windowTitle())
        if isinstance(box, QDialog):
            box.reject()
        else:
            box.close()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(answer)
    timer.start()
    try:
        for widget in QApplication.topLevelWidgets():
            if shiboken6.isValid(widget) and widget.isVisible():  # closing one may have deleted another
                widget.close()
    finally:
        timer.stop()
    return asked

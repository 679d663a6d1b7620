"""OP-3 on the screens: a button or menu item is shown only to the roles whose permission table allows its
action (the services refuse it as well: hiding is not the protection); the page enables what is shown only
when the record's state allows it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.services.operators import Action, OperatorRef, allowed


def show_for_role(operator: OperatorRef, controls: Iterable[tuple[QWidget | QAction, Action]]) -> None:
    """Hide every control whose action the operator's role may not do (the others are left as they are: a
    widget not yet in its layout must not be shown, it would open as a window of its own)."""
    for control, action in controls:
        if not allowed(operator, action):
            control.setVisible(False)

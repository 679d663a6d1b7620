"""Domain errors: a code and parameters for the screens, and a Japanese message a clerk understands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


class DomainError(Exception):
    """A rule was broken. Raised with a message id of the catalogue (app/messages) and its named parameters:
    `InvalidValue("billing.month_locked", month="2027-01")`; `message` is the command line's wording,
    `screen_message` the screen's (never naming an option or a command). A plain text is still accepted
    (`code=` then names it) while areas move their texts into the catalogue."""

    code: str = "domain_error"

    def __init__(self, message_or_id: str, *, code: str | None = None, **params: Any) -> None:
        from app import messages

        if messages.known(message_or_id):
            self.code = message_or_id
            self.message = messages.text(message_or_id, **params)
            self.screen_message = messages.text(message_or_id, screen=True, **params)
        else:
            self.message = self.screen_message = message_or_id
            if code is not None:
                self.code = code
        super().__init__(self.message)
        self.params = params

    def __str__(self) -> str:
        return self.message


class InvalidValue(DomainError):
    """One value is not acceptable (a validator's answer)."""

    code = "invalid_value"


@dataclass(frozen=True)
class FieldError:
    """A problem at one field, named by its code name (see glossary)."""

    field: str
    message: str


class ValidationFailed(DomainError):
    """Several fields are wrong at once; every one of them is listed."""

    code = "validation_failed"

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        text = "; ".join(f"{e.field}: {e.message}" for e in self.errors)
        super().__init__(f"入力内容に誤りがあります（{text}）")


class NotFound(DomainError):
    code = "not_found"


class Conflict(DomainError):
    """A stale edit: someone else saved the record after it was read."""

    code = "conflict"


class Duplicate(DomainError):
    code = "duplicate"


class ConfirmationRequired(DomainError):
    """The action is allowed only when the caller confirms it explicitly (e.g. a shared bank account)."""

    code = "confirmation_required"

"""OP-3: the permission table (role × action), checked in the services; screens ask the same table to hide.

Every service that changes data (or puts personal data out) calls `require(operator, Action.X, db)` before
its own transaction, and the one transition (app/services/transitions.py) checks the step it is asked to make
(an invalidation is a supervisor's). A refusal names what the role may not do and is kept in the audit log.
"""

from __future__ import annotations

from enum import StrEnum

from app import messages
from app.db.database import Database
from app.domain.errors import DomainError
from app.services.operators.core import OperatorRef, Role


class Action(StrEnum):
    SEARCH = "search"  # search, the detail, the history, reports, lists, the ledger, results and notices
    REGISTER = "register"  # key a form, import keyed forms, reserve customer numbers
    CHANGE = "change"  # change a registration, record a web result, set a status
    INVALIDATE = "invalidate"
    SHIPMENTS = "shipments"  # make and send shipments of forms, record a held-back form as checked
    SEND_ANYWAY = "send_anyway"  # send a form whose checklist is incomplete, with a reason
    RETURNS = "returns"  # deficiency returns and their follow-ups
    FOLLOW_UPS = "follow_ups"  # the failed-debit work list: states and the contact log [RES-2]
    NOTICES = "notices"  # send the customers' notices, print letters, a person's decisions in the outbox [OP-5]
    PRINT_FORMS = "print_forms"  # print request forms and cover sheets (personal data, audited)
    BILLING = "billing"  # prepare a month, amounts, remove lines, re-bill a failed amount, the annual schedule
    EXPORT_FINAL = "export_final"  # export a billing file (final locks the month)
    IMPORT_AMOUNTS = "import_amounts"
    IMPORT_RESULTS = "import_results"  # also replacing a month's results
    SETTLE = "settle"  # record a failed amount as paid by other means
    CONFIRM = "confirm"  # confirm a sent paper registration by hand [REG-3]
    STOP_REQUEST = "stop_request"
    RELEASE_STOP = "release_stop"  # lift a billing stop a result put on
    SETTINGS = "settings"  # merchant settings, the SMTP password
    OPERATORS = "operators"  # add, lock, unlock, reset passwords, change roles
    MAINTENANCE = "maintenance"  # maintenance mode, backup, restore
    EXPORT_PERSONAL = "export_personal"  # export personal data in bulk (registrations, draft billing files)
    REVEAL = "reveal"  # show one full account number (audited)
    AUDIT = "audit"  # read the audit log


# What each action is called in a refusal and in the screens: the catalogue's `operators.action.<value>`.
ACTION_LABELS: dict[Action, str] = {action: messages.text(f"operators.action.{action.value}") for action in Action}

_CLERK = {
    Action.SEARCH,
    Action.REGISTER,
    Action.CHANGE,
    Action.SHIPMENTS,
    Action.RETURNS,
    Action.FOLLOW_UPS,
    Action.NOTICES,
    Action.PRINT_FORMS,
    Action.REVEAL,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.CLERK: frozenset(_CLERK),
    Role.SUPERVISOR: frozenset(Action),
    Role.AUDITOR: frozenset({Action.SEARCH, Action.AUDIT}),
}


class PermissionDenied(DomainError):
    code = "permission_denied"


def allowed(operator: OperatorRef, action: Action) -> bool:
    return action in PERMISSIONS[operator.role]


def require(operator: OperatorRef, action: Action, db: Database | None = None) -> None:
    """Refuse, naming what the role may not do, unless the operator's role allows `action`. With `db` (every
    service passes it, before its own transaction) the refusal is written to the audit log first, in a
    transaction of its own, so the attempt is on record although nothing else is written."""
    if allowed(operator, action):
        return
    if db is not None:
        from app.services.operators.audit import audit

        with db.write() as session:
            audit(session, operator, "permission", action.value, "refused", role=operator.role.value)
    raise PermissionDenied("operators.refused", role=operator.role.label, action=ACTION_LABELS[action])

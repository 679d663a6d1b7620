"""Personal data leaving the database: every export and print (what, how many, to which file) and every
reveal of a full account number is audited; the audit text itself never holds an account number."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from app.db.database import Database
from app.db.models import AccountRegistration
from app.domain.errors import NotFound
from app.services.operators.audit import audit
from app.services.operators.core import OperatorRef
from app.services.operators.permissions import Action, require


def _file_name(target: str | Path | IO[bytes]) -> str:
    if isinstance(target, str | Path):
        return str(target)
    return str(getattr(target, "name", "(stream)"))


def record_output(
    db: Database, operator: OperatorRef, action: str, what: str, count: int, target: str | Path | IO[bytes]
) -> None:
    """One audit row for an export ("export") or a print ("print") of personal data."""
    with db.write() as session:
        audit(session, operator, "output", what, action, what=what, count=count, file=_file_name(target))


def mask(account_number: str) -> str:
    """The masked form shown everywhere by default: only the last three digits."""
    return "*" * 4 + account_number[-3:] if account_number else ""


def reveal_account_number(db: Database, operator: OperatorRef, registration_id: int) -> str:
    """The full account number of one registration, for a role that may see it; the reveal is audited
    (customer number only, never the account number itself)."""
    require(operator, Action.REVEAL, db)
    with db.write() as session:
        row = session.get(AccountRegistration, registration_id)
        if row is None:
            raise NotFound("operators.registration_unknown", registration_id=registration_id)
        audit(session, operator, "account_registration", str(row.id), "reveal", customer_number=row.customer_number)
        return row.account_number

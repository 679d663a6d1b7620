"""Forms held back from a shipment because their stored checklist is incomplete (REG-7; issues 13 and 14).

A keyed paper form whose checklist (seal, spare seal, kana, circled types, corrections) is not complete does
not go to the agency with the next shipment. Either someone checks the paper again and records it
(`record_checked`: the checklist becomes complete, with a history row), or a supervisor sends it anyway with
a reason (`create_shipment(..., send_anyway=…, reason=…)`: the reason is kept on the shipment item and in the
registration's history).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select

from app.db.database import Database
from app.db.models import AccountRegistration, Shipment, ShipmentItem
from app.domain.account_fields import RegistrationMethod, RegistrationStatus
from app.domain.errors import InvalidValue, NotFound
from app.domain.registration import CHECKLIST_ITEMS
from app.services.accounts.views import Action
from app.services.operators import Action as Permission
from app.services.operators import OperatorRef, require
from app.services.transitions import record_history

OPEN = "open"


def missing_items(checklist: Mapping[str, Any] | None) -> list[str]:
    """The checklist items not ticked, in words (in the checklist's order)."""
    ticked = checklist or {}
    return [label for key, label in CHECKLIST_ITEMS.items() if not ticked.get(key)]


def waiting_query() -> Select[AccountRegistration]:
    """Keyed paper forms not yet in an open shipment (what the next shipment may take)."""
    in_open = select(ShipmentItem.registration_id).join(Shipment).where(Shipment.status == OPEN)
    return select(AccountRegistration).where(
        AccountRegistration.status == RegistrationStatus.KEYED.value,
        AccountRegistration.method == RegistrationMethod.PAPER.value,
        AccountRegistration.id.not_in(in_open),
    )


@dataclass(frozen=True)
class HeldForm:
    registration_id: int
    customer_number: str
    name: str
    corrected: bool
    missing: list[str]

    @property
    def missing_text(self) -> str:
        return "、".join(self.missing)


def held_back_forms(db: Database) -> list[HeldForm]:
    """Waiting forms whose checklist is incomplete: the next shipment leaves them out."""
    with db.read() as session:
        rows = session.scalars(waiting_query().order_by(AccountRegistration.customer_number))
        return [
            HeldForm(r.id, r.customer_number, r.contract_holder_name, bool(r.corrected), missing_items(r.checklist))
            for r in rows
            if missing_items(r.checklist)
        ]


def record_checked(db: Database, customer_number: str, operator: OperatorRef, *, note: str = "") -> HeldForm:
    """Someone checked the paper form again: its checklist is recorded complete (history row in the same
    transaction), so the next shipment takes it."""
    require(operator, Permission.SHIPMENTS, db)
    with db.write() as session:
        row = session.scalar(select(AccountRegistration).where(AccountRegistration.customer_number == customer_number))
        if row is None:
            raise NotFound("paper.registration_unknown", customer_number=customer_number)
        missing = missing_items(row.checklist)
        if not missing:
            raise InvalidValue("paper.checklist_already_complete", customer_number=customer_number)
        if row.status != RegistrationStatus.KEYED.value or row.method != RegistrationMethod.PAPER.value:
            raise InvalidValue("paper.checklist_not_waiting", customer_number=customer_number)
        before = dict(row.checklist or {})
        after = {key: True for key in CHECKLIST_ITEMS}
        row.checklist = after
        session.flush()
        reason = "依頼書を確認しました（" + "、".join(missing) + "）" + (f": {note.strip()}" if note.strip() else "")
        record_history(session, row, operator, Action.CHECKLIST_CHECKED, {"checklist": [before, after]}, reason)
        return HeldForm(row.id, row.customer_number, row.contract_holder_name, bool(row.corrected), [])


def check_send_anyway(db: Database, operator: OperatorRef, numbers: list[str], reason: str) -> None:
    """Only a supervisor may send an incomplete form, and only with a reason."""
    if not numbers:
        return
    require(operator, Permission.SEND_ANYWAY, db)
    if not reason.strip():
        raise InvalidValue("paper.send_anyway_reason_required")

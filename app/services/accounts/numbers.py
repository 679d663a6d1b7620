"""Customer numbers [REG-4]: issued once, never reused; reservations for pre-numbered blank forms."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    CustomerNumberReservation,
)
from app.domain.customer_number import next_free_customer_number
from app.domain.errors import InvalidValue

# Fields compared and shown in the history (field-level before and after).
from app.services.accounts.queries import _digit_prefix
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action, require
from app.services.settings import load_settings


def _highest_issued(session: Session, prefix: str) -> list[str]:
    """The highest number registered and the highest reserved for blank forms (both count as issued)."""
    found = []
    for column in (AccountRegistration.customer_number, CustomerNumberReservation.customer_number):
        highest = session.scalar(select(func.max(column)).where(_digit_prefix(column, prefix)))
        if highest:
            found.append(highest)
    return found


def allocate_customer_number(session: Session, prefix: str) -> str:
    """REG-4: the next free number after every number ever issued with this prefix (never reused)."""
    return next_free_customer_number(prefix, _highest_issued(session, prefix))


def reserve_customer_numbers(db: Database, count: int, operator: OperatorRef, purpose: str) -> list[str]:
    """Allocate `count` numbers for pre-numbered blank forms and record them, so none is issued twice [REG-4]."""
    require(operator, Action.REGISTER, db)
    if not 1 <= count <= 10_000:
        raise InvalidValue("一度に予約できる顧客番号は1〜10,000件です", code="reserve_count")
    with db.write() as session:
        prefix = load_settings(session).customer_number_prefix
        number = allocate_customer_number(session, prefix)
        numbers = []
        for _ in range(count):
            numbers.append(number)
            number = next_free_customer_number(prefix, [number])
        session.add_all(
            CustomerNumberReservation(customer_number=n, operator_id=operator.id, purpose=purpose) for n in numbers
        )
        return numbers


def is_reserved(session: Session, customer_number: str) -> bool:
    """REG-4: the number was printed on a blank form (reserved); keying it is that form's arrival."""
    found = session.get(CustomerNumberReservation, customer_number)
    return found is not None


def reserved_unused(db: Database, customer_number: str) -> bool:
    """The number is reserved for a blank form and no registration uses it yet (the screen says so on save)."""
    with db.read() as session:
        taken = session.scalar(
            select(AccountRegistration.id).where(AccountRegistration.customer_number == customer_number)
        )
        return taken is None and is_reserved(session, customer_number)


def next_customer_number(db: Database) -> str:
    """The number a new registration would get now (pre-filled on the form; allocated for real on save)."""
    with db.read() as session:
        return allocate_customer_number(session, load_settings(session).customer_number_prefix)

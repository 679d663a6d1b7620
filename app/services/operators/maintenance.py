"""OP-2 maintenance mode: a supervisor holds the database (backup, restore, upgrade); others cannot log in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import Maintenance, Operator
from app.domain.errors import InvalidValue
from app.services.operators.audit import audit
from app.services.operators.core import OperatorRef
from app.services.operators.permissions import Action, require

ROW_ID = 1


@dataclass(frozen=True)
class MaintenanceView:
    until: datetime
    note: str
    by: str
    started_at: datetime


def read_maintenance(session: Session) -> MaintenanceView | None:
    row = session.get(Maintenance, ROW_ID)
    if row is None:
        return None
    who = session.get(Operator, row.operator_id)
    return MaintenanceView(row.until, row.note, who.name if who else "", row.started_at)


def maintenance_text(view: MaintenanceView) -> str:
    """The end time as people read it, in the machine's local time (「12:30」, or with the day if not today)."""
    local = view.until.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def current_maintenance(db: Database) -> MaintenanceView | None:
    with db.read() as session:
        return read_maintenance(session)


def start_maintenance(db: Database, operator: OperatorRef, until: datetime, note: str = "") -> MaintenanceView:
    require(operator, Action.MAINTENANCE, db)
    if until.tzinfo is None:
        until = until.astimezone()
    if until <= datetime.now(UTC):
        raise InvalidValue("operators.maintenance_past")
    with db.write() as session:
        row = session.get(Maintenance, ROW_ID)
        if row is None:
            row = Maintenance(id=ROW_ID, operator_id=operator.id, until=until, note=note.strip())
            session.add(row)
        else:
            row.operator_id, row.until, row.note = operator.id, until, note.strip()
        session.flush()
        audit(session, operator, "maintenance", str(ROW_ID), "maintenance_on", until=until.isoformat(), note=note)
        view = read_maintenance(session)
    assert view is not None
    return view


def end_maintenance(db: Database, operator: OperatorRef) -> None:
    require(operator, Action.MAINTENANCE, db)
    with db.write() as session:
        row = session.get(Maintenance, ROW_ID)
        if row is not None:
            session.delete(row)
            audit(session, operator, "maintenance", str(ROW_ID), "maintenance_off")


def require_maintenance(db: Database, operator: OperatorRef) -> MaintenanceView:
    """Backup and restore run only in maintenance, by a supervisor."""
    require(operator, Action.MAINTENANCE, db)
    view = current_maintenance(db)
    if view is None:
        raise InvalidValue("operators.maintenance_needed")
    return view

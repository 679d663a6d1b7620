"""Shipments of paper forms to the collection agency (COVER-1, COVER-2) and the paper-form lifecycle (REG-3)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import AccountRegistration, DeficiencyReturn, Shipment, ShipmentItem
from app.domain.account_fields import RegistrationMethod, RegistrationStatus
from app.domain.business_calendar import BillingMonth, month_schedule
from app.domain.errors import InvalidValue, NotFound
from app.domain.lifecycle import ReturnStatus, ShipmentStatus, presumed_complete, presumed_date
from app.messages import text
from app.services.operators import OperatorRef
from app.services.settings import get_settings
from app.services.transitions import move_registration, move_return, move_shipment

OPEN, SENT = "open", "sent"
NEW, CORRECTED = "new", "corrected"


@dataclass(frozen=True)
class ShipmentView:
    id: int
    status: str
    sent_on: date | None
    tracking_number: str
    new: list[str]
    corrected: list[str]

    @property
    def total(self) -> int:
        return len(self.new) + len(self.corrected)


def _view(session: Session, shipment: Shipment) -> ShipmentView:
    items = session.scalars(
        select(ShipmentItem).where(ShipmentItem.shipment_id == shipment.id).order_by(ShipmentItem.customer_number)
    )
    new: list[str] = []
    corrected: list[str] = []
    for item in items:
        (corrected if item.kind == CORRECTED else new).append(item.customer_number)
    return ShipmentView(shipment.id, shipment.status, shipment.sent_on, shipment.tracking_number, new, corrected)


def create_shipment(
    db: Database, operator: OperatorRef, *, new_only: bool = False, only: Sequence[int] | None = None
) -> ShipmentView:
    """Every keyed paper form not yet in an open shipment, new and corrected kept apart (COVER-1);
    `only` limits it to these registration ids."""
    with db.write() as session:
        in_open = select(ShipmentItem.registration_id).join(Shipment).where(Shipment.status == OPEN)
        stmt = select(AccountRegistration).where(
            AccountRegistration.status == RegistrationStatus.KEYED.value,
            AccountRegistration.method == RegistrationMethod.PAPER.value,
            AccountRegistration.id.not_in(in_open),
        )
        if new_only:
            stmt = stmt.where(AccountRegistration.corrected.is_(False))
        if only is not None:
            stmt = stmt.where(AccountRegistration.id.in_(list(only)))
        waiting = list(session.scalars(stmt.order_by(AccountRegistration.customer_number)))
        if not waiting:
            raise InvalidValue("発送を待っている依頼書はありません", code="nothing_to_ship")
        shipment = Shipment(created_by=operator.id, status=OPEN)
        session.add(shipment)
        session.flush()
        session.add_all(
            ShipmentItem(
                shipment_id=shipment.id,
                registration_id=r.id,
                customer_number=r.customer_number,
                kind=CORRECTED if r.corrected else NEW,
            )
            for r in waiting
        )
        session.flush()
        return _view(session, shipment)


def send_shipment(
    db: Database, shipment_id: int, sent_on: date, operator: OperatorRef, *, tracking_number: str = ""
) -> ShipmentView:
    """Record the date sent and the tracking number (COVER-2); every form in it is now awaiting the bank."""
    with db.write() as session:
        shipment = session.get(Shipment, shipment_id)
        if shipment is None:
            raise NotFound(f"発送 {shipment_id} はありません", code="shipment_unknown")
        if shipment.status != OPEN:
            raise InvalidValue(f"発送 {shipment_id} は {shipment.sent_on} に発送済みです", code="shipment_sent")
        move_shipment(session, shipment, ShipmentStatus.SENT, operator)
        shipment.sent_on = sent_on
        shipment.tracking_number = tracking_number.strip()
        items = session.scalars(select(ShipmentItem).where(ShipmentItem.shipment_id == shipment.id))
        for item in items:
            registration = session.get(AccountRegistration, item.registration_id)
            assert registration is not None
            registration.sent_on = sent_on
            move_registration(
                session, registration, RegistrationStatus.SENT, operator, f"発送 {shipment.id}（{sent_on.isoformat()}）"
            )
            if item.kind == CORRECTED:  # the return is resent
                for ret in session.scalars(
                    select(DeficiencyReturn).where(
                        DeficiencyReturn.registration_id == registration.id,
                        DeficiencyReturn.status == ReturnStatus.RECEIVED.value,
                    )
                ):
                    move_return(session, ret, ReturnStatus.RESENT, operator)
        return _view(session, shipment)


def list_shipments(db: Database) -> list[ShipmentView]:
    with db.read() as session:
        return [_view(session, s) for s in session.scalars(select(Shipment).order_by(Shipment.id))]


def get_shipment(db: Database, shipment_id: int) -> ShipmentView:
    with db.read() as session:
        shipment = session.get(Shipment, shipment_id)
        if shipment is None:
            raise NotFound(f"発送 {shipment_id} はありません", code="shipment_unknown")
        return _view(session, shipment)


@dataclass(frozen=True)
class StatusReport:
    step: str
    next_action: str
    deadlines: list[str]


def status_report(db: Database, customer_number: str, *, today: date | None = None) -> StatusReport:
    """Where a registration stands in its lifecycle, what happens next, and the deadlines that matter."""
    day = today or date.today()
    quiet_weeks = get_settings(db).quiet_period_weeks
    with db.read() as session:
        r = session.scalar(select(AccountRegistration).where(AccountRegistration.customer_number == customer_number))
        if r is None:
            raise NotFound(f"顧客番号 {customer_number} の登録はありません", code="registration_unknown")
        status = RegistrationStatus(r.status)
        open_return = session.scalar(
            select(DeficiencyReturn)
            .where(DeficiencyReturn.registration_id == r.id, DeficiencyReturn.status.in_(["open", "waiting"]))
            .order_by(DeficiencyReturn.id.desc())
        )
    month = BillingMonth(day.year, day.month)
    schedule = month_schedule(month)
    if schedule.paper_form_deadline < day:
        month = BillingMonth(day.year + day.month // 12, day.month % 12 + 1)
        schedule = month_schedule(month)
    reach = text("paper.status.reach", month=month, deadline=schedule.paper_form_deadline.isoformat())
    if status is RegistrationStatus.KEYED:
        kind = "不備分（再提出）" if r.corrected else "新規"
        return StatusReport(text("paper.status.keyed", kind=kind), text("paper.status.keyed_next"), [reach])
    if status is RegistrationStatus.SENT and r.sent_on is not None:
        presumed = presumed_date(r.sent_on, quiet_weeks)
        if presumed_complete(r.status, r.sent_on, day, quiet_weeks):
            return StatusReport(
                text("paper.status.presumed", sent_on=r.sent_on.isoformat(), weeks=quiet_weeks),
                text("paper.status.presumed_next"),
                [],
            )
        return StatusReport(
            text("paper.status.sent", sent_on=r.sent_on.isoformat()),
            text("paper.status.sent_next", presumed=presumed.isoformat()),
            [],
        )
    if status is RegistrationStatus.RETURNED:
        what = text("paper.status.returned_next")
        step = "不備返却"
        if open_return is not None:
            step += f"（{open_return.received_on.isoformat()} 受領、返却 {open_return.id}）"
        return StatusReport(step, what, [reach, text("paper.status.returned_late")])
    labels = {
        RegistrationStatus.COMPLETE: ("登録済", "請求できます"),
        RegistrationStatus.WEB_REQUESTED: ("WEB申込中", "結果ファイルを待ちます（1〜2日）"),
        RegistrationStatus.WEB_NG: ("WEB登録NG", "お客様に再申込か紙の依頼書を依頼します"),
        RegistrationStatus.INVALIDATED: ("無効", text("paper.status.invalidated_next")),
        RegistrationStatus.SENT: ("発送済・金融機関確認中", "返却を待ちます"),
    }
    step, action = labels[status]
    return StatusReport(step, action, [])


def waiting_counts(db: Database) -> tuple[int, int]:
    """Keyed paper forms not yet in an open shipment: (new, corrected)."""
    with db.read() as session:
        in_open = select(ShipmentItem.registration_id).join(Shipment).where(Shipment.status == OPEN)
        rows = session.execute(
            select(AccountRegistration.corrected).where(
                AccountRegistration.status == RegistrationStatus.KEYED.value,
                AccountRegistration.method == RegistrationMethod.PAPER.value,
                AccountRegistration.id.not_in(in_open),
            )
        ).all()
    corrected = sum(1 for (flag,) in rows if flag)
    return len(rows) - corrected, corrected


def next_paper_month(day: date) -> tuple[BillingMonth, date]:
    """The first debit month a paper form sent on `day` can still reach (REG-2), and its deadline."""
    month = BillingMonth(day.year, day.month)
    for _ in range(3):
        deadline = month_schedule(month).paper_form_deadline
        if deadline >= day:
            return month, deadline
        month = BillingMonth(month.year + month.month // 12, month.month % 12 + 1)
    raise AssertionError("a paper deadline lies within three months")


@dataclass(frozen=True)
class DeadlineRow:
    customer_number: str
    name: str
    status: str
    first_month: str
    deadline: date


NOT_AT_BANK = (RegistrationStatus.KEYED.value, RegistrationStatus.RETURNED.value)


def deadline_view(db: Database, *, today: date | None = None, limit: int | None = None) -> list[DeadlineRow]:
    """REG-2: for every paper form not yet at the bank, the first debit month it can make if sent today
    (the first `limit` by customer number; `deadline_count` says how many there are in all)."""
    day = today or date.today()
    month, deadline = next_paper_month(day)
    with db.read() as session:
        rows = session.execute(
            select(
                AccountRegistration.customer_number,
                AccountRegistration.contract_holder_name,
                AccountRegistration.status,
            )
            .where(AccountRegistration.status.in_(NOT_AT_BANK))
            .order_by(AccountRegistration.customer_number)
            .limit(limit)
        ).all()
    return [DeadlineRow(n, name, RegistrationStatus(s).label, str(month), deadline) for n, name, s in rows]


def deadline_count(db: Database) -> int:
    with db.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AccountRegistration).where(AccountRegistration.status.in_(NOT_AT_BANK))
            )
            or 0
        )

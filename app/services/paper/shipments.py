"""Shipments of paper forms to the collection agency (COVER-1, COVER-2) and the paper-form lifecycle [REG-3]."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import AccountRegistration, DeficiencyReturn, Shipment, ShipmentItem
from app.domain.account_fields import RegistrationStatus
from app.domain.business_calendar import BillingMonth, month_schedule
from app.domain.errors import InvalidValue, NotFound
from app.domain.lifecycle import ReturnStatus, ShipmentStatus, presumed_complete, presumed_date
from app.messages import text
from app.services.accounts.views import Action
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action as Permission
from app.services.operators.permissions import require
from app.services.paper.holds import HeldForm, check_send_anyway, missing_items, waiting_query
from app.services.settings import get_settings
from app.services.transitions import move_registration, move_return, move_shipment, record_history

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
    # forms in it whose checklist was incomplete, sent anyway by a supervisor: customer number → reason
    sent_anyway: dict[str, str] = field(default_factory=dict)
    # when just created: the waiting forms it left out because their checklist is incomplete
    held_back: list[HeldForm] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.new) + len(self.corrected)


def _view(session: Session, shipment: Shipment) -> ShipmentView:
    items = session.scalars(
        select(ShipmentItem).where(ShipmentItem.shipment_id == shipment.id).order_by(ShipmentItem.customer_number)
    )
    new: list[str] = []
    corrected: list[str] = []
    anyway: dict[str, str] = {}
    for item in items:
        (corrected if item.kind == CORRECTED else new).append(item.customer_number)
        if item.sent_anyway_reason:
            anyway[item.customer_number] = item.sent_anyway_reason
    return ShipmentView(
        shipment.id, shipment.status, shipment.sent_on, shipment.tracking_number, new, corrected, anyway
    )


def create_shipment(
    db: Database,
    operator: OperatorRef,
    *,
    new_only: bool = False,
    only: Sequence[int] | None = None,
    send_anyway: Sequence[str] = (),
    reason: str = "",
) -> ShipmentView:
    """Every keyed paper form not yet in an open shipment, new and corrected kept apart [COVER-1]; `only`
    limits it to these registration ids. A form whose stored checklist is incomplete is held back (listed in
    the result's `held_back`) unless a supervisor sends it anyway (`send_anyway`: customer numbers) with a
    `reason`, recorded on the shipment item and in the registration's history."""
    require(operator, Permission.SHIPMENTS, db)
    anyway = list(dict.fromkeys(n.strip() for n in send_anyway if n.strip()))
    check_send_anyway(db, operator, anyway, reason)
    with db.write() as session:
        stmt = waiting_query()
        if new_only:
            stmt = stmt.where(AccountRegistration.corrected.is_(False))
        if only is not None:
            stmt = stmt.where(AccountRegistration.id.in_(list(only)))
        waiting = list(session.scalars(stmt.order_by(AccountRegistration.customer_number)))
        held = {r.customer_number: r for r in waiting if missing_items(r.checklist)}
        not_held = [n for n in anyway if n not in held]
        if not_held:
            raise InvalidValue("paper.send_anyway_not_held", numbers="、".join(not_held))
        going = [r for r in waiting if r.customer_number not in held or r.customer_number in anyway]
        if not going:
            if held:
                raise InvalidValue("paper.nothing_to_ship_held", held=len(held))
            raise InvalidValue("paper.nothing_to_ship")
        shipment = Shipment(created_by=operator.id, status=OPEN)
        session.add(shipment)
        session.flush()
        session.add_all(
            ShipmentItem(
                shipment_id=shipment.id,
                registration_id=r.id,
                customer_number=r.customer_number,
                kind=CORRECTED if r.corrected else NEW,
                sent_anyway_reason=reason.strip() if r.customer_number in anyway else "",
                sent_anyway_by=operator.id if r.customer_number in anyway else None,
            )
            for r in going
        )
        for number in anyway:
            row = held[number]
            missing = missing_items(row.checklist)
            record_history(
                session,
                row,
                operator,
                Action.SENT_ANYWAY,
                {},
                f"発送 {shipment.id} に含めました（未確認: {'、'.join(missing)}）: {reason.strip()}",
            )
        session.flush()
        view = _view(session, shipment)
        left_out = [
            HeldForm(r.id, r.customer_number, r.contract_holder_name, bool(r.corrected), missing_items(r.checklist))
            for number, r in held.items()
            if number not in anyway
        ]
        return replace(view, held_back=left_out)


def send_shipment(
    db: Database, shipment_id: int, sent_on: date, operator: OperatorRef, *, tracking_number: str = ""
) -> ShipmentView:
    """Record the date sent and the tracking number [COVER-2]; every form in it is now awaiting the bank."""
    require(operator, Permission.SHIPMENTS, db)
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
        first = BillingMonth(r.sent_on.year, r.sent_on.month)  # REG-2: the first month whose paper deadline it met
        while month_schedule(first).paper_form_deadline < r.sent_on:
            first = BillingMonth(first.year + first.month // 12, first.month % 12 + 1)
        billable = text("results.billable_from", month=str(first))
        if presumed_complete(r.status, r.sent_on, day, quiet_weeks):
            return StatusReport(
                text("paper.status.presumed", sent_on=r.sent_on.isoformat(), weeks=quiet_weeks),
                text("paper.status.presumed_next"),
                [billable],
            )
        return StatusReport(
            text("paper.status.sent", sent_on=r.sent_on.isoformat()),
            text("paper.status.sent_next", presumed=presumed.isoformat()),
            [billable],
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
    """Keyed paper forms the next shipment takes: (new, corrected); forms held back for an incomplete
    checklist are not counted (see app.services.paper.holds.held_back_forms)."""
    with db.read() as session:
        rows = session.execute(
            waiting_query().with_only_columns(AccountRegistration.corrected, AccountRegistration.checklist)
        ).all()
    going = [flag for flag, checklist in rows if not missing_items(checklist)]
    corrected = sum(1 for flag in going if flag)
    return len(going) - corrected, corrected


def next_paper_month(day: date) -> tuple[BillingMonth, date]:
    """The first debit month a paper form sent on `day` can still reach [REG-2], and its deadline."""
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

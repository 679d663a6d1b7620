"""Stop requests after the lock [BILL-7], lapse warnings [REG-11] and the export log."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    BillingExport,
    BillingLine,
    BillingMonth,
    Operator,
)
from app.domain.account_fields import RegistrationStatus
from app.domain.business_calendar import BillingMonth as Month
from app.domain.errors import Conflict, InvalidValue, NotFound
from app.services.billing.audit import _audit
from app.services.billing.common import (
    DRAFT,
    LAPSE_WARNING_MONTHS,
    LineView,
)
from app.services.billing.months import _line_view, _month_row
from app.services.billing.schedule import schedule_for
from app.services.notices.planning import cancel_line_reminders
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action, require
from app.services.settings import get_settings


def stop_line(
    db: Database, month: str, customer_number: str, reason: str, operator: OperatorRef, *, today: date | None = None
) -> LineView:
    """BILL-7: after the lock, stop one line until the stop-request deadline; refused after it."""
    require(operator, Action.STOP_REQUEST, db)
    if not reason.strip():
        raise InvalidValue("振替停止の理由を入力してください", code="reason_required")
    parsed = Month.parse(month)
    day = today or date.today()
    settings = get_settings(db)
    with db.write() as session:
        row = _month_row(session, parsed)
        if row.state == DRAFT:
            raise InvalidValue(
                f"{month} はまだ確定していません。下書きの間は明細の金額を変更するか削除してください",
                code="month_not_final",
            )
        schedule = schedule_for(session, parsed, settings.stop_request_business_days)
        if day > schedule.stop_request_deadline:
            raise InvalidValue(  # BILL-7
                "billing.stop_deadline_passed",
                deadline=schedule.stop_request_deadline.isoformat(),
                days=settings.stop_request_business_days,
            )
        line = session.scalar(
            select(BillingLine).where(
                BillingLine.billing_month_id == row.id, BillingLine.customer_number == customer_number
            )
        )
        if line is None:
            raise NotFound(f"{month} の請求に顧客番号 {customer_number} はありません", code="line_unknown")
        if line.stopped:
            raise Conflict(f"顧客番号 {customer_number} はすでに停止依頼済みです", code="already_stopped")
        line.stopped = True
        line.stop_reason = reason.strip()
        line.stopped_at = datetime.now(UTC)
        _audit(session, operator, str(parsed), "stop", customer_number=customer_number, reason=line.stop_reason)
        cancel_line_reminders(session, line.id, operator, line.stop_reason)  # no reminder for a stopped line
        registration = session.get(AccountRegistration, line.registration_id)
        assert registration is not None
        return _line_view(line, registration.contract_holder_name)


def lapse_warnings(db: Database, *, today: date | None = None) -> list[tuple[str, str, str]]:
    """REG-11: complete registrations not billed for 12 months or more, listed before they reach 13.
    Returns (customer number, name, last billed month or "—")."""
    day = today or date.today()
    months_back = day.year * 12 + day.month - 1 - LAPSE_WARNING_MONTHS
    limit = f"{months_back // 12:04d}-{months_back % 12 + 1:02d}"
    with db.read() as session:
        last = (
            select(BillingLine.registration_id, func.max(BillingMonth.month).label("last"))
            .join(BillingMonth, BillingMonth.id == BillingLine.billing_month_id)
            .where(BillingMonth.state != DRAFT, BillingLine.stopped.is_(False))
            .group_by(BillingLine.registration_id)
            .subquery()
        )
        stmt = (
            select(AccountRegistration.customer_number, AccountRegistration.contract_holder_name, last.c.last)
            .join(last, last.c.registration_id == AccountRegistration.id)
            .where(AccountRegistration.status == RegistrationStatus.COMPLETE.value, last.c.last <= limit)
            .order_by(last.c.last, AccountRegistration.customer_number)
        )
        return [(n, name, str(month)) for n, name, month in session.execute(stmt)]


def exports(db: Database, month: str) -> list[tuple[datetime, str, str, bool, int, int]]:
    """The export log: when, who, format, final, lines, total."""
    with db.read() as session:
        row = _month_row(session, Month.parse(month))
        stmt = (
            select(BillingExport, Operator.name)
            .join(Operator, Operator.id == BillingExport.operator_id)
            .where(BillingExport.billing_month_id == row.id)
            .order_by(BillingExport.id)
        )
        return [(e.at, name, e.format, e.final, e.line_count, e.total) for e, name in session.execute(stmt)]

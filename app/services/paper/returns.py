"""Deficiency returns (不備返却, DEF-1 … DEF-4): record, follow up, statistics."""

from __future__ import annotations

import shutil
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import AccountRegistration, DeficiencyReturn, Operator, ReturnContact, utcnow
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import Conflict, InvalidValue, NotFound
from app.domain.lifecycle import ReturnStatus
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action, require
from app.services.transitions import move_registration, move_return

# DEF-2: the banks' standard reasons, plus the spare seal and free text
REASONS: dict[str, str] = {
    "seal_mismatch": "金融機関届け出印相違",
    "account_number": "口座番号相違",
    "representative_missing": "代表者名漏れ",
    "seal_missing": "印鑑押印漏れ",
    "holder_mismatch": "名義人相違",
    "deposit_type": "預金種目相違",
    "seal_unclear": "印影不鮮明",
    "no_account": "該当口座無し",
    "branch": "支店名相違",
    "spare_seal_missing": "捨印漏れ",
    "other": "その他（自由記入）",
}
STATUSES: dict[str, str] = {
    "open": "未対応",
    "waiting": "お客様の返送待ち",
    "received": "新しい依頼書を受領",
    "resent": "再送付済",
    "closed": "完了",
}
ACTIONS: dict[str, str] = {"new_form": "新しい依頼書を送る（推奨）", "correction": "訂正を依頼する"}  # DEF-1
CHANNELS: dict[str, str] = {"phone": "電話", "mail": "郵送", "email": "メール", "visit": "来店", "memo": "メモ"}
SCAN_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


@dataclass(frozen=True)
class ReturnView:
    id: int
    customer_number: str
    contract_holder_name: str
    bank_code: str
    received_on: date
    reasons: list[str]
    note: str
    status: str
    scan_file: str
    scan_name: str
    action: str = "new_form"

    @property
    def reason_labels(self) -> str:
        return "、".join(REASONS.get(code, code) for code in self.reasons)


def _view(ret: DeficiencyReturn, registration: AccountRegistration) -> ReturnView:
    return ReturnView(
        ret.id,
        ret.customer_number,
        registration.contract_holder_name,
        registration.bank_code,
        ret.received_on,
        list(ret.reasons),
        ret.note,
        ret.status,
        ret.scan_file,
        ret.scan_name,
        ret.action,
    )


def add_return(
    db: Database,
    customer_number: str,
    received_on: date,
    reasons: list[str],
    operator: OperatorRef,
    *,
    note: str = "",
    scan: Path | None = None,
    attachments_dir: Path | None = None,
    action: str = "new_form",
) -> ReturnView:
    """Record a form the bank sent back; the registration is returned (not billable while the return is open)."""
    require(operator, Action.RETURNS, db)
    unknown = [r for r in reasons if r not in REASONS]
    if not reasons or unknown:
        listed = "、".join(unknown) if unknown else "（なし）"
        raise InvalidValue("paper.reason_unknown", listed=listed)
    if action not in ACTIONS:
        raise InvalidValue(f"対応 {action} はありません（{', '.join(ACTIONS)}）", code="return_action")
    if "other" in reasons and not note.strip():
        raise InvalidValue("paper.reason_note_required")
    if scan is not None:
        if not scan.is_file():
            raise InvalidValue(f"スキャンのファイル {scan} が見つかりません", code="scan_missing")
        if scan.suffix.lower() not in SCAN_SUFFIXES:
            raise InvalidValue("スキャンは PDF か画像（PNG・JPEG・TIFF）です", code="scan_type")
    with db.write() as session:
        registration = session.scalar(
            select(AccountRegistration).where(AccountRegistration.customer_number == customer_number.strip())
        )
        if registration is None:
            raise NotFound(f"顧客番号 {customer_number} の登録はありません", code="registration_unknown")
        if registration.status not in (RegistrationStatus.SENT.value, RegistrationStatus.COMPLETE.value):
            raise InvalidValue(
                f"顧客番号 {customer_number} は「{RegistrationStatus(registration.status).label}」です。"
                "不備返却を記録できるのは発送済みの依頼書です",
                code="not_sent",
            )
        stored = ""
        if scan is not None:
            folder = (attachments_dir or scan.parent) / "returns"
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            stored_path = folder / f"{uuid.uuid4().hex}{scan.suffix.lower()}"
            shutil.copyfile(scan, stored_path)
            stored_path.chmod(0o600)  # OP-6, OP-8: attachments hold personal data
            stored = str(stored_path)
        ret = DeficiencyReturn(
            registration_id=registration.id,
            customer_number=registration.customer_number,
            received_on=received_on,
            reasons=list(dict.fromkeys(reasons)),
            note=note.strip(),
            status="open",
            scan_file=stored,
            scan_name=scan.name if scan else "",
            created_by=operator.id,
            action=action,
        )
        session.add(ret)
        session.flush()
        move_registration(
            session,
            registration,
            RegistrationStatus.RETURNED,
            operator,
            f"不備返却（{'、'.join(REASONS[r] for r in ret.reasons)}）",
        )
        return _view(ret, registration)


def _load(session: Session, return_id: int) -> DeficiencyReturn:
    ret = session.get(DeficiencyReturn, return_id)
    if ret is None:
        raise NotFound(f"不備返却 {return_id} はありません", code="return_unknown")
    return ret


def update_return(
    db: Database,
    return_id: int,
    status: str,
    operator: OperatorRef,
    *,
    note: str = "",
    channel: str = "memo",
    expected_status: str | None = None,
) -> ReturnView:
    """open → waiting → received → resent → closed; `received` queues the new form for the next shipment as
    corrected (不備分) and is taken only while the return is open or waiting; `closed` may be set from any
    status. `expected_status` is the status the caller saw: if someone changed it meanwhile, nothing is
    written and the conflict names who and when (two staff following up the same return)."""
    require(operator, Action.RETURNS, db)
    if status not in STATUSES:
        raise InvalidValue(f"状態 {status} はありません（{', '.join(STATUSES)}）", code="return_status")
    with db.write() as session:
        ret = _load(session, return_id)
        if expected_status is not None and ret.status != expected_status:
            who = session.get(Operator, ret.updated_by) if ret.updated_by is not None else None
            by = f"{who.name}（{who.login_id}）が " if who is not None else ""
            raise Conflict(
                f"不備返却 {ret.id} は、開いている間に {by}{ret.updated_at.astimezone():%Y-%m-%d %H:%M} に"
                f"「{STATUSES.get(ret.status, ret.status)}」に変更されました。開き直してから操作してください",
                code="return_conflict",
            )
        if status == "received" and ret.status not in ("open", "waiting"):
            raise InvalidValue(
                f"新しい依頼書の受領を記録できるのは「{STATUSES['open']}」か「{STATUSES['waiting']}」の返却です"
                f"（不備返却 {ret.id} はいま「{STATUSES.get(ret.status, ret.status)}」）",
                code="return_transition",
            )
        registration = session.get(AccountRegistration, ret.registration_id)
        assert registration is not None
        if not move_return(session, ret, ReturnStatus(status), operator):
            ret.updated_at = utcnow()  # a note on an unchanged status still says who acted last
            ret.updated_by = operator.id
        if note.strip():
            session.add(ReturnContact(return_id=ret.id, channel=channel, note=note.strip(), operator_id=operator.id))
        if status == "received":
            registration.corrected = True
            move_registration(
                session,
                registration,
                RegistrationStatus.KEYED,
                operator,
                "新しい依頼書を受領・入力（不備分として再送付）",
            )
        return _view(ret, registration)


def list_returns(db: Database, *, open_only: bool = False) -> list[ReturnView]:
    with db.read() as session:
        stmt = select(DeficiencyReturn, AccountRegistration).join(
            AccountRegistration, AccountRegistration.id == DeficiencyReturn.registration_id
        )
        if open_only:
            stmt = stmt.where(DeficiencyReturn.status.in_(["open", "waiting", "received"]))
        return [
            _view(r, a) for r, a in session.execute(stmt.order_by(DeficiencyReturn.received_on, DeficiencyReturn.id))
        ]


def get_return(db: Database, return_id: int) -> ReturnView:
    with db.read() as session:
        ret = _load(session, return_id)
        registration = session.get(AccountRegistration, ret.registration_id)
        assert registration is not None
        return _view(ret, registration)


@dataclass(frozen=True)
class ReturnStats:
    by_reason: dict[str, int]
    by_bank: dict[str, int]
    total: int


def stats(db: Database, date_from: date, date_to: date) -> ReturnStats:
    """How many returns by reason and by bank over a period (which mistakes to train for)."""
    if date_to < date_from:
        raise InvalidValue("期間の終わりが始まりより前です", code="period")
    by_reason: Counter[str] = Counter()
    by_bank: Counter[str] = Counter()
    total = 0
    with db.read() as session:
        stmt = (
            select(DeficiencyReturn.reasons, AccountRegistration.bank_code, AccountRegistration.bank_name)
            .join(AccountRegistration, AccountRegistration.id == DeficiencyReturn.registration_id)
            .where(DeficiencyReturn.received_on >= date_from, DeficiencyReturn.received_on <= date_to)
        )
        for reasons, bank_code, bank_name in session.execute(stmt):
            total += 1
            by_bank[f"{bank_code} {bank_name}"] += 1
            for reason in reasons:
                by_reason[REASONS.get(reason, reason)] += 1
    return ReturnStats(dict(by_reason.most_common()), dict(by_bank.most_common()), total)


def contacts(db: Database, return_id: int) -> list[tuple[datetime, str, str]]:
    with db.read() as session:
        rows = session.scalars(
            select(ReturnContact).where(ReturnContact.return_id == return_id).order_by(ReturnContact.id)
        )
        return [(c.at, c.channel, c.note) for c in rows]


@dataclass(frozen=True)
class DashboardRow:
    view: ReturnView
    operator: str  # the name of the operator who recorded the return
    age_days: int
    deadline: date
    days_left: int
    month: str


def dashboard(
    db: Database,
    *,
    today: date | None = None,
    reason: str = "",
    bank_code: str = "",
    operator_login: str = "",
    min_age_days: int = 0,
) -> list[DashboardRow]:
    """Open returns, most urgent first: days left to the paper-form deadline of the next debit month [DEF-4],
    then the oldest return."""
    from app.services.paper.shipments import next_paper_month

    day = today or date.today()
    month, deadline = next_paper_month(day)
    with db.read() as session:
        stmt = (
            select(DeficiencyReturn, AccountRegistration, Operator.name)
            .join(AccountRegistration, AccountRegistration.id == DeficiencyReturn.registration_id)
            .join(Operator, Operator.id == DeficiencyReturn.created_by)
            .where(DeficiencyReturn.status.in_(["open", "waiting"]))
        )
        if bank_code:
            stmt = stmt.where(AccountRegistration.bank_code == bank_code)
        if operator_login:
            stmt = stmt.where(Operator.login_id == operator_login)
        rows = []
        for ret, registration, recorded_by in session.execute(stmt):
            if reason and reason not in ret.reasons:
                continue
            age = (day - ret.received_on).days
            if age < min_age_days:
                continue
            rows.append(
                DashboardRow(_view(ret, registration), recorded_by, age, deadline, (deadline - day).days, str(month))
            )
    rows.sort(key=lambda r: (r.days_left, -r.age_days, r.view.customer_number))
    return rows


def left_out(db: Database, *, today: date | None = None, months: int = 3) -> list[tuple[str, date, list[str]]]:
    """DEF-4: for each coming debit month, the last date a corrected form can be sent, and the customers with an
    open return who will be left out of that month unless their new form is sent by then."""
    from app.domain.business_calendar import BillingMonth, month_schedule

    day = today or date.today()
    open_numbers = [r.customer_number for r in list_returns(db, open_only=True) if r.status in ("open", "waiting")]
    result = []
    month = BillingMonth(day.year, day.month)
    for _ in range(months):
        deadline = month_schedule(month).paper_form_deadline
        if deadline >= day:
            result.append((str(month), deadline, open_numbers))
        month = BillingMonth(month.year + month.month // 12, month.month % 12 + 1)
    return result


def returns_of(db: Database, registration_id: int) -> list[ReturnView]:
    """A registration's whole return history (the detail shows it)."""
    with db.read() as session:
        stmt = (
            select(DeficiencyReturn, AccountRegistration)
            .join(AccountRegistration, AccountRegistration.id == DeficiencyReturn.registration_id)
            .where(DeficiencyReturn.registration_id == registration_id)
            .order_by(DeficiencyReturn.received_on)
        )
        return [_view(r, a) for r, a in session.execute(stmt)]

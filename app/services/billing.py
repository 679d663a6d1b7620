"""Monthly billing (口座振替請求): months, lines, checks, exports (Excel and the bank format), lock, stop requests.

BILL-4: a file listing anyone not billable is never produced; BILL-5: a file every month, even empty;
BILL-6: exported as final = locked; BILL-7: stop requests until the deadline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    AnnualSchedule,
    AuditLog,
    BillingExport,
    BillingLine,
    BillingMonth,
    Operator,
    utcnow,
)
from app.domain import bank_codes
from app.domain.account_fields import RegistrationStatus, parse_amount
from app.domain.business_calendar import BillingMonth as Month
from app.domain.business_calendar import MonthSchedule, month_schedule
from app.domain.errors import Conflict, DomainError, InvalidValue, NotFound
from app.domain.kana import FieldClass, KanaError, fit, to_bank_kana
from app.domain.zengin import DebitLine, Header, NewCode, write
from app.services.operators import OperatorRef
from app.services.settings import SettingsView, get_settings

DRAFT, FINAL, RESULTS = "draft", "final", "results"
STATE_LABELS = {DRAFT: "下書き", FINAL: "確定（ロック済）", RESULTS: "結果受領済"}
LAPSE_WARNING_MONTHS = 12  # REG-11: warn before 13 months without a debit


class ExportCancelled(Exception):
    """The user cancelled an export: nothing was written or locked."""


class BillingRefused(DomainError):
    """The file would list lines the bank rejects (BILL-4): every problem is named."""

    code = "billing_refused"

    def __init__(self, problems: Sequence[LineProblem]) -> None:
        self.problems = list(problems)
        listed = "\n".join(str(p) for p in self.problems[:50])
        more = f"\nほか {len(self.problems) - 50} 件" if len(self.problems) > 50 else ""
        super().__init__(f"請求データを作成できません（{len(self.problems)} 件の問題）:\n{listed}{more}")


@dataclass(frozen=True)
class LineProblem:
    customer_number: str
    registration_id: int | None
    reason: str

    def __str__(self) -> str:
        return f"顧客番号 {self.customer_number}: {self.reason}"


@dataclass(frozen=True)
class MonthView:
    month: str
    state: str
    schedule: MonthSchedule
    line_count: int
    total: int
    stopped_count: int
    version: int

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    def days_left(self, today: date) -> int:
        return (self.schedule.billing_deadline - today).days


@dataclass(frozen=True)
class LineView:
    id: int
    customer_number: str
    registration_id: int
    contract_holder_name: str
    bank_code: str
    branch_code: str
    deposit_type: int
    account_number: str
    account_holder_bank: str
    amount: int
    description: str
    new_code: int
    stopped: bool
    stop_reason: str


@dataclass
class ExportResult:
    path: Path
    format: str
    line_count: int
    total: int
    final: bool
    warnings: list[str] = field(default_factory=list)
    already_final: bool = False  # the month was locked before this export (BILL-6): same content, no new lock


@dataclass(frozen=True)
class ImportProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


# --- schedule ---------------------------------------------------------------------------------------------
def schedule_for(session: Session, month: Month, stop_days: int) -> MonthSchedule:
    """BILL-2: the annual schedule's deadline when a supervisor recorded one, else the calendar's default."""
    row = session.get(AnnualSchedule, str(month))
    return month_schedule(
        month, annual_schedule_deadline=row.billing_deadline if row else None, stop_request_business_days=stop_days
    )


def set_schedule(db: Database, month: str, billing_deadline: date, result_date: date | None = None) -> None:
    parsed = Month.parse(month)
    with db.write() as session:
        row = session.get(AnnualSchedule, str(parsed))
        if row is None:
            session.add(AnnualSchedule(month=str(parsed), billing_deadline=billing_deadline, result_date=result_date))
        else:
            row.billing_deadline = billing_deadline
            row.result_date = result_date


def import_schedule(db: Database, path: Path) -> tuple[int, list[ImportProblem]]:
    """The annual schedule from .xlsx/.csv (請求月, 請求締切日, 結果返却日): all or nothing."""
    from app.io.tabular import read_table

    table = read_table(path)
    problems = [
        ImportProblem(1, h, f"見出し「{h}」の列がありません")
        for h in ("請求月", "請求締切日")
        if h not in table.headers
    ]
    if problems:
        return 0, problems
    rows: list[tuple[str, date, date | None]] = []
    for number, cells in table.rows:
        try:
            month = str(Month.parse(cells.get("請求月", "")))
        except DomainError as error:
            problems.append(ImportProblem(number, "請求月", error.message))
            continue
        days: list[date | None] = []
        for column in ("請求締切日", "結果返却日"):
            text = cells.get(column, "").strip()[:10]
            if not text:
                if column == "請求締切日":
                    problems.append(ImportProblem(number, column, "日付を入力してください"))
                days.append(None)
                continue
            try:
                days.append(date.fromisoformat(text.replace("/", "-")))
            except ValueError:
                problems.append(ImportProblem(number, column, f"日付は YYYY-MM-DD で入力してください（{text}）"))
                days.append(None)
        if days[0] is not None:
            rows.append((month, days[0], days[1]))
    if problems:
        return 0, problems
    with db.write() as session:
        for month, deadline, result_date in rows:
            row = session.get(AnnualSchedule, month)
            if row is None:
                session.add(AnnualSchedule(month=month, billing_deadline=deadline, result_date=result_date))
            else:
                row.billing_deadline, row.result_date = deadline, result_date
    return len(rows), []


def _audit(session: Session, operator: OperatorRef, month: str, action: str, **changes: Any) -> None:
    """Every change to a billing month leaves its row in the append-only audit log, in the same transaction."""
    session.add(
        AuditLog(operator_id=operator.id, entity="billing_month", entity_id=month, action=action, changes=changes)
    )


def audit_trail(db: Database, month: str) -> list[tuple[datetime, str, str, dict[str, Any]]]:
    """Who changed the month how, oldest first: (when, operator name, action, what)."""
    with db.read() as session:
        rows = session.execute(
            select(AuditLog.at, Operator.name, AuditLog.action, AuditLog.changes)
            .join(Operator, Operator.id == AuditLog.operator_id)
            .where(AuditLog.entity == "billing_month", AuditLog.entity_id == str(Month.parse(month)))
            .order_by(AuditLog.id)
        ).all()
    return [(at, name, action, dict(changes)) for at, name, action, changes in rows]


# --- months and lines -------------------------------------------------------------------------------------
def _month_row(session: Session, month: Month, *, create: bool = False) -> BillingMonth:
    row = session.scalar(select(BillingMonth).where(BillingMonth.month == str(month)))
    if row is None:
        if not create:
            raise NotFound(
                f"{month} の請求はまだ準備されていません（kofuri billing prepare {month}）", code="month_unknown"
            )
        row = BillingMonth(month=str(month), state=DRAFT)
        session.add(row)
        session.flush()
    return row


def _holder_bank(kana: str) -> str:
    try:
        return fit(to_bank_kana(kana, FieldClass.PARTY_NAME), 30)
    except KanaError:
        return ""


def _line_from(registration: AccountRegistration, month_id: int, amount: int, description: str) -> BillingLine:
    return BillingLine(
        billing_month_id=month_id,
        registration_id=registration.id,
        customer_number=registration.customer_number,
        amount=amount,
        description=description,
        bank_code=registration.bank_code,
        branch_code=registration.branch_code,
        deposit_type=registration.deposit_type,
        account_number=registration.account_number,
        account_holder_bank=_holder_bank(registration.account_holder_kana),
    )


def _billable(registration: AccountRegistration) -> str | None:
    return billable_reason(registration.status, registration.billing_stopped, registration.billing_stop_reason)


_COMPLETE = RegistrationStatus.COMPLETE.value


def billable_reason(status: str, billing_stopped: bool, stop_reason: str) -> str | None:
    """Why a registration cannot be billed, or None (BILL-4, DEF-3, DEF-4, REG-2, REG-12, OP-7)."""
    if status == _COMPLETE and not billing_stopped:
        return None
    if status == RegistrationStatus.INVALIDATED.value:
        return "無効化された登録です"
    if billing_stopped:
        return f"請求停止中です（{stop_reason or '理由未記入'}）"
    if status == RegistrationStatus.RETURNED.value:
        return "依頼書が不備返却中です。新しい依頼書が金融機関に届くまで請求できません（DEF-3, DEF-4）"
    if status in (RegistrationStatus.KEYED.value, RegistrationStatus.SENT.value):
        return "紙の依頼書の登録が金融機関でまだ完了していません（REG-2, REG-3）"
    if status == RegistrationStatus.WEB_REQUESTED.value:
        return "WEB登録の結果がまだ届いていません"
    if status == RegistrationStatus.WEB_NG.value:
        return "WEB登録がNGでした"
    if status != RegistrationStatus.COMPLETE.value:
        return f"登録の状態（{status}）では請求できません"
    return None


def _require_draft(row: BillingMonth) -> None:
    if row.state != DRAFT:
        raise InvalidValue(
            f"{row.month} の請求は確定済みのため、金額の変更・追加はできません（BILL-6）", code="month_locked"
        )


def prepare_month(db: Database, month: str, operator: OperatorRef) -> MonthView:
    """Create the month (draft) and add a line for every billable registration with a standing monthly amount."""
    parsed = Month.parse(month)
    with db.write() as session:
        row = _month_row(session, parsed, create=True)
        _require_draft(row)
        present = set(
            session.scalars(select(BillingLine.registration_id).where(BillingLine.billing_month_id == row.id))
        )
        R = AccountRegistration
        candidates = session.execute(
            select(
                R.id,
                R.customer_number,
                R.monthly_amount,
                R.bank_code,
                R.branch_code,
                R.deposit_type,
                R.account_number,
                R.account_holder_kana,
            ).where(
                R.status == RegistrationStatus.COMPLETE.value,
                R.billing_stopped.is_(False),
                R.monthly_amount.is_not(None),
            )
        )
        now = utcnow()
        rows = [
            {
                "billing_month_id": row.id,
                "registration_id": rid,
                "customer_number": number,
                "amount": amount,
                "description": "",
                "bank_code": bank,
                "branch_code": branch,
                "deposit_type": deposit,
                "account_number": account,
                "account_holder_bank": _holder_bank(kana),
                "new_code": 0,
                "stopped": False,
                "stop_reason": "",
                "updated_at": now,
            }
            for rid, number, amount, bank, branch, deposit, account, kana in candidates
            if rid not in present and amount
        ]
        if rows:
            session.execute(insert(BillingLine), rows)
        _audit(session, operator, str(parsed), "prepare", added=len(rows))
    return get_month(db, month)


def get_month(db: Database, month: str) -> MonthView:
    parsed = Month.parse(month)
    settings = get_settings(db)
    with db.read() as session:
        row = _month_row(session, parsed)
        count, total, stopped = session.execute(
            select(
                func.count(BillingLine.id),
                func.coalesce(func.sum(BillingLine.amount), 0),
                func.count(BillingLine.id).filter(BillingLine.stopped.is_(True)),
            ).where(BillingLine.billing_month_id == row.id)
        ).one()
        schedule = schedule_for(session, parsed, settings.stop_request_business_days)
        return MonthView(row.month, row.state, schedule, int(count), int(total), int(stopped), row.version)


def month_schedule_view(db: Database, month: str) -> MonthSchedule:
    settings = get_settings(db)
    with db.read() as session:
        return schedule_for(session, Month.parse(month), settings.stop_request_business_days)


def list_lines(db: Database, month: str, *, offset: int = 0, limit: int | None = None) -> list[LineView]:
    with db.read() as session:
        row = _month_row(session, Month.parse(month))
        stmt = (
            select(BillingLine, AccountRegistration.contract_holder_name)
            .join(AccountRegistration, AccountRegistration.id == BillingLine.registration_id)
            .where(BillingLine.billing_month_id == row.id)
            .order_by(BillingLine.customer_number)
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_line_view(line, name) for line, name in session.execute(stmt)]


def _line_view(line: BillingLine, name: str) -> LineView:
    return LineView(
        line.id,
        line.customer_number,
        line.registration_id,
        name,
        line.bank_code,
        line.branch_code,
        line.deposit_type,
        line.account_number,
        line.account_holder_bank,
        line.amount,
        line.description,
        line.new_code,
        line.stopped,
        line.stop_reason,
    )


def _draft_line(session: Session, line_id: int) -> tuple[BillingLine, BillingMonth]:
    """A line and its month, which must still be a draft (BILL-6)."""
    line = session.get(BillingLine, line_id)
    if line is None:
        raise NotFound(f"請求明細（ID {line_id}）はありません", code="line_unknown")
    month = session.get(BillingMonth, line.billing_month_id)
    assert month is not None
    _require_draft(month)
    return line, month


def set_amount(
    db: Database, line_id: int, amount: str | int, operator: OperatorRef, *, expected: int | None = None
) -> LineView:
    """Edit one line's amount while the month is a draft (the grid). `expected` is the amount the caller saw:
    if someone changed it meanwhile, nothing is written and the conflict says what it is now."""
    value = parse_amount(amount)
    if value is None:
        raise InvalidValue("金額を入力してください", code="amount_empty")
    with db.write() as session:
        line, month = _draft_line(session, line_id)
        if expected is not None and line.amount != expected:
            raise Conflict(
                f"顧客番号 {line.customer_number} の金額は、表示している間にほかの担当者が "
                f"{line.amount:,} 円に変更しました（{line.updated_at.astimezone():%H:%M}）。"
                "画面を読み直してから入力してください",
                code="amount_conflict",
            )
        before = line.amount
        line.amount = value
        line.updated_at = utcnow()
        _audit(session, operator, month.month, "amount", customer_number=line.customer_number, amount=[before, value])
        registration = session.get(AccountRegistration, line.registration_id)
        assert registration is not None
        return _line_view(line, registration.contract_holder_name)


def remove_line(db: Database, line_id: int, operator: OperatorRef) -> None:
    """Take a line out of a draft month (e.g. a customer who can no longer be billed)."""
    with db.write() as session:
        line, month = _draft_line(session, line_id)
        _audit(session, operator, month.month, "remove", customer_number=line.customer_number, amount=line.amount)
        session.delete(line)


def remove_customer(db: Database, month: str, customer_number: str, operator: OperatorRef) -> None:
    """`kofuri billing remove`: the same as removing the line from the grid."""
    with db.read() as session:
        row = _month_row(session, Month.parse(month))
        line_id = session.scalar(
            select(BillingLine.id).where(
                BillingLine.billing_month_id == row.id, BillingLine.customer_number == customer_number
            )
        )
    if line_id is None:
        raise NotFound(f"{month} の明細に顧客番号 {customer_number} はありません", code="line_unknown")
    remove_line(db, line_id, operator)


# --- checks -----------------------------------------------------------------------------------------------
def check_month(db: Database, month: str) -> list[LineProblem]:
    """Every line whose registration cannot be billed now, with its reason (the problems list)."""
    with db.read() as session:
        row = _month_row(session, Month.parse(month))
        return _problems(session, row)


def _problems(session: Session, row: BillingMonth) -> list[LineProblem]:
    """Lines the bank would reject; the filter runs in SQL, so a clean month of any size costs one quick scan."""
    R = AccountRegistration
    stmt = (
        select(
            BillingLine.customer_number,
            R.id,
            R.status,
            R.billing_stopped,
            R.billing_stop_reason,
            BillingLine.account_holder_bank,
        )
        .join(R, R.id == BillingLine.registration_id)
        .where(
            BillingLine.billing_month_id == row.id,
            BillingLine.stopped.is_(False),
            or_(R.status != _COMPLETE, R.billing_stopped.is_(True), BillingLine.account_holder_bank == ""),
        )
        .order_by(BillingLine.customer_number)
    )
    problems = []
    for number, rid, status, stopped, stop_reason, holder in session.execute(stmt):
        reason = billable_reason(status, stopped, stop_reason)
        if reason is None and not holder:
            reason = "口座名義カナを銀行データの文字に変換できません"
        if reason is not None:
            problems.append(LineProblem(number, rid, reason))
    return problems


# --- import -----------------------------------------------------------------------------------------------
def import_amounts(db: Database, month: str, path: Path, operator: OperatorRef) -> tuple[int, list[ImportProblem]]:
    """Amounts from .xlsx/.csv (顧客番号, 金額, 摘要): all or nothing; every refused row named by row and column."""
    from app.io.tabular import read_table

    parsed = Month.parse(month)
    table = read_table(path)
    problems: list[ImportProblem] = []
    for header in ("顧客番号", "金額"):
        if header not in table.headers:
            problems.append(ImportProblem(1, header, f"見出し「{header}」の列がありません"))
    extra = [h for h in table.headers if h and h not in ("顧客番号", "金額", "摘要")]
    problems += [
        ImportProblem(1, h, f"見出し「{h}」は読み込めません（使える見出し: 顧客番号、金額、摘要）") for h in extra
    ]
    if problems:
        return 0, problems
    with db.write() as session:
        row = _month_row(session, parsed, create=True)
        _require_draft(row)
        numbers = [cells.get("顧客番号", "").strip() for _, cells in table.rows]
        registrations = {
            r.customer_number: r
            for r in session.scalars(
                select(AccountRegistration).where(AccountRegistration.customer_number.in_(numbers))
            )
        }
        existing = {
            line.registration_id: line
            for line in session.scalars(select(BillingLine).where(BillingLine.billing_month_id == row.id))
        }
        seen: dict[str, int] = {}
        accepted: list[tuple[AccountRegistration, int, str]] = []
        for row_number, cells in table.rows:
            number = cells.get("顧客番号", "").strip()
            description = cells.get("摘要", "").strip()
            registration = registrations.get(number)
            if not number:
                problems.append(ImportProblem(row_number, "顧客番号", "顧客番号が空です"))
            elif registration is None:
                problems.append(
                    ImportProblem(row_number, "顧客番号", f"顧客番号 {number} は登録されていません（BILL-4）")
                )
            elif number in seen:
                problems.append(ImportProblem(row_number, "顧客番号", f"{seen[number]}行目と同じ顧客番号です"))
            else:
                reason = _billable(registration)
                if reason:
                    problems.append(ImportProblem(row_number, "顧客番号", reason))
            seen.setdefault(number, row_number)
            try:
                amount = parse_amount(cells.get("金額", ""))
                if amount is None:
                    raise InvalidValue("金額が空です", code="amount_empty")
            except InvalidValue as error:
                problems.append(ImportProblem(row_number, "金額", error.message))
                continue
            if len(description) > 80:
                problems.append(ImportProblem(row_number, "摘要", "摘要は80文字以内です"))
            if registration is not None:
                accepted.append((registration, amount, description))
        if not table.rows:
            problems.append(ImportProblem(2, "顧客番号", "読み込む行がありません"))
        if problems:
            session.rollback()
            return 0, problems
        for registration, amount, description in accepted:
            line = existing.get(registration.id)
            if line is None:
                session.add(_line_from(registration, row.id, amount, description))
            else:
                line.amount = amount
                line.description = description
                line.updated_at = utcnow()
        _audit(session, operator, str(parsed), "import", file=path.name, lines=len(accepted))
    return len(accepted), []


# --- export -----------------------------------------------------------------------------------------------
class ExportLine(NamedTuple):
    """A line as it is written: plain values read in one query."""

    id: int
    registration_id: int
    customer_number: str
    amount: int
    description: str
    bank_code: str
    branch_code: str
    deposit_type: int
    account_number: str
    account_holder_bank: str
    new_code: int


def _export_lines(session: Session, row: BillingMonth) -> list[ExportLine]:
    L = BillingLine
    stmt = (
        select(
            L.id,
            L.registration_id,
            L.customer_number,
            L.amount,
            L.description,
            L.bank_code,
            L.branch_code,
            L.deposit_type,
            L.account_number,
            L.account_holder_bank,
            L.new_code,
        )
        .where(L.billing_month_id == row.id, L.stopped.is_(False))
        .order_by(L.customer_number)
    )
    return [ExportLine._make(values) for values in session.execute(stmt)]


def _new_codes(session: Session, row: BillingMonth, lines: list[ExportLine]) -> list[ExportLine]:
    """新規コード from the last final export before this month: 1 first debit, 2 account changed, 0 other."""
    L = BillingLine
    previous: dict[int, tuple[str, str, int, str]] = {}
    stmt = (
        select(L.registration_id, L.bank_code, L.branch_code, L.deposit_type, L.account_number)
        .join(BillingMonth, BillingMonth.id == L.billing_month_id)
        .where(BillingMonth.state != DRAFT, BillingMonth.month < row.month, L.stopped.is_(False))
        .order_by(BillingMonth.month)
    )
    for rid, bank, branch, deposit, number in session.execute(stmt):
        previous[rid] = (bank, branch, deposit, number)
    coded = []
    changed = []
    for line in lines:
        before = previous.get(line.registration_id)
        account = (line.bank_code, line.branch_code, line.deposit_type, line.account_number)
        code = NewCode.FIRST if before is None else NewCode.CHANGED if before != account else NewCode.OTHER
        if code != line.new_code:
            changed.append({"line_id": line.id, "code": code})
            line = line._replace(new_code=code)
        coded.append(line)
    if changed:
        table = cast(Table, BillingLine.__table__)  # Core: one executemany UPDATE, not the ORM bulk path
        session.connection().execute(
            update(table).where(table.c.id == bindparam("line_id")).values(new_code=bindparam("code")), changed
        )
    return coded


def header_warnings(db: Database) -> list[str]:
    """Header fields not set yet: the file is still produced (BILL-5), zero- or space-filled, with a warning."""
    s = get_settings(db)
    missing = [
        label
        for label, value in (
            ("委託者コード（10桁）", s.zengin_consignor_code),
            ("委託者名カナ", s.consignor_name_kana),
            ("取引銀行コード", s.merchant_bank_code),
            ("取引支店コード", s.merchant_branch_code),
            ("取引口座の預金種目", s.merchant_deposit_type),
            ("取引口座の口座番号", s.merchant_account_number),
        )
        if not value
    ]
    if not missing:
        return []
    return [f"加盟店設定の {'、'.join(missing)} が未設定のため、ヘッダーの該当欄を0または空白で出力しました"]


def export_month(
    db: Database,
    month: str,
    fmt: str,
    path: Path,
    operator: OperatorRef,
    *,
    final: bool = False,
    newline: bool = True,
    today: date | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ExportResult:
    """Write the month as .xlsx or the bank format; refused with every problem when a line cannot be billed.
    As final, the month is locked (BILL-6). A past deadline is a warning, not a refusal."""
    if fmt not in ("xlsx", "zengin"):
        raise InvalidValue("形式は xlsx か zengin です", code="export_format")
    parsed = Month.parse(month)
    day = today or date.today()
    settings = get_settings(db)
    warnings = header_warnings(db) if fmt == "zengin" else []  # the Excel file has no bank header
    with db.write() as session:
        row = _month_row(session, parsed, create=True)
        problems = _problems(session, row)
        if problems:
            raise BillingRefused(problems)
        lines = _export_lines(session, row)
        already_final = row.state != DRAFT
        if row.state == DRAFT:
            lines = _new_codes(session, row, lines)
        schedule = schedule_for(session, parsed, settings.stop_request_business_days)
        if day > schedule.billing_deadline:
            deadline = schedule.billing_deadline.isoformat()
            warnings.append(f"請求締切日 {deadline} を過ぎています。今月は引き落とされない場合があります（BILL-2）")
        names = _registration_names(session, lines) if fmt == "xlsx" else {}
        total = sum(line.amount for line in lines)
        if fmt == "zengin":
            _write_zengin(path, settings, schedule, lines, newline)
        else:
            from app.io.billing_xlsx import write_billing_workbook

            write_billing_workbook(
                path, settings, schedule, lines, names, operator, final or already_final, progress, cancelled
            )
        if final and row.state == DRAFT:
            row.state = FINAL
            row.locked_at = utcnow()
            row.locked_by = operator.id
        session.add(
            BillingExport(
                billing_month_id=row.id,
                operator_id=operator.id,
                format=fmt,
                final=final,
                line_count=len(lines),
                total=total,
                file_name=path.name,
            )
        )
    return ExportResult(path, fmt, len(lines), total, final, warnings, already_final)


def _registration_names(session: Session, lines: Sequence[ExportLine]) -> dict[int, tuple[str, str, str]]:
    ids = [line.registration_id for line in lines]
    found: dict[int, tuple[str, str, str]] = {}
    for start in range(0, len(ids), 500):
        stmt = select(
            AccountRegistration.id,
            AccountRegistration.bank_name,
            AccountRegistration.branch_name,
            AccountRegistration.account_holder_kana,
        ).where(AccountRegistration.id.in_(ids[start : start + 500]))
        for rid, bank, branch, kana in session.execute(stmt):
            found[rid] = (bank, branch, kana)
    return found


def _bank_kana_names(bank: str, branch: str) -> tuple[str, str]:
    try:
        b = bank_codes.lookup_branch(bank, branch)
        return (
            fit(to_bank_kana(bank_codes.lookup_bank(bank).kana, FieldClass.BANK_NAME), 15),
            fit(to_bank_kana(b.kana, FieldClass.BANK_NAME), 15),
        )
    except DomainError:
        return "", ""


def _write_zengin(
    path: Path, settings: SettingsView, schedule: MonthSchedule, lines: Sequence[ExportLine], newline: bool
) -> None:
    names: dict[tuple[str, str], tuple[str, str]] = {}

    def kana_names(bank: str, branch: str) -> tuple[str, str]:
        if (bank, branch) not in names:
            names[(bank, branch)] = _bank_kana_names(bank, branch)
        return names[(bank, branch)]

    merchant_names = ("", "")
    if settings.merchant_bank_code and settings.merchant_branch_code:
        merchant_names = kana_names(settings.merchant_bank_code, settings.merchant_branch_code)
    header = Header(
        consignor_code=settings.zengin_consignor_code,
        consignor_name=settings.consignor_name_kana,
        debit_date=schedule.debit_date,  # BILL-1: may fall in the next month
        bank_code=settings.merchant_bank_code,
        bank_name=merchant_names[0],
        branch_code=settings.merchant_branch_code,
        branch_name=merchant_names[1],
        deposit_type=int(settings.merchant_deposit_type or 0),
        account_number=settings.merchant_account_number,
    )

    for key in {(line.bank_code, line.branch_code) for line in lines}:
        kana_names(*key)  # each branch's kana names once, not once a line
    debits = [
        DebitLine(
            line.bank_code,
            *names[(line.bank_code, line.branch_code)][:1],
            line.branch_code,
            names[(line.bank_code, line.branch_code)][1],
            line.deposit_type,
            line.account_number,
            line.account_holder_bank,
            line.amount,
            line.new_code,
            line.customer_number,
        )
        for line in lines
    ]
    path.write_bytes(write(header, debits, newline=newline))


# --- stop requests and lapses ------------------------------------------------------------------------------
def stop_line(
    db: Database, month: str, customer_number: str, reason: str, operator: OperatorRef, *, today: date | None = None
) -> LineView:
    """BILL-7: after the lock, stop one line until the stop-request deadline; refused after it."""
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
            raise InvalidValue(
                f"振替停止依頼の期限（{schedule.stop_request_deadline.isoformat()}、振替日の"
                f"{settings.stop_request_business_days}営業日前）を過ぎています。振替日の2営業日前までは、"
                "お客様ご本人が金融機関の窓口で停止できます（BILL-7）",
                code="stop_deadline_passed",
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

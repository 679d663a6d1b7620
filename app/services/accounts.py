"""Account registrations: register, search, change, invalidate (REG-12), history.

Every mutating call takes the acting operator, runs in one transaction, writes its history row in that
transaction and bumps the version; a change based on a stale version fails and says who changed it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    CustomerNumberReservation,
    Operator,
    RegistrationHistory,
    RegistrationSearchGram,
    utcnow,
)
from app.domain.account_fields import DEPOSIT_TYPE_LABELS, DepositType, RegistrationStatus
from app.domain.customer_number import next_free_customer_number
from app.domain.errors import ConfirmationRequired, Conflict, Duplicate, FieldError, InvalidValue, NotFound
from app.domain.kana import KanaError, to_bank_kana
from app.domain.lifecycle import next_step
from app.domain.registration import FIELD_LABELS, RegistrationInput, ValidRegistration, validate_registration
from app.domain.search_text import digits, fold, grams, search_text, text_grams
from app.services.operators import OperatorRef
from app.services.settings import load_settings

# Fields compared and shown in the history (field-level before and after).
TRACKED_FIELDS: tuple[str, ...] = (
    "customer_number",
    "contract_holder_name",
    "contract_holder_kana",
    "postal_code",
    "address",
    "phone",
    "bank_code",
    "bank_name",
    "branch_code",
    "branch_name",
    "deposit_type",
    "account_number",
    "account_holder_kana",
    "jp_symbol",
    "jp_number",
    "method",
    "status",
    "monthly_amount",
    "registration_date",
    "checklist",
    "note",
)


class Action:
    REGISTER = "register"
    CHANGE = "change"
    INVALIDATE = "invalidate"
    STATUS = "status"


ACTION_LABELS = {
    Action.REGISTER: "新規登録",
    Action.CHANGE: "変更",
    Action.INVALIDATE: "無効化",
    Action.STATUS: "状態変更",
}


@dataclass(frozen=True)
class RegistrationView:
    """A registration as plain data (never an ORM object across threads or layers)."""

    id: int
    customer_number: str
    contract_holder_name: str
    contract_holder_kana: str
    postal_code: str
    address: str
    phone: str
    bank_code: str
    bank_name: str
    branch_code: str
    branch_name: str
    deposit_type: int
    account_number: str
    account_holder_kana: str
    jp_symbol: str | None
    jp_number: str | None
    method: str
    status: str
    monthly_amount: int | None
    registration_date: date
    checklist: dict[str, bool]
    note: str
    created_at: datetime
    updated_at: datetime
    version: int
    sent_on: date | None = None
    corrected: bool = False
    billing_stopped: bool = False
    billing_stop_reason: str = ""

    def next_step(self, quiet_weeks: int) -> str:
        """What happens next (REG-3), in a few words for the results list."""
        return next_step(self.status, self.sent_on, date.today(), quiet_weeks)

    @property
    def account_holder_kana_bank(self) -> str:
        """The account holder as the bank file carries it (half-width kana)."""
        try:
            return to_bank_kana(self.account_holder_kana)
        except KanaError:
            return ""

    @property
    def deposit_type_label(self) -> str:
        return DEPOSIT_TYPE_LABELS.get(DepositType(self.deposit_type), str(self.deposit_type))

    @property
    def status_label(self) -> str:
        return RegistrationStatus(self.status).label

    @property
    def masked_account_number(self) -> str:
        return "*" * 4 + self.account_number[-3:]

    def as_record(self) -> dict[str, Any]:
        record = {f.name: getattr(self, f.name) for f in fields(self)}
        record["account_holder_kana_bank"] = self.account_holder_kana_bank
        return record


def view_of(row: AccountRegistration) -> RegistrationView:
    return RegistrationView(**{f.name: getattr(row, f.name) for f in fields(RegistrationView)})


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    registration_id: int
    customer_number: str
    at: datetime
    operator_login: str
    operator_name: str
    action: str
    reason: str
    changes: dict[str, list[Any]]
    confirmed_duplicate_account: bool
    version_after: int

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


@dataclass
class SearchCriteria:
    """Every criterion of the search screen; empty means "any". Invalidated ones only when asked for."""

    customer_number: str = ""
    name: str = ""  # kanji or kana, substring
    phone: str = ""
    bank_code: str = ""
    branch_code: str = ""
    account_number: str = ""
    statuses: Sequence[RegistrationStatus] = ()
    include_invalidated: bool = False
    method: str = ""
    registered_from: date | None = None
    registered_to: date | None = None


_CHUNK = 500

SORTABLE: dict[str, Any] = {
    "customer_number": AccountRegistration.customer_number,
    "contract_holder_kana": AccountRegistration.contract_holder_kana,
    "contract_holder_name": AccountRegistration.contract_holder_name,
    "bank_code": AccountRegistration.bank_code,
    "status": AccountRegistration.status,
    "registration_date": AccountRegistration.registration_date,
    "updated_at": AccountRegistration.updated_at,
    "monthly_amount": AccountRegistration.monthly_amount,
}


@dataclass(frozen=True)
class SearchPage:
    total: int
    rows: list[RegistrationView] = field(default_factory=list)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _digit_prefix(column: Any, prefix: str) -> ColumnElement[bool]:
    """`column` starts with the digits `prefix`, as an index range (no LIKE, so every backend uses the index)."""
    stripped = prefix.rstrip("9")
    if not stripped:
        return column >= prefix  # type: ignore[no-any-return]
    upper = stripped[:-1] + chr(ord(stripped[-1]) + 1)
    return and_(column >= prefix, column < upper)


def _name_condition(session: Session, text: str) -> ColumnElement[bool]:
    """Substring of the name, its kana or the account holder's kana.

    The bigram index gives the candidates of the rarest bigram of the query; the folded text confirms the
    whole substring. (Intersecting every bigram costs more than it saves when one is common, like ヤマ.)
    """
    R = AccountRegistration
    G = RegistrationSearchGram
    query = fold(text)
    contains = R.search_text.like(_like(query), escape="\\")
    wanted = sorted(grams(query))
    if not wanted:
        return contains  # one character: no bigram to narrow with, a scan of the folded text
    counts = {g: session.scalar(select(func.count()).select_from(G).where(G.gram == g)) or 0 for g in wanted}
    rarest = min(wanted, key=lambda g: counts[g])
    if counts[rarest] == 0:
        return R.id.in_([])  # some bigram never occurs: nothing can match
    candidates = R.id.in_(select(G.registration_id).where(G.gram == rarest))
    if len(query) == 2:
        return candidates  # the bigram is the whole query: its postings are the answer
    return and_(candidates, contains)


def _filtered(session: Session, stmt: Select[Any], c: SearchCriteria, prefix: str) -> Select[Any]:
    R = AccountRegistration
    conditions: list[Any] = []
    number = digits(c.customer_number)
    if len(number) >= 14:
        conditions.append(_digit_prefix(R.customer_number, number))  # the whole number or its first digits
    elif number:
        conditions.append(R.customer_number == prefix + number.zfill(13))  # the merchant's part: "customer 123"
    if c.name.strip():
        conditions.append(_name_condition(session, c.name))
    if c.phone.strip():
        phone = digits(c.phone)
        if len(phone) >= 10:
            conditions.append(R.phone_digits == phone)
        else:  # the first or the last digits of the number
            conditions.append(
                or_(_digit_prefix(R.phone_digits, phone), _digit_prefix(R.phone_digits_reversed, phone[::-1]))
            )
    if c.bank_code.strip():
        conditions.append(R.bank_code == digits(c.bank_code).zfill(4))
    if c.branch_code.strip():
        conditions.append(R.branch_code == digits(c.branch_code).zfill(3))
    if c.account_number.strip():
        conditions.append(R.account_number == digits(c.account_number).zfill(7))
    if c.statuses:
        conditions.append(R.status.in_([s.value for s in c.statuses]))
    elif not c.include_invalidated:
        conditions.append(R.status != RegistrationStatus.INVALIDATED.value)
    if c.method:
        conditions.append(R.method == c.method)
    if c.registered_from:
        conditions.append(R.registration_date >= c.registered_from)
    if c.registered_to:
        conditions.append(R.registration_date <= c.registered_to)
    return stmt.where(and_(*conditions)) if conditions else stmt


def _order(sort: str, descending: bool) -> list[Any]:
    if sort not in SORTABLE:
        raise InvalidValue(f"並べ替えの項目 {sort} はありません", code="sort_unknown")
    column = SORTABLE[sort]
    ordered = column.desc() if descending else column.asc()
    if sort == "customer_number":
        return [ordered]  # unique: no tie to break, and the covering index serves the whole list
    tiebreak = AccountRegistration.id.desc() if descending else AccountRegistration.id.asc()
    return [ordered, tiebreak]


def search(
    db: Database,
    criteria: SearchCriteria,
    *,
    sort: str = "customer_number",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 100,
    with_total: bool = True,
) -> SearchPage:
    """Registrations matching the criteria, sorted and paged in SQL (total -1 when not asked for)."""
    order = _order(sort, descending)
    with db.read() as session:
        prefix = load_settings(session).customer_number_prefix
        total = -1
        if with_total:
            total = (
                session.scalar(_filtered(session, select(func.count(AccountRegistration.id)), criteria, prefix)) or 0
            )
        stmt = _filtered(session, select(AccountRegistration), criteria, prefix).order_by(*order).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = [view_of(r) for r in session.scalars(stmt)]
    return SearchPage(total, rows)


def count_matching(db: Database, criteria: SearchCriteria) -> int:
    """How many registrations match (the results table's row count)."""
    with db.read() as session:
        prefix = load_settings(session).customer_number_prefix
        stmt = _filtered(session, select(func.count(AccountRegistration.id)), criteria, prefix)
        return session.scalar(stmt) or 0


def search_ids(
    db: Database, criteria: SearchCriteria, *, sort: str = "customer_number", descending: bool = False
) -> list[int]:
    """Every matching id in display order: what a results table holds (rows are fetched by id as they show)."""
    order = _order(sort, descending)
    with db.read() as session:
        prefix = load_settings(session).customer_number_prefix
        stmt = _filtered(session, select(AccountRegistration.id), criteria, prefix).order_by(*order)
        return list(session.scalars(stmt))


def rows_by_ids(db: Database, ids: Sequence[int]) -> list[RegistrationView]:
    """The registrations with these ids, in the order given (missing ids are left out)."""
    found: dict[int, RegistrationView] = {}
    with db.read() as session:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            for row in session.scalars(select(AccountRegistration).where(AccountRegistration.id.in_(chunk))):
                found[row.id] = view_of(row)
    return [found[i] for i in ids if i in found]


def get_registration(db: Database, registration_id: int) -> RegistrationView:
    with db.read() as session:
        return view_of(_load(session, registration_id))


def find_by_customer_number(db: Database, customer_number: str) -> RegistrationView:
    with db.read() as session:
        row = session.scalar(
            select(AccountRegistration).where(AccountRegistration.customer_number == customer_number.strip())
        )
        if row is None:
            raise NotFound(f"顧客番号 {customer_number} の登録はありません", code="registration_unknown")
        return view_of(row)


def _load(session: Session, registration_id: int) -> AccountRegistration:
    row = session.get(AccountRegistration, registration_id)
    if row is None:
        raise NotFound(f"登録（ID {registration_id}）はありません", code="registration_unknown")
    return row


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


def _duplicate_accounts(session: Session, valid: ValidRegistration, exclude_id: int | None) -> list[str]:
    """Active registrations under other customer numbers that use the same bank account."""
    R = AccountRegistration
    stmt = select(R.customer_number).where(
        R.bank_code == valid.bank_code,
        R.branch_code == valid.branch_code,
        R.deposit_type == int(valid.deposit_type),
        R.account_number == valid.account_number,
        R.status != RegistrationStatus.INVALIDATED.value,
        R.customer_number != valid.customer_number,
    )
    if exclude_id is not None:
        stmt = stmt.where(R.id != exclude_id)
    return list(session.scalars(stmt.order_by(R.customer_number)))


def _check_new(
    session: Session, valid: ValidRegistration, *, confirm_duplicate_account: bool
) -> tuple[list[FieldError], bool]:
    """Uniqueness of the customer number and the shared-bank-account rule; returns errors and whether
    a shared account was confirmed."""
    errors: list[FieldError] = []
    exists = session.scalar(
        select(AccountRegistration.id).where(AccountRegistration.customer_number == valid.customer_number)
    )
    if exists is not None:
        errors.append(
            FieldError("customer_number", f"顧客番号 {valid.customer_number} はすでに使われています（再利用不可）")
        )
    shared = _duplicate_accounts(session, valid, None)
    if shared and not confirm_duplicate_account:
        errors.append(FieldError("account_number", _shared_message(shared)))
    return errors, bool(shared)


def _shared_message(shared: list[str]) -> str:
    listed = "、".join(shared[:3]) + (f" ほか{len(shared) - 3}件" if len(shared) > 3 else "")
    return f"同じ口座が別の顧客番号（{listed}）で登録されています。登録するには確認が必要です"


def _history(
    session: Session,
    row: AccountRegistration,
    operator: OperatorRef,
    action: str,
    changes: dict[str, list[Any]],
    reason: str = "",
    confirmed_duplicate_account: bool = False,
) -> None:
    session.add(
        RegistrationHistory(
            registration_id=row.id,
            customer_number=row.customer_number,
            operator_id=operator.id,
            action=action,
            reason=reason,
            changes=changes,
            confirmed_duplicate_account=confirmed_duplicate_account,
            version_after=row.version,
        )
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _creation_changes(row: AccountRegistration) -> dict[str, list[Any]]:
    values = {name: getattr(row, name) for name in TRACKED_FIELDS}
    return {name: [None, _jsonable(value)] for name, value in values.items() if value not in (None, "", {})}


def _derive_search_keys(row: AccountRegistration) -> None:
    phone = digits(row.phone)
    row.phone_digits = phone
    row.phone_digits_reversed = phone[::-1]
    row.search_text = search_text(_name_parts(row))


def _name_parts(row: AccountRegistration) -> tuple[str, str, str]:
    return (row.contract_holder_name, row.contract_holder_kana, row.account_holder_kana)


def _write_grams(session: Session, rows: Sequence[AccountRegistration], *, replace: bool) -> None:
    """Keep the substring index in step with the names (same transaction as the change)."""
    if replace:
        ids = [row.id for row in rows]
        session.execute(delete(RegistrationSearchGram).where(RegistrationSearchGram.registration_id.in_(ids)))
    values = [{"gram": g, "registration_id": row.id} for row in rows for g in sorted(text_grams(_name_parts(row)))]
    if values:
        session.execute(insert(RegistrationSearchGram), values)


def _insert(
    session: Session, valid: ValidRegistration, operator: OperatorRef, confirmed_duplicate_account: bool, reason: str
) -> AccountRegistration:
    row = AccountRegistration(**valid.stored_fields())
    _derive_search_keys(row)
    session.add(row)
    session.flush()
    _write_grams(session, [row], replace=False)
    _history(session, row, operator, Action.REGISTER, _creation_changes(row), reason, confirmed_duplicate_account)
    return row


def register(
    db: Database,
    raw: RegistrationInput,
    operator: OperatorRef,
    *,
    confirm_duplicate_account: bool = False,
    today: date | None = None,
) -> RegistrationView:
    """New registration (新規口座登録). An empty customer number gets the next free one."""
    with db.write() as session:
        prefix = load_settings(session).customer_number_prefix
        valid = validate_registration(raw, prefix=prefix, today=today or date.today())
        if not valid.customer_number:
            valid = _with_number(valid, allocate_customer_number(session, prefix))
        errors, shared = _check_new(session, valid, confirm_duplicate_account=confirm_duplicate_account)
        _raise_first(errors, shared and not confirm_duplicate_account)
        row = _insert(session, valid, operator, shared, "同一口座の登録を確認済み" if shared else "")
        return view_of(row)


def _raise_first(errors: list[FieldError], needs_confirmation: bool) -> None:
    if not errors:
        return
    duplicate_numbers = [e for e in errors if e.field == "customer_number"]
    if duplicate_numbers:
        raise Duplicate(duplicate_numbers[0].message, code="customer_number_taken")
    if needs_confirmation:
        raise ConfirmationRequired(errors[0].message, code="shared_bank_account")


def _with_number(valid: ValidRegistration, number: str) -> ValidRegistration:
    values = {f.name: getattr(valid, f.name) for f in fields(valid)}
    values["customer_number"] = number
    return ValidRegistration(**values)


@dataclass(frozen=True)
class BatchProblem:
    """A problem with one item of a batch (0-based index into the batch) at one field."""

    index: int
    error: FieldError


def _existing_numbers(session: Session, numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        stmt = select(AccountRegistration.customer_number).where(AccountRegistration.customer_number.in_(chunk))
        found.update(session.scalars(stmt))
    return found


def _active_accounts(session: Session, account_numbers: set[str]) -> dict[tuple[str, str, int, str], list[str]]:
    """Active registrations by bank account, for the account numbers given (looked up in chunks)."""
    R = AccountRegistration
    found: dict[tuple[str, str, int, str], list[str]] = {}
    ordered = sorted(account_numbers)
    for start in range(0, len(ordered), _CHUNK):
        stmt = select(R.bank_code, R.branch_code, R.deposit_type, R.account_number, R.customer_number).where(
            R.account_number.in_(ordered[start : start + _CHUNK]), R.status != RegistrationStatus.INVALIDATED.value
        )
        for bank, branch, deposit, account, number in session.execute(stmt):
            found.setdefault((bank, branch, deposit, account), []).append(number)
    return found


@dataclass(frozen=True)
class BatchCheck:
    problems: list[BatchProblem]
    shared: set[int]  # indexes whose bank account is also under another customer number (allowed by the caller)


def check_batch(
    db: Database, valids: Sequence[ValidRegistration], *, allow_shared_accounts: bool = False
) -> BatchCheck:
    """Cross-checks for a batch (an import): numbers unique in the batch and the database, shared accounts."""
    problems: list[BatchProblem] = []
    shared: set[int] = set()
    seen_numbers: dict[str, int] = {}
    seen_accounts: dict[tuple[str, str, int, str], int] = {}
    with db.read() as session:
        taken_numbers = _existing_numbers(session, [v.customer_number for v in valids if v.customer_number])
        active_accounts = _active_accounts(session, {v.account_number for v in valids})
        for index, valid in enumerate(valids):
            number = valid.customer_number
            if number:
                if number in seen_numbers:
                    message = f"顧客番号が{seen_numbers[number]}件目と重複しています"
                    problems.append(BatchProblem(index, FieldError("customer_number", message)))
                seen_numbers.setdefault(number, index + 1)
                if number in taken_numbers:
                    message = f"顧客番号 {number} はすでに使われています（再利用不可）"
                    problems.append(BatchProblem(index, FieldError("customer_number", message)))
            key = (valid.bank_code, valid.branch_code, int(valid.deposit_type), valid.account_number)
            in_database = sorted(active_accounts.get(key, []))
            if key in seen_accounts or in_database:
                shared.add(index)
                shared.add(seen_accounts.get(key, index + 1) - 1)
                if not allow_shared_accounts:
                    message = (
                        _shared_message(in_database)
                        if in_database
                        else f"同じ口座が{seen_accounts[key]}件目にもあります"
                    )
                    problems.append(BatchProblem(index, FieldError("account_number", message)))
            seen_accounts.setdefault(key, index + 1)
    return BatchCheck(problems, shared)


def register_batch(
    db: Database,
    valids: Sequence[ValidRegistration],
    operator: OperatorRef,
    *,
    reason: str = "",
    allow_shared_accounts: bool = False,
) -> list[RegistrationView]:
    """Register many in ONE transaction: all or nothing (imports, demo data)."""
    checked = check_batch(db, valids, allow_shared_accounts=allow_shared_accounts)
    if checked.problems:
        first = checked.problems[0]
        raise InvalidValue(f"{first.index + 1}件目: {first.error.message}", code="batch_invalid")
    with db.write() as session:
        prefix = load_settings(session).customer_number_prefix
        # numbers keyed in the batch count as issued: allocation continues after the highest of all (REG-4)
        keyed = [v.customer_number for v in valids if v.customer_number]
        next_number = next_free_customer_number(prefix, [*_highest_issued(session, prefix), *keyed])
        rows = []
        for valid in valids:
            values = valid.stored_fields()
            if not values["customer_number"]:
                values["customer_number"] = next_number
                next_number = next_free_customer_number(prefix, [next_number])
            row = AccountRegistration(**values)
            _derive_search_keys(row)
            rows.append(row)
        session.add_all(rows)
        session.flush()  # one batched INSERT
        _write_grams(session, rows, replace=False)
        for index, row in enumerate(rows):
            _history(session, row, operator, Action.REGISTER, _creation_changes(row), reason, index in checked.shared)
        session.flush()
        return [view_of(row) for row in rows]


def _conflict(session: Session, row: AccountRegistration, expected_version: int) -> Conflict:
    last = session.scalar(
        select(RegistrationHistory)
        .where(RegistrationHistory.registration_id == row.id)
        .order_by(RegistrationHistory.id.desc())
        .limit(1)
    )
    who = "他の担当者"
    when = ""
    what = ""
    if last is not None:
        operator = session.get(Operator, last.operator_id)
        who = f"{operator.name}（{operator.login_id}）" if operator else who
        when = last.at.astimezone().strftime("%Y-%m-%d %H:%M") + " に"
        labels = [FIELD_LABELS.get(name, name) for name in last.changes]
        what = f"（{ACTION_LABELS.get(last.action, last.action)}: {'、'.join(labels[:6])}）" if labels else ""
    return Conflict(
        f"顧客番号 {row.customer_number} は、開いた後で {who} が {when}更新しました{what}。"
        "再読み込みしてから変更してください",
        code="stale_edit",
        expected=expected_version,
        current=row.version,
    )


def _lock_for_update(session: Session, registration_id: int, expected_version: int) -> AccountRegistration:
    row = _load(session, registration_id)
    if row.version != expected_version:
        raise _conflict(session, row, expected_version)
    return row


def change(
    db: Database,
    registration_id: int,
    expected_version: int,
    raw: RegistrationInput,
    reason: str,
    operator: OperatorRef,
    *,
    confirm_duplicate_account: bool = False,
    today: date | None = None,
) -> RegistrationView:
    """Change (変更): the same checks as a new registration; a reason is required; stale edits fail."""
    if not reason.strip():
        raise InvalidValue("変更の理由を入力してください", code="reason_required")
    with db.write() as session:
        row = _lock_for_update(session, registration_id, expected_version)
        if row.status == RegistrationStatus.INVALIDATED.value:
            raise InvalidValue("無効化された登録は変更できません", code="registration_invalidated")
        prefix = load_settings(session).customer_number_prefix
        if not raw.customer_number.strip():
            raw.customer_number = row.customer_number
        if raw.status is None:
            raw.status = RegistrationStatus(row.status)
        valid = validate_registration(raw, prefix=prefix, today=today or date.today())
        if valid.customer_number != row.customer_number:
            raise InvalidValue(
                "顧客番号は変更できません（一度発行した番号は再利用しません）", code="customer_number_fixed"
            )
        new_values = valid.stored_fields()
        changes = {
            name: [_jsonable(getattr(row, name)), _jsonable(new_values[name])]
            for name in TRACKED_FIELDS
            if getattr(row, name) != new_values[name]
        }
        if not changes:
            raise InvalidValue("変更された項目がありません", code="no_changes")
        shared = _duplicate_accounts(session, valid, row.id)
        if shared and not confirm_duplicate_account:
            raise ConfirmationRequired(_shared_message(shared), code="shared_bank_account")
        for name in changes:
            setattr(row, name, new_values[name])
        row.updated_at = utcnow()
        _derive_search_keys(row)
        session.flush()  # the version column is bumped here, guarded by WHERE version = expected
        if {"contract_holder_name", "contract_holder_kana", "account_holder_kana"} & changes.keys():
            _write_grams(session, [row], replace=True)
        _history(session, row, operator, Action.CHANGE, changes, reason.strip(), bool(shared))
        return view_of(row)


def set_status(
    db: Database,
    registration_id: int,
    expected_version: int,
    status: RegistrationStatus,
    reason: str,
    operator: OperatorRef,
) -> RegistrationView:
    """Move a registration to another status (the paper-form lifecycle builds on this)."""
    with db.write() as session:
        row = _lock_for_update(session, registration_id, expected_version)
        if row.status == status.value:
            return view_of(row)
        before = row.status
        row.status = status.value
        row.updated_at = utcnow()
        session.flush()
        _history(session, row, operator, Action.STATUS, {"status": [before, status.value]}, reason.strip())
        return view_of(row)


def invalidate(
    db: Database, registration_id: int, expected_version: int, reason: str, operator: OperatorRef
) -> RegistrationView:
    """Delete (削除) = invalidate (REG-12): no longer billable; the data and its history stay."""
    if not reason.strip():
        raise InvalidValue("無効化の理由を入力してください", code="reason_required")
    with db.write() as session:
        row = _lock_for_update(session, registration_id, expected_version)
        if row.status == RegistrationStatus.INVALIDATED.value:
            raise InvalidValue("この登録はすでに無効化されています", code="already_invalidated")
        before = row.status
        row.status = RegistrationStatus.INVALIDATED.value
        row.updated_at = utcnow()
        session.flush()
        _history(session, row, operator, Action.INVALIDATE, {"status": [before, row.status]}, reason.strip())
        return view_of(row)


def _entry(h: RegistrationHistory, op: Operator) -> HistoryEntry:
    return HistoryEntry(
        h.id,
        h.registration_id,
        h.customer_number,
        h.at,
        op.login_id,
        op.name,
        h.action,
        h.reason,
        dict(h.changes),
        h.confirmed_duplicate_account,
        h.version_after,
    )


def history(db: Database, registration_id: int) -> list[HistoryEntry]:
    """One registration's timeline, oldest first."""
    with db.read() as session:
        stmt = (
            select(RegistrationHistory, Operator)
            .join(Operator, Operator.id == RegistrationHistory.operator_id)
            .where(RegistrationHistory.registration_id == registration_id)
            .order_by(RegistrationHistory.id)
        )
        return [_entry(h, op) for h, op in session.execute(stmt)]


def search_history(
    db: Database,
    *,
    customer_number: str = "",
    operator_login: str = "",
    action: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 1000,
) -> list[HistoryEntry]:
    """Registration history search (口座登録履歴検索), newest first."""
    H = RegistrationHistory
    stmt = select(H, Operator).join(Operator, Operator.id == H.operator_id)
    if customer_number.strip():
        stmt = stmt.where(H.customer_number.like(_like(customer_number.strip()), escape="\\"))
    if operator_login.strip():
        stmt = stmt.where(Operator.login_id == operator_login.strip())
    if action:
        stmt = stmt.where(H.action == action)
    if date_from:
        stmt = stmt.where(H.at >= datetime.combine(date_from, datetime.min.time()).astimezone())
    if date_to:
        stmt = stmt.where(H.at < datetime.combine(date_to, datetime.max.time()).astimezone())
    stmt = stmt.order_by(H.id.desc()).limit(limit)
    with db.read() as session:
        return [_entry(h, op) for h, op in session.execute(stmt)]


def input_from_view(view: RegistrationView) -> RegistrationInput:
    """A registration as editable input (what the change form starts from)."""
    return RegistrationInput(
        customer_number=view.customer_number,
        contract_holder_name=view.contract_holder_name,
        contract_holder_kana=view.contract_holder_kana,
        postal_code=view.postal_code,
        address=view.address,
        phone=view.phone,
        bank_code=view.bank_code,
        branch_code="" if view.jp_symbol else view.branch_code,
        deposit_type=str(view.deposit_type),
        account_number="" if view.jp_symbol else view.account_number,
        account_holder_kana=view.account_holder_kana,
        jp_symbol=view.jp_symbol or "",
        jp_number=view.jp_number or "",
        method=view.method,
        monthly_amount="" if view.monthly_amount is None else str(view.monthly_amount),
        registration_date=view.registration_date,
        status=RegistrationStatus(view.status),
        checklist=dict(view.checklist),
        note=view.note,
    )


def reserve_customer_numbers(db: Database, count: int, operator: OperatorRef, purpose: str) -> list[str]:
    """Allocate `count` numbers for pre-numbered blank forms and record them, so none is issued twice (REG-4)."""
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


def next_customer_number(db: Database) -> str:
    """The number a new registration would get now (pre-filled on the form; allocated for real on save)."""
    with db.read() as session:
        return allocate_customer_number(session, load_settings(session).customer_number_prefix)


def record_web_result(db: Database, customer_number: str, ok: bool, operator: OperatorRef) -> RegistrationView:
    """A web registration's result: requested → OK (登録済) or NG. REG-10: the last result to arrive wins."""
    with db.write() as session:
        row = session.scalar(select(AccountRegistration).where(AccountRegistration.customer_number == customer_number))
        if row is None:
            raise NotFound(f"顧客番号 {customer_number} の登録はありません", code="registration_unknown")
        web_states = {
            RegistrationStatus.WEB_REQUESTED.value,
            RegistrationStatus.WEB_NG.value,
            RegistrationStatus.COMPLETE.value,
        }
        if row.method != "web" or row.status not in web_states:
            raise InvalidValue(f"顧客番号 {customer_number} はWEB登録の結果を待っていません", code="not_web")
        before = row.status
        row.status = (RegistrationStatus.COMPLETE if ok else RegistrationStatus.WEB_NG).value
        row.updated_at = utcnow()
        session.flush()
        _history(
            session,
            row,
            operator,
            Action.STATUS,
            {"status": [before, row.status]},
            "WEB登録の結果: OK" if ok else "WEB登録の結果: NG",
        )
        return view_of(row)

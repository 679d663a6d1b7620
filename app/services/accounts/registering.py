"""New registrations (新規口座登録), one at a time or as an all-or-nothing batch (imports, demo data)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app import messages
from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    RegistrationSearchGram,
)
from app.domain.account_fields import RegistrationStatus
from app.domain.customer_number import next_free_customer_number
from app.domain.errors import ConfirmationRequired, Duplicate, FieldError, InvalidValue
from app.domain.registration import RegistrationInput, ValidRegistration, validate_registration
from app.domain.search_text import digits, search_text, text_grams
from app.services.accounts.numbers import _highest_issued, allocate_customer_number, is_reserved
from app.services.accounts.queries import _CHUNK
from app.services.accounts.views import (
    TRACKED_FIELDS,
    RegistrationView,
    _jsonable,
    view_of,
)
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action as Permission
from app.services.operators.permissions import require
from app.services.settings import load_settings

# Fields compared and shown in the history (field-level before and after).
from app.services.transitions import HistoryAction, record_history


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
    record_history(
        session,
        row,
        operator,
        HistoryAction.REGISTER,
        _creation_changes(row),
        reason,
        confirmed_duplicate_account=confirmed_duplicate_account,
    )
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
    require(operator, Permission.REGISTER, db)
    with db.write() as session:
        prefix = load_settings(session).customer_number_prefix
        valid = validate_registration(raw, prefix=prefix, today=today or date.today())
        if not valid.customer_number:
            valid = _with_number(valid, allocate_customer_number(session, prefix))
        errors, shared = _check_new(session, valid, confirm_duplicate_account=confirm_duplicate_account)
        _raise_first(errors, shared and not confirm_duplicate_account)
        reasons = ["同一口座の登録を確認済み"] if shared else []
        if is_reserved(session, valid.customer_number):
            # REG-4: a reserved number keyed is the arrival of the numbered blank form printed with it
            reasons.append(messages.text("accounts.reserved_number_used", customer_number=valid.customer_number))
        row = _insert(session, valid, operator, shared, "、".join(reasons))
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
    """Cross-checks for a batch (an import): numbers unique in the batch and the database, shared accounts.
    Read outside any write transaction; `register_batch` repeats them inside its own before writing."""
    with db.read() as session:
        return _check_batch_in(session, valids, allow_shared_accounts=allow_shared_accounts)


def _check_batch_in(
    session: Session, valids: Sequence[ValidRegistration], *, allow_shared_accounts: bool
) -> BatchCheck:
    problems: list[BatchProblem] = []
    shared: set[int] = set()
    seen_numbers: dict[str, int] = {}
    seen_accounts: dict[tuple[str, str, int, str], int] = {}
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
                    _shared_message(in_database) if in_database else f"同じ口座が{seen_accounts[key]}件目にもあります"
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
    """Register many in ONE transaction: all or nothing (imports, demo data). The caller validated outside the
    write lock (`check_batch`); the cross-checks are repeated here, in the writing transaction, because another
    clerk may have registered the same number or account since."""
    require(operator, Permission.REGISTER, db)
    with db.write() as session:
        checked = _check_batch_in(session, valids, allow_shared_accounts=allow_shared_accounts)
        if checked.problems:
            first = checked.problems[0]
            raise InvalidValue(f"{first.index + 1}件目: {first.error.message}", code="batch_invalid")
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
            record_history(
                session,
                row,
                operator,
                HistoryAction.REGISTER,
                _creation_changes(row),
                reason,
                confirmed_duplicate_account=index in checked.shared,
            )
        session.flush()
        return [view_of(row) for row in rows]

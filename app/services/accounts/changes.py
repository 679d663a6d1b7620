"""Changing a registration (変更), its status, invalidation [REG-12] and web results [REG-10]; stale edits fail."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    Operator,
    RegistrationHistory,
    utcnow,
)
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import ConfirmationRequired, Conflict, InvalidValue, NotFound
from app.domain.registration import FIELD_LABELS, RegistrationInput, validate_registration
from app.services.accounts.queries import _load
from app.services.accounts.registering import _derive_search_keys, _duplicate_accounts, _shared_message, _write_grams
from app.services.accounts.views import (
    ACTION_LABELS,
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
from app.services.transitions import HistoryAction, move_registration, record_history


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
    require(operator, Permission.CHANGE, db)
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
        record_history(
            session,
            row,
            operator,
            HistoryAction.CHANGE,
            changes,
            reason.strip(),
            confirmed_duplicate_account=bool(shared),
        )
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
    require(operator, Permission.INVALIDATE if status == RegistrationStatus.INVALIDATED else Permission.CHANGE, db)
    with db.write() as session:
        row = _lock_for_update(session, registration_id, expected_version)
        move_registration(session, row, status, operator, reason.strip())
        return view_of(row)


def invalidate(
    db: Database, registration_id: int, expected_version: int, reason: str, operator: OperatorRef
) -> RegistrationView:
    """Delete (削除) = invalidate [REG-12]: no longer billable; the data and its history stay."""
    require(operator, Permission.INVALIDATE, db)
    if not reason.strip():
        raise InvalidValue("無効化の理由を入力してください", code="reason_required")
    with db.write() as session:
        row = _lock_for_update(session, registration_id, expected_version)
        if row.status == RegistrationStatus.INVALIDATED.value:
            raise InvalidValue("この登録はすでに無効化されています", code="already_invalidated")
        move_registration(
            session, row, RegistrationStatus.INVALIDATED, operator, reason.strip(), action=HistoryAction.INVALIDATE
        )
        return view_of(row)


def record_web_result(db: Database, customer_number: str, ok: bool, operator: OperatorRef) -> RegistrationView:
    """A web registration's result: requested → OK (登録済) or NG. REG-10: the last result to arrive wins."""
    require(operator, Permission.CHANGE, db)
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
        move_registration(
            session,
            row,
            RegistrationStatus.COMPLETE if ok else RegistrationStatus.WEB_NG,
            operator,
            "WEB登録の結果: OK" if ok else "WEB登録の結果: NG",
        )
        return view_of(row)

"""Importing registrations from .csv / .xlsx: all or nothing, every problem by row and column."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from app.db.database import Database
from app.domain.account_fields import RegistrationStatus, parse_status
from app.domain.errors import DomainError, ValidationFailed
from app.domain.registration import (
    FIELD_LABELS,
    KEYED_FIELDS,
    RegistrationInput,
    ValidRegistration,
    validate_registration,
)
from app.domain.text import shown
from app.io.tabular import read_table
from app.services.accounts.registering import check_batch, register_batch
from app.services.accounts.views import RegistrationView
from app.services.operators import OperatorRef
from app.services.operators.permissions import Action, require
from app.services.settings import get_settings

COLUMNS: dict[str, str] = {FIELD_LABELS[name]: name for name in KEYED_FIELDS}  # header → field
REQUIRED_COLUMNS = ("契約者名", "契約者名カナ", "銀行コード", "口座名義カナ")
# 状態 lets a merchant bring registrations already complete at the bank; 振替実績 says such a registration was
# debited before (by the merchant's previous system), so its first month here carries 新規コード 0, not 1.
OPTIONAL_COLUMNS = {"状態": "status", "振替実績": "debited_before"}
DEBITED_YES = ("あり", "有", "済", "はい", "1")
DEBITED_NO = ("", "なし", "無", "未", "いいえ", "0")


@dataclass(frozen=True)
class ImportProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


@dataclass(frozen=True)
class ImportResult:
    problems: list[ImportProblem]
    registered: list[RegistrationView]
    checked_rows: int

    @property
    def ok(self) -> bool:
        return not self.problems


def import_accounts(
    db: Database, path: Path, operator: OperatorRef, *, dry_run: bool = False, today: date | None = None
) -> ImportResult:
    """Validate every row; write them all in one transaction only when none has a problem."""
    require(operator, Action.REGISTER, db)
    table = read_table(path)
    problems: list[ImportProblem] = []
    unknown = [h for h in table.headers if h and h not in COLUMNS and h not in OPTIONAL_COLUMNS]
    for header in unknown:
        problems.append(
            ImportProblem(
                1, shown(header), f"見出し「{shown(header)}」は読み込めません（使える見出し: {'、'.join(COLUMNS)}）"
            )
        )
    for header in REQUIRED_COLUMNS:
        if header not in table.headers:
            problems.append(ImportProblem(1, header, f"見出し「{header}」の列がありません"))
    if problems:
        return ImportResult(problems, [], 0)

    prefix = get_settings(db).customer_number_prefix
    label_of = {field: label for label, field in COLUMNS.items()} | {"status": "状態", "debited_before": "振替実績"}
    valids: list[ValidRegistration] = []
    row_numbers: list[int] = []
    for row_number, cells in table.rows:
        raw = RegistrationInput()
        for label, field in COLUMNS.items():
            setattr(raw, field, cells.get(label, ""))
        status_text = cells.get("状態", "").strip()
        try:
            if status_text:
                raw.status = _status(status_text)
            valid = validate_registration(raw, prefix=prefix, today=today or date.today())
        except ValidationFailed as failed:
            for error in failed.errors:
                problems.append(
                    ImportProblem(
                        row_number,
                        label_of.get(error.field, FIELD_LABELS.get(error.field, error.field)),
                        error.message,
                    )
                )
            continue
        except DomainError as error:
            problems.append(ImportProblem(row_number, "状態", error.message))
            continue
        debited = cells.get("振替実績", "").strip()
        if debited not in DEBITED_YES + DEBITED_NO:
            problems.append(ImportProblem(row_number, "振替実績", "振替実績は「あり」か「なし」（空欄はなし）です"))
            continue
        if debited in DEBITED_YES:
            if valid.status != RegistrationStatus.COMPLETE:
                problems.append(
                    ImportProblem(row_number, "振替実績", "振替実績「あり」は状態が登録済の行にだけ書けます")
                )
                continue
            valid = replace(valid, debited_before=True)
        valids.append(valid)
        row_numbers.append(row_number)
    if not table.rows:
        problems.append(ImportProblem(2, "顧客番号", "読み込む行がありません"))
    for problem in check_batch(db, valids).problems:
        problems.append(ImportProblem(row_numbers[problem.index], label_of[problem.error.field], problem.error.message))
    problems.sort(
        key=lambda p: (
            p.row,
            list(label_of.values()).index(p.column) if p.column in label_of.values() else 99,
        )
    )
    if problems or dry_run:
        return ImportResult(problems, [], len(table.rows))
    registered = register_batch(db, valids, operator, reason=f"一括取込: {path.name}")
    return ImportResult([], registered, len(table.rows))


def _status(text: str) -> RegistrationStatus:
    return parse_status(text)

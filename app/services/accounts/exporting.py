"""Exporting search results to .xlsx or .csv in the background: read in batches, written beside the target,
moved into place only when complete (a cancel or a crash leaves nothing at the target path)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from app.db.database import Database
from app.domain.errors import InvalidValue
from app.io.table_export import Column, write_csv, write_xlsx
from app.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from app.services.accounts.queries import rows_by_ids
from app.services.accounts.views import RegistrationView
from app.services.files import atomic_target
from app.services.operators import OperatorRef
from app.services.operators.output_audit import record_output
from app.services.operators.permissions import Action, require

TEXT = "@"
# (header, view attribute, width, number format)
COLUMNS: list[tuple[str, str, float, str | None]] = [
    ("顧客番号", "customer_number", 25, TEXT),
    ("状態", "status_label", 14, None),
    ("契約者名", "contract_holder_name", 24, None),
    ("契約者名カナ", "contract_holder_kana", 24, None),
    ("郵便番号", "postal_code", 10, TEXT),
    ("住所", "address", 24, None),
    ("電話番号", "phone", 14, TEXT),
    ("銀行コード", "bank_code", 10, TEXT),
    ("銀行名", "bank_name", 18, None),
    ("支店コード", "branch_code", 10, TEXT),
    ("支店名", "branch_name", 18, None),
    ("預金種目", "deposit_type_label", 9, None),
    ("口座番号", "account_number", 11, TEXT),
    ("口座名義カナ", "account_holder_kana", 24, None),
    ("口座名義（銀行データ）", "account_holder_kana_bank", 24, None),
    ("通帳記号", "jp_symbol", 10, TEXT),
    ("通帳番号", "jp_number", 10, TEXT),
    ("登録方法", "method", 9, None),
    ("月額", "monthly_amount", 12, '"¥"#,##0'),
    ("登録日", "registration_date", 12, "yyyy-mm-dd"),
    # added last so files read by column position keep their columns
    ("メールアドレス", "email", 28, TEXT),
    ("通知方法", "notice_channel_label", 9, None),
]
BATCH = 1000


def _value(view: RegistrationView, attribute: str) -> str | int | date | None:
    value = getattr(view, attribute)
    if attribute == "method":
        return "紙" if value == "paper" else "WEB"
    if value is None:
        return ""
    assert isinstance(value, str | int | date)
    return value


def _rows(
    db: Database, ids: Sequence[int], progress: Progress, cancelled: CancelCheck
) -> Iterator[list[str | int | date | None]]:
    """The registrations batch by batch, reporting progress and stopping when cancelled."""
    for start in range(0, len(ids), BATCH):
        if cancelled():
            raise Cancelled
        for view in rows_by_ids(db, ids[start : start + BATCH]):
            yield [_value(view, attribute) for _, attribute, _, _ in COLUMNS]
        progress(min(start + BATCH, len(ids)), len(ids))


def export_registrations(
    db: Database,
    ids: Sequence[int],
    path: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    spreadsheet_csv: bool = False,
    operator: OperatorRef | None = None,
) -> int:
    """Write the registrations with these ids, in this order; returns how many were written. A .csv is the
    machine CSV (values as they are) unless `spreadsheet_csv`: then digit codes are written so that Excel and
    LibreOffice keep them as text (20-digit customer numbers, leading zeros). With `operator` (the screens and
    the command line always pass it) the role is checked and the export is audited."""
    if operator is not None:
        require(operator, Action.EXPORT_PERSONAL, db)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InvalidValue("書き出せるのは .xlsx と .csv です", code="export_type")
    columns = [Column(header, width, fmt) for header, _, width, fmt in COLUMNS]
    with atomic_target(path) as temporary:
        rows = _rows(db, ids, progress, cancelled)
        if suffix == ".xlsx":
            written = write_xlsx(temporary, "口座一覧", columns, rows, title="口座一覧")
        else:
            written = write_csv(temporary, columns, rows, spreadsheet=spreadsheet_csv)
    if operator is not None:
        record_output(db, operator, "export", "registrations", written, path)
    return written

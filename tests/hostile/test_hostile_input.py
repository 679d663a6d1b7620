"""Hostile input [REG-9]: one set of limits on both engines, control characters, importers that refuse what they
cannot read exactly, schedule dates, clear one-line refusals, exports that never carry a live formula."""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.cli import main
from app.db.database import Database
from app.db.models import AccountRegistration, AnnualSchedule
from app.domain import limits
from app.domain.account_fields import parse_amount
from app.domain.business_calendar import BillingMonth
from app.domain.errors import DomainError, InvalidValue, ValidationFailed
from app.domain.text import normalize_digits, shown
from app.services import accounts, billing
from app.services.accounts.exporting import export_registrations
from app.services.accounts.importing import import_accounts
from app.services.operators import OperatorRef
from tests.factories import complete, form

HEADER = "契約者名,契約者名カナ,銀行コード,支店コード,預金種目,口座番号,口座名義カナ,月額"
ROW = "山田 太郎,ヤマダ タロウ,0005,001,1,7654321,ヤマダ タロウ,{amount}"
HOSTILE = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _count(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(AccountRegistration)) or 0)


def _csv(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- point 6: one set of limits, the same on both engines ----


def test_the_bank_files_ten_digit_amount_is_stored_on_both_engines(db: Database, operator: OperatorRef) -> None:
    view = complete(db, operator, monthly_amount=str(limits.AMOUNT_MAX))
    with db.read() as session:
        row = session.scalars(select(AccountRegistration).where(AccountRegistration.id == view.id)).one()
        assert row.monthly_amount == 9_999_999_999
    with pytest.raises(ValidationFailed) as refused:
        complete(db, operator, number=2, monthly_amount=str(limits.AMOUNT_MAX + 1))
    assert "10桁まで" in refused.value.errors[0].message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contract_holder_kana", "ア" * 32_767),
        ("contract_holder_name", "山" * (limits.CONTRACT_HOLDER_NAME_MAX + 1)),
        ("account_holder_kana", "ア" * (limits.ACCOUNT_HOLDER_BANK_KANA_MAX + 1)),
        ("address", "東" * (limits.ADDRESS_MAX + 1)),
    ],
)
def test_too_long_values_are_refused_on_both_engines(
    db: Database, operator: OperatorRef, field: str, value: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        accounts.register(db, form(**{field: value}), operator)
    assert [e.field for e in refused.value.errors] == [field]
    assert _count(db) == 0


def test_import_and_change_apply_the_same_limits(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    result = import_accounts(db, _csv(tmp_path, f"{HEADER}\n{ROW.format(amount=10**10)}\n"), operator)
    assert [(p.row, p.column) for p in result.problems] == [(2, "月額")]
    view = complete(db, operator)
    raw = form(contract_holder_kana="ア" * 41)
    with pytest.raises(ValidationFailed):
        accounts.change(db, view.id, view.version, raw, "訂正", operator)


# ---- point 9: control characters ----


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\t", "\x7f", "\x85"])
def test_control_characters_are_refused_at_entry_with_their_position(
    db: Database, operator: OperatorRef, char: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        accounts.register(db, form(contract_holder_name=f"山田{char}太郎"), operator)
    (error,) = refused.value.errors
    assert error.field == "contract_holder_name"
    assert "3文字目" in error.message and f"U+{ord(char):04X}" in error.message
    assert char not in error.message
    assert _count(db) == 0


def test_control_characters_are_refused_at_import_with_row_and_column(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    path = _csv(tmp_path, f"{HEADER}\n{ROW.format(amount=100)}\n鈴木\x00,スズキ,0005,001,1,1234567,スズキ,100\n")
    with pytest.raises(InvalidValue) as refused:
        import_accounts(db, path, operator)
    assert "3行目「契約者名」: 3文字目に制御文字（U+0000）" in refused.value.message
    assert "\x00" not in refused.value.message
    amounts = _csv(tmp_path, "顧客番号,金額,摘要\n03292790000000000001,100,会費\x1b[31m\n", "a.csv")
    with pytest.raises(InvalidValue) as refused:
        billing.import_amounts(db, "2027-01", amounts, operator)
    assert "2行目「摘要」: 3文字目に制御文字（U+001B）" in refused.value.message
    assert _count(db) == 0


def test_an_echoed_value_is_cut_and_its_controls_escaped() -> None:
    assert shown("a\x1b[2Jb" + "x" * 100) == "a<U+001B>[2Jb" + "x" * 34 + "…"
    with pytest.raises(DomainError) as refused:
        BillingMonth.parse("\x1b]0;evil\x07" + "9" * 5000)
    assert "\x1b" not in refused.value.message and len(refused.value.message) < 120


# ---- point 10: importers refuse what they cannot read exactly ----


def test_a_duplicated_header_is_refused(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"{HEADER},月額\n{ROW.format(amount=100)},200\n")
    with pytest.raises(InvalidValue) as refused:
        import_accounts(db, path, operator)
    assert "見出し「月額」がH・I列に重複" in refused.value.message
    assert _count(db) == 0


@pytest.mark.parametrize("amount", ['"1,0,0"', "²", "①", "٣", "1.5", '"12,34"'])
def test_amounts_that_are_not_plainly_yen_are_refused(
    db: Database, operator: OperatorRef, tmp_path: Path, amount: str
) -> None:
    result = import_accounts(db, _csv(tmp_path, f"{HEADER}\n{ROW.format(amount=amount)}\n"), operator)
    assert [(p.row, p.column) for p in result.problems] == [(2, "月額")]
    assert _count(db) == 0


def test_amounts_as_clerks_write_them_are_read() -> None:
    assert (
        parse_amount("1,000") == 1000
        and parse_amount("３，３００円") == 3300
        and parse_amount("¥12,345,678") == 12345678
    )
    assert normalize_digits("０１２３") == "0123" and normalize_digits("²") == "²"


def test_a_formula_cell_without_its_saved_result_is_refused(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append(["山田 太郎", "ヤマダ タロウ", "0005", "001", "1", "7654321", "ヤマダ タロウ", "=1000*3"])
    path = tmp_path / "f.xlsx"
    book.save(path)  # openpyxl saves no cached result: the value would read as empty
    with pytest.raises(InvalidValue) as refused:
        import_accounts(db, path, operator)
    assert "2行目「月額」: 数式のセルに計算結果が保存されていません" in refused.value.message
    assert _count(db) == 0


def test_broken_and_sheetless_workbooks_get_one_line(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InvalidValue) as refused:
        import_accounts(db, broken, operator)
    assert (
        refused.value.message == "Excel ファイルとして読めません（壊れているか、Excel 形式ではありません）: broken.xlsx"
    )


# ---- point 11: schedule dates ----


@pytest.mark.parametrize("deadline", [date(1, 1, 1), date(9999, 12, 31), date(2027, 3, 15)])
def test_a_schedule_date_out_of_range_is_refused_before_anything_is_written(
    db: Database, operator: OperatorRef, deadline: date
) -> None:
    with pytest.raises(InvalidValue) as refused:
        billing.set_schedule(db, "2027-02", deadline, operator)
    assert "請求締切日の日付" in refused.value.message and "範囲外" in refused.value.message
    with db.read() as session:
        assert session.get(AnnualSchedule, "2027-02") is None


def test_a_schedule_import_with_far_dates_writes_nothing(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "請求月,請求締切日,結果返却日\n2027-02,2027-02-10,\n2027-03,0001-01-01,\n2027-04,2027-04-10,9999-12-31\n",
    )
    count, problems = billing.import_schedule(db, path, operator)
    assert count == 0 and [(p.row, p.column) for p in problems] == [(3, "請求締切日"), (4, "結果返却日")]
    with db.read() as session:
        assert session.get(AnnualSchedule, "2027-02") is None
    billing.set_schedule(db, "2027-02", date(2027, 2, 10), operator)  # a sensible date is saved
    with db.read() as session:
        assert session.get(AnnualSchedule, "2027-02") is not None


# ---- point 8: exports never carry a live formula ----


def test_hostile_names_are_neutralised_in_every_export(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    views = [complete(db, operator, i + 1, contract_holder_name=text.strip()) for i, text in enumerate(HOSTILE[:5])]
    ids = [v.id for v in views]
    export_registrations(db, ids, tmp_path / "e.csv", operator=operator)
    export_registrations(db, ids, tmp_path / "e.xlsx", operator=operator)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8-sig"))))
    assert [r["契約者名"] for r in rows] == ["'" + t for t in HOSTILE[:5]]
    sheet = load_workbook(tmp_path / "e.xlsx").worksheets[0]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert {c.data_type for c in cells} == {"s"}
    assert [c.value for c in sheet["B"][1:]] == HOSTILE[:5] or any(c.value == HOSTILE[0] for c in cells)


# ---- point 12: one-line refusals on the command line ----


BOSS, PASSWORD = "boss", "boss-password-1"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):  # the parser's own refusals go to sys.stderr
        try:
            code = main(list(argv), out=out, err=err)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KOFURI_OPERATOR", BOSS)
    monkeypatch.setenv("KOFURI_PASSWORD", PASSWORD)
    path = str(tmp_path / "cli.sqlite3")
    assert _run("--db", path, "--operator", BOSS, "init")[0] == 0
    return path


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "予期しない" not in err and "Traceback" not in err
    return lines[0]


def test_clear_one_line_refusals(cli_db: str, tmp_path: Path) -> None:
    cases = {
        ("billing", "prepare", "2027-0²"): "請求月は YYYY-MM で指定してください（入力: 2027-0²）",
        ("shipments", "send", str(2**63)): f"ID は1以上の数字で指定してください（入力: {2**63}）",
        ("billing", "export", "2027-01", "--format", "xlsx", "--out", str(tmp_path)): "はフォルダです",
        ("billing", "export", "2027-01", "--format", "xlsx", "--out", str(tmp_path / "no" / "x.xlsx")): "がありません",
        ("billing", "export", "2027-01", "--format", "xlsx", "--out", str(tmp_path / ("a" * 300))): "長すぎます",
        ("billing", "schedule", "2027-02", "--deadline", "0001-01-01"): "範囲外です",
    }
    for argv, expected in cases.items():
        code, _, err = _run("--db", cli_db, *argv)
        assert code != 0 and expected in _one_line(err), (argv, err)
    amounts = _csv(tmp_path, f"顧客番号,金額\n03292790000000000001,{'9' * 3000}\n", "big.csv")
    code, _, err = _run("--db", cli_db, "billing", "import", "2027-01", str(amounts))
    assert code != 0 and "10桁まで" in err and len(max(err.splitlines(), key=len)) < 300


def test_sqlite_busy_beyond_its_timeout_is_one_line(
    cli_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.db.database as database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(cli_db)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        code, _, err = _run("--db", cli_db, "billing", "schedule", "2027-02", "--deadline", "2027-02-10")
    finally:
        holder.rollback()
        holder.close()
    assert (
        code == 1
        and _one_line(err)
        == "kofuri: エラー: データベースが他の処理で使用中です。しばらくしてからもう一度お試しください"
    )
    assert "BEGIN IMMEDIATE" not in err


def test_a_control_character_in_a_setting_is_refused(db: Database, operator: OperatorRef) -> None:
    from app.services import settings

    with pytest.raises(ValidationFailed) as refused:
        settings.update_settings(db, {"consignor_name": "株式会社\x1bサンプル"}, operator)
    assert "5文字目に制御文字（U+001B）" in refused.value.errors[0].message
    assert settings.get_settings(db).consignor_name != "株式会社\x1bサンプル"


def test_the_command_lines_csv_is_neutralised(cli_db: str, tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER.split(","))
    writer.writerows(
        [name, "ヤマダ", "0005", "001", "1", 1000001 + i, "ヤマダ", 100] for i, name in enumerate(HOSTILE[:5])
    )
    source = _csv(tmp_path, buffer.getvalue())
    code, _, err = _run("--db", cli_db, "accounts", "import", str(source))
    assert code == 0, err
    code, out, _ = _run("--db", cli_db, "accounts", "list", "--format", "csv")
    names = [r["contract_holder_name"] for r in csv.DictReader(io.StringIO(out))]
    assert sorted(names) == sorted("'" + n for n in HOSTILE[:5])


def test_an_unknown_header_is_echoed_cut_and_escaped(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    long_header = "見" * 5000
    result = import_accounts(db, _csv(tmp_path, f"{HEADER},{long_header}\n{ROW.format(amount=100)},x\n"), operator)
    (problem,) = result.problems
    assert len(str(problem)) < 300 and "…" in str(problem)  # the header cut at 40 characters, twice
    from app.domain.account_fields import parse_status

    with pytest.raises(InvalidValue) as refused:
        parse_status("\x1b[31m登録" + "x" * 500)
    assert "\x1b" not in refused.value.message and len(refused.value.message) < 400

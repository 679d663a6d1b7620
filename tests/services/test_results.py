"""Closing the month on both engines: paper billable as 返却なし・未確認 (REG-2, REG-3, DEF-3), result import
all or nothing (RES-1, BILL-3), what results do (RES-2, BILL-7), re-billing (BILL-6), the ledger (OP-4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import AuditLog, DebitResult, FollowUp, RegistrationHistory, ResultImport
from app.domain.errors import Conflict, DomainError, InvalidValue
from app.services import accounts, billing, results, settings
from app.services.operators import OperatorRef, PermissionDenied, Role
from app.services.paper import returns
from tests.conftest import customer, make_operator
from tests.conftest import result_bytes as make_result

TODAY = date(2027, 2, 3)  # results arrive at the start of the next month (BILL-3)


def _counts(db: Database) -> tuple[int, int, int, int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count(ResultImport.id))) or 0,
            s.scalar(select(func.count(DebitResult.id))) or 0,
            s.scalar(select(func.count(FollowUp.id))) or 0,
            s.scalar(select(func.count(RegistrationHistory.id))) or 0,
            s.scalar(select(func.count(AuditLog.id))) or 0,
        )


def _status(db: Database, number: str) -> str:
    return accounts.find_by_customer_number(db, number).status


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---- 1. when a paper registration can be billed ----


def test_a_form_sent_before_the_paper_deadline_is_billed_as_unconfirmed(
    db: Database, operator: OperatorRef, billed_month: Any
) -> None:
    numbers, _ = billed_month(db, operator, export=False)
    month = billing.get_month(db, "2027-01")
    assert month.line_count == 5 and billing.check_month(db, "2027-01") == []
    assert _status(db, numbers[0]) == "sent"  # shown as 「返却なし・未確認」, never as confirmed
    from app.services.paper import shipments

    report = shipments.status_report(db, numbers[0], today=date(2026, 12, 2))
    assert any("返却なし・未確認として 2027-01 から請求できます" in d for d in report.deadlines)
    # a month whose paper-form deadline was before the sending does not bill it (REG-2)
    billing.prepare_month(db, "2026-12", operator)
    assert billing.get_month(db, "2026-12").line_count == 0


def test_the_stricter_policy_bills_only_confirmed_registrations(
    db: Database, operator: OperatorRef, billed_month: Any
) -> None:
    settings.set_setting(db, "bill_confirmed_only", "1", operator)
    numbers, _ = billed_month(db, operator, export=False)
    assert billing.get_month(db, "2027-01").line_count == 0
    supervisor = make_operator(db, "sato", "佐藤 恵", Role.SUPERVISOR)
    assert results.confirm_registrations(db, numbers[:2], "収納会社のサポートに電話で確認", supervisor) == 2
    billing.prepare_month(db, "2027-01", operator)
    assert billing.get_month(db, "2027-01").line_count == 2


def test_a_supervisor_confirms_with_a_note_in_the_history_and_a_clerk_cannot(
    db: Database, operator: OperatorRef, billed_month: Any
) -> None:
    numbers, _ = billed_month(db, operator, export=False)
    clerk = make_operator(db, "suzuki", "鈴木 花子")
    before = _counts(db)
    with pytest.raises(PermissionDenied) as refused:
        results.confirm_registrations(db, numbers[:1], "電話で確認", clerk)
    assert "事務担当" in refused.value.message and "登録の確認" in refused.value.message
    assert _counts(db) == (*before[:4], before[4] + 1)  # nothing but the refusal's audit row
    with pytest.raises(InvalidValue):
        results.confirm_registrations(db, numbers[:1], " ", operator)  # a note is required
    results.confirm_registrations(db, numbers[:3], "収納会社のサポートに電話で確認", operator)
    assert [_status(db, n) for n in numbers[:4]] == ["complete", "complete", "complete", "sent"]
    entry = accounts.history(db, accounts.find_by_customer_number(db, numbers[0]).id)[-1]
    assert "収納会社のサポートに電話で確認" in entry.reason and entry.changes["status"] == ["sent", "complete"]
    with pytest.raises(InvalidValue):  # already confirmed: all or none
        results.confirm_registrations(db, [numbers[0], numbers[3]], "再確認", operator)
    assert _status(db, numbers[3]) == "sent"


def test_a_return_after_the_lock_leaves_the_month_and_stops_the_next_draft(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, _request = billed_month(db, operator)
    returns.add_return(db, numbers[1], date(2026, 12, 20), ["seal_mismatch"], operator)
    assert billing.check_month(db, "2027-01") == []  # the locked month is left as it was sent (BILL-6)
    again = billing.export_month(db, "2027-01", "zengin", tmp_path / "again.txt", operator, today=date(2026, 12, 21))
    assert again.already_final and again.line_count == 5
    billing.prepare_month(db, "2027-02", operator)
    lines = {line.customer_number for line in billing.list_lines(db, "2027-02")}
    assert numbers[1] not in lines and len(lines) == 4


# ---- 2. result import ----


def test_results_confirm_send_back_stop_and_keep_unknown_codes(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    codes = dict(zip(numbers, ["0", "1", "2", "3", "N"], strict=True))
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), codes))
    dry = results.import_results(db, path, operator, dry_run=True, today=TODAY)
    assert dry.dry_run and dry.preview.confirmations == 2 and dry.preview.new_forms == 1 and dry.preview.stops == 1
    assert _counts(db)[0] == 0 and _status(db, numbers[0]) == "sent"  # the dry run changed nothing
    outcome = results.import_results(db, path, operator, today=TODAY)
    assert outcome.preview.paid.count == 1 and outcome.preview.failed.amount == 4980 + 5500 + 2200 + 1500
    # 0 and 1 confirm the 「返却なし・未確認」 registration; the history says which result
    assert _status(db, numbers[0]) == "complete" and _status(db, numbers[1]) == "complete"
    entry = accounts.history(db, accounts.find_by_customer_number(db, numbers[0]).id)[-1]
    assert "振替結果 0（振替済、2027-01）" in entry.reason
    # 2 sends it back to needing a new form; 3 puts it on billing stop until released
    assert _status(db, numbers[2]) == "returned"
    stopped = accounts.find_by_customer_number(db, numbers[3])
    assert stopped.billing_stopped and "振替結果 3" in stopped.billing_stop_reason
    # the unknown code is kept as it came, counted as not paid
    view = results.summary(db, "2027-01")
    assert view.as_json()["by_code"] == {
        "0": {"count": 1, "amount": 3300},
        "1": {"count": 1, "amount": 4980},
        "2": {"count": 1, "amount": 5500},
        "3": {"count": 1, "amount": 2200},
        "N": {"count": 1, "amount": 1500},
    }
    assert results.code_label("N") == "不明なコード N"
    assert billing.get_month(db, "2027-01").state_label == "結果取込済"
    assert [(line.customer_number, line.result_code) for line in results.failed_lines(db, "2027-01")] == list(
        zip(numbers[1:], ["1", "2", "3", "N"], strict=True)
    )
    trail = billing.audit_trail(db, "2027-01")
    assert trail[-1][2] == "results" and trail[-1][3]["failed"] == [4, 14180]
    # every failure is a follow-up item with its recommended action and a deadline tied to next month
    items = {i.customer_number: i for i in results.list_followups(db, today=TODAY)}
    assert set(items) == set(numbers[1:])
    february, march = billing.month_schedule_view(db, "2027-02"), billing.month_schedule_view(db, "2027-03")
    assert items[numbers[1]].deadline == february.billing_deadline  # 1: debit again next month
    # 2: a new form by the next paper-form deadline still ahead (February's passed on 27 Jan)
    assert items[numbers[2]].deadline == march.paper_form_deadline
    assert "翌月に再度引き落とします" in items[numbers[1]].action and "問い合わせ" in items[numbers[4]].action
    # a 3 stays stopped until a supervisor releases it
    billing.prepare_month(db, "2027-02", operator)
    assert numbers[3] not in {x.customer_number for x in billing.list_lines(db, "2027-02")}
    with pytest.raises(PermissionDenied):
        results.release_billing_stop(db, numbers[3], "継続の意思を確認", make_operator(db, "suzuki", "鈴木"))
    results.release_billing_stop(db, numbers[3], "継続の意思を確認", operator)
    assert not accounts.find_by_customer_number(db, numbers[3]).billing_stopped


def test_the_same_file_twice_changes_nothing_and_says_when_and_by_whom(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), {numbers[1]: "1"}))
    results.import_results(db, path, operator, today=TODAY)
    before = _counts(db)
    again = results.import_results(db, path, operator, today=TODAY)
    assert again.already_imported and "取り込み済み" in again.message and "システム" in again.message
    assert _counts(db) == before
    # a different file for the month is refused unless a supervisor replaces them
    other = _write(tmp_path, "other.txt", make_result(request.read_bytes(), {numbers[1]: "0"}))
    with pytest.raises(DomainError) as refused:
        results.import_results(db, other, operator, today=TODAY)
    assert refused.value.code == "results.results_in" and "--replace" not in refused.value.screen_message
    clerk = make_operator(db, "suzuki", "鈴木 花子", Role.CLERK)
    with pytest.raises(PermissionDenied):
        results.import_results(db, other, clerk, replace=True, today=TODAY)
    assert _counts(db) == (*before[:4], before[4] + 1)  # nothing but the refusal's audit row
    before = _counts(db)
    replaced = results.import_results(db, other, operator, replace=True, today=TODAY)
    assert replaced.preview.replaces and results.summary(db, "2027-01").paid.count == 5
    with db.read() as s:
        assert s.scalar(select(func.count(DebitResult.id)).where(DebitResult.active.is_(False))) == 5  # old kept
        assert s.scalar(select(func.count(ResultImport.id)).where(ResultImport.active.is_(False))) == 1
    assert all(i.state == "resolved" and i.outstanding == 0 for i in results.list_followups(db))
    assert billing.audit_trail(db, "2027-01")[-1][2] == "results_replace"


def test_a_wrong_trailer_and_a_never_billed_line_are_refused_with_nothing_changed(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    before = _counts(db)
    broken = _write(tmp_path, "trailer.txt", make_result(request.read_bytes(), ["0"], break_trailer=True))
    with pytest.raises(results.ResultsRefused) as refused:
        results.import_results(db, broken, operator, today=TODAY)
    assert [str(p) for p in refused.value.problems] == [
        "レコード 7: トレーラの振替済金額 17,481 円がデータの合計 17,480 円と一致しません",
        "レコード 7: トレーラの合計が振替済と振替不能の和になっていません",
    ]
    stranger = customer(999)
    extra = _write(tmp_path, "extra.txt", make_result(request.read_bytes(), ["0"], extra=[(stranger, 1000)]))
    with pytest.raises(results.ResultsRefused) as refused:
        results.import_results(db, extra, operator, today=TODAY)
    assert [str(p) for p in refused.value.problems] == [
        f"レコード 7: 顧客番号 {stranger} は 2027-01 の請求データにありません"
    ]
    assert _counts(db) == before and billing.get_month(db, "2027-01").state == "final"
    # a line of the month without a result, and a changed amount
    data = make_result(request.read_bytes(), ["0"]).split(b"\r\n")
    del data[2]
    data[5] = b"8" + b"000004" + b"000000012500" + b"000004" + b"000000012500" + b"0" * 18 + b" " * 65
    missing = _write(tmp_path, "missing.txt", b"\r\n".join(data))
    with pytest.raises(results.ResultsRefused) as refused:
        results.import_results(db, missing, operator, today=TODAY)
    assert [str(p) for p in refused.value.problems] == [
        f"レコード 5: 顧客番号 {numbers[1]}（4,980 円）の結果がファイルにありません"
    ]
    assert _counts(db) == before


def test_a_draft_month_and_a_foreign_consignor_are_refused(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    _numbers, request = billed_month(db, operator)
    data = make_result(request.read_bytes(), ["0"])
    foreign = _write(tmp_path, "foreign.txt", data[:4] + b"0000111111" + data[14:])
    with pytest.raises(results.ResultsRefused) as refused:
        results.import_results(db, foreign, operator, today=TODAY)
    assert "委託者コード 0000111111" in str(refused.value.problems[0])
    billing.prepare_month(db, "2027-02", operator)
    # no bank file exists for a draft month: a result file naming its debit date (2027-03-01) at header bytes 55-58
    draft = _write(tmp_path, "draft-result.txt", data[:54] + b"0301" + data[58:])
    with pytest.raises(results.ResultsRefused) as refused:
        results.import_results(db, draft, operator, today=TODAY)
    assert "まだ確定していません" in str(refused.value.problems[0])


def test_a_spreadsheet_of_results_in_cp932_and_xlsx(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, _ = billed_month(db, operator)
    amounts = [3300, 4980, 5500, 2200, 1500]
    lines = ["顧客番号,金額,振替結果コード,振替日"] + [
        f"{n},{a},{c},2027-01-27" for n, a, c in zip(numbers, amounts, ["0", "0", "4", "0", "E"], strict=True)
    ]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(("\r\n".join([*lines[:2], f"{numbers[1]},49８0,,", *lines[3:]]) + "\r\n").encode("cp932"))
    with pytest.raises(results.ResultsRefused) as refused:
        results.import_results(db, bad, operator, today=TODAY)
    assert "3行目 振替結果コード: 振替結果コードは1文字です" in [str(p) for p in refused.value.problems]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in lines:
        sheet.append([int(x) if x.isdigit() and len(x) < 10 else x for x in line.split(",")])
    xlsx = tmp_path / "results.xlsx"
    book.save(xlsx)
    outcome = results.import_results(db, xlsx, operator, today=TODAY)
    assert outcome.preview.format == "table" and outcome.preview.failed.count == 2
    assert _status(db, numbers[2]) == "returned"  # 4: no authorisation, back to needing a new form
    assert {line.result_code for line in results.list_results(db, "2027-01", code="E")} == {"E"}
    # a UTF-8 file with BOM is read the same (here: already imported by content → refused as another file)
    csv_bom = tmp_path / "results.csv"
    csv_bom.write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))
    with pytest.raises(DomainError) as already:
        results.import_results(db, csv_bom, operator, today=TODAY)
    assert already.value.code == "results.results_in"


# ---- 3. what results do ----


def test_a_stop_request_that_comes_back_as_8_resolves_itself(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    billing.stop_line(db, "2027-01", numbers[4], "お客様から解約の申し出", operator, today=date(2027, 1, 5))
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), {numbers[4]: "8"}))
    results.import_results(db, path, operator, today=TODAY)
    (item,) = results.list_followups(db)
    assert item.state == "resolved" and item.outstanding == 0
    assert results.load_view(db, item.id).contacts[0].note == "振替停止依頼による停止（自動で完了）"
    assert results.list_followups(db, open_only=True) == []


def test_a_zero_on_a_registration_with_an_open_return_is_flagged(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    returns.add_return(db, numbers[0], date(2027, 1, 20), ["seal_mismatch"], operator)
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), ["0"]))
    outcome = results.import_results(db, path, operator, today=TODAY)
    assert outcome.preview.flagged == 1
    (item,) = results.list_followups(db)
    assert item.kind == "paid_with_return" and item.customer_number == numbers[0] and item.outstanding == 0
    assert "不備返却中ですが引き落とされました" in item.action
    assert _status(db, numbers[0]) == "returned"  # not confirmed by the 0 while the return is open


def test_followup_states_and_contact_log_with_stale_edits_refused(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), {numbers[2]: "2"}))
    results.import_results(db, path, operator, today=TODAY)
    (item,) = results.list_followups(db)
    clerk = make_operator(db, "suzuki", "鈴木 花子")
    updated = results.update_followup(
        db, item.id, "contacted", clerk, note="電話で新しい依頼書をお願いした", expected_version=item.version
    )
    assert updated.state_label == "連絡済" and updated.updated_by == "鈴木 花子"
    with pytest.raises(Conflict) as stale:
        results.update_followup(db, item.id, "waiting_form", operator, expected_version=item.version)
    assert "鈴木 花子" in stale.value.message
    with pytest.raises(InvalidValue):
        results.update_followup(db, item.id, "done", operator)
    results.update_followup(db, item.id, "新しい依頼書待ち", operator, note="郵送した")
    view = results.load_view(db, item.id)
    assert [(c.operator, c.state_after, c.note) for c in view.contacts] == [
        ("鈴木 花子", "contacted", "電話で新しい依頼書をお願いした"),
        ("システム", "waiting_form", "郵送した"),
    ]


def test_rebilling_a_failure_in_a_later_draft_and_settling_another(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    numbers, request = billed_month(db, operator)
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), {numbers[1]: "1", numbers[4]: "1"}))
    results.import_results(db, path, operator, today=TODAY)
    first, second = sorted(results.list_followups(db), key=lambda i: i.customer_number)
    with pytest.raises(InvalidValue):  # never into the locked month itself (BILL-6)
        results.rebill(db, first.id, "2027-01", operator)
    billing.prepare_month(db, "2027-02", operator)
    results.rebill(db, first.id, "2027-02", operator)
    lines = [x for x in billing.list_lines(db, "2027-02") if x.customer_number == numbers[1]]
    assert sorted(x.amount for x in lines) == [4980, 4980] and any(x.description == "再請求 2027-01" for x in lines)
    with pytest.raises(InvalidValue):  # only once
        results.rebill(db, first.id, "2027-02", operator)
    results.settle(db, second.id, "窓口で現金で受領", operator)
    assert [i.outstanding for i in results.list_followups(db)] == [0, 0]
    assert billing.check_month(db, "2027-02") == []
    # removing the re-billed line from the draft makes the amount outstanding again
    rebilled = next(x for x in lines if x.description)
    billing.remove_line(db, rebilled.id, operator)
    assert results.load_view(db, first.id).outstanding == 4980


def test_the_merchant_setting_carries_insufficient_funds_into_the_next_draft(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    settings.set_setting(db, "carry_insufficient_funds", "1", operator)
    numbers, request = billed_month(db, operator)
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), {numbers[1]: "1", numbers[2]: "9"}))
    results.import_results(db, path, operator, today=TODAY)
    billing.prepare_month(db, "2027-02", operator)
    lines = billing.list_lines(db, "2027-02")
    assert len(lines) == 6 and [x.customer_number for x in lines if x.description] == [numbers[1]]
    assert {i.customer_number: i.settlement for i in results.list_followups(db)} == {
        numbers[1]: "rebilled",
        numbers[2]: "",
    }


# ---- 4. the ledger ----


def test_a_ledger_across_months(db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path) -> None:
    numbers, request = billed_month(db, operator)
    target = numbers[1]
    path = _write(tmp_path, "r1.txt", make_result(request.read_bytes(), {target: "1"}))
    results.import_results(db, path, operator, today=TODAY)
    book = results.ledger(db, target, today=TODAY)
    assert book.outstanding == 4980 and book.consecutive_failures == 1
    billing.prepare_month(db, "2027-02", operator)
    (item,) = results.list_followups(db)
    results.rebill(db, item.id, "2027-02", operator)
    book = results.ledger(db, target, today=TODAY)
    assert book.outstanding == 0 and book.next_debit_date == date(2027, 3, 1)  # 27 Feb 2027 is a Saturday
    assert book.next_month == "2027-02" and book.next_amount == 4980 * 2
    feb = tmp_path / "feb.txt"
    billing.export_month(db, "2027-02", "zengin", feb, operator, final=True, today=date(2027, 2, 3))
    results.import_results(
        db, _write(tmp_path, "r2.txt", make_result(feb.read_bytes(), ["0"])), operator, today=date(2027, 3, 5)
    )
    book = results.ledger(db, target, today=date(2027, 3, 5))
    assert book.as_json() == {
        "customer_number": target,
        "next_debit_date": "2027-03-29",
        "next_amount": 4980,
        "outstanding": 0,
        "consecutive_failures": 0,
        "months": [
            {"month": "2027-01", "amount": 4980, "result_code": "1"},
            {"month": "2027-02", "amount": 4980, "result_code": "0"},
            {"month": "2027-02", "amount": 4980, "result_code": "0"},
        ],
    }
    assert [m.rebill_of for m in book.months] == [None, None, "2027-01"]
    assert book.status == "complete" and any("振替結果 1" in e.reason for e in book.events)
    assert book.billing_deadline == billing.month_schedule_view(db, "2027-03").billing_deadline
    assert book.lapse_warning == ""
    assert results.ledger(db, target, today=date(2028, 3, 5)).lapse_warning.startswith("2027-02 から 13 か月")


def test_the_cli_commands_and_their_json(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import json

    from app.cli import main
    from app.db.models import Operator
    from app.services.operators.passwords import hash_password

    with db.write() as session:  # the command line logs in (OP-1): the test's operator gets a password
        row = session.get(Operator, operator.id)
        assert row is not None
        row.password_hash = hash_password("results-password-1")

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        base = ["--db", db.url, "--data-dir", str(tmp_path / "cli"), "--operator", operator.login_id]
        with pytest.MonkeyPatch.context() as env:
            env.setenv("KOFURI_PASSWORD", "results-password-1")
            code = main([*base, *argv], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    numbers, request = billed_month(db, operator)
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), {numbers[1]: "1", numbers[2]: "2"}))
    code, _, err = run("results", "import", str(path), "--dry-run")
    assert code == 0 and "確認のみ" in err and _counts(db)[0] == 0
    assert run("results", "import", str(path))[0] == 0
    code, _, err = run("results", "import", str(path))
    assert code == 0 and "取り込み済み" in err
    summary = json.loads(run("results", "summary", "2027-01", "--format", "json")[1])
    assert summary == {
        "month": "2027-01",
        "paid": {"count": 3, "amount": 3300 + 2200 + 1500},
        "failed": {"count": 2, "amount": 4980 + 5500},
        "by_code": {
            "0": {"count": 3, "amount": 7000},
            "1": {"count": 1, "amount": 4980},
            "2": {"count": 1, "amount": 5500},
        },
    }
    listed = json.loads(run("results", "list", "2027-01", "--code", "2", "--format", "json")[1])
    assert [(x["customer_number"], x["result_code"]) for x in listed] == [(numbers[2], "2")]
    items = json.loads(run("followups", "list", "--open", "--format", "json")[1])
    assert len(items) == 2
    assert run("followups", "update", str(items[0]["id"]), "--state", "contacted", "--note", "電話した")[0] == 0
    ledger = json.loads(run("ledger", numbers[1], "--format", "json")[1])
    assert set(ledger) >= {"customer_number", "next_debit_date", "outstanding", "months"}
    assert ledger["outstanding"] == 4980 and ledger["months"] == [
        {"month": "2027-01", "amount": 4980, "result_code": "1"}
    ]
    broken = _write(tmp_path, "broken.txt", make_result(request.read_bytes(), ["0"], break_trailer=True))
    code, _, err = run("results", "import", str(broken), "--replace")
    assert code == 1 and "トレーラの振替済金額" in err and "Traceback" not in err
    code, _, err = run("accounts", "confirm", numbers[0], "--note", "確認")
    assert code == 1 and "確認できません" in err  # already 登録済 by its result


def test_importing_failures_plans_failure_notices_in_the_same_import(
    db: Database, operator: OperatorRef, billed_month: Any, tmp_path: Path
) -> None:
    """OP-5 via RES-1: each failed line gets one failure notice as the file comes in; a paid line none."""
    from app.services import notices

    numbers, request = billed_month(db, operator)
    codes = dict(zip(numbers, ["0", "1", "2", "0", "N"], strict=True))
    path = _write(tmp_path, "result.txt", make_result(request.read_bytes(), codes))
    results.import_results(db, path, operator, dry_run=True, today=TODAY)
    assert not [n for n in notices.list_notices(db) if n.kind == "failure"]  # the dry run plans nothing
    results.import_results(db, path, operator, today=TODAY)
    failures = [n for n in notices.list_notices(db) if n.kind == "failure"]
    assert sorted(n.customer_number for n in failures) == sorted(n for n, c in codes.items() if c != "0")
    assert all(n.month == "2027-01" and n.state == "planned" and n.due == TODAY for n in failures)
    # the same file again changes nothing: no second notice
    results.import_results(db, path, operator, today=TODAY)
    assert len([n for n in notices.list_notices(db) if n.kind == "failure"]) == 3

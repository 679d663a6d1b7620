"""Monthly billing: lines, refusals (BILL-4), zero-line files (BILL-5), the lock (BILL-6), stop requests (BILL-7),
the Excel workbook read back with openpyxl and the bank file parsed by a reader written apart from the writer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.db.database import Database
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import InvalidValue
from app.domain.registration import RegistrationInput
from app.services import accounts, billing, settings
from app.services.operators import OperatorRef
from tests import factories


def complete(db: Database, operator: OperatorRef, **overrides: str) -> accounts.RegistrationView:
    return factories.complete(db, operator, confirm_duplicate_account=True, **overrides)


HEADER_SETTINGS = {"zengin_consignor_code": "0000329273", "consignor_name_kana": "カブシキガイシャ サンプル",
                   "merchant_bank_code": "0001", "merchant_branch_code": "210", "merchant_deposit_type": "1",
                   "merchant_account_number": "7654321"}  # fmt: skip


def bank_header(db: Database, operator: OperatorRef) -> None:
    settings.update_settings(db, HEADER_SETTINGS, operator)


# --- an independent reader of the bank format (positions from the reference, not from app.domain.zengin) ---
def parse_zengin(data: bytes) -> list[dict[str, str]]:
    body = data.rstrip(b"\x1a")
    if b"\r\n" in body:
        raw = body.split(b"\r\n")
        assert raw[-1] == b""
        raw = raw[:-1]
    else:
        assert len(body) % 120 == 0
        raw = [body[i : i + 120] for i in range(0, len(body), 120)]
    records = []
    for chunk in raw:
        assert len(chunk) == 120, len(chunk)
        text = chunk.decode("cp932")
        kind = text[0]
        if kind == "1":
            records.append({"kind": "header", "category": text[1:3], "consignor_code": text[4:14],
                            "consignor_name": text[14:54], "debit_date": text[54:58], "bank": text[58:62]})  # fmt: skip
        elif kind == "2":
            records.append({"kind": "data", "bank": text[1:5], "bank_name": text[5:20], "branch": text[20:23],
                            "deposit_type": text[42], "account": text[43:50], "holder": text[50:80],
                            "amount": text[80:90], "new_code": text[90], "customer_number": text[91:111],
                            "result": text[111]})  # fmt: skip
        elif kind == "8":
            records.append({"kind": "trailer", "count": text[1:7], "total": text[7:19], "paid": text[19:25]})
        else:
            assert kind == "9" and text[1:] == " " * 119
            records.append({"kind": "end"})
    return records


def test_prepare_takes_only_billable_registrations(db: Database, operator: OperatorRef) -> None:
    complete(db, operator)
    complete(db, operator, account_number="2", monthly_amount="")  # no standing amount
    accounts.register(db, RegistrationInput(contract_holder_name="未完了", contract_holder_kana="ミカンリョウ",
                      bank_code="0005", branch_code="001", deposit_type="1", account_number="3",
                      account_holder_kana="ミカンリョウ", monthly_amount="1000"), operator)  # fmt: skip
    view = billing.prepare_month(db, "2027-02", operator)
    assert (view.line_count, view.total, view.state) == (1, 3300, "draft")
    assert view.schedule.debit_date == date(2027, 3, 1)
    assert billing.prepare_month(db, "2027-02", operator).line_count == 1  # again: nothing added twice


def test_export_is_refused_while_a_line_cannot_be_billed(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    a = complete(db, operator)
    b = complete(db, operator, account_number="2")
    billing.prepare_month(db, "2027-02", operator)
    accounts.invalidate(db, b.id, b.version, "解約", operator)
    returned = accounts.get_registration(db, a.id)
    accounts.set_status(db, a.id, returned.version, RegistrationStatus.RETURNED, "不備返却", operator)
    with pytest.raises(billing.BillingRefused) as refused:
        billing.export_month(db, "2027-02", "zengin", tmp_path / "x.txt", operator)
    reasons = {p.customer_number: p.reason for p in refused.value.problems}
    assert "不備返却" in reasons[a.customer_number] and "無効化" in reasons[b.customer_number]
    assert not (tmp_path / "x.txt").exists()  # BILL-4: never produced


def test_zero_lines_still_make_a_file_on_a_fresh_database(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    bank_header(db, operator)
    out = tmp_path / "empty.txt"
    result = billing.export_month(db, "2027-02", "zengin", out, operator, final=True)  # BILL-5
    assert result.line_count == 0 and not result.warnings
    records = parse_zengin(out.read_bytes())
    assert [r["kind"] for r in records] == ["header", "trailer", "end"]
    assert records[0]["consignor_code"] == "0000329273" and records[0]["debit_date"] == "0301"
    assert records[1]["count"] == "000000" and records[1]["total"] == "0" * 12


def test_a_final_bank_file_is_refused_naming_every_missing_header_setting(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    complete(db, operator)
    billing.prepare_month(db, "2027-02", operator)
    out = tmp_path / "final.txt"
    with pytest.raises(billing.HeaderIncomplete) as refused:
        billing.export_month(db, "2027-02", "zengin", out, operator, final=True)
    assert [p.setting for p in refused.value.problems] == [
        "zengin_consignor_code", "consignor_name_kana", "merchant_bank_code", "merchant_branch_code",
        "merchant_deposit_type", "merchant_account_number",
    ]  # fmt: skip
    assert "委託者コード（10桁・請求データ用）が未設定です" in refused.value.message
    assert "--" not in refused.value.screen_message
    assert (
        not out.exists() and billing.get_month(db, "2027-02").state == "draft" and billing.exports(db, "2027-02") == []
    )
    # a bank and branch that are not in the bank data, the rest complete: only that is named
    bank_header(db, operator)
    settings.update_settings(db, {"merchant_bank_code": "9999"}, operator)
    with pytest.raises(billing.HeaderIncomplete) as refused:
        billing.export_month(db, "2027-02", "zengin", out, operator, final=True)
    assert [str(p) for p in refused.value.problems] == ["取引銀行コードが銀行データにありません",
                                                        "取引支店コードが銀行データにありません"]  # fmt: skip
    assert not out.exists()
    settings.update_settings(db, {"merchant_bank_code": "0001"}, operator)
    assert billing.export_month(db, "2027-02", "zengin", out, operator, final=True).final
    header = parse_zengin(out.read_bytes())[0]
    assert header["consignor_code"] == "0000329273" and header["bank"] == "0001"


def test_a_draft_bank_file_is_never_written_the_preview_shows_it(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    bank_header(db, operator)
    complete(db, operator, monthly_amount="1200")
    complete(db, operator, account_number="2", monthly_amount="800")
    billing.prepare_month(db, "2027-02", operator)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    draft = tmp_path / "draft.txt"
    with pytest.raises(InvalidValue) as refused:
        billing.export_month(db, "2027-02", "zengin", draft, operator)
    assert refused.value.code == "billing.bank_file_final_only" and not draft.exists()
    assert list(tmp_path.iterdir()) == []  # not even a temporary file is left
    preview = billing.preview_bank_file(db, "2027-02")
    assert preview.ready and (preview.line_count, preview.total) == (2, 2000)
    assert preview.new_code_counts == {1: 2} and [(g.count, g.total) for g in preview.groups] == [(2, 2000)]
    assert preview.header.consignor_code == "0000329273" and preview.header.bank_name.strip() == "ﾐｽﾞﾎ"
    assert list(tmp_path.iterdir()) == [] and billing.get_month(db, "2027-02").state == "draft"
    assert billing.exports(db, "2027-02") == []
    # the final file then holds exactly what the preview said
    final = tmp_path / "final.txt"
    billing.export_month(db, "2027-02", "zengin", final, operator, final=True)
    trailer = next(r for r in parse_zengin(final.read_bytes()) if r["kind"] == "trailer")
    assert (int(trailer["count"]), int(trailer["total"])) == (preview.line_count, preview.total)


def test_bank_file_bytes(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    bank_header(db, operator)
    complete(db, operator, account_holder_kana="ガッコウ ジロウ", monthly_amount="12000")
    complete(db, operator, account_number="7", account_holder_kana="カブシキガイシャ スズキ", monthly_amount="980")
    billing.prepare_month(db, "2027-02", operator)
    out = tmp_path / "feb.txt"
    result = billing.export_month(db, "2027-02", "zengin", out, operator, final=True)
    assert not result.warnings
    data = out.read_bytes()
    assert len(data) == 5 * 122  # header, 2 data, trailer, end, each with CR LF
    records = parse_zengin(data)
    header, first, second, trailer = records[0], records[1], records[2], records[3]
    assert header["category"] == "91" and header["consignor_code"] == "0000329273"
    assert header["consignor_name"].rstrip() == "ｶ)ｻﾝﾌﾟﾙ" and header["debit_date"] == "0301"  # 27 Feb is a Saturday
    assert first["holder"].rstrip() == "ｶﾞﾂｺｳ ｼﾞﾛｳ" and first["amount"] == "0000012000"
    assert first["customer_number"] == "03292790000000000001" and first["new_code"] == "1" and first["result"] == "0"
    assert second["holder"].rstrip() == "ｶ)ｽｽﾞｷ" and second["account"] == "0000007"
    assert trailer["count"] == "000002" and trailer["total"] == "000000012980"
    no_newline = tmp_path / "feb-plain.txt"
    billing.export_month(db, "2027-02", "zengin", no_newline, operator, newline=False)
    assert no_newline.read_bytes() == data.replace(b"\r\n", b"")


def test_new_code_follows_the_previous_debit(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    bank_header(db, operator)
    a = complete(db, operator)
    b = complete(db, operator, account_number="2")
    billing.prepare_month(db, "2027-01", operator)
    billing.export_month(db, "2027-01", "zengin", tmp_path / "jan.txt", operator, final=True)
    raw = accounts.input_from_view(accounts.get_registration(db, b.id))
    raw.account_number = "5555555"
    accounts.change(db, b.id, accounts.get_registration(db, b.id).version, raw, "口座変更", operator)
    c = complete(db, operator, account_number="3")
    billing.prepare_month(db, "2027-02", operator)
    billing.export_month(db, "2027-02", "zengin", tmp_path / "feb.txt", operator, final=True)
    codes = {r["customer_number"]: r["new_code"] for r in parse_zengin((tmp_path / "feb.txt").read_bytes())
             if r["kind"] == "data"}  # fmt: skip
    assert codes == {a.customer_number: "0", b.customer_number: "2", c.customer_number: "1"}


def test_excel_export(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    complete(db, operator, bank_code="0001", branch_code="210", account_number="0012345", monthly_amount="5500",
             contract_holder_name="=HYPERLINK(\"http://x\")")  # fmt: skip
    complete(db, operator, account_number="2", monthly_amount="1000", contract_holder_name="鈴木 花子")
    billing.prepare_month(db, "2027-02", operator)
    line = billing.list_lines(db, "2027-02")[1]
    billing.set_amount(db, line.id, "1000", operator)
    out = tmp_path / "feb.xlsx"
    billing.export_month(db, "2027-02", "xlsx", out, operator)
    book = load_workbook(out)
    data, summary = book["請求明細"], book["集計"]
    header = [c.value for c in data[1]]
    row = [c.value for c in data[2]]
    assert header[:4] == ["顧客番号", "契約者名", "銀行コード", "銀行名"]
    assert header[10].startswith("新規コード\n") and "1=初回" in header[10] and header[11] == "摘要"
    assert row[0] == "03292790000000000001" and row[2] == "0001" and row[4] == "210" and row[7] == "0012345"
    assert data.cell(2, 1).number_format == "@" and isinstance(row[9], int) and row[9] == 5500
    assert "¥" in data.cell(2, 10).number_format and data.freeze_panes == "A2"
    # 新規コード: its own alignment (centred), never right-aligned against the 摘要 text
    assert row[10] == 1 and data.cell(2, 11).alignment.horizontal == "center"
    assert data.cell(2, 12).alignment.shrink_to_fit  # 摘要 shrinks into its column, never runs over
    # a name that looks like a formula is a plain string (control characters: tests/io/test_exports.py)
    assert row[1] == '=HYPERLINK("http://x")' and data.cell(2, 2).data_type == "s"
    # the total row
    last = [c.value for c in data[data.max_row]]
    assert last[0] == "合計" and last[1] == "2 件" and last[9] == 6500
    # every page: 下書き in the header and the footer, 「n / N ページ」
    for sheet in (data, summary):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.oddHeader.right.text == "下書き" and sheet.oddFooter.left.text == "下書き"
        assert sheet.oddFooter.center.text == "&P / &N ページ" and sheet.evenFooter.center.text == "&P / &N ページ"
    facts = {r[0].value: r[1].value for r in summary.iter_rows(min_row=2) if r and r[0].value}
    assert facts["件数"] == 2 and facts["合計金額"] == 6500 and facts["請求月"] == "2027-02"
    assert facts["振替日"].date() == date(2027, 3, 1) and facts["確定"] == "下書き"
    assert "aaa" in summary.cell(5, 2).number_format  # the weekday is printed with the date
    rows = {r[0].value: [c.value for c in r] for r in summary.iter_rows(min_row=2) if r and r[0].value}
    assert rows["新規コード 1"][2:] == [2, 6500]
    assert rows["0001"][2:] == [1, 5500] and rows["0005"][2:] == [1, 1000]  # by bank
    log = billing.exports(db, "2027-02")
    assert [(entry[2], entry[4], entry[5]) for entry in log] == [("xlsx", 2, 6500)]
    assert (
        billing.list_lines(db, "2027-02")[0].new_code == 1
    )  # set when the draft was prepared; the export changed nothing


def test_final_export_locks_the_month(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    complete(db, operator)
    billing.prepare_month(db, "2027-02", operator)
    line = billing.list_lines(db, "2027-02")[0]
    assert billing.set_amount(db, line.id, "4,400", operator).amount == 4400
    first = billing.export_month(db, "2027-02", "xlsx", tmp_path / "f.xlsx", operator, final=True)
    assert billing.get_month(db, "2027-02").state == "final" and not first.already_final
    # a later copy of a locked month says so: its workbook is marked final, not draft
    again = billing.export_month(db, "2027-02", "xlsx", tmp_path / "again.xlsx", operator)
    assert again.already_final and again.total == 4400
    summary = load_workbook(tmp_path / "again.xlsx")["集計"]
    assert {r[0].value: r[1].value for r in summary.iter_rows(min_row=2)}["確定"] != "下書き"
    with pytest.raises(InvalidValue, match="確定済みのため"):
        billing.set_amount(db, line.id, "5000", operator)
    with pytest.raises(InvalidValue, match="確定済みのため"):
        billing.prepare_month(db, "2027-02", operator)


def test_stop_request_until_the_deadline(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    bank_header(db, operator)
    view = complete(db, operator)
    billing.prepare_month(db, "2027-02", operator)
    with pytest.raises(InvalidValue, match="確定していません"):
        billing.stop_line(db, "2027-02", view.customer_number, "お客様の申し出", operator, today=date(2027, 2, 1))
    billing.export_month(db, "2027-02", "zengin", tmp_path / "f.txt", operator, final=True)
    with pytest.raises(InvalidValue, match="2027-02-17"):  # 7 business days before 1 March
        billing.stop_line(db, "2027-02", view.customer_number, "お客様の申し出", operator, today=date(2027, 2, 18))
    stopped = billing.stop_line(db, "2027-02", view.customer_number, "お客様の申し出", operator,
                                today=date(2027, 2, 17))  # fmt: skip
    assert stopped.stopped and stopped.stop_reason == "お客様の申し出"
    assert billing.get_month(db, "2027-02").stopped_count == 1
    # the stop is in the month's audit trail with who asked for it and why
    *_, (_at, name, action, changes) = billing.audit_trail(db, "2027-02")
    assert (name, action, changes) == (operator.name, "stop", {"customer_number": view.customer_number,
                                                               "reason": "お客様の申し出"})  # fmt: skip


def test_amount_import_is_all_or_nothing(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    a = complete(db, operator)
    pending = accounts.register(db, RegistrationInput(contract_holder_name="未完了", contract_holder_kana="ミカン",
                                bank_code="0005", branch_code="001", deposit_type="1", account_number="9",
                                account_holder_kana="ミカン"), operator)  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text(f"顧客番号,金額,摘要\n{a.customer_number},5000,2月分\n03292790000000009999,100,\n"
                   f"{pending.customer_number},100,\n{a.customer_number},-1,\n", encoding="utf-8")  # fmt: skip
    count, problems = billing.import_amounts(db, "2027-02", bad, operator)
    lines = [str(p) for p in problems]
    assert count == 0 and "row 3, column 顧客番号: 顧客番号 03292790000000009999 は登録されていません" in lines
    assert any(line.startswith("row 4, column 顧客番号:") and "完了していません" in line for line in lines)
    assert "row 5, column 金額: 金額は1円以上です" in lines
    with pytest.raises(Exception, match="準備されていません"):
        billing.list_lines(db, "2027-02")
    good = tmp_path / "good.csv"
    good.write_text(f"顧客番号,金額,摘要\n{a.customer_number},5000,2月分\n", encoding="utf-8")
    assert billing.import_amounts(db, "2027-02", good, operator) == (1, [])
    assert [(x.amount, x.description) for x in billing.list_lines(db, "2027-02")] == [(5000, "2月分")]
    # the refused file left no trace; the accepted one is in the audit trail
    assert [(action, changes) for _at, _name, action, changes in billing.audit_trail(db, "2027-02")] == [
        ("import", {"file": "good.csv", "lines": 1})
    ]


def test_annual_schedule_overrides_the_deadline_and_a_past_deadline_only_warns(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    billing.set_schedule(db, "2027-02", date(2027, 2, 12), operator)
    billing.prepare_month(db, "2027-02", operator)
    assert billing.get_month(db, "2027-02").schedule.billing_deadline == date(2027, 2, 12)
    result = billing.export_month(db, "2027-02", "xlsx", tmp_path / "late.xlsx", operator, today=date(2027, 2, 15))
    assert any("締切日 2027-02-12 を過ぎています" in w for w in result.warnings)
    preview = billing.preview_bank_file(db, "2027-02", today=date(2027, 2, 15))
    assert any("締切日 2027-02-12 を過ぎています" in w for w in preview.warnings)


def test_lapse_warning_lists_registrations_without_a_debit_for_a_year(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    bank_header(db, operator)
    view = complete(db, operator)
    billing.prepare_month(db, "2025-11", operator)
    billing.export_month(db, "2025-11", "zengin", tmp_path / "old.txt", operator, final=True)
    assert billing.lapse_warnings(db, today=date(2026, 10, 1)) == []
    assert billing.lapse_warnings(db, today=date(2026, 12, 1)) == [(view.customer_number, "山田 太郎", "2025-11")]


def test_annual_schedule_import_and_a_cancelled_export(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "請求月,請求締切日,結果返却日\n2027-03,2027-03-09,\n2027-13,2027-04-09,\n2027-05,5月9日,\n", encoding="utf-8"
    )
    count, problems = billing.import_schedule(db, bad, operator)
    assert count == 0 and [str(p).split(":")[0] for p in problems] == [
        "row 3, column 請求月",
        "row 4, column 請求締切日",
    ]
    assert billing.month_schedule_view(db, "2027-03").billing_deadline == date(2027, 3, 10)  # nothing written
    good = tmp_path / "schedule.csv"
    good.write_text("請求月,請求締切日,結果返却日\n2027-03,2027-03-09,2027-04-05\n", encoding="utf-8")
    assert billing.import_schedule(db, good, operator) == (1, [])
    assert billing.month_schedule_view(db, "2027-03").billing_deadline == date(2027, 3, 9)
    for i in range(3):
        complete(db, operator, account_number=str(i + 1))
    billing.prepare_month(db, "2027-03", operator)
    with pytest.raises(billing.ExportCancelled):
        billing.export_month(db, "2027-03", "xlsx", tmp_path / "c.xlsx", operator, final=True, cancelled=lambda: True)
    assert not (tmp_path / "c.xlsx").exists()
    assert billing.get_month(db, "2027-03").state == "draft" and billing.exports(db, "2027-03") == []


def test_a_registration_imported_as_debited_before_is_not_new_in_its_first_month(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    bank_header(db, operator)
    source = tmp_path / "accounts.csv"
    source.write_text(
        "契約者名,契約者名カナ,銀行コード,支店コード,預金種目,口座番号,口座名義カナ,月額,状態,振替実績\n"
        "山田 太郎,ヤマダ タロウ,0005,001,1,1111111,ヤマダ タロウ,3300,登録済,あり\n"
        "鈴木 花子,スズキ ハナコ,0005,001,1,2222222,スズキ ハナコ,3300,登録済,\n",
        encoding="utf-8",
    )
    result = accounts.import_accounts(db, source, operator)
    assert result.ok, result.problems
    before, fresh = result.registered
    billing.prepare_month(db, "2027-02", operator)
    out = tmp_path / "feb.txt"
    billing.export_month(db, "2027-02", "zengin", out, operator, final=True)
    codes = {r["customer_number"]: r["new_code"] for r in parse_zengin(out.read_bytes()) if r["kind"] == "data"}
    assert codes == {before.customer_number: "0", fresh.customer_number: "1"}
    # refused with row and column: a value that is not yes/no, and 'debited' on a registration not complete
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "契約者名,契約者名カナ,銀行コード,支店コード,預金種目,口座番号,口座名義カナ,状態,振替実績\n"
        "田中 一,タナカ ハジメ,0005,001,1,3333333,タナカ ハジメ,登録済,たぶん\n"
        "佐藤 二,サトウ ジ,0005,001,1,4444444,サトウ ジ,,あり\n",
        encoding="utf-8",
    )
    refused = accounts.import_accounts(db, bad, operator)
    assert [(p.row, p.column) for p in refused.problems] == [(2, "振替実績"), (3, "振替実績")]
    assert "登録済の行にだけ" in refused.problems[1].message and not refused.registered


def test_an_export_records_only_a_month_unchanged_since_its_snapshot(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    """House rule: the file is written outside any write transaction; a change made meanwhile (another clerk's
    amount, an invalidated registration) fails the export with nothing at the target and nothing recorded."""
    bank_header(db, operator)
    a = complete(db, operator)
    complete(db, operator, account_number="2")
    billing.prepare_month(db, "2027-02", operator)
    line = billing.list_lines(db, "2027-02")[0]
    out = tmp_path / "out"
    out.mkdir()
    calls = []

    def meanwhile() -> bool:  # called before and after the file is written: the second call is "during"
        calls.append(1)
        if len(calls) == 2:
            billing.set_amount(db, line.id, "9999", operator)  # another clerk commits while the file is written
        return False

    from app.domain.errors import Conflict

    for fmt, name in (("xlsx", "feb.xlsx"), ("zengin", "feb.txt")):
        calls.clear()
        with pytest.raises(Conflict) as changed:
            billing.export_month(db, "2027-02", fmt, out / name, operator, final=True, cancelled=meanwhile)
        assert "変更されました" in changed.value.message
        assert list(out.iterdir()) == [] and billing.get_month(db, "2027-02").state == "draft"
        assert billing.exports(db, "2027-02") == []

    def invalidate_meanwhile() -> bool:
        calls.append(1)
        if len(calls) == 2:
            view = accounts.get_registration(db, a.id)
            accounts.invalidate(db, a.id, view.version, "解約", operator)
        return False

    calls.clear()
    with pytest.raises(billing.BillingRefused) as refused:
        billing.export_month(
            db, "2027-02", "zengin", out / "x.txt", operator, final=True, cancelled=invalidate_meanwhile
        )
    assert [p.customer_number for p in refused.value.problems] == [a.customer_number]
    assert list(out.iterdir()) == [] and billing.get_month(db, "2027-02").state == "draft"

    # a crash while writing the file: nothing at the target, nothing recorded
    billing.remove_customer(db, "2027-02", a.customer_number, operator)

    def crash(done: int, total: int) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        billing.export_month(db, "2027-02", "xlsx", out / "c.xlsx", operator, final=True, progress=crash)
    assert list(out.iterdir()) == [] and billing.exports(db, "2027-02") == []
    # and the export that runs undisturbed records its lock with its audit row, the file in place
    result = billing.export_month(db, "2027-02", "zengin", out / "ok.txt", operator, final=True)
    assert result.final and [p.name for p in out.iterdir()] == ["ok.txt"]
    assert billing.get_month(db, "2027-02").state == "final"
    *_, (_at, _name, action, changes) = billing.audit_trail(db, "2027-02")
    assert action == "lock" and changes["lines"] == 1

"""The `kofuri` command line end to end on temporary databases."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main

DATA = Path(__file__).parent / "data"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


BOSS, BOSS_PASSWORD = "boss", "boss-password-1"


@pytest.fixture(autouse=True)
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command logs in (OP-1): as `boss`, the first supervisor, with the password from the environment."""
    monkeypatch.setenv("KOFURI_OPERATOR", BOSS)
    monkeypatch.setenv("KOFURI_PASSWORD", BOSS_PASSWORD)
    monkeypatch.delenv("KOFURI_NEW_PASSWORD", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    """A new database whose first supervisor is `boss` (as `kofuri --operator boss init` makes it)."""
    path = str(tmp_path / "cli.sqlite3")
    assert run("--db", path, "--operator", BOSS, "init")[0] == 0
    return path


def test_init_prints_where_the_database_is(db_path: str) -> None:
    code, out, _ = run("--db", db_path, "init")
    assert code == 0 and db_path in out
    assert run("--db", db_path, "init")[0] == 0  # again: an upgrade that has nothing to do


def test_default_database_is_in_the_data_folder(tmp_path: Path) -> None:
    code, out, _ = run("init")
    assert code == 0 and str(tmp_path / "data" / "kofuri.sqlite3") in out


def test_demo_then_list_every_registration(db_path: str) -> None:
    # a clerk's own keyed forms are already waiting: sample data must not ship them
    assert run("--db", db_path, "accounts", "import", str(DATA / "accounts_fixed.csv"))[0] == 0
    code, out, err = run("--db", db_path, "demo", "--accounts", "60", "--seed", "7")
    counts = re.search(r"（(.*)）", out + err)
    assert code == 0 and counts is not None
    assert sum(int(part.split()[1]) for part in counts.group(1).split(", ")) == 60  # the sample's own, by status
    code, out, _ = run("--db", db_path, "accounts", "list", "--format", "csv")
    listed = list(csv.DictReader(io.StringIO(out)))
    imported, rows = listed[:5], listed[5:]  # listed by customer number: the imported ones came first
    assert sorted(r["status"] for r in imported) == ["keyed"] * 4 + ["web_requested"]  # still waiting, not shipped
    assert code == 0 and len(rows) == 60
    assert {r["status"] for r in rows} >= {"complete", "keyed", "sent", "invalidated"}
    assert any(r["bank_code"] == "9900" and r["jp_symbol"] for r in rows)  # Japan Post accounts
    assert any(
        r["account_holder_kana_bank"].startswith("ｶ)") or r["account_holder_kana_bank"].endswith("(ｶ") for r in rows
    )
    assert all(len(r["customer_number"]) == 20 and r["customer_number"].startswith("0329279") for r in rows)
    code, out, _ = run("--db", db_path, "accounts", "list", "--status", "invalidated", "--format", "json")
    records = json.loads(out)
    assert records and all(r["status"] == "invalidated" for r in records)
    # the paper workflow is real, not just a status: every sent or returned paper form is in a sent shipment,
    # every returned one has its open return (the dashboard and statistics have data), and the returns whose
    # new form arrived wait for the next shipment as corrected (不備分)
    code, out, _ = run("--db", db_path, "shipments", "list", "--format", "json")
    shipped = json.loads(out)
    assert code == 0 and shipped and all(s["status"] == "sent" and s["tracking_number"] for s in shipped)
    code, out, _ = run("--db", db_path, "returns", "list", "--format", "json")
    returns = json.loads(out)
    by_number = {r["customer_number"]: r for r in rows}
    returned = {n for n, r in by_number.items() if r["status"] == "returned"}
    assert returned and returned == {r["customer_number"] for r in returns if r["status"] in ("open", "waiting")}
    for r in returns:
        if r["status"] == "received":
            assert by_number[r["customer_number"]]["status"] == "keyed"
    assert sum(s["total"] for s in shipped) >= sum(1 for r in rows if r["status"] in ("sent", "returned"))


def test_import_with_errors_reports_row_and_column_and_writes_nothing(db_path: str) -> None:
    code, _, err = run("--db", db_path, "accounts", "import", str(DATA / "accounts_with_errors.csv"))
    assert code == 1
    lines = err.strip().splitlines()
    assert (
        "row 3, column 預金種目: 貯蓄預金の口座からは口座振替で引き落とせません（普通・当座などの口座を指定してください）"
        in lines
    )
    assert "row 4, column 銀行コード: 銀行コード 9999 の金融機関は見つかりません" in lines
    assert any(line.startswith("row 4, column 口座名義カナ:") and "4文字目「商」" in line for line in lines)
    assert any(line.startswith("row 5, column 通帳番号:") for line in lines)
    assert {line.split(":")[0] for line in lines if line.startswith("row 6")} == {
        "row 6, column 顧客番号",
        "row 6, column 口座番号",
        "row 6, column 登録方法",
        "row 6, column 月額",
    }
    assert run("--db", db_path, "accounts", "list")[1].count("\n") == 1  # the header only


def test_fixed_file_imports_all_rows(db_path: str) -> None:
    code, _, err = run("--db", db_path, "accounts", "import", str(DATA / "accounts_fixed.csv"), "--dry-run")
    assert code == 0 and "--dry-run" in err
    assert run("--db", db_path, "accounts", "list")[1].count("\n") == 1
    code, _, err = run("--db", db_path, "accounts", "import", str(DATA / "accounts_fixed.csv"))
    assert code == 0 and "5 件を登録しました" in err
    masked = {
        r["contract_holder_name"]: r for r in csv.DictReader(io.StringIO(run("--db", db_path, "accounts", "list")[1]))
    }
    assert masked["高橋 一郎"]["account_number"] == "****567"  # masked by default
    listing = run("--db", db_path, "accounts", "list", "--reveal")[1]  # a supervisor's, audited
    rows = {r["contract_holder_name"]: r for r in csv.DictReader(io.StringIO(listing))}
    assert rows["高橋 一郎"]["branch_code"] == "408" and rows["高橋 一郎"]["account_number"] == "1234567"
    assert rows["株式会社鈴木商事"]["account_holder_kana_bank"] == "ｶ)ｽｽﾞｷｼﾖｳｼﾞ"
    assert rows["山田 太郎"]["customer_number"] == "03292790000000000201"  # after the highest number in the file
    # the same file again: every keyed number is now taken
    code, _, err = run("--db", db_path, "accounts", "import", str(DATA / "accounts_fixed.csv"))
    assert code == 1 and "row 3, column 顧客番号: 顧客番号 03292790000000000100 はすでに使われています" in err


def test_import_reads_cp932_and_xlsx(db_path: str, tmp_path: Path) -> None:
    text = (DATA / "accounts_fixed.csv").read_text(encoding="utf-8")
    sjis = tmp_path / "sjis.csv"
    sjis.write_bytes(text.encode("cp932"))
    assert run("--db", db_path, "accounts", "import", str(sjis), "--dry-run")[0] == 0
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows = list(csv.reader(io.StringIO(text)))
    sheet.append(rows[0] + ["状態"])
    sheet.append([*rows[1][:14], 3300, "登録済"])
    book.save(tmp_path / "a.xlsx")
    code, _, err = run("--db", db_path, "accounts", "import", str(tmp_path / "a.xlsx"))
    assert code == 0, err
    listed = list(csv.DictReader(io.StringIO(run("--db", db_path, "accounts", "list")[1])))
    assert [(r["status"], r["monthly_amount"]) for r in listed] == [("complete", "3300")]


def test_unknown_header_is_reported(db_path: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("契約者名,カナ\n山田,ヤマダ\n", encoding="utf-8")
    code, _, err = run("--db", db_path, "accounts", "import", str(bad))
    assert code == 1 and "row 1, column カナ:" in err


def test_settings_show_and_set(db_path: str) -> None:
    code, out, _ = run("--db", db_path, "settings", "show", "--format", "json")
    assert json.loads(out)["consignor_code"] == "329273"
    assert run("--db", db_path, "settings", "set", "consignor_category", "12")[0] == 0
    code, _, err = run("--db", db_path, "settings", "set", "customer_number_prefix", "12")
    assert code == 1 and err.count("\n") == 1 and "7桁" in err
    assert json.loads(run("--db", db_path, "settings", "show", "--format", "json")[1])["consignor_category"] == "12"


def test_calendar_json() -> None:
    code, out, _ = run("calendar", "2027-02", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "debit_date": "2027-03-01",
        "billing_deadline": "2027-02-10",
        "result_date": "2027-03-05",
        "paper_form_deadline": "2027-02-01",
        "web_registration_deadline": "2027-02-03",
        "stop_request_deadline": "2027-02-17",
    }
    code, _, err = run("calendar", "2027-13")
    assert code == 1 and "請求月" in err and "Traceback" not in err


def test_bad_input_gives_one_line_and_no_traceback(db_path: str, tmp_path: Path) -> None:
    code, _, err = run("--db", db_path, "accounts", "import", str(tmp_path / "missing.csv"))
    assert code == 1 and err.count("\n") == 1 and "見つかりません" in err
    code, _, err = run("--db", db_path, "--operator", "nobody", "settings", "set", "consignor_name", "x")
    assert code == 1 and err.count("\n") == 1 and "ログインIDまたはパスワード" in err  # never which was wrong
    code, _, err = run("--db", db_path, "accounts", "list", "--status", "done")
    assert code == 1 and "使える状態" in err


def test_the_installed_entry_point_runs(tmp_path: Path) -> None:
    kofuri = shutil.which("kofuri", path=str(Path(sys.executable).parent))
    assert kofuri is not None
    env = {**os.environ, "KOFURI_DB": str(tmp_path / "ep.sqlite3")}
    done = subprocess.run([kofuri, "calendar", "2027-02"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0 and "振替日\t2027-03-01（月）" in done.stdout
    done = subprocess.run([kofuri, "nonsense"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_forms_commands(db_path: str, tmp_path: Path) -> None:
    import pdfplumber

    assert run("--db", db_path, "accounts", "import", str(DATA / "accounts_fixed.csv"))[0] == 0
    out = tmp_path / "req.pdf"
    code, _, err = run(
        "--db", db_path, "forms", "request", "--customer-number", "03292790000000000100", "--out", str(out)
    )
    assert code == 1 and "区分・委託者名 を設定してください" in err and not out.exists()  # never printed without them
    for key, value in (("consignor_category", "12"), ("consignor_name", "株式会社サンプル商事")):
        assert run("--db", db_path, "settings", "set", key, value)[0] == 0
    code, _, err = run(
        "--db",
        db_path,
        "forms",
        "request",
        "--customer-number",
        "03292790000000000100",
        "--type",
        "carbon",
        "--out",
        str(out),
    )
    assert code == 0 and "6 ページ" in err  # three sheets, each with the terms on its back
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 6 and "サトウ ハナコ" in pdf.pages[2].extract_text()
    code, numbers, _ = run("--db", db_path, "forms", "blank", "--count", "3", "--out", str(tmp_path / "blank.pdf"))
    assert code == 0 and numbers.split() == [f"0329279000000000020{i}" for i in (4, 5, 6)]  # after 0203
    cover = tmp_path / "cover.pdf"
    new = "03292790000000000100,03292790000000000200"
    code, _, err = run("--db", db_path, "forms", "cover-sheet", "--new", new, "--out", str(cover))
    assert code == 1 and "チェック未完了で保留中" in err  # imported: nobody has checked the paper yet
    check_every_held_form(db_path)
    code, _, err = run(
        "--db",
        db_path,
        "forms",
        "cover-sheet",
        "--new",
        new,
        "--corrected",
        "03292790000000000201",
        "--out",
        str(cover),
    )
    assert code == 1 and "03292790000000000201 は新規分" in err  # only forms that can go, in their bundle
    code, _, _ = run("--db", db_path, "forms", "cover-sheet", "--new", new, "--tracking", "XY-1", "--out", str(cover))
    assert code == 0
    with pdfplumber.open(cover) as pdf:
        assert "XY-1" in pdf.pages[0].extract_text() and len(pdf.pages) == 2
    code, _, err = run("--db", db_path, "forms", "request", "--customer-number", "1", "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and "顧客番号 1 の登録はありません" in err
    code, _, err = run("--db", db_path, "forms", "blank", "--count", "1", "--out", str(tmp_path / "x.txt"))
    assert code == 1 and ".pdf" in err


def test_billing_session(db_path: str, tmp_path: Path) -> None:

    good = tmp_path / "complete.csv"
    text = (DATA / "accounts_fixed.csv").read_text(encoding="utf-8").splitlines()
    good.write_text("\n".join([text[0] + ",状態"] + [row + ",登録済" for row in text[1:]]) + "\n", encoding="utf-8")
    assert run("--db", db_path, "accounts", "import", str(good))[0] == 0
    code, out, _ = run("--db", db_path, "billing", "prepare", "2027-02")
    assert code == 0 and out.startswith(
        "2027-02 下書き: 4 件 21,780 円（振替日 2027-03-01"
    )  # the one without 月額 left out
    amounts = tmp_path / "amounts.csv"
    amounts.write_text("顧客番号,金額,摘要\n03292790000000000100,5000,2月分\n99,1,\n", encoding="utf-8")
    code, _, err = run("--db", db_path, "billing", "import", "2027-02", str(amounts))
    assert code == 1 and "row 3, column 顧客番号: 顧客番号 99 は登録されていません" in err
    listed = list(csv.DictReader(io.StringIO(run("--db", db_path, "accounts", "list")[1])))
    victim = next(r for r in listed if r["customer_number"] == "03292790000000000201")
    code, _, _ = run("--db", db_path, "settings", "set", "consignor_name", "テスト")
    assert code == 0
    from app.paths import AppPaths
    from app.services import accounts
    from app.services.operators import SYSTEM_LOGIN, get_operator
    from app.services.setup import connect

    db = connect(db_path, AppPaths.resolve(tmp_path / "data"))
    accounts.invalidate(db, int(victim["id"]), int(victim["version"]), "解約", get_operator(db, SYSTEM_LOGIN))
    code, _, err = run(
        "--db", db_path, "billing", "export", "2027-02", "--format", "zengin", "--out", str(tmp_path / "f.txt")
    )
    assert code == 1 and "refused: 顧客番号 03292790000000000201: 無効化された登録です" in err
    assert not (tmp_path / "f.txt").exists()
    db.dispose()
    code, _, err = run("--db", db_path, "billing", "remove", "2027-02", "--customer-number", "03292790000000000201")
    assert code == 0 and "外しました" in err
    code, _, err = run(
        "--db", db_path, "billing", "export", "2027-02", "--format", "xlsx", "--out", str(tmp_path / "f.xlsx")
    )
    assert code == 0 and "3 件" in err
    # a draft bank file is never written; the preview shows what it will hold; an empty header refuses it
    code, _, err = run(
        "--db", db_path, "billing", "export", "2027-02", "--format", "zengin", "--out", str(tmp_path / "draft.txt")
    )
    assert code == 1 and "確定として書き出すときにだけ" in err and not (tmp_path / "draft.txt").exists()
    code, out, _ = run("--db", db_path, "billing", "preview", "2027-02")
    assert code == 1 and "明細: 3 件" in out and "委託者コード（10桁・請求データ用）が未設定です" in out
    code, _, err = run(
        "--db",
        db_path,
        "billing",
        "export",
        "2027-02",
        "--format",
        "zengin",
        "--final",
        "--out",
        str(tmp_path / "f.txt"),
    )
    assert code == 1 and "refused: 取引口座の口座番号が未設定です" in err and not (tmp_path / "f.txt").exists()
    for key, value in (("zengin_consignor_code", "0000329273"), ("consignor_name_kana", "サンプル"),
                       ("merchant_bank_code", "0001"), ("merchant_branch_code", "001"),
                       ("merchant_deposit_type", "1"), ("merchant_account_number", "1234567")):  # fmt: skip
        assert run("--db", db_path, "settings", "set", key, value)[0] == 0
    code, out, _ = run("--db", db_path, "billing", "preview", "2027-02")
    assert code == 0 and "確定として書き出せます" in out and "委託者コード 0000329273" in out
    assert billing_month_state(db_path, tmp_path) == "draft"  # the preview locked nothing
    code, _, err = run(
        "--db",
        db_path,
        "billing",
        "export",
        "2027-02",
        "--format",
        "zengin",
        "--final",
        "--no-newline",
        "--out",
        str(tmp_path / "f.txt"),
    )
    assert code == 0 and "確定（ロックしました）" in err and len((tmp_path / "f.txt").read_bytes()) == 6 * 120
    code, _, err = run(
        "--db", db_path, "billing", "export", "2027-02", "--format", "xlsx", "--out", str(tmp_path / "copy.xlsx")
    )
    assert code == 0 and "確定済みの月" in err and "下書き" not in err
    code, _, err = run("--db", db_path, "billing", "import", "2027-02", str(amounts))
    assert code == 1 and "確定済みのため、金額の変更・追加はできません" in err
    # BILL-7 on the command line: a month still ahead accepts a stop, a past one names its deadline
    for month in ("2099-01", "2020-01"):
        assert run("--db", db_path, "billing", "prepare", month)[0] == 0
        out_file = str(tmp_path / f"{month}.txt")
        assert (
            run("--db", db_path, "billing", "export", month, "--format", "zengin", "--final", "--out", out_file)[0] == 0
        )
    stop = ["--customer-number", "03292790000000000100", "--reason", "お客様の申し出"]
    code, _, err = run("--db", db_path, "billing", "stop", "2099-01", *stop)
    assert code == 0 and "記録しました" in err
    code, _, err = run("--db", db_path, "billing", "stop", "2020-01", *stop)
    assert code == 1 and "振替停止依頼の期限（2020-01-16" in err


def billing_month_state(db_path: str, tmp_path: Path) -> str:
    from app.paths import AppPaths
    from app.services import billing
    from app.services.setup import connect

    db = connect(db_path, AppPaths.resolve(tmp_path / "data"))
    try:
        return billing.get_month(db, "2027-02").state
    finally:
        db.dispose()


def check_every_held_form(db_path: str) -> None:
    """Imported forms carry no checklist: someone checks the paper and records it, or they are held back."""
    code, out, _ = run("--db", db_path, "shipments", "held")
    assert code == 0
    for line in out.splitlines()[1:]:
        assert run("--db", db_path, "shipments", "checked", line.split(",")[0], "--note", "原本を確認")[0] == 0


def test_paper_workflow_commands(db_path: str, tmp_path: Path) -> None:
    assert run("--db", db_path, "accounts", "import", str(DATA / "accounts_fixed.csv"))[0] == 0
    code, out, err = run("--db", db_path, "shipments", "create")
    assert code == 1 and "保留中: 4 件" in err  # nothing checked yet: nothing goes
    check_every_held_form(db_path)
    code, out, err = run("--db", db_path, "shipments", "create")
    assert code == 0 and out.strip() == "1" and "新規分 4 枚、不備分 0 枚、合計 4 枚" in err
    code, _, err = run("--db", db_path, "shipments", "create")
    assert code == 1 and err.count("\n") == 1  # nothing waiting: one line, nothing created
    assert run("--db", db_path, "shipments", "send", "1", "--date", "2026-11-02", "--tracking", "T-1")[0] == 0
    code, out, _ = run("--db", db_path, "returns", "reasons")
    assert out.splitlines()[0].split() == ["seal_mismatch", "金融機関届け出印相違"]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    code, out, _ = run(
        "--db",
        db_path,
        "returns",
        "add",
        "--customer-number",
        "03292790000000000100",
        "--received",
        "2026-11-20",
        "--reason",
        "seal_mismatch",
        "--reason",
        "spare_seal_missing",
        "--scan",
        str(scan),
    )
    assert code == 0 and out.strip() == "1"
    code, out, _ = run("--db", db_path, "accounts", "status", "03292790000000000100")
    assert out.splitlines()[0].startswith("不備返却")
    assert run("--db", db_path, "returns", "update", "1", "--status", "received")[0] == 0
    code, out, err = run("--db", db_path, "shipments", "create")
    assert out.strip() == "2" and "不備分 1 枚" in err
    cover = tmp_path / "cover.pdf"
    code, _, err = run("--db", db_path, "forms", "cover-sheet", "--shipment", "2", "--out", str(cover))
    assert code == 1 and "委託者名 を設定してください" in err  # the agency must see who sends
    assert run("--db", db_path, "settings", "set", "consignor_name", "株式会社サンプル商事")[0] == 0
    assert run("--db", db_path, "forms", "cover-sheet", "--shipment", "2", "--out", str(cover))[0] == 0
    listed = json.loads(run("--db", db_path, "accounts", "list", "--format", "json")[1])
    back = next(r for r in listed if r["customer_number"] == "03292790000000000100")
    assert (back["status"], back["sent_on"], back["corrected"], back["billing_stopped"]) == (
        "keyed",
        "2026-11-02",
        True,
        False,
    )
    records = json.loads(run("--db", db_path, "returns", "list", "--open", "--format", "json")[1])
    assert [(r["id"], r["status"], r["reasons"]) for r in records] == [
        (1, "received", "金融機関届け出印相違、捨印漏れ")
    ]
    stats = run("--db", db_path, "returns", "stats", "--from", "2026-11-01", "--to", "2026-11-30")[1]
    assert "reason,捨印漏れ,1" in stats and "bank,0001 みずほ,1" in stats
    code, _, err = run(
        "--db",
        db_path,
        "returns",
        "add",
        "--customer-number",
        "1",
        "--received",
        "2026-11-20",
        "--reason",
        "seal_mismatch",
    )
    assert code == 1 and "顧客番号 1 の登録はありません" in err

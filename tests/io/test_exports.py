"""Spreadsheet safety of every export (issue #16 points 8-9, issue #14 points 18-21), read back for real."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import pytest
from openpyxl import load_workbook

from app.domain.business_calendar import BillingMonth, month_schedule
from app.io.billing_xlsx import write_billing_workbook
from app.io.cells import csv_text, xlsx_text
from app.io.table_export import Column, write_csv, write_xlsx

HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", '=HYPERLINK("http://x","y")']


class Line(NamedTuple):
    customer_number: str
    contract_holder_name: str
    bank_code: str
    bank_name: str
    branch_code: str
    branch_name: str
    deposit_type: int
    account_number: str
    account_holder_bank: str
    amount: int
    new_code: int
    description: str


class Settings(NamedTuple):
    consignor_name: str = "=株式会社サンプル"
    consignor_code: str = "329273"
    charge_description: str = "月会費"


class Operator(NamedTuple):
    name: str = "山田"
    login_id: str = "yamada"


def test_csv_cells_are_neutralised_per_owasp() -> None:
    for text in HOSTILE:
        assert csv_text(text) == "'" + text
    assert csv_text("山田 太郎") == "山田 太郎" and csv_text("a\x00b\x1b") == "a\u2400b\u241b"


def test_machine_and_spreadsheet_csv(tmp_path: Path) -> None:
    columns = [Column("顧客番号", number_format="@"), Column("口座番号", number_format="@"), Column("名前"),
               Column("月額")]  # fmt: skip
    rows = [["03292790000000000001", "0012345", HOSTILE[0], 3300], ["03292790000000000002", "0000007", "鈴木\x00", 0]]
    machine, sheet = tmp_path / "machine.csv", tmp_path / "sheet.csv"
    write_csv(machine, columns, rows)
    write_csv(sheet, columns, rows, spreadsheet=True)
    raw = machine.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    read = list(csv.reader(machine.read_text(encoding="utf-8-sig").splitlines()))
    assert read[1] == ["03292790000000000001", "0012345", "'" + HOSTILE[0], "3300"]
    assert read[2][2] == "鈴木\u2400"
    read = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert read[1][:3] == ['="03292790000000000001"', '="0012345"', "'" + HOSTILE[0]]


def test_xlsx_texts_are_strings_never_formulas(tmp_path: Path) -> None:
    columns = [Column("顧客番号", 25, "@"), Column("名前", 20), Column("月額", 10, '"¥"#,##0')]
    rows = [["03292790000000000001", text, 1] for text in HOSTILE] + [["03292790000000000009", "a\x00\x1bb", 2]]
    out = tmp_path / "t.xlsx"
    assert write_xlsx(out, "一覧", columns, rows, title="口座一覧") == len(rows)
    sheet = load_workbook(out)["一覧"]
    names = [sheet.cell(r, 2) for r in range(2, len(rows) + 2)]
    assert [c.value for c in names[:-1]] == [xlsx_text(t) for t in HOSTILE]
    assert all(c.data_type == "s" for c in names)  # no formula cell anywhere
    assert names[-1].value == "a\u2400\u241bb"
    assert sheet.cell(2, 1).value == "03292790000000000001" and sheet.cell(2, 1).number_format == "@"
    assert sheet.column_dimensions["A"].width == 25
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.oddFooter.center.text == "&P / &N ページ"
    assert "<f>" not in (tmp_path / "t.xlsx").read_bytes().decode("latin-1")


def test_billing_workbook_with_hostile_and_control_texts(tmp_path: Path) -> None:
    lines = [
        Line("03292790000000000001", "=cmd|' /C calc'!A0", "0001", "みずほ", "210", "本店", 1, "0012345",
             "ﾔﾏﾀﾞ", 100, 1, "@SUM(A1)"),
        Line("03292790000000000002", "鈴木\x00\x1b花子", "0005", "三菱ＵＦＪ", "001", "本店", 1, "0000002",
             "ｽｽﾞｷ", 200, 0, "#N/A"),
    ]  # fmt: skip
    schedule = month_schedule(BillingMonth(2027, 2))
    out = tmp_path / "w.xlsx"
    write_billing_workbook(out, Settings(), schedule, lines, Operator(), True, now=datetime(2027, 2, 1, 9, 0))
    book = load_workbook(out)
    data = book["請求明細"]
    assert data.cell(2, 2).value == "=cmd|' /C calc'!A0" and data.cell(2, 2).data_type == "s"
    assert data.cell(2, 12).value == "@SUM(A1)"
    assert data.cell(3, 2).value == "鈴木\u2400\u241b花子"
    assert data.cell(3, 12).value == "#N/A" and data.cell(3, 12).data_type == "s"
    assert data.oddHeader.right.text == "確定" and book["集計"].oddHeader.right.text == "確定"
    assert book["集計"].cell(2, 2).value == "=株式会社サンプル" and book["集計"].cell(2, 2).data_type == "s"
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)
    assert schedule.debit_date == date(2027, 3, 1)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
def test_the_spreadsheet_csv_survives_opening_in_libreoffice(tmp_path: Path) -> None:
    """Opened for real: LibreOffice reads the machine CSV's 20-digit number as 3.29279E+18 and drops the zeros;
    the spreadsheet CSV keeps both as text."""
    columns = [Column("顧客番号", number_format="@"), Column("口座番号", number_format="@"), Column("名前")]
    rows = [["03292790000000000001", "0012345", "=1+1"]]
    for name, spreadsheet in (("machine.csv", False), ("sheet.csv", True)):
        write_csv(tmp_path / name, columns, rows, spreadsheet=spreadsheet)
        subprocess.run(
            [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
             "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"),
             str(tmp_path / name)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    machine = load_workbook(tmp_path / "lo" / "machine.xlsx", data_only=True).active
    sheet = load_workbook(tmp_path / "lo" / "sheet.xlsx", data_only=True).active
    assert machine is not None and sheet is not None
    assert machine["A2"].value != "03292790000000000001" and machine["B2"].value == 12345  # the defect
    assert sheet["A2"].value == "03292790000000000001" and sheet["B2"].value == "0012345"
    assert sheet["C2"].value == "'=1+1"  # shown as text, not computed to 2

"""Request forms and cover sheets, read back from the PDF: values, positions, pages, fonts, reservations."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image

from app.db.database import Database
from app.domain.errors import InvalidValue
from app.render.layout import load_layout
from app.services import accounts, settings
from app.services.forms import render_blank_forms, render_cover_sheet, render_request_forms
from app.services.operators import OperatorRef
from tests import factories

MM = 72 / 25.4


def register(db: Database, operator: OperatorRef, **overrides: str) -> accounts.RegistrationView:
    printed = {"postal_code": "1000001", "address": "東京都千代田区千代田1-1", "account_number": "1234"}
    return factories.keyed(db, operator, **{**printed, "monthly_amount": "", **overrides})


@pytest.fixture
def merchant(db: Database, operator: OperatorRef) -> Database:
    settings.update_settings(
        db,
        {"consignor_name": "株式会社サンプル商事", "charge_description": "月額会費", "consignor_category": "12"},
        operator,
    )
    return db


def chars_in(page: Any, box: tuple[float, float, float, float]) -> str:
    """The text whose characters lie inside a box given in millimetres from the top left."""
    x, y, w, h = (v * MM for v in box)
    inside = [c for c in page.chars if c["x0"] >= x - 0.5 and c["x1"] <= x + w + 0.5 and c["top"] >= y - 0.5
              and c["bottom"] <= y + h + 0.5]  # fmt: skip
    return "".join(c["text"] for c in sorted(inside, key=lambda c: (round(c["top"]), c["x0"])))


def field_box(element: dict[str, Any]) -> tuple[float, float, float, float]:
    return (float(element["x"]), float(element["y"]), float(element["w"]), float(element["h"]))


def digit_cells(element: dict[str, Any]) -> list[tuple[float, float, float, float]]:
    return [(float(element["x"]) + i * float(element["cell_w"]), float(element["y"]), float(element["cell_w"]),
             float(element["h"])) for i in range(int(element["cells"]))]  # fmt: skip


def embedded_fonts(path: Path) -> list[list[str]]:
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in listing.splitlines()[2:]]


def test_pdf_type_prints_every_value_inside_its_box(merchant: Database, operator: OperatorRef, tmp_path: Path) -> None:
    view = register(merchant, operator)
    out = tmp_path / "form.pdf"
    result = render_request_forms(merchant, [view.id], out)
    layout = load_layout("request_pdf")
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2 == result.pages  # PDF type: one sheet (FORM-1), the terms on its back
        page = pdf.pages[0]
        for name, expected in {
            "consignor_name": "株式会社サンプル商事",
            "charge_description": "月額会費",
            "contract_holder_name": "山田太郎",
            "contract_holder_kana": "ヤマダタロウ",
            "bank_name": "三菱ＵＦＪ銀行",  # REG-7: the official name
        }.items():
            assert expected in chars_in(page, field_box(layout.element(name))).replace(" ", ""), name
        for name, expected in {
            "customer_number": "03292790000000000001",
            "consignor_code": "329273",
            "consignor_category": "  12",  # right-aligned in its 4 boxes
            "account_number": "0001234",  # REG-7: right-aligned, zero-padded on the left
            "bank_code": "0005",
        }.items():
            cells = digit_cells(layout.element(name))
            assert [chars_in(page, cell) or " " for cell in cells] == list(expected), name
        text = page.extract_text()
        assert "不備理由" in text and "捨印" in text and "金融機関お届け印" in text and "金融機関用" in text
        assert "再発行" not in text
    fonts = embedded_fonts(out)
    assert fonts and all(row[-5] == "yes" and row[-4] == "yes" for row in fonts)  # embedded, subset
    assert {row[0].split("+")[1] for row in fonts} <= {"IPAexGothic", "IPAexMincho"}  # no Helvetica


def test_carbon_type_has_three_copies_and_the_reissue_reason_on_the_customers_copy(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    view = register(merchant, operator)
    out = tmp_path / "carbon.pdf"
    render_request_forms(merchant, [view.id], out, form_type="carbon", reissue_reason="口座番号相違のため")
    with pdfplumber.open(out) as pdf:
        texts = [p.extract_text() for p in pdf.pages]
    assert len(texts) == 6  # FORM-3: three sheets, each with the terms on its back
    fronts = texts[0::2]
    for text, label in zip(fronts, ("①お客様控え", "②金融機関用", "③委託者用"), strict=True):
        assert label in text and "再発行" in text
    # the reason and what to correct are for the customer, on the customer's sheet
    assert ["口座番号相違のため" in t for t in fronts] == [True, False, False]


def test_blank_fields_and_japan_post_digits(merchant: Database, operator: OperatorRef, tmp_path: Path) -> None:
    post = register(merchant, operator, bank_code="9900", branch_code="", account_number="", deposit_type="",
                    jp_symbol="14030", jp_number="1234567")  # fmt: skip
    out = tmp_path / "post.pdf"
    render_request_forms(merchant, [post.id], out)
    layout = load_layout("request_pdf")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert [chars_in(page, c) for c in digit_cells(layout.element("jp_symbol"))] == list("14030")
        assert [chars_in(page, c) for c in digit_cells(layout.element("jp_number"))] == list("12345671")  # REG-6
        assert "ゆうちょ銀行" in page.extract_text()
    blank = tmp_path / "blank-fields.pdf"
    render_request_forms(merchant, [post.id], blank, blank_fields=True)
    with pdfplumber.open(blank) as pdf:
        page = pdf.pages[0]
        assert "山田" not in page.extract_text() and "ヤマダ" not in page.extract_text()  # left blank by choice
        printed = "".join(chars_in(page, c) for c in digit_cells(layout.element("customer_number")))
        assert printed == post.customer_number  # always pre-printed (FORM-1)
        assert "株式会社サンプル商事" in page.extract_text()


def test_blank_batch_reserves_distinct_numbers_never_issued_again(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    register(merchant, operator)  # 03292790000000000001
    first = render_blank_forms(merchant, 5, tmp_path / "b1.pdf", operator)
    second = render_blank_forms(merchant, 2, tmp_path / "b2.pdf", operator, form_type="carbon")
    numbers = first.customer_numbers + second.customer_numbers
    assert len(set(numbers)) == 7 and numbers[0] == "03292790000000000002"
    assert first.pages == 10 and second.pages == 12  # every sheet has its back
    assert register(merchant, operator, account_number="9").customer_number == "03292790000000000009"
    layout = load_layout("request_pdf")
    with pdfplumber.open(tmp_path / "b1.pdf") as pdf:
        printed = ["".join(chars_in(p, c) for c in digit_cells(layout.element("customer_number")))
                   for p in pdf.pages[0::2]]  # fmt: skip
        assert "山田" not in pdf.pages[0].extract_text()
    assert printed == first.customer_numbers


def test_cover_sheet_counts_and_annex(merchant: Database, operator: OperatorRef, tmp_path: Path) -> None:
    views = [register(merchant, operator, account_number=str(i + 1)) for i in range(45)]
    corrected = register(merchant, operator, account_number="99", contract_holder_name="佐藤 花子")
    out = tmp_path / "cover.pdf"
    result = render_cover_sheet(merchant, out, new=[v.customer_number for v in views], shipment_id=7,
                                corrected=[corrected.customer_number], tracking_number="1234-5678-9012")  # fmt: skip
    layout = load_layout("cover_sheet")
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 3 == result.pages  # the annex continues on a second sheet (40 rows a sheet)
        first = pdf.pages[0]
        assert chars_in(first, field_box(layout.element("new_count"))).endswith("45")
        assert chars_in(first, field_box(layout.element("corrected_count"))).endswith("1")
        assert chars_in(first, field_box(layout.element("total_count"))).endswith("46")
        assert "1234-5678-9012" in chars_in(first, field_box(layout.element("tracking_number")))
        annex = pdf.pages[1].extract_text() + pdf.pages[2].extract_text()
    assert all(v.customer_number in annex for v in views) and corrected.customer_number in annex
    assert "新規分" in annex and "不備分" in annex
    with pytest.raises(InvalidValue, match="03292790000000009999"):
        render_cover_sheet(merchant, tmp_path / "x.pdf", new=["03292790000000009999"])
    with pytest.raises(InvalidValue, match="両方"):
        render_cover_sheet(merchant, tmp_path / "x.pdf", new=[views[0].customer_number],
                           corrected=[views[0].customer_number])  # fmt: skip


def test_a_merchants_own_design_is_one_more_layout_file(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    own = tmp_path / "forms"
    own.mkdir()
    design = json.loads((Path(__file__).resolve().parents[2] / "forms" / "request_pdf.json").read_text("utf-8"))
    design["name"] = "sample_shop"
    design["parts"]["request_body"].append({"type": "text", "x": 12, "y": 280, "text": "サンプル商事 専用様式"})
    (own / "sample_shop.json").write_text(json.dumps(design, ensure_ascii=False), encoding="utf-8")
    view = register(merchant, operator)
    out = tmp_path / "own.pdf"
    render_request_forms(merchant, [view.id], out, form_type="sample_shop", user_forms=own)
    with pdfplumber.open(out) as pdf:
        assert "サンプル商事 専用様式" in pdf.pages[0].extract_text()
    with pytest.raises(InvalidValue, match="見つかりません"):
        render_request_forms(merchant, [view.id], out, form_type="missing", user_forms=own)


@pytest.mark.parametrize("kind", ["pdf", "carbon", "cover"])
def test_page_one_renders_to_an_image(kind: str, merchant: Database, operator: OperatorRef, tmp_path: Path) -> None:
    assert shutil.which("pdftoppm"), "poppler-utils is installed by scripts/system-deps.sh"
    view = register(merchant, operator)
    out = tmp_path / f"{kind}.pdf"
    if kind == "cover":
        render_cover_sheet(merchant, out, new=[view.customer_number])
    else:
        render_request_forms(merchant, [view.id], out, form_type=kind)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / kind)], check=True)
    image = Image.open(next(tmp_path.glob(f"{kind}-*1.png"))).convert("L")
    assert abs(image.size[0] - 413) <= 1 and abs(image.size[1] - 585) <= 1  # A4 at 50 dpi
    dark = sum(image.histogram()[:128])
    assert 2_000 < dark < image.size[0] * image.size[1] // 4  # boxes and text drawn, not a blank or black page


@pytest.mark.parametrize(
    ("code", "short", "official"),
    [("0005", "三菱ＵＦＪ", "三菱ＵＦＪ銀行"), ("0289", "みずほ信託", "みずほ信託銀行"), ("1001", "北海道信金", "北海道信用金庫"),
     ("2011", "北央信組", "北央信用組合"), ("2951", "北海道労金", "北海道労働金庫"), ("9375", "沖縄県農協", "沖縄県農業協同組合"),
     ("9900", "ゆうちょ", "ゆうちょ銀行")],
)  # fmt: skip
def test_forms_print_the_official_bank_name(code: str, short: str, official: str) -> None:
    from app.services.forms import official_bank_name

    assert official_bank_name(short, code) == official  # REG-7

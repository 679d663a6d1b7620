"""Issue 14 (printed paper): each defect found reading the forms as a bank, the agency and a supervisor would,
checked on the real PDF (pdfplumber: text, positions, sizes, the circles drawn)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from sqlalchemy import update

from app.db.database import Database
from app.db.models import AccountRegistration
from app.domain import limits
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import ConfirmationRequired, InvalidValue, ValidationFailed
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput
from app.render.layout import load_layout
from app.services import accounts, settings
from app.services.forms import Reissue, parse_reissue, render_blank_forms, render_cover_sheet, render_request_forms
from app.services.operators import OperatorRef

MM = 72 / 25.4
ROOT = Path(__file__).resolve().parents[2]


def register(db: Database, operator: OperatorRef, **overrides: Any) -> accounts.RegistrationView:
    values = dict(contract_holder_name="山田 太郎", contract_holder_kana="ヤマダ タロウ", postal_code="1000001",
                  address="東京都千代田区千代田1-1", phone="03-1234-5678", bank_code="0005", branch_code="001",
                  deposit_type="1", account_number="1234", account_holder_kana="ヤマダ タロウ")  # fmt: skip
    checklist = overrides.pop("checklist", dict.fromkeys(CHECKLIST_ITEMS, True))
    values.update(overrides)
    raw = RegistrationInput(**values)
    raw.checklist = checklist
    return accounts.register(db, raw, operator)


@pytest.fixture
def merchant(db: Database, operator: OperatorRef) -> Database:
    settings.update_settings(
        db,
        {"consignor_name": "株式会社サンプル商事", "charge_description": "月額会費", "consignor_category": "12",
         "merchant_address": "東京都港区芝公園4-2-8", "merchant_phone": "03-1234-5678",
         "contact_person": "経理部 佐藤"},
        operator,
    )  # fmt: skip
    return db


def chars_within(page: Any, box: tuple[float, float, float, float]) -> list[dict[str, Any]]:
    x, y, w, h = (v * MM for v in box)
    return [c for c in page.chars if c["x0"] >= x - 0.5 and c["x1"] <= x + w + 0.5 and c["top"] >= y - 0.5
            and c["bottom"] <= y + h + 0.5]  # fmt: skip


def text_within(page: Any, box: tuple[float, float, float, float]) -> str:
    inside = chars_within(page, box)
    return "".join(c["text"] for c in sorted(inside, key=lambda c: (round(c["top"]), c["x0"])))


def box_of(element: dict[str, Any]) -> tuple[float, float, float, float]:
    return (float(element["x"]), float(element["y"]), float(element["w"]), float(element["h"]))


def digits_of(page: Any, element: dict[str, Any]) -> str:
    cells = [(float(element["x"]) + i * float(element["cell_w"]), float(element["y"]), float(element["cell_w"]),
              float(element["h"])) for i in range(int(element["cells"]))]  # fmt: skip
    return "".join(text_within(page, c) or " " for c in cells)


def circled(page: Any) -> list[str]:
    """The words drawn inside a circle (the ellipses of the bank-type and branch-type choices)."""
    words = []
    for curve in page.curves:
        inside = [c for c in page.chars if c["x0"] >= curve["x0"] and c["x1"] <= curve["x1"]
                  and c["top"] >= curve["top"] and c["bottom"] <= curve["bottom"]]  # fmt: skip
        words.append("".join(c["text"] for c in sorted(inside, key=lambda c: c["x0"])))
    return sorted(words)


def pages_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


# --- 5: the back page -------------------------------------------------------------------------------------
def test_the_terms_print_on_the_back_and_the_merchants_own_copy_comes_first(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    view = register(merchant, operator)
    out = tmp_path / "form.pdf"
    render_request_forms(merchant, [view.id], out)
    front, back = pages_text(out)
    assert "裏面の預金口座振替規定を確認のうえ依頼します" in front
    bundled = (ROOT / "forms" / "terms_account_transfer.txt").read_text("utf-8").splitlines()
    assert "預金口座振替規定" in back and "自動払込み規定" in back  # the Japan Post terms for the ゆうちょ section
    assert bundled[1][:20] in back.replace("\n", "")
    own = tmp_path / "forms"
    own.mkdir()
    (own / "terms_account_transfer.txt").write_text("# 当社所定の預金口座振替規定\n１．当社の独自条項です。\n", "utf-8")
    render_request_forms(merchant, [view.id], out, user_forms=own)
    _front, back = pages_text(out)
    assert "当社所定の預金口座振替規定" in back and "当社の独自条項" in back
    assert bundled[1][:20] not in back.replace("\n", "") and "自動払込み規定" in back


# --- 6: the sheet marks at the top right ------------------------------------------------------------------
def test_each_sheet_is_marked_at_the_top_right_and_says_which_sheets_come_back(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    view = register(merchant, operator)
    out = tmp_path / "carbon.pdf"
    render_request_forms(merchant, [view.id], out, form_type="carbon")
    with pdfplumber.open(out) as pdf:
        fronts = pdf.pages[0::2]
        for page, mark in zip(fronts, ("①お客様控え", "②金融機関用", "③委託者用"), strict=True):
            top_right = text_within(page, (158, 0, 52, 16))
            assert top_right == mark
            assert "②金融機関用と③委託者用の2枚をはがさずにご返送ください" in (page.extract_text() or "").replace(
                "\n", ""
            )
            assert text_within(page, (160, 258, 50, 16)) == ""  # no longer at the bottom right
    single = tmp_path / "pdf.pdf"
    render_request_forms(merchant, [view.id], single)
    with pdfplumber.open(single) as pdf:
        assert text_within(pdf.pages[0], (158, 0, 52, 16)) == "金融機関用"


# --- 7: head office, bank type and branch type circled, legible --------------------------------------------
def test_head_office_prints_no_branch_name_and_circles_honten(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    view = register(merchant, operator)  # 三菱ＵＦＪ 001 本店
    out = tmp_path / "head.pdf"
    render_request_forms(merchant, [view.id], out)
    layout = load_layout("request_pdf")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert text_within(page, box_of(layout.element("branch_name"))) == ""
        assert circled(page) == ["本店", "銀行"]


@pytest.mark.parametrize(
    ("bank", "branch", "circles"),
    [("2963", "171", ["労働金庫", "支店"]), ("1001", "001", ["信用金庫", "本店"])],
)
def test_bank_and_branch_types_are_circled_from_the_bank_data_and_legible(
    bank: str, branch: str, circles: list[str], merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    view = register(merchant, operator, bank_code=bank, branch_code=branch)
    out = tmp_path / "types.pdf"
    render_request_forms(merchant, [view.id], out)
    layout = load_layout("request_pdf")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert sorted(circled(page)) == sorted(circles)
        choices = layout.element("bank_type")
        row = sorted((c for c in page.chars if abs(c["bottom"] / MM - float(choices["y"])) < 2.5 and c["x0"] < 82 * MM),
                     key=lambda c: c["x0"])  # fmt: skip
        text = "".join(c["text"] for c in row)
        assert text == "銀行信用金庫信用組合労働金庫農協漁協"
        assert min(c["size"] for c in row) >= 6.5  # legible (it was 5.5 pt)
        starts = {c["x0"] for c in row if c["text"] in "信労農漁"}
        gaps = [c["x0"] - p["x1"] for p, c in itertools.pairwise(row) if c["x0"] in starts]
        assert min(gaps) / MM >= 2  # the choices do not run together


# --- 8: the Japan Post section ------------------------------------------------------------------------------
def test_japan_post_section_is_filled_and_a_transfer_account_is_labelled_as_such(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    layout = load_layout("request_pdf")
    label_box = (float(layout.element("jp_number")["x"]), float(layout.element("jp_number")["y"]) - 3.5, 60, 3.5)
    normal = register(merchant, operator, bank_code="9900", branch_code="", account_number="", deposit_type="",
                      jp_symbol="14030", jp_number="1234567")  # fmt: skip
    transfer = register(merchant, operator, bank_code="9900", branch_code="", account_number="", deposit_type="",
                        jp_symbol="00120", jp_number="123456")  # fmt: skip
    out = tmp_path / "post.pdf"
    render_request_forms(merchant, [normal.id, transfer.id], out)
    with pdfplumber.open(out) as pdf:
        first, second = pdf.pages[0], pdf.pages[2]
        assert digits_of(first, layout.element("jp_symbol")) == "14030"
        assert digits_of(first, layout.element("jp_number")) == "12345671"  # 8 digits with its final 1
        assert "末尾は1" in text_within(first, label_box)
        assert digits_of(first, layout.element("bank_code")) == "    "  # the other banks' boxes stay blank
        assert digits_of(second, layout.element("jp_symbol")) == "00120"
        assert digits_of(second, layout.element("jp_number")) == "  123456"  # as it is, no final 1
        label = text_within(second, label_box)
        assert "振替口座" in label and "末尾は1" not in label


# --- 9: a re-issue after 口座番号相違 --------------------------------------------------------------------------
def test_a_reissue_leaves_the_rejected_field_blank_and_tells_the_customer_why(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    view = register(merchant, operator, account_number="7654321")
    out = tmp_path / "reissue.pdf"
    render_request_forms(merchant, [view.id], out, form_type="carbon", reissue=parse_reissue("口座番号相違"))
    assert parse_reissue("口座番号相違, 電話で確認済み") == Reissue(("account_number",), "電話で確認済み")
    layout = load_layout("request_carbon")
    with pdfplumber.open(out) as pdf:
        fronts = pdf.pages[0::2]
        for page in fronts:
            assert digits_of(page, layout.element("account_number")) == " " * 7  # blank for the customer
            assert "7654321" not in (page.extract_text() or "")
        texts = [(p.extract_text() or "").replace("\n", "") for p in fronts]
        notice = text_within(fronts[0], box_of(layout.element("reissue_notice")))
    assert "「口座番号相違」のため金融機関から返却されました" in notice
    assert "口座番号を通帳でお確かめのうえ、空欄にご記入ください" in notice
    assert all("返却されました" not in t for t in texts[1:])  # not on the bank's nor the merchant's sheet
    assert all("再発行" in t for t in texts)


# --- 10: missing settings ---------------------------------------------------------------------------------
def test_printing_is_refused_while_the_category_or_consignor_name_is_missing(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    view = register(db, operator)
    out = tmp_path / "form.pdf"
    with pytest.raises(InvalidValue, match="区分・委託者名") as refused:
        render_request_forms(db, [view.id], out)
    assert "REG" not in refused.value.message and not out.exists()
    with pytest.raises(InvalidValue, match="区分・委託者名"):
        render_blank_forms(db, 3, out, operator)
    assert register(db, operator, account_number="2").customer_number == "03292790000000000002"  # none reserved


# --- 11: long names and addresses -------------------------------------------------------------------------
def test_the_longest_accepted_values_wrap_inside_their_boxes_at_a_readable_size(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    name = "鬱" * limits.CONTRACT_HOLDER_NAME_MAX
    address = "鬱" * limits.ADDRESS_MAX
    kana = "ヴ" * limits.CONTRACT_HOLDER_KANA_MAX
    view = register(merchant, operator, contract_holder_name=name, address=address, contract_holder_kana=kana)
    settings.update_settings(merchant, {"consignor_name": "鬱" * limits.CONSIGNOR_NAME_MAX,
                                        "merchant_address": "鬱" * limits.MERCHANT_ADDRESS_MAX}, operator)  # fmt: skip
    out = tmp_path / "long.pdf"
    render_request_forms(merchant, [view.id], out)
    layout = load_layout("request_pdf")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        for element, value in (("contract_holder_name", name), ("address", address),
                               ("contract_holder_kana", kana), ("consignor_name", "鬱" * 40)):  # fmt: skip
            inside = [c for c in chars_within(page, box_of(layout.element(element))) if c["text"] in "鬱ヴ"]
            assert len(inside) == len(value), element  # every character inside its box
            assert min(c["size"] for c in inside) >= limits.MIN_READABLE_PT, element
        assert max(c["x1"] for c in page.chars) <= 200 * MM  # nothing runs off the page
    with pytest.raises(ValidationFailed, match="住所は120文字以内"):
        register(merchant, operator, address="鬱" * (limits.ADDRESS_MAX + 1))
    with pytest.raises(ValidationFailed, match="契約者名は40文字以内"):
        register(merchant, operator, contract_holder_name="鬱" * 41)
    with merchant.write() as session:  # an address stored before the limit (190 characters)
        session.execute(update(AccountRegistration).where(AccountRegistration.id == view.id).values(address="鬱" * 190))
    with pytest.raises(InvalidValue, match="「ご住所」の文字が多すぎて依頼書の枠に入りません"):
        render_request_forms(merchant, [view.id], tmp_path / "too-long.pdf")
    assert not (tmp_path / "too-long.pdf").exists()


# --- 12: the customer's notes; nothing of ours on the bank's sheet --------------------------------------------
def test_the_notes_tell_the_customer_the_debit_date_the_seal_free_banks_and_plain_paper(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    view = register(merchant, operator)
    out = tmp_path / "form.pdf"
    render_request_forms(merchant, [view.id], out)
    text = pages_text(out)[0].replace("\n", "")
    for words in ("毎月27日", "休業日の場合は翌営業日", "前日までに口座へご入金ください", "PayPay銀行",
                  "楽天銀行", "住信SBIネット銀行", "auじぶん銀行", "押印不要", "A4の普通紙に100%", "感熱紙・ロール紙は使えません"):  # fmt: skip
        assert words in text, words
    everything = "".join(pages_text(out))
    assert "口振デスク" not in everything and "Kofuri" not in everything
    carbon = tmp_path / "carbon.pdf"
    render_request_forms(merchant, [view.id], carbon, form_type="carbon")
    assert all("口振デスク" not in t for t in pages_text(carbon))


# --- 13: official bank names ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "short", "official"),
    [("3771", "秋田たかのす", "秋田たかのす農業協同組合"), ("2004", "商工中金", "商工組合中央金庫"),
     ("9450", "北海道信漁連", "北海道信用漁業協同組合連合会"), ("3001", "北海道信連", "北海道信用農業協同組合連合会"),
     ("3000", "農林中金", "農林中央金庫")],
)  # fmt: skip
def test_abbreviated_names_print_as_the_official_name(code: str, short: str, official: str) -> None:
    from app.services.forms import bank_type, official_bank_name

    assert official_bank_name(short, code) == official  # REG-7
    assert bank_type("2951", "北海道労金") == "労働金庫" and bank_type("9450", short) in ("漁協", "農協", "")


# --- 14: invalidated and web registrations --------------------------------------------------------------------
def test_an_invalidated_registration_is_refused_and_a_web_one_is_asked(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    gone = register(merchant, operator)
    accounts.invalidate(merchant, gone.id, gone.version, "解約のため", operator)
    web = register(merchant, operator, account_number="5", method="web")
    out = tmp_path / "x.pdf"
    with pytest.raises(
        InvalidValue, match=f"無効にした登録には依頼書を印刷できません（顧客番号 {gone.customer_number}）"
    ):
        render_request_forms(merchant, [gone.id], out)
    with pytest.raises(ConfirmationRequired, match=web.customer_number) as asked:
        render_request_forms(merchant, [web.id], out)
    assert "印刷しますか" in asked.value.screen_message and "--" not in asked.value.screen_message
    assert not out.exists()
    assert render_request_forms(merchant, [web.id], out, allow_web=True).forms == 1


# --- 15 and 17: the cover sheet -----------------------------------------------------------------------------
def test_the_cover_sheet_carries_what_the_agency_needs_and_nothing_for_ourselves(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    views = [register(merchant, operator, account_number=str(i + 1)) for i in range(3)]
    out = tmp_path / "cover.pdf"
    render_cover_sheet(merchant, out, new=[v.customer_number for v in views], tracking_number="1234-5678-9012",
                       shipment_id=12)  # fmt: skip
    layout = load_layout("cover_sheet")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        text = (page.extract_text() or "").replace("\n", "")
        assert "発送番号12" in text.replace(" ", "").replace("\u3000", "")
        assert "経理部 佐藤" in text_within(page, box_of(layout.element("contact_person")))
        assert "株式会社サンプル商事" in text_within(page, box_of(layout.element("consignor_name")))
        assert "1234-5678-9012" in text_within(page, box_of(layout.element("tracking_number")))
        assert text_within(page, box_of(layout.element("new_count"))).endswith("3")
        everything = "".join(p.extract_text() or "" for p in pdf.pages)
    for ours in (
        "COVER-",
        "追跡できる方法で送付してください",
        "表示してください",
        "数えてご記入ください",
        "口振デスク",
    ):
        assert ours not in everything, ours


def test_cover_sheet_new_lists_only_forms_that_can_go_to_the_agency(
    merchant: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    ok = register(merchant, operator, account_number="1")
    complete = register(merchant, operator, account_number="2", status=RegistrationStatus.COMPLETE)
    web = register(merchant, operator, account_number="3", method="web")
    unchecked = register(merchant, operator, account_number="4", checklist={"seal": True})
    gone = register(merchant, operator, account_number="5")
    accounts.invalidate(merchant, gone.id, gone.version, "重複登録", operator)
    out = tmp_path / "cover.pdf"
    for bad, why in ((complete, "登録済"), (web, "WEB登録"), (unchecked, "チェック未完了"), (gone, "無効")):
        with pytest.raises(InvalidValue, match=f"{bad.customer_number} は.*{why}"):
            render_cover_sheet(merchant, out, new=[ok.customer_number, bad.customer_number])
        assert not out.exists()
    assert render_cover_sheet(merchant, out, new=[ok.customer_number]).forms == 1

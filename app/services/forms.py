"""Request forms (口座振替依頼書) and cover sheets (送付書) from the database, through the PDF renderer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from app.db.database import Database
from app.db.models import AccountRegistration
from app.domain.account_fields import DEPOSIT_TYPE_LABELS, DepositType
from app.domain.bank_codes import JAPAN_POST_BANK_CODE
from app.domain.errors import InvalidValue
from app.progress import CancelCheck, Cancelled, Progress
from app.render.layout import Layout, load_layout
from app.render.pdf import PdfRenderer
from app.services.accounts import RegistrationView, reserve_customer_numbers, rows_by_ids, view_of
from app.services.operators import OperatorRef
from app.services.settings import SettingsView, get_settings

FORM_TYPES = {"pdf": "request_pdf", "carbon": "request_carbon"}  # FORM-1; any other name is a user layout
COVER_SHEET = "cover_sheet"
REISSUE_MARK = "再発行"

RenderCancelled = Cancelled  # the one cancel of app.progress: nothing was written


def layout_for(form_type: str, user_forms: Path | None = None) -> Layout:
    return load_layout(FORM_TYPES.get(form_type, form_type), user_forms)


def _merchant(settings: SettingsView) -> dict[str, str]:
    # REG-5: consignor code and category always pre-printed, from the settings
    return {
        "consignor_code": settings.consignor_code,
        "consignor_category": settings.consignor_category,
        "consignor_name": settings.consignor_name,
        "charge_description": settings.charge_description,
        "merchant_address": settings.merchant_address,
        "merchant_phone": settings.merchant_phone,
        "agency_address": settings.agency_address,
        "issued_on": date.today().isoformat(),
    }


def request_form_data(
    settings: SettingsView, view: RegistrationView | None, *, customer_number: str = "", blank_fields: bool = False
) -> dict[str, str]:
    """What one request form prints. FORM-1: consignor code, category and customer number always; the
    other merchant-fill fields when known, unless left blank by choice."""
    data = _merchant(settings)
    data["customer_number"] = view.customer_number if view is not None else customer_number
    if view is None or blank_fields:
        return data
    japan_post = view.bank_code == JAPAN_POST_BANK_CODE and bool(view.jp_symbol)
    data.update(
        {
            "contract_holder_name": view.contract_holder_name,
            "contract_holder_kana": view.contract_holder_kana,
            "postal_code": view.postal_code,
            "address": view.address,
            "phone": view.phone,
            "bank_name": official_bank_name(view.bank_name, view.bank_code),
            "branch_name": view.branch_name,
            "bank_code": view.bank_code,
            "branch_code": view.branch_code,
            "deposit_type_label": f"{view.deposit_type} {DEPOSIT_TYPE_LABELS[DepositType(view.deposit_type)]}",
            "account_number": "" if japan_post else view.account_number,  # REG-7: right-aligned, zero-padded
            "jp_symbol": (view.jp_symbol or "") if japan_post else "",
            "jp_number": f"{view.jp_number}1" if japan_post and (view.jp_symbol or "").startswith("1") else "",
            "account_holder_kana": view.account_holder_kana,
        }
    )
    if japan_post and not data["jp_number"]:
        data["jp_number"] = view.jp_number or ""  # 振替口座: the number as it is
    return data


# REG-7: the official name, not an abbreviation. The code list shortens names (三菱ＵＦＪ, 北海道信金, 北央信組).
OFFICIAL_SUFFIXES = (
    ("信金", "信用金庫"),
    ("信組", "信用組合"),
    ("労金", "労働金庫"),
    ("信連", "信用農業協同組合連合会"),
    ("農協", "農業協同組合"),
    ("漁協", "漁業協同組合"),
)


def official_bank_name(name: str, code: str) -> str:
    """The bank's official name for printing on a form."""
    if code == JAPAN_POST_BANK_CODE:
        return "ゆうちょ銀行"
    for short, full in OFFICIAL_SUFFIXES:
        if name.endswith(short):
            return name[: -len(short)] + full
    if code.startswith("0") and not name.endswith("銀行"):
        return f"{name}銀行"  # codes 0001–0999 are banks
    return name


@dataclass(frozen=True)
class RenderResult:
    pages: int
    forms: int
    customer_numbers: list[str]


def render_request_forms(
    db: Database,
    registration_ids: Sequence[int],
    target: str | Path | IO[bytes],
    *,
    form_type: str = "pdf",
    blank_fields: bool = False,
    reissue_reason: str | None = None,
    user_forms: Path | None = None,
    progress: Progress = lambda done, total: None,
    cancelled: CancelCheck = lambda: False,
) -> RenderResult:
    """Pre-filled forms for these registrations, in this order, in one PDF; a re-issue is marked 再発行 and
    carries its reason on the merchant copy."""
    if not registration_ids:
        raise InvalidValue("印刷する登録を選んでください", code="nothing_to_print")
    layout = layout_for(form_type, user_forms)
    settings = get_settings(db)
    renderer = PdfRenderer(target, title=layout.title)
    numbers: list[str] = []
    batch = 200
    for start in range(0, len(registration_ids), batch):
        for view in rows_by_ids(db, registration_ids[start : start + batch]):
            if cancelled():
                raise RenderCancelled
            data: dict[str, Any] = request_form_data(settings, view, blank_fields=blank_fields)
            if reissue_reason is not None:
                data["reissue_mark"] = REISSUE_MARK
                data["reissue_reason"] = reissue_reason
            renderer.draw(layout, data)
            numbers.append(view.customer_number)
        progress(min(start + batch, len(registration_ids)), len(registration_ids))
    renderer.save()
    return RenderResult(renderer.pages, len(numbers), numbers)


def render_blank_forms(
    db: Database,
    count: int,
    target: str | Path | IO[bytes],
    operator: OperatorRef,
    *,
    form_type: str = "pdf",
    user_forms: Path | None = None,
) -> RenderResult:
    """Pre-numbered blank forms for `count` new customers; their numbers are reserved first (REG-4)."""
    layout = layout_for(form_type, user_forms)  # an unknown layout fails before any number is reserved
    numbers = reserve_customer_numbers(db, count, operator, purpose=f"白紙の依頼書（{layout.title}）")
    settings = get_settings(db)
    renderer = PdfRenderer(target, title=layout.title)
    for number in numbers:
        renderer.draw(layout, request_form_data(settings, None, customer_number=number))
    renderer.save()
    return RenderResult(renderer.pages, len(numbers), numbers)


def registrations_by_number(db: Database, customer_numbers: Sequence[str]) -> list[RegistrationView]:
    """The registrations for these numbers, in this order; unknown numbers are an error that lists them."""
    with db.read() as session:
        rows = session.scalars(
            select(AccountRegistration).where(AccountRegistration.customer_number.in_(list(customer_numbers)))
        )
        found = {row.customer_number: view_of(row) for row in rows}
    missing = [n for n in customer_numbers if n not in found]
    if missing:
        raise InvalidValue(f"顧客番号 {', '.join(missing)} の登録はありません", code="registration_unknown")
    return [found[n] for n in customer_numbers]


def render_cover_sheet(
    db: Database,
    target: str | Path | IO[bytes],
    *,
    new: Sequence[str],
    corrected: Sequence[str] = (),
    tracking_number: str = "",
    sent_on: date | None = None,
    user_forms: Path | None = None,
) -> RenderResult:
    """COVER-1: the cover sheet with the counts of new and corrected bank copies, and the annex per bundle."""
    if not new and not corrected:
        raise InvalidValue("送付する依頼書がありません", code="nothing_to_send")
    both = set(new) & set(corrected)
    if both:
        raise InvalidValue(f"顧客番号 {', '.join(sorted(both))} が新規分と不備分の両方にあります", code="cover_overlap")
    new_views = registrations_by_number(db, new)
    corrected_views = registrations_by_number(db, corrected)
    day = sent_on or date.today()
    data: dict[str, Any] = _merchant(get_settings(db))
    data.update(
        {
            "sent_on": f"{day.year}年{day.month}月{day.day}日",
            "new_count": str(len(new_views)),
            "corrected_count": str(len(corrected_views)),
            "total_count": str(len(new_views) + len(corrected_views)),
            "tracking_number": tracking_number,
            "new_forms": _annex(new_views),
            "corrected_forms": _annex(corrected_views),
        }
    )
    layout = load_layout(COVER_SHEET, user_forms)
    renderer = PdfRenderer(target, title=layout.title)
    renderer.draw(layout, data)
    renderer.save()
    return RenderResult(renderer.pages, len(new_views) + len(corrected_views), [v.customer_number for v in new_views])


def _annex(views: Sequence[RegistrationView]) -> list[dict[str, str]]:
    return [
        {"no": str(i), "customer_number": v.customer_number, "name": v.contract_holder_name}
        for i, v in enumerate(views, start=1)
    ]

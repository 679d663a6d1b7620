"""Request forms (口座振替依頼書) and cover sheets (送付書) from the database, through the PDF renderer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from app import messages
from app.db.database import Database
from app.db.models import AccountRegistration
from app.domain.account_fields import DEPOSIT_TYPE_LABELS, DepositType, RegistrationMethod, RegistrationStatus
from app.domain.bank_codes import JAPAN_POST_BANK_CODE
from app.domain.errors import ConfirmationRequired, InvalidValue
from app.progress import CancelCheck, Cancelled, Progress
from app.render.layout import Layout, load_layout, load_text
from app.render.pdf import PdfRenderer
from app.services.accounts import RegistrationView, reserve_customer_numbers, rows_by_ids, view_of
from app.services.operators import OperatorRef
from app.services.operators.output_audit import record_output
from app.services.operators.permissions import Action, require
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
        "jp_number_label": JP_NUMBER_LABEL,
    }


# FORM-1, REG-5: what every request form must carry pre-printed (setting key, its name for the clerk)
REQUIRED_FOR_FORMS = (
    ("consignor_code", "委託者コード"),
    ("consignor_category", "区分"),
    ("consignor_name", "委託者名"),
)


def check_settings_for_forms(settings: SettingsView) -> None:
    """Refuse to print a request form without the consignor code, category and name (REG-5, FORM-1)."""
    missing = [label for key, label in REQUIRED_FOR_FORMS if not str(getattr(settings, key)).strip()]
    if missing:
        raise InvalidValue("forms.settings_missing", missing="・".join(missing))


def load_terms(user_forms: Path | None = None) -> dict[str, str]:
    """The terms printed on the back (forms/terms_*.txt; the merchant's own copy in the user's forms folder
    takes precedence)."""
    return {key: load_text(key, user_forms) for key in TERMS}


TERMS = ("terms_account_transfer", "terms_japan_post")
JP_NUMBER_LABEL = "番号（8桁・末尾は1）"
JP_TRANSFER_LABEL = "振替口座 番号"

# the bank-type choices a form circles (REG-7), by the bank code's range
BANK_TYPES = ("銀行", "信用金庫", "信用組合", "労働金庫", "農協", "漁協")


def bank_type(code: str, name: str = "") -> str:
    """Which of the form's bank types to circle; "" for the few institutions that are none of them
    (商工組合中央金庫, 整理回収機構)."""
    if code == JAPAN_POST_BANK_CODE or code.startswith("0"):
        return "銀行"
    if code.startswith("1"):
        return "信用金庫"
    if "2950" <= code <= "2999":
        return "労働金庫"
    if code in ("2004", "2213"):
        return ""
    if code.startswith("2"):
        return "信用組合"
    if name.endswith(("漁協", "漁連")):
        return "漁協"
    return "農協"


HEAD_OFFICE_NAMES = ("本店", "本店営業部")


def branch_type(branch_name: str) -> str:
    """本店・支店・出張所: which one a form circles."""
    if is_head_office(branch_name):
        return "本店"
    if branch_name.endswith("出張所"):
        return "出張所"
    return "支店"


def is_head_office(branch_name: str) -> bool:
    return branch_name in HEAD_OFFICE_NAMES or branch_name.startswith("本店")


@dataclass(frozen=True)
class Reissue:
    """A form printed again after a return: the bank's reasons (codes of app.services.returns.REASONS) and a
    free note. The customer's sheet says why and what to correct; the rejected fields are left blank."""

    reasons: tuple[str, ...] = ()
    note: str = ""


# a return reason (app.services.paper.returns.REASONS) → the fields the customer must fill again; what the
# customer's sheet asks for is the catalogue's forms.reissue.<reason>
REISSUE_BLANKS: dict[str, tuple[str, ...]] = {
    "account_number": ("account_number", "jp_symbol", "jp_number"),
    "no_account": ("account_number", "jp_symbol", "jp_number"),
    "holder_mismatch": ("account_holder_kana", "account_holder_name"),
    "deposit_type": ("deposit_type_label",),
    "branch": ("branch_name", "branch_code", "branch_type"),
}


def reissue_data(reissue: Reissue) -> tuple[dict[str, str], tuple[str, ...]]:
    """What a re-issue prints (the mark, the notice on the customer's sheet) and the fields it leaves blank."""
    from app.services.paper.returns import REASONS

    blank: list[str] = []
    asks: list[str] = []
    for code in reissue.reasons:
        blank += REISSUE_BLANKS.get(code, ())
        if messages.known(f"forms.reissue.{code}"):
            ask = messages.text(f"forms.reissue.{code}")
            if ask not in asks:
                asks.append(ask)
    labels = "・".join(REASONS.get(code, code) for code in reissue.reasons if code != "other")
    why = "・".join(part for part in (labels, reissue.note.strip()) if part)
    notice = messages.text("forms.reissue.returned_because", why=why) if why else messages.text("forms.reissue.again")
    notice += "".join(asks) or messages.text("forms.reissue.fill_again")
    return {"reissue_mark": REISSUE_MARK, "reissue_reason": why, "reissue_notice": notice}, tuple(blank)


def parse_reissue(text: str) -> Reissue:
    """A re-issue as typed on the command line: return reasons by code or by their label (口座番号相違),
    separated by commas; anything else is kept as a free note."""
    from app.services.paper.returns import REASONS

    by_label = {label: code for code, label in REASONS.items()}
    codes: list[str] = []
    notes: list[str] = []
    for part in (p.strip() for p in text.replace("、", ",").split(",")):
        if part in REASONS:
            codes.append(part)
        elif part in by_label:
            codes.append(by_label[part])
        elif part:
            notes.append(part)
    return Reissue(tuple(codes), "、".join(notes))


def request_form_data(
    settings: SettingsView,
    view: RegistrationView | None,
    *,
    customer_number: str = "",
    blank_fields: bool = False,
    reissue: Reissue | None = None,
) -> dict[str, str]:
    """What one request form prints. FORM-1: consignor code, category and customer number always; the
    other merchant-fill fields when known, unless left blank by choice. A Japan Post account fills the
    ゆうちょ section (symbol and number) and leaves the other banks' boxes blank; a head office leaves the
    branch name blank and circles 本店 [REG-7]."""
    data = _merchant(settings)
    data["customer_number"] = view.customer_number if view is not None else customer_number
    blanks: tuple[str, ...] = ()
    if reissue is not None:
        extra, blanks = reissue_data(reissue)
        data.update(extra)
    if view is None or blank_fields:
        return data
    data.update(
        {
            "contract_holder_name": view.contract_holder_name,
            "contract_holder_kana": view.contract_holder_kana,
            "postal_code": view.postal_code,
            "address": view.address,
            "phone": view.phone,
            "account_holder_kana": view.account_holder_kana,
        }
    )
    if view.bank_code == JAPAN_POST_BANK_CODE:
        symbol = view.jp_symbol or ""
        transfer = symbol.startswith("0")  # 振替口座: the number as it is, no final 1 [REG-6]
        data["jp_symbol"] = symbol
        if view.jp_number:
            data["jp_number"] = view.jp_number if transfer else f"{view.jp_number}1"
        data["jp_number_label"] = JP_TRANSFER_LABEL if transfer else JP_NUMBER_LABEL
    else:
        head_office = is_head_office(view.branch_name)
        data.update(
            {
                "bank_name": official_bank_name(view.bank_name, view.bank_code),
                "bank_type": bank_type(view.bank_code, view.bank_name),
                "branch_name": "" if head_office else view.branch_name,  # REG-7: head office, no branch name
                "branch_type": branch_type(view.branch_name),
                "bank_code": view.bank_code,
                "branch_code": view.branch_code,
                "deposit_type_label": f"{view.deposit_type} {DEPOSIT_TYPE_LABELS[DepositType(view.deposit_type)]}",
                "account_number": view.account_number,  # REG-7: right-aligned, zero-padded
            }
        )
    for key in blanks:  # a re-issue leaves what the bank rejected for the customer to fill again
        data.pop(key, None)
    if "jp_number" in blanks and view.bank_code == JAPAN_POST_BANK_CODE:
        data["jp_number_label"] = JP_NUMBER_LABEL
    return data


# REG-7: the official name, not an abbreviation. The code list shortens names (三菱ＵＦＪ, 北海道信金, 北央信組).
OFFICIAL_SUFFIXES = (
    ("信金", "信用金庫"),
    ("信組", "信用組合"),
    ("労金", "労働金庫"),
    ("信漁連", "信用漁業協同組合連合会"),
    ("漁連", "漁業協同組合連合会"),
    ("信連", "信用農業協同組合連合会"),
    ("農協", "農業協同組合"),
    ("漁協", "漁業協同組合"),
)
# names the code list shortens in a way no suffix rule covers
OFFICIAL_NAMES = {
    "1000": "信金中央金庫",
    "2004": "商工組合中央金庫",
    "2010": "全国信用協同組合連合会",
    "2213": "整理回収機構",
    "2950": "労働金庫連合会",
    "3000": "農林中央金庫",
    JAPAN_POST_BANK_CODE: "ゆうちょ銀行",
}


def official_bank_name(name: str, code: str) -> str:
    """The bank's official name for printing on a form."""
    if code in OFFICIAL_NAMES:
        return OFFICIAL_NAMES[code]
    for short, full in OFFICIAL_SUFFIXES:
        if name.endswith(short):
            return name[: -len(short)] + full
    if code.startswith("0") and not name.endswith("銀行"):
        return f"{name}銀行"  # codes 0001–0999 are banks
    if code[:1] in "3456789":  # agricultural co-operatives the list names without 農協 (秋田たかのす)
        return f"{name}農業協同組合"
    return name


@dataclass(frozen=True)
class RenderResult:
    pages: int
    forms: int
    customer_numbers: list[str]


def check_printable(db: Database, registration_ids: Sequence[int], *, allow_web: bool = False) -> None:
    """Refuse forms for invalidated registrations; ask before printing one for a web registration (issue 14:
    a paper form for those is almost always a mistake)."""
    invalidated: list[str] = []
    web: list[str] = []
    with db.read() as session:
        for start in range(0, len(registration_ids), 500):
            chunk = list(registration_ids[start : start + 500])
            rows = session.execute(
                select(AccountRegistration.customer_number, AccountRegistration.status, AccountRegistration.method)
                .where(AccountRegistration.id.in_(chunk))
                .order_by(AccountRegistration.customer_number)
            )
            for number, status, method in rows:
                if status == RegistrationStatus.INVALIDATED.value:
                    invalidated.append(number)
                elif method == RegistrationMethod.WEB.value:
                    web.append(number)
    if invalidated:
        raise InvalidValue("forms.for_invalidated", numbers=some_numbers(invalidated))
    if web and not allow_web:
        raise ConfirmationRequired("forms.for_web_registration", numbers=some_numbers(web))


def some_numbers(numbers: Sequence[str], limit: int = 5) -> str:
    shown = "、".join(numbers[:limit])
    return (
        messages.text("forms.some_numbers", shown=shown, more=len(numbers) - limit) if len(numbers) > limit else shown
    )


def render_request_forms(
    db: Database,
    registration_ids: Sequence[int],
    target: str | Path | IO[bytes],
    *,
    form_type: str = "pdf",
    blank_fields: bool = False,
    reissue_reason: str | None = None,
    reissue: Reissue | None = None,
    allow_web: bool = False,
    user_forms: Path | None = None,
    progress: Progress = lambda done, total: None,
    cancelled: CancelCheck = lambda: False,
    operator: OperatorRef | None = None,
) -> RenderResult:
    """Pre-filled forms for these registrations, in this order, in one PDF with the terms on the back of
    every sheet. A re-issue (`reissue`, or a free `reissue_reason`) is marked 再発行 and says on the
    customer's sheet why and what to correct, with the rejected fields blank. With `operator` (the screens and
    the command line always pass it) the role is checked and the print of personal data is audited with its
    count and file."""
    if operator is not None:
        require(operator, Action.PRINT_FORMS, db)
    if not registration_ids:
        raise InvalidValue("印刷する登録を選んでください", code="nothing_to_print")
    layout = layout_for(form_type, user_forms)
    settings = get_settings(db)
    check_settings_for_forms(settings)
    check_printable(db, registration_ids, allow_web=allow_web)
    if reissue is None and reissue_reason is not None:
        reissue = Reissue(note=reissue_reason)
    terms = load_terms(user_forms)
    renderer = PdfRenderer(target, title=layout.title)
    numbers: list[str] = []
    batch = 200
    for start in range(0, len(registration_ids), batch):
        for view in rows_by_ids(db, registration_ids[start : start + batch]):
            if cancelled():
                raise RenderCancelled
            data: dict[str, Any] = request_form_data(settings, view, blank_fields=blank_fields, reissue=reissue)
            data.update(terms)
            renderer.draw(layout, data)
            numbers.append(view.customer_number)
        progress(min(start + batch, len(registration_ids)), len(registration_ids))
    renderer.save()
    if operator is not None:
        record_output(db, operator, "print", "request_forms", len(numbers), target)
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
    """Pre-numbered blank forms for `count` new customers; their numbers are reserved first [REG-4]."""
    layout = layout_for(form_type, user_forms)  # an unknown layout fails before any number is reserved
    settings = get_settings(db)
    check_settings_for_forms(settings)  # nor is a number reserved for a form that cannot print
    terms = load_terms(user_forms)
    numbers = reserve_customer_numbers(db, count, operator, purpose=f"白紙の依頼書（{layout.title}）")
    renderer = PdfRenderer(target, title=layout.title)
    for number in numbers:
        renderer.draw(layout, {**request_form_data(settings, None, customer_number=number), **terms})
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


def cover_problems(new: Sequence[RegistrationView], corrected: Sequence[RegistrationView]) -> list[str]:
    """Why a form listed for the cover sheet cannot go to the agency (issue 14: only keyed paper forms,
    new and corrected in their own bundle, none held back for an incomplete checklist)."""
    from app.services.paper.holds import missing_items

    problems: list[str] = []
    for views, is_corrected in ((new, False), (corrected, True)):
        for v in views:
            number = v.customer_number
            if v.method != RegistrationMethod.PAPER.value:
                problems.append(messages.text("paper.cover_reason_web", customer_number=number))
            elif v.status != RegistrationStatus.KEYED.value:
                label = RegistrationStatus(v.status).label
                problems.append(messages.text("paper.cover_reason_not_keyed", customer_number=number, status=label))
            elif missing_items(v.checklist):
                problems.append(messages.text("paper.cover_reason_held", customer_number=number))
            elif v.corrected and not is_corrected:
                problems.append(messages.text("paper.cover_reason_corrected", customer_number=number))
            elif is_corrected and not v.corrected:
                problems.append(messages.text("paper.cover_reason_not_corrected", customer_number=number))
    return problems


REQUIRED_FOR_COVER = (("consignor_code", "委託者コード"), ("consignor_name", "委託者名"))


def render_cover_sheet(
    db: Database,
    target: str | Path | IO[bytes],
    *,
    new: Sequence[str],
    corrected: Sequence[str] = (),
    tracking_number: str = "",
    sent_on: date | None = None,
    shipment_id: int | None = None,
    user_forms: Path | None = None,
    operator: OperatorRef | None = None,
) -> RenderResult:
    """COVER-1: the agency's cover sheet (counts of new and corrected bank copies, shipment number, sender,
    contact person, tracking number) and the annex per bundle. Without a shipment, the numbers given must be
    forms that can go to the agency now; a shipment's own forms are taken as they are."""
    if operator is not None:
        require(operator, Action.PRINT_FORMS, db)
    if not new and not corrected:
        raise InvalidValue("送付する依頼書がありません", code="nothing_to_send")
    both = set(new) & set(corrected)
    if both:
        raise InvalidValue(f"顧客番号 {', '.join(sorted(both))} が新規分と不備分の両方にあります", code="cover_overlap")
    settings = get_settings(db)
    missing = [label for key, label in REQUIRED_FOR_COVER if not str(getattr(settings, key)).strip()]
    if missing:
        raise InvalidValue("forms.cover_settings_missing", missing="・".join(missing))
    new_views = registrations_by_number(db, new)
    corrected_views = registrations_by_number(db, corrected)
    if shipment_id is None:
        problems = cover_problems(new_views, corrected_views)
        if problems:
            shown = "、".join(problems[:5]) + (f" ほか{len(problems) - 5}件" if len(problems) > 5 else "")
            raise InvalidValue("paper.cover_not_sendable", problems=shown)
    day = sent_on or date.today()
    data: dict[str, Any] = _merchant(settings)
    data.update(
        {
            "sent_on": f"{day.year}年{day.month}月{day.day}日",
            "shipment_id": "" if shipment_id is None else str(shipment_id),
            "contact_person": settings.contact_person,
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
    count = len(new_views) + len(corrected_views)
    if operator is not None:
        record_output(db, operator, "print", "cover_sheet", count, target)
    return RenderResult(renderer.pages, count, [v.customer_number for v in new_views])


def _annex(views: Sequence[RegistrationView]) -> list[dict[str, str]]:
    return [
        {"no": str(i), "customer_number": v.customer_number, "name": v.contract_holder_name}
        for i, v in enumerate(views, start=1)
    ]

"""Letters for customers told by post (or after a failed e-mail): one PDF per run, A4 for a 長形3号 window
envelope (forms/notice_letter.json), sorted by postal code; the notices are marked printed in one
transaction after the file is written, and the file appears at its path only after that commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db.database import Database
from app.db.models import AccountRegistration, Notice
from app.domain.errors import InvalidValue
from app.domain.notices import LETTER_LEAD_DAYS, Channel, NoticeKind, NoticeState
from app.render.layout import load_layout
from app.render.pdf import PdfRenderer
from app.services.files import staged_file
from app.services.notices.outbox import move_notice
from app.services.notices.templates import japanese_date, render_notice
from app.services.operators import Action, OperatorRef, require
from app.services.operators.output_audit import record_output
from app.services.settings import get_settings

LETTER_LAYOUT = "notice_letter"
ADDRESS_LINE = 22  # characters per line of the address block


@dataclass(frozen=True)
class LetterResult:
    path: Path
    letters: int
    pages: int
    notice_ids: list[int]


def _address_lines(address: str) -> list[str]:
    text = address.strip()
    return [text[i : i + ADDRESS_LINE] for i in range(0, len(text), ADDRESS_LINE)] or [""]


def _postal(code: str) -> str:
    digits = code.replace("-", "")
    return f"{digits[:3]}-{digits[3:]}" if len(digits) == 7 else code


def letters_due(db: Database, as_of: date) -> list[tuple[Any, ...]]:
    """Planned letters due within the post's lead time, by postal code (then customer number)."""
    N, R = Notice, AccountRegistration
    with db.read() as session:
        stmt = (
            select(
                N.id, N.version, N.kind, N.params, R.contract_holder_name, R.postal_code, R.address, N.customer_number
            )
            .join(R, R.id == N.registration_id)
            .where(
                N.channel == Channel.LETTER.value,
                N.state == NoticeState.PLANNED.value,
                N.due <= as_of + timedelta(days=LETTER_LEAD_DAYS),
            )
            .order_by(R.postal_code, N.customer_number, N.due, N.id)
        )
        return [tuple(row) for row in session.execute(stmt)]


def render_letters(
    db: Database,
    out: Path,
    operator: OperatorRef,
    *,
    as_of: date | None = None,
    user_forms: Path | None = None,
) -> LetterResult:
    require(operator, Action.NOTICES, db)
    day = as_of or date.today()
    rows = letters_due(db, day)
    if not rows:
        raise InvalidValue("notices.letters_none")
    settings = get_settings(db)
    layout = load_layout(LETTER_LAYOUT, user_forms)
    with staged_file(out) as (temporary, done):
        renderer = PdfRenderer(temporary, title=layout.title, author=settings.consignor_name or "口振デスク")
        for _id, _version, kind, params, name, postal, address, number in rows:
            rendered = render_notice(kind, params, settings, name, user_forms)
            renderer.draw(
                layout,
                {
                    "postal_code": _postal(postal),
                    "address_lines": _address_lines(address),
                    "name": name,
                    "customer_number": number,
                    "issued_on": japanese_date(day),
                    "merchant_name": settings.consignor_name,
                    "merchant_address": settings.merchant_address,
                    "merchant_phone": settings.merchant_phone,
                    "title": NoticeKind(kind).label,
                    "body": rendered.body,
                },
            )
        renderer.save()
        with db.write() as session:
            changed = 0
            for notice_id, version, *_ in rows:
                notice = session.get(Notice, notice_id)
                if notice is None or notice.version != version or notice.state != NoticeState.PLANNED.value:
                    changed += 1
                    continue
                move_notice(session, notice, NoticeState.PRINTED, operator, "print", out.name)
            if changed:
                raise InvalidValue("notices.letters_changed", count=changed)
        done[0] = True
    record_output(db, operator, "print", "notice_letters", len(rows), out)  # personal data printed, audited
    return LetterResult(out, len(rows), renderer.pages, [row[0] for row in rows])

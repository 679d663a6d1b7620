"""Reading registrations: the search screen's criteria, filtered, sorted and paged in SQL; lookups by id or number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    AccountRegistration,
    RegistrationSearchGram,
)
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import InvalidValue, NotFound
from app.domain.search_text import digits, fold, grams

# Fields compared and shown in the history (field-level before and after).
from app.services.accounts.views import (
    RegistrationView,
    view_of,
)
from app.services.settings import load_settings


@dataclass
class SearchCriteria:
    """Every criterion of the search screen; empty means "any". Invalidated ones only when asked for."""

    customer_number: str = ""
    name: str = ""  # kanji or kana, substring
    phone: str = ""
    bank_code: str = ""
    branch_code: str = ""
    account_number: str = ""
    statuses: Sequence[RegistrationStatus] = ()
    include_invalidated: bool = False
    method: str = ""
    registered_from: date | None = None
    registered_to: date | None = None


_CHUNK = 500


SORTABLE: dict[str, Any] = {
    "customer_number": AccountRegistration.customer_number,
    "contract_holder_kana": AccountRegistration.contract_holder_kana,
    "contract_holder_name": AccountRegistration.contract_holder_name,
    "bank_code": AccountRegistration.bank_code,
    "status": AccountRegistration.status,
    "registration_date": AccountRegistration.registration_date,
    "updated_at": AccountRegistration.updated_at,
    "monthly_amount": AccountRegistration.monthly_amount,
}


@dataclass(frozen=True)
class SearchPage:
    total: int
    rows: list[RegistrationView] = field(default_factory=list)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _digit_prefix(column: Any, prefix: str) -> ColumnElement[bool]:
    """`column` starts with the digits `prefix`, as an index range (no LIKE, so every backend uses the index)."""
    stripped = prefix.rstrip("9")
    if not stripped:
        return column >= prefix  # type: ignore[no-any-return]
    upper = stripped[:-1] + chr(ord(stripped[-1]) + 1)
    return and_(column >= prefix, column < upper)


def _name_condition(session: Session, text: str) -> ColumnElement[bool]:
    """Substring of the name, its kana or the account holder's kana.

    The bigram index gives the candidates of the rarest bigram of the query; the folded text confirms the
    whole substring. (Intersecting every bigram costs more than it saves when one is common, like ヤマ.)
    """
    R = AccountRegistration
    G = RegistrationSearchGram
    query = fold(text)
    contains = R.search_text.like(_like(query), escape="\\")
    wanted = sorted(grams(query))
    if not wanted:
        return contains  # one character: no bigram to narrow with, a scan of the folded text
    counts = {g: session.scalar(select(func.count()).select_from(G).where(G.gram == g)) or 0 for g in wanted}
    rarest = min(wanted, key=lambda g: counts[g])
    if counts[rarest] == 0:
        return R.id.in_([])  # some bigram never occurs: nothing can match
    candidates = R.id.in_(select(G.registration_id).where(G.gram == rarest))
    if len(query) == 2:
        return candidates  # the bigram is the whole query: its postings are the answer
    return and_(candidates, contains)


def _filtered(session: Session, stmt: Select[Any], c: SearchCriteria, prefix: str) -> Select[Any]:
    R = AccountRegistration
    conditions: list[Any] = []
    number = digits(c.customer_number)
    if len(number) >= 14:
        conditions.append(_digit_prefix(R.customer_number, number))  # the whole number or its first digits
    elif number:
        conditions.append(R.customer_number == prefix + number.zfill(13))  # the merchant's part: "customer 123"
    if c.name.strip():
        conditions.append(_name_condition(session, c.name))
    if c.phone.strip():
        phone = digits(c.phone)
        if len(phone) >= 10:
            conditions.append(R.phone_digits == phone)
        else:  # the first or the last digits of the number
            conditions.append(
                or_(_digit_prefix(R.phone_digits, phone), _digit_prefix(R.phone_digits_reversed, phone[::-1]))
            )
    if c.bank_code.strip():
        conditions.append(R.bank_code == digits(c.bank_code).zfill(4))
    if c.branch_code.strip():
        conditions.append(R.branch_code == digits(c.branch_code).zfill(3))
    if c.account_number.strip():
        conditions.append(R.account_number == digits(c.account_number).zfill(7))
    if c.statuses:
        conditions.append(R.status.in_([s.value for s in c.statuses]))
    elif not c.include_invalidated:
        conditions.append(R.status != RegistrationStatus.INVALIDATED.value)
    if c.method:
        conditions.append(R.method == c.method)
    if c.registered_from:
        conditions.append(R.registration_date >= c.registered_from)
    if c.registered_to:
        conditions.append(R.registration_date <= c.registered_to)
    return stmt.where(and_(*conditions)) if conditions else stmt


def _order(sort: str, descending: bool) -> list[Any]:
    if sort not in SORTABLE:
        raise InvalidValue(f"並べ替えの項目 {sort} はありません", code="sort_unknown")
    column = SORTABLE[sort]
    ordered = column.desc() if descending else column.asc()
    if sort == "customer_number":
        return [ordered]  # unique: no tie to break, and the covering index serves the whole list
    tiebreak = AccountRegistration.id.desc() if descending else AccountRegistration.id.asc()
    return [ordered, tiebreak]


def search(
    db: Database,
    criteria: SearchCriteria,
    *,
    sort: str = "customer_number",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 100,
    with_total: bool = True,
) -> SearchPage:
    """Registrations matching the criteria, sorted and paged in SQL (total -1 when not asked for)."""
    order = _order(sort, descending)
    with db.read() as session:
        prefix = load_settings(session).customer_number_prefix
        total = -1
        if with_total:
            total = (
                session.scalar(_filtered(session, select(func.count(AccountRegistration.id)), criteria, prefix)) or 0
            )
        stmt = _filtered(session, select(AccountRegistration), criteria, prefix).order_by(*order).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = [view_of(r) for r in session.scalars(stmt)]
    return SearchPage(total, rows)


def count_matching(db: Database, criteria: SearchCriteria) -> int:
    """How many registrations match (the results table's row count)."""
    with db.read() as session:
        prefix = load_settings(session).customer_number_prefix
        stmt = _filtered(session, select(func.count(AccountRegistration.id)), criteria, prefix)
        return session.scalar(stmt) or 0


def search_ids(
    db: Database, criteria: SearchCriteria, *, sort: str = "customer_number", descending: bool = False
) -> list[int]:
    """Every matching id in display order: what a results table holds (rows are fetched by id as they show)."""
    order = _order(sort, descending)
    with db.read() as session:
        prefix = load_settings(session).customer_number_prefix
        stmt = _filtered(session, select(AccountRegistration.id), criteria, prefix).order_by(*order)
        return list(session.scalars(stmt))


def rows_by_ids(db: Database, ids: Sequence[int]) -> list[RegistrationView]:
    """The registrations with these ids, in the order given (missing ids are left out)."""
    found: dict[int, RegistrationView] = {}
    with db.read() as session:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            for row in session.scalars(select(AccountRegistration).where(AccountRegistration.id.in_(chunk))):
                found[row.id] = view_of(row)
    return [found[i] for i in ids if i in found]


def get_registration(db: Database, registration_id: int) -> RegistrationView:
    with db.read() as session:
        return view_of(_load(session, registration_id))


def find_by_customer_number(db: Database, customer_number: str) -> RegistrationView:
    with db.read() as session:
        row = session.scalar(
            select(AccountRegistration).where(AccountRegistration.customer_number == customer_number.strip())
        )
        if row is None:
            raise NotFound(f"顧客番号 {customer_number} の登録はありません", code="registration_unknown")
        return view_of(row)


def _load(session: Session, registration_id: int) -> AccountRegistration:
    row = session.get(AccountRegistration, registration_id)
    if row is None:
        raise NotFound(f"登録（ID {registration_id}）はありません", code="registration_unknown")
    return row

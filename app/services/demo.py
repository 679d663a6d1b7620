"""`kofuri demo`: realistic, varied sample data (Japanese names and addresses, real bank and branch codes,
Japan Post accounts, corporate accounts, every status), through the same services the screens use."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any, cast

from faker import Faker
from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import AccountRegistration
from app.domain import bank_codes
from app.domain.account_fields import RegistrationMethod, RegistrationStatus
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput, validate_registration
from app.services import accounts
from app.services.operators import OperatorRef, Role, ensure_operator
from app.services.paper import returns, shipments
from app.services.settings import get_settings

# Real banks that most customers use; branches are drawn from each bank's real branch list.
COMMON_BANKS = (
    "0001",
    "0005",
    "0009",
    "0010",
    "0017",
    "0033",
    "0036",
    "0038",
    "0116",
    "0134",
    "0149",
    "0158",
)
COMPANY_WORDS = (
    ("商事", "シヨウジ"),
    ("産業", "サンギヨウ"),
    ("工業", "コウギヨウ"),
    ("建設", "ケンセツ"),
    ("物産", "ブツサン"),
    ("印刷", "インサツ"),
    ("運輸", "ウンユ"),
)
CORPORATE_FORMS = (
    ("株式会社", "カブシキガイシャ"),
    ("有限会社", "ユウゲンガイシャ"),
    ("合同会社", "ゴウドウガイシャ"),
)
OPERATORS = (
    ("suzuki", "鈴木 花子", Role.CLERK),
    ("tanaka", "田中 一郎", Role.CLERK),
    ("sato", "佐藤 恵", Role.SUPERVISOR),
)
AUDITORS = (("kato", "加藤 誠", Role.AUDITOR),)
AMOUNTS = (980, 1_500, 2_200, 3_300, 4_980, 5_500, 8_800, 12_000, 29_800)
STATUS_WEIGHTS = (
    (RegistrationStatus.COMPLETE, 55),
    (RegistrationStatus.KEYED, 12),
    (RegistrationStatus.SENT, 12),
    (RegistrationStatus.RETURNED, 6),
    (RegistrationStatus.WEB_REQUESTED, 5),
    (RegistrationStatus.WEB_NG, 3),
    (RegistrationStatus.INVALIDATED, 7),
)


# How often each DEF-2 reason comes back (seal problems lead, as at every bank).
REASON_WEIGHTS = (
    ("seal_mismatch", 30),
    ("seal_unclear", 12),
    ("spare_seal_missing", 12),
    ("account_number", 10),
    ("holder_mismatch", 9),
    ("branch", 7),
    ("seal_missing", 7),
    ("deposit_type", 5),
    ("no_account", 4),
    ("representative_missing", 4),
)
# Paper forms the demo sends in shipments, days before today: the older ones are where returns come from.
SHIPMENT_AGES = (56, 35, 20, 6)
FOLLOW_UP_NOTES = (
    ("phone", "お客様に電話し、新しい依頼書を郵送すると伝えた"),
    ("mail", "新しい依頼書と返信用封筒を郵送"),
    ("email", "訂正方法をメールで案内"),
)


@dataclass(frozen=True)
class DemoResult:
    registered: int
    by_status: dict[str, int]


def _person(fake: Faker, rng: random.Random) -> tuple[str, str]:
    last, last_kana, _ = fake.last_name_pair()
    first, first_kana, _ = fake.first_name_pair()
    return f"{last} {first}", f"{last_kana} {first_kana}"


def _company(fake: Faker, rng: random.Random) -> tuple[str, str]:
    last, last_kana, _ = fake.last_name_pair()
    word, word_kana = rng.choice(COMPANY_WORDS)
    form, form_kana = rng.choice(CORPORATE_FORMS)
    if rng.random() < 0.7:
        return f"{form}{last}{word}", f"{form_kana} {last_kana}{word_kana}"
    return f"{last}{word}{form}", f"{last_kana}{word_kana} {form_kana}"


def _contact(rng: random.Random, kana: str, index: int, corporate: bool) -> tuple[str, str]:
    """Most customers give an e-mail address (notices by e-mail); some prefer letters, a few no notice."""
    import jaconv

    draw = rng.random()
    if draw < 0.05:
        return "", "none"
    if draw < 0.22:
        return "", "letter"
    local = "".join(c for c in jaconv.kana2alphabet(jaconv.kata2hira(kana)).lower() if c.isascii() and c.isalnum())
    local = (local[:16] or "customer") + str(index + 1)
    domain = rng.choice(("example.jp", "example.co.jp", "example.ne.jp")) if not corporate else "example.co.jp"
    return f"{local}@{domain}", "email"


def _phone(fake: Faker) -> str:
    number = str(fake.phone_number())
    return number if number.startswith("0") else "0" + number  # Faker also makes some without the 0


def _account(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.15:  # Japan Post Bank, keyed by passbook symbol and number [REG-6]
        codes = bank_codes.branch_codes(bank_codes.JAPAN_POST_BANK_CODE)
        if rng.random() < 0.8:  # 総合口座: branch xy8 ← symbol 1xy__, number of 8 digits ending in 1
            code = rng.choice([c for c in codes if c.endswith("8")])
            symbol = f"1{code[:2]}{rng.randint(1, 9)}0"
            return {"bank_code": "9900", "jp_symbol": symbol, "jp_number": f"{rng.randint(1, 9999999):07d}1"}
        code = rng.choice([c for c in codes if c.endswith("9")])  # 振替口座: branch xy9 ← symbol 0xy__
        return {
            "bank_code": "9900",
            "jp_symbol": f"0{code[:2]}{rng.randint(1, 9)}0",
            "jp_number": str(rng.randint(1, 999999)),
        }
    bank_code = rng.choice(COMMON_BANKS)
    return {
        "bank_code": bank_code,
        "branch_code": rng.choice(_ordinary_branches(bank_code)),
        "deposit_type": "1" if rng.random() < 0.92 else "2",
        "account_number": f"{rng.randint(1, 9999999):07d}",
    }


@cache
def _ordinary_branches(bank_code: str) -> list[str]:
    """Branches where people hold accounts (not ATM, internet-only or settlement branches)."""
    odd = ("ＡＴＭ", "ATM", "証券", "振込", "集中", "決済", "代理", "センター", "事務")
    return [
        b.code for b in bank_codes.list_branches(bank_code) if not any(word in b.name for word in odd)
    ] or bank_codes.branch_codes(bank_code)


def generate(db: Database, count: int, seed: int = 1, today: date | None = None) -> DemoResult:
    """Register `count` sample customers in one batch, then walk some through the status lifecycle."""
    rng = random.Random(seed)
    fake = Faker("ja_JP")
    fake.seed_instance(seed)
    day = today or date.today()
    with db.write() as session:
        operators = [ensure_operator(session, login, name, role) for login, name, role in OPERATORS]
        refs = [OperatorRef(o.id, o.login_id, o.name, Role(o.role)) for o in operators]
    supervisor = next(ref for ref in refs if ref.role is Role.SUPERVISOR)
    before = _count_by_status(db)
    prefix = get_settings(db).customer_number_prefix

    valids = []
    statuses = []
    mail_rng = random.Random(seed + 1)  # its own sequence: the rest of the demo stays as it was
    for index in range(count):
        corporate = rng.random() < 0.12
        name, kana = _company(fake, rng) if corporate else _person(fake, rng)
        status = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
        web = status in (RegistrationStatus.WEB_REQUESTED, RegistrationStatus.WEB_NG) or (
            status is RegistrationStatus.COMPLETE and rng.random() < 0.25
        )
        email, notice_channel = _contact(mail_rng, kana, index, corporate)
        raw = RegistrationInput(
            contract_holder_name=name,
            contract_holder_kana=kana,
            postal_code=fake.zipcode(),
            address=fake.address(),
            phone=_phone(fake),
            email=email,
            notice_channel=notice_channel,
            account_holder_kana=kana,
            method=RegistrationMethod.WEB.value if web else RegistrationMethod.PAPER.value,
            monthly_amount=str(rng.choice(AMOUNTS)),
            registration_date=day - timedelta(days=rng.randint(0, 900)),
            status=RegistrationStatus.KEYED if status is RegistrationStatus.INVALIDATED else status,
            checklist={key: (not web) and rng.random() < 0.95 for key in CHECKLIST_ITEMS},
            **cast(dict[str, Any], _account(rng)),
        )
        valids.append(validate_registration(raw, prefix=prefix, today=day))
        statuses.append(status)
    # Paper forms sent or returned go through the real workflow: keyed, shipped in one of the demo's
    # shipments, returns recorded against them (REG-3, COVER-1, DEF-1), so every screen has data to show.
    shipped = [
        i
        for i, status in enumerate(statuses)
        if status in (RegistrationStatus.SENT, RegistrationStatus.RETURNED)
        and valids[i].method is RegistrationMethod.PAPER
    ]
    waves: list[list[int]] = [[] for _ in SHIPMENT_AGES]
    for i in shipped:
        # a returned form was sent long enough ago for the bank to send it back; a sent one is still quiet
        slot = (
            rng.randrange(len(SHIPMENT_AGES) - 1)
            if statuses[i] is RegistrationStatus.RETURNED
            else rng.randrange(2, len(SHIPMENT_AGES))
        )
        waves[slot].append(i)
    shipped_set = set(shipped)
    for i in shipped:  # a form that went out was checked (an incomplete one is held back from a shipment)
        valids[i] = replace(valids[i], status=RegistrationStatus.KEYED, checklist=dict.fromkeys(CHECKLIST_ITEMS, True))
    views: list[accounts.RegistrationView | None] = [None] * len(valids)
    answered: list[int] = []
    for age, wave in zip(SHIPMENT_AGES, waves, strict=True):
        if not wave:
            continue
        for i, view in zip(
            wave,
            accounts.register_batch(
                db, [valids[i] for i in wave], rng.choice(refs), reason="デモデータ", allow_shared_accounts=True
            ),
            strict=True,
        ):
            views[i] = view
        # only the demo's own forms: a clerk's keyed forms already waiting are not shipped by sample data
        ids = [shipped_view.id for i in wave if (shipped_view := views[i]) is not None]
        shipment = shipments.create_shipment(db, rng.choice(refs), only=ids)
        shipments.send_shipment(db, shipment.id, day - timedelta(days=age), supervisor, tracking_number=_tracking(rng))
        for i in wave:
            if statuses[i] is RegistrationStatus.RETURNED:
                answered.extend(_record_return(db, views[i], day - timedelta(days=age), day, rng, refs))
    # New forms that came back from customers: keyed again after the last shipment, waiting as 不備分.
    for return_id in answered:
        returns.update_return(db, return_id, "received", rng.choice(refs), note="新しい依頼書が届いた", channel="mail")
    rest = [i for i in range(len(valids)) if i not in shipped_set]
    for i, view in zip(
        rest,
        accounts.register_batch(
            db, [valids[i] for i in rest], rng.choice(refs), reason="デモデータ", allow_shared_accounts=True
        ),
        strict=True,
    ):
        views[i] = view
    registered = [view for view in views if view is not None]
    assert len(registered) == len(statuses)
    for view, status in zip(registered, statuses, strict=True):
        if status is RegistrationStatus.INVALIDATED:
            accounts.invalidate(
                db,
                view.id,
                view.version,
                rng.choice(("解約のため", "お客様の申し出", "重複登録")),
                supervisor,  # an invalidation is a supervisor's [OP-3]
            )
    # what the sample added, by status (registrations that were already there are left as they were)
    after = _count_by_status(db)
    added = {status: count - before.get(status, 0) for status, count in after.items()}
    return DemoResult(len(registered), {status: count for status, count in added.items() if count})


def _count_by_status(db: Database) -> dict[str, int]:
    with db.read() as session:
        rows = session.execute(
            select(AccountRegistration.status, func.count()).group_by(AccountRegistration.status)
        ).all()
    return {status: count for status, count in sorted(rows)}


def _tracking(rng: random.Random) -> str:
    return "-".join(f"{rng.randrange(10_000):04d}" for _ in range(3))


def _record_return(
    db: Database,
    view: accounts.RegistrationView | None,
    sent_on: date,
    today: date,
    rng: random.Random,
    refs: list[OperatorRef],
) -> list[int]:
    """A form the bank sent back 2–5 weeks after it was sent, with one or two reasons and some follow-up;
    returns the id when the customer is to have answered with a new form."""
    assert view is not None
    received = min(today, sent_on + timedelta(days=rng.randint(14, 35)))
    count = 2 if rng.random() < 0.25 else 1
    reasons: list[str] = []
    while len(reasons) < count:
        reason = rng.choices([r for r, _ in REASON_WEIGHTS], [w for _, w in REASON_WEIGHTS])[0]
        if reason not in reasons:
            reasons.append(reason)
    action = "correction" if rng.random() < 0.15 else "new_form"
    ret = returns.add_return(db, view.customer_number, received, reasons, rng.choice(refs), action=action)
    roll = rng.random()
    if roll < 0.45:
        channel, note = rng.choice(FOLLOW_UP_NOTES)
        returns.update_return(db, ret.id, "waiting", rng.choice(refs), note=note, channel=channel)
    elif roll < 0.6:
        returns.update_return(db, ret.id, "waiting", rng.choice(refs), note="新しい依頼書を郵送", channel="mail")
        return [ret.id]
    return []


def demo_passwords(db: Database) -> dict[str, str]:
    """Give the demo operators who have none a random password; returned once (printed by the demo, stored
    only as a hash)."""
    import secrets

    from app.services.operators import passwords, pg_roles

    given: dict[str, str] = {}
    with db.write() as session:
        for login, name, role in (*OPERATORS, *AUDITORS):
            row = ensure_operator(session, login, name, role)
            if row.password_hash is None:
                password = secrets.token_urlsafe(9)
                row.password_hash = passwords.hash_password(password)
                pg_roles.create_login(session, login, Role(row.role), password)
                given[login] = password
    return given

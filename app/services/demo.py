"""`kofuri demo`: realistic, varied sample data (Japanese names and addresses, real bank and branch codes,
Japan Post accounts, corporate accounts, every status), through the same services the screens use."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from faker import Faker

from app.db.database import Database
from app.domain import bank_codes
from app.domain.account_fields import RegistrationMethod, RegistrationStatus
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput, validate_registration
from app.services import accounts
from app.services.operators import OperatorRef, Role, ensure_operator
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


def _phone(fake: Faker) -> str:
    number = str(fake.phone_number())
    return number if number.startswith("0") else "0" + number  # Faker also makes some without the 0


def _account(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.15:  # Japan Post Bank, keyed by passbook symbol and number (REG-6)
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
    prefix = get_settings(db).customer_number_prefix

    valids = []
    statuses = []
    for _ in range(count):
        corporate = rng.random() < 0.12
        name, kana = _company(fake, rng) if corporate else _person(fake, rng)
        status = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
        web = status in (RegistrationStatus.WEB_REQUESTED, RegistrationStatus.WEB_NG) or (
            status is RegistrationStatus.COMPLETE and rng.random() < 0.25
        )
        raw = RegistrationInput(
            contract_holder_name=name,
            contract_holder_kana=kana,
            postal_code=fake.zipcode(),
            address=fake.address(),
            phone=_phone(fake),
            account_holder_kana=kana,
            method=RegistrationMethod.WEB.value if web else RegistrationMethod.PAPER.value,
            monthly_amount=str(rng.choice(AMOUNTS)),
            registration_date=day - timedelta(days=rng.randint(0, 900)),
            status=RegistrationStatus.KEYED if status is RegistrationStatus.INVALIDATED else status,
            checklist={key: (not web) and rng.random() < 0.95 for key in CHECKLIST_ITEMS},
            **_account(rng),
        )
        valids.append(validate_registration(raw, prefix=prefix, today=day))
        statuses.append(status)
    views = accounts.register_batch(db, valids, rng.choice(refs), reason="デモデータ", allow_shared_accounts=True)
    for view, status in zip(views, statuses, strict=True):
        if status is RegistrationStatus.INVALIDATED:
            accounts.invalidate(
                db,
                view.id,
                view.version,
                rng.choice(("解約のため", "お客様の申し出", "重複登録")),
                rng.choice(refs),
            )
    by_status: dict[str, int] = {}
    for status in statuses:
        by_status[status.value] = by_status.get(status.value, 0) + 1
    return DemoResult(len(views), by_status)

"""Fast generated registrations for benchmarks (Core inserts, no per-row validation): plausible, varied data."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from faker import Faker
from sqlalchemy import insert

from app.db.database import Database
from app.db.models import AccountRegistration, RegistrationSearchGram
from app.domain import bank_codes
from app.domain.account_fields import RegistrationStatus
from app.domain.search_text import digits, search_text, text_grams

STATUSES = [s.value for s in RegistrationStatus]
STATUS_WEIGHTS = [12, 12, 6, 55, 5, 3, 7]


def fill(db: Database, count: int, seed: int = 5, chunk: int = 20_000, status: str | None = None) -> None:
    rng = random.Random(seed)
    fake = Faker("ja_JP")
    fake.seed_instance(seed)
    lasts = [fake.last_name_pair() for _ in range(400)]
    firsts = [fake.first_name_pair() for _ in range(400)]
    addresses = [fake.address() for _ in range(500)]
    banks = ["0001", "0005", "0009", "0010", "0017", "0036", "0116", "0134", "0149"]
    branches = {b: [br.code for br in bank_codes.list_branches(b)][:80] for b in banks}
    names = {b: bank_codes.lookup_bank(b).name for b in banks}
    branch_names = {(b, br.code): br.name for b in banks for br in bank_codes.list_branches(b)}
    now = datetime.now(UTC)
    start = date(2024, 1, 1)
    prefix = "0329279"
    for offset in range(0, count, chunk):
        rows = []
        for i in range(offset, min(count, offset + chunk)):
            last, last_kana, _ = rng.choice(lasts)
            first, first_kana, _ = rng.choice(firsts)
            name, kana = f"{last} {first}", f"{last_kana} {first_kana}"
            phone = f"0{rng.choice('789')}0-{rng.randint(0, 9999):04d}-{rng.randint(0, 9999):04d}"
            bank = rng.choice(banks)
            branch = rng.choice(branches[bank])
            rows.append(
                {
                    "customer_number": f"{prefix}{i + 1:013d}",
                    "id": i + 1,
                    "contract_holder_name": name,
                    "contract_holder_kana": kana,
                    "postal_code": f"{rng.randint(100, 999)}-{rng.randint(0, 9999):04d}",
                    "address": rng.choice(addresses),
                    "phone": phone,
                    "phone_digits": digits(phone),
                    "phone_digits_reversed": digits(phone)[::-1],
                    "search_text": search_text((name, kana, kana)),
                    "bank_code": bank,
                    "bank_name": names[bank],
                    "branch_code": branch,
                    "branch_name": branch_names[(bank, branch)],
                    "deposit_type": 1,
                    "account_number": f"{rng.randint(1, 9_999_999):07d}",
                    "account_holder_kana": kana,
                    "jp_symbol": None,
                    "jp_number": None,
                    "method": "paper",
                    "status": status or rng.choices(STATUSES, STATUS_WEIGHTS)[0],
                    "monthly_amount": rng.choice([980, 1500, 3300, 5500]),
                    "registration_date": start + timedelta(days=rng.randint(0, 1000)),
                    "checklist": {},
                    "note": "",
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
        grams = [
            {"gram": g, "registration_id": row["id"]}
            for row in rows
            for g in text_grams((row["contract_holder_name"], row["contract_holder_kana"]))
        ]
        with db.write() as session:
            session.execute(insert(AccountRegistration), rows)
            session.execute(insert(RegistrationSearchGram), grams)

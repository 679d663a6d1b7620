"""The registrations the soak's processes key: the i-th customer, a valid paper form (its own account number)."""

from __future__ import annotations

from app.domain.account_fields import RegistrationStatus
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput


def form(i: int, *, complete: bool = False) -> RegistrationInput:
    raw = RegistrationInput(
        contract_holder_name=f"山田 {i}郎",
        contract_holder_kana="ヤマダ タロウ",
        bank_code="0005",
        branch_code="001",
        deposit_type="1",
        account_number=str(1_000_000 + i),
        account_holder_kana="ヤマダ タロウ",
        monthly_amount=str(1000 + i % 9000),
        phone="03-1234-5678",
    )
    raw.checklist = dict.fromkeys(CHECKLIST_ITEMS, True)
    if complete:
        raw.status = RegistrationStatus.COMPLETE
    return raw

"""The one place tests make registrations: a request form as a clerk keys it, keyed and complete ones."""

from __future__ import annotations

from app.db.database import Database
from app.domain.account_fields import RegistrationStatus
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput
from app.services import accounts
from app.services.operators import OperatorRef

FORM: dict[str, str] = {
    "contract_holder_name": "山田 太郎",
    "contract_holder_kana": "ヤマダ タロウ",
    "phone": "03-1234-5678",
    "bank_code": "0005",
    "branch_code": "001",
    "deposit_type": "1",
    "account_number": "1234567",
    "account_holder_kana": "ヤマダ タロウ",
    "monthly_amount": "3300",
}

# A complete bank-file header in the merchant settings (a final bank file is refused without one) [BILL-4].
BANK_HEADER: dict[str, str] = {
    "zengin_consignor_code": "0000329273",
    "consignor_name_kana": "ｺﾌﾘｼﾖｳｼﾞ",
    "merchant_bank_code": "0005",
    "merchant_branch_code": "001",
    "merchant_deposit_type": "1",
    "merchant_account_number": "7654321",
}


def form(number: int | None = None, **overrides: str) -> RegistrationInput:
    """A valid paper form with its checklist ticked (an incomplete one is held back from a shipment);
    `number` makes the n-th customer (its own name and account number)."""
    values = dict(FORM)
    if number is not None:
        values |= {"contract_holder_name": f"山田 {number}郎", "account_number": str(number)}
    values.update(overrides)
    raw = RegistrationInput(**values)  # type: ignore[arg-type]
    raw.checklist = dict.fromkeys(CHECKLIST_ITEMS, True)
    return raw


def keyed(
    db: Database, operator: OperatorRef, number: int | None = None, **overrides: str
) -> accounts.RegistrationView:
    """A paper form keyed in the product (入力済, not yet sent)."""
    return accounts.register(db, form(number, **overrides), operator)


def complete(
    db: Database,
    operator: OperatorRef,
    number: int | None = None,
    *,
    confirm_duplicate_account: bool = False,
    **overrides: str,
) -> accounts.RegistrationView:
    """A registration complete at the bank (billable)."""
    raw = form(number, **overrides)
    raw.status = RegistrationStatus.COMPLETE
    return accounts.register(db, raw, operator, confirm_duplicate_account=confirm_duplicate_account)

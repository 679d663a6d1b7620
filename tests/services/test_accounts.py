from datetime import date

import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import AccountRegistration, RegistrationHistory
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import ConfirmationRequired, Conflict, Duplicate, InvalidValue, ValidationFailed
from app.domain.registration import RegistrationInput
from app.services import accounts
from app.services.operators import OperatorRef
from tests.conftest import make_operator


def form(**overrides: str) -> RegistrationInput:
    values = {
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
    values.update(overrides)
    return RegistrationInput(**values)  # type: ignore[arg-type]


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_register_allocates_numbers_and_writes_history(db: Database, clerk: OperatorRef) -> None:
    first = accounts.register(db, form(), clerk)
    second = accounts.register(db, form(account_number="7654321"), clerk)
    assert first.customer_number == "03292790000000000001"
    assert second.customer_number == "03292790000000000002"
    assert first.version == 1 and first.status == "keyed"
    entries = accounts.history(db, first.id)
    assert [(e.action, e.operator_login) for e in entries] == [("register", "suzuki")]
    assert entries[0].changes["account_number"] == [None, "1234567"]


def test_same_customer_number_twice_is_refused(db: Database, clerk: OperatorRef) -> None:
    accounts.register(db, form(customer_number="03292790000000000500"), clerk)
    with pytest.raises(Duplicate, match="03292790000000000500"):
        accounts.register(db, form(customer_number="03292790000000000500", account_number="1"), clerk)
    assert count(db, AccountRegistration) == 1
    # never reused: the next free number follows the highest ever issued
    assert accounts.register(db, form(account_number="2"), clerk).customer_number == "03292790000000000501"


def test_shared_bank_account_needs_confirmation_which_is_recorded(
    db: Database, clerk: OperatorRef, supervisor: OperatorRef
) -> None:
    first = accounts.register(db, form(), clerk)
    with pytest.raises(ConfirmationRequired, match=first.customer_number):
        accounts.register(db, form(contract_holder_name="山田 花子"), clerk)
    assert count(db, AccountRegistration) == 1
    second = accounts.register(db, form(contract_holder_name="山田 花子"), clerk, confirm_duplicate_account=True)
    assert accounts.history(db, second.id)[0].confirmed_duplicate_account is True
    # an invalidated registration no longer blocks the account
    accounts.invalidate(db, first.id, first.version, "解約", supervisor)
    accounts.invalidate(db, second.id, second.version, "解約", supervisor)
    accounts.register(db, form(contract_holder_name="山田 次郎"), clerk)


def test_invalid_input_changes_nothing(db: Database, clerk: OperatorRef) -> None:
    with pytest.raises(ValidationFailed):
        accounts.register(db, form(account_number="abc"), clerk)
    assert count(db, AccountRegistration) == 0 and count(db, RegistrationHistory) == 0


def test_search_criteria_paging_and_sorting(db: Database, clerk: OperatorRef) -> None:
    accounts.register(db, form(), clerk, today=date(2026, 1, 5))
    accounts.register(
        db,
        form(
            contract_holder_name="佐藤 花子",
            contract_holder_kana="サトウ ハナコ",
            account_holder_kana="サトウ ハナコ",
            phone="090-1111-2222",
            bank_code="0001",
            branch_code="210",
            account_number="555",
        ),
        clerk,
        today=date(2026, 3, 1),
    )
    third = accounts.register(
        db,
        form(account_number="999", contract_holder_name="山本 一郎", contract_holder_kana="ヤマモト イチロウ"),
        clerk,
        today=date(2026, 6, 1),
    )
    search = accounts.search
    assert [r.contract_holder_name for r in search(db, accounts.SearchCriteria(name="はなこ")).rows] == ["佐藤 花子"]
    assert search(db, accounts.SearchCriteria(name="山")).total == 2
    assert search(db, accounts.SearchCriteria(phone="11112222")).rows[0].contract_holder_name == "佐藤 花子"
    assert search(db, accounts.SearchCriteria(bank_code="1", branch_code="210")).total == 1
    assert search(db, accounts.SearchCriteria(account_number="0000999")).rows[0].id == third.id
    between = accounts.SearchCriteria(registered_from=date(2026, 2, 1), registered_to=date(2026, 12, 31))
    assert search(db, between).total == 2
    page = search(db, accounts.SearchCriteria(), sort="contract_holder_kana", descending=True, offset=1, limit=1)
    assert page.total == 3 and [r.contract_holder_kana for r in page.rows] == ["ヤマダ タロウ"]
    with pytest.raises(InvalidValue):
        search(db, accounts.SearchCriteria(), sort="account_number; DROP TABLE x")
    assert search(db, accounts.SearchCriteria(name="%")).total == 0  # wildcards are literal


def test_change_requires_reason_and_records_before_and_after(db: Database, clerk: OperatorRef) -> None:
    view = accounts.register(db, form(), clerk)
    raw = accounts.input_from_view(view)
    raw.account_number = "7777777"
    raw.phone = "03-9999-0000"
    with pytest.raises(InvalidValue, match="理由"):
        accounts.change(db, view.id, view.version, raw, " ", clerk)
    changed = accounts.change(db, view.id, view.version, raw, "口座変更の依頼書を受領", clerk)
    assert changed.version == 2 and changed.account_number == "7777777"
    last = accounts.history(db, view.id)[-1]
    assert last.action == "change" and last.reason == "口座変更の依頼書を受領"
    assert last.changes == {"account_number": ["1234567", "7777777"], "phone": ["03-1234-5678", "03-9999-0000"]}


def test_stale_edit_fails_and_says_who_changed_it(db: Database, clerk: OperatorRef) -> None:
    other = make_operator(db, "tanaka", "田中 一郎")
    view = accounts.register(db, form(), clerk)
    mine = accounts.input_from_view(view)
    theirs = accounts.input_from_view(view)
    theirs.phone = "03-0000-1111"
    accounts.change(db, view.id, view.version, theirs, "電話番号の変更", other)
    mine.address = "大阪府大阪市北区1-1"
    with pytest.raises(Conflict) as raised:
        accounts.change(db, view.id, view.version, mine, "住所変更", clerk)
    assert "田中 一郎" in raised.value.message and "電話番号" in raised.value.message
    assert accounts.get_registration(db, view.id).address == ""  # nothing overwritten


def test_invalidate_hides_from_default_search_and_keeps_history(
    db: Database, clerk: OperatorRef, supervisor: OperatorRef
) -> None:
    view = accounts.register(db, form(), clerk)
    with pytest.raises(InvalidValue, match="理由"):
        accounts.invalidate(db, view.id, view.version, "", supervisor)
    gone = accounts.invalidate(db, view.id, view.version, "解約の申し出", supervisor)
    assert gone.status == RegistrationStatus.INVALIDATED.value
    assert accounts.search(db, accounts.SearchCriteria()).total == 0
    found = accounts.search(db, accounts.SearchCriteria(statuses=[RegistrationStatus.INVALIDATED]))
    assert [r.id for r in found.rows] == [view.id]
    assert [e.action for e in accounts.history(db, view.id)] == ["register", "invalidate"]
    with pytest.raises(InvalidValue):
        accounts.change(db, view.id, gone.version, accounts.input_from_view(gone), "x", clerk)


def test_history_search_and_append_only(db: Database, clerk: OperatorRef, operator: OperatorRef) -> None:
    a = accounts.register(db, form(), clerk)
    accounts.register(db, form(account_number="2"), operator)
    accounts.invalidate(db, a.id, a.version, "重複", operator)
    assert len(accounts.search_history(db, operator_login="system")) == 2
    assert [e.action for e in accounts.search_history(db, action="invalidate")] == ["invalidate"]
    assert len(accounts.search_history(db, customer_number=a.customer_number)) == 2
    assert len(accounts.search_history(db, date_from=date.today(), date_to=date.today())) == 3
    with pytest.raises(RuntimeError, match="never changed"), db.write() as s:
        row = s.scalars(select(RegistrationHistory)).first()
        assert row is not None
        row.reason = "書き換え"
    with pytest.raises(RuntimeError), db.write() as s:
        s.delete(s.scalars(select(RegistrationHistory)).first())
    assert count(db, RegistrationHistory) == 3


def test_search_keys_follow_names_numbers_and_phones(db: Database, clerk: OperatorRef) -> None:
    view = accounts.register(db, form(customer_number="03292790000000000123", phone="090-1234-5678"), clerk)
    find = accounts.search
    assert find(db, accounts.SearchCriteria(customer_number="123")).total == 1  # the merchant's part
    assert find(db, accounts.SearchCriteria(customer_number="0329279000000000012")).total == 1  # first digits
    assert find(db, accounts.SearchCriteria(customer_number="03292790000000000124")).total == 0
    assert find(db, accounts.SearchCriteria(phone="090-1234")).total == 1  # first digits
    assert find(db, accounts.SearchCriteria(phone="5678")).total == 1  # last digits
    assert find(db, accounts.SearchCriteria(phone="09012345678")).total == 1
    assert find(db, accounts.SearchCriteria(phone="1239")).total == 0
    assert find(db, accounts.SearchCriteria(name="やまだたろう")).total == 1  # spaces and kana folded
    assert find(db, accounts.SearchCriteria(name="ﾀﾛｳ")).total == 1
    raw = accounts.input_from_view(view)
    raw.contract_holder_name, raw.contract_holder_kana, raw.account_holder_kana = (
        "鈴木 次郎",
        "スズキ ジロウ",
        "スズキ ジロウ",
    )
    accounts.change(db, view.id, view.version, raw, "改姓", clerk)
    assert find(db, accounts.SearchCriteria(name="やまだ")).total == 0
    assert find(db, accounts.SearchCriteria(name="木次")).total == 1
    ids = accounts.search_ids(db, accounts.SearchCriteria(), sort="customer_number", descending=True)
    assert ids == [view.id]
    assert [r.id for r in accounts.rows_by_ids(db, [view.id, 999])] == [view.id]

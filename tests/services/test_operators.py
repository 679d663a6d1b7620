"""Operators (OP-1, OP-2, OP-3): login and lock-out, the role × action table walked through the services,
maintenance, the audit log, masking and reveal. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from app.db.database import Database
from app.db.models import Operator
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import DomainError
from app.services import accounts, billing, notices, operators, results, settings
from app.services.accounts.exporting import export_registrations
from app.services.forms import render_request_forms
from app.services.operators import Action, LoginRefused, OperatorRef, PermissionDenied, Role
from app.services.operators.output_audit import reveal_account_number
from app.services.paper import holds, returns, shipments
from tests.services.test_accounts import form

PASSWORD = "correct-horse-1"


def people(db: Database) -> dict[Role, OperatorRef]:
    boss = operators.create_first_supervisor(db, "boss", "責任者 太郎", PASSWORD)
    clerk = operators.add_operator(db, boss, "jimu", "事務 花子", Role.CLERK, PASSWORD)
    auditor = operators.add_operator(db, boss, "kansa", "監査 次郎", Role.AUDITOR, PASSWORD)
    return {Role.SUPERVISOR: boss, Role.CLERK: clerk, Role.AUDITOR: auditor}


def test_login_three_failures_lock_and_a_supervisor_unlocks(db: Database) -> None:
    staff = people(db)
    assert operators.login(db, "jimu", PASSWORD).operator == staff[Role.CLERK]
    for left in (2, 1):
        with pytest.raises(LoginRefused) as refused:
            operators.login(db, "jimu", "wrong-password")
        assert f"あと {left} 回" in refused.value.message and "jimu" not in refused.value.message
    with pytest.raises(LoginRefused, match="ロックされています"):
        operators.login(db, "jimu", "wrong-password")
    with pytest.raises(LoginRefused, match="ロックされています"):
        operators.login(db, "jimu", PASSWORD)  # the right password is refused too
    assert [o.locked for o in operators.list_operator_accounts(db, staff[Role.SUPERVISOR]) if o.login_id == "jimu"]
    with pytest.raises(PermissionDenied, match="担当者の管理"):
        operators.unlock_operator(db, staff[Role.CLERK], "jimu")
    operators.unlock_operator(db, staff[Role.SUPERVISOR], "jimu")
    assert operators.login(db, "jimu", PASSWORD).operator.login_id == "jimu"
    actions = [e.action for e in operators.list_audit(db, staff[Role.AUDITOR], login_id="jimu")]
    # the clerk's refused unlock is on record too
    assert actions[-9:] == ["login", "login_failed", "login_failed", "login_failed", "lock", "login_failed",
                            "refused", "unlock", "login"]  # fmt: skip
    entries = operators.list_audit(db, staff[Role.SUPERVISOR], action="lock")
    assert entries and entries[0].machine and entries[0].operator == "jimu"


def test_an_unknown_id_is_told_the_same_and_locks_the_same(db: Database) -> None:
    people(db)
    known, unknown = [], []
    for attempt in range(3):
        for login_id, seen in (("jimu", known), ("nobody", unknown)):
            with pytest.raises(LoginRefused) as refused:
                operators.login(db, login_id, f"wrong-{attempt}")
            seen.append(refused.value.message)
    assert known == unknown and "ロック" in unknown[-1]
    with pytest.raises(LoginRefused, match="ログインIDまたはパスワード"):
        operators.login(db, "system", "")  # the system operator has no password and cannot log in


def test_reset_password_must_be_changed_at_next_login_and_hashes_are_rehashed(db: Database) -> None:
    staff = people(db)
    operators.reset_password(db, staff[Role.SUPERVISOR], "jimu", "temporary-1")
    assert operators.login(db, "jimu", "temporary-1").must_change_password
    with pytest.raises(DomainError, match="8 文字以上"):
        operators.change_password(db, "jimu", "temporary-1", "short")
    operators.change_password(db, "jimu", "temporary-1", "my-own-password")
    assert not operators.login(db, "jimu", "my-own-password").must_change_password
    # a hash made with weaker parameters is replaced at the next login
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("my-own-password")
    with db.write() as session:
        session.scalars(select(Operator).where(Operator.login_id == "jimu")).one().password_hash = weak
    operators.login(db, "jimu", "my-own-password")
    with db.read() as session:
        stored = session.scalars(select(Operator.password_hash).where(Operator.login_id == "jimu")).one()
    assert stored != weak and "m=19456,t=2,p=1" in str(stored) and stored.startswith("$argon2id$")


def test_maintenance_refuses_everyone_but_supervisors_with_the_end_time(db: Database) -> None:
    staff = people(db)
    until = datetime.now(UTC) + timedelta(hours=1)
    with pytest.raises(PermissionDenied):
        operators.start_maintenance(db, staff[Role.CLERK], until, "バックアップ")
    view = operators.start_maintenance(db, staff[Role.SUPERVISOR], until, "バックアップ")
    expected = f"メンテナンス中です（{operators.maintenance_text(view)} まで）"
    with pytest.raises(LoginRefused) as refused:
        operators.login(db, "jimu", PASSWORD)
    assert refused.value.message == expected and until.astimezone().strftime("%H:%M") in expected
    assert operators.login(db, "boss", PASSWORD).operator.role == Role.SUPERVISOR
    operators.end_maintenance(db, staff[Role.SUPERVISOR])
    assert operators.login(db, "jimu", PASSWORD).operator.login_id == "jimu"


def test_reveal_is_audited_and_audit_text_never_holds_the_number(db: Database) -> None:
    staff = people(db)
    view = accounts.register(db, form(account_number="7654321"), staff[Role.CLERK])
    assert view.masked_account_number == "****321"
    with pytest.raises(PermissionDenied, match="口座番号の全桁表示"):
        reveal_account_number(db, staff[Role.AUDITOR], view.id)
    assert reveal_account_number(db, staff[Role.CLERK], view.id) == "7654321"
    entries = operators.list_audit(db, staff[Role.AUDITOR])
    reveal = [e for e in entries if e.action == "reveal"]
    assert reveal and reveal[0].operator == "jimu" and view.customer_number in reveal[0].detail
    assert not any("7654321" in e.detail for e in entries)


# OP-3: every action of the permission table, done through the services by each role
def _actions(db: Database, tmp: Path) -> dict[Action, Callable[[OperatorRef], object]]:
    boss = operators.get_operator(db, "boss")
    reg = accounts.register(db, form(), boss)
    csv = tmp / "one.csv"
    csv.write_text("not a real file\n", encoding="utf-8")
    return {
        Action.SEARCH: lambda op: operators.list_operator_accounts(db, op),
        Action.REGISTER: lambda op: accounts.register(db, form(account_number="1111111"), op),
        Action.CHANGE: lambda op: accounts.record_web_result(db, reg.customer_number, True, op),
        Action.INVALIDATE: lambda op: accounts.invalidate(db, reg.id, 999, "解約", op),
        Action.SHIPMENTS: lambda op: shipments.create_shipment(db, op),
        Action.SEND_ANYWAY: lambda op: shipments.create_shipment(db, op, send_anyway=["1"], reason="至急"),
        Action.RETURNS: lambda op: returns.add_return(db, reg.customer_number, date.today(), ["印鑑相違"], op),
        Action.FOLLOW_UPS: lambda op: results.update_followup(db, 999, "contacted", op, note="電話"),
        Action.NOTICES: lambda op: notices.cancel_notice(db, 999, "不要", op),
        Action.PRINT_FORMS: lambda op: render_request_forms(db, [reg.id], tmp / f"{op.login_id}.pdf", operator=op),
        Action.BILLING: lambda op: billing.set_schedule(db, "2031-01", date(2031, 1, 10), op),
        Action.EXPORT_FINAL: lambda op: billing.export_month(db, "2031-02", "xlsx", tmp / "f.xlsx", op, final=True),
        Action.IMPORT_AMOUNTS: lambda op: billing.import_amounts(db, "2031-03", csv, op),
        Action.IMPORT_RESULTS: lambda op: results.import_results(db, csv, op, dry_run=True),
        Action.SETTLE: lambda op: results.settle(db, 999, "現金で入金", op),
        Action.CONFIRM: lambda op: results.confirm_registrations(db, [reg.customer_number], "電話で確認", op),
        Action.STOP_REQUEST: lambda op: billing.stop_line(db, "2031-04", reg.customer_number, "停止", op),
        Action.RELEASE_STOP: lambda op: results.release_billing_stop(db, reg.customer_number, "確認済み", op),
        Action.SETTINGS: lambda op: settings.set_setting(db, "consignor_name", "テスト商店", op),
        Action.OPERATORS: lambda op: operators.lock_operator(db, op, "kansa2"),
        Action.MAINTENANCE: lambda op: operators.end_maintenance(db, op),
        Action.EXPORT_PERSONAL: lambda op: export_registrations(db, [reg.id], tmp / "r.csv", operator=op),
        Action.REVEAL: lambda op: reveal_account_number(db, op, reg.id),
        Action.AUDIT: lambda op: operators.list_audit(db, op),
    }


# More services behind the same actions: each is refused to the roles without it (and allowed to the others)
def _more(db: Database, tmp: Path) -> list[tuple[Action, Callable[[OperatorRef], object]]]:
    csv = tmp / "schedule.csv"
    csv.write_text("請求月,請求締切日\n2031-05,2031-05-09\n", encoding="utf-8")
    return [
        (Action.BILLING, lambda op: billing.import_schedule(db, csv, op)),
        (Action.BILLING, lambda op: billing.prepare_month(db, "2031-06", op)),
        (Action.BILLING, lambda op: results.rebill(db, 999, "2031-06", op)),
        (Action.IMPORT_RESULTS, lambda op: results.import_results(db, csv, op, replace=True)),
        (Action.NOTICES, lambda op: notices.send_due(db, op, as_of=date(2031, 1, 1))),
        (Action.NOTICES, lambda op: notices.fall_back_to_letter(db, [999], op)),
        (Action.NOTICES, lambda op: notices.resolve_unconfirmed(db, 999, True, op)),
        (Action.NOTICES, lambda op: notices.render_letters(db, tmp / f"letters-{op.login_id}.pdf", op)),
        (Action.SETTINGS, lambda op: notices.set_smtp_password(db, "", op)),
        (Action.SHIPMENTS, lambda op: holds.record_checked(db, "1", op)),
        (Action.OPERATORS, lambda op: operators.set_role(db, op, "kansa2", Role.AUDITOR)),
        (Action.MAINTENANCE, lambda op: operators.start_maintenance(db, op, datetime.now(UTC) - timedelta(hours=1))),
    ]


PREREQUISITE = {Action.SEND_ANYWAY: Action.SHIPMENTS}


def test_the_whole_role_by_action_table_through_the_services(db: Database, tmp_path: Path) -> None:
    staff = people(db)
    operators.add_operator(db, staff[Role.SUPERVISOR], "kansa2", "予備", Role.AUDITOR, PASSWORD)
    actions = _actions(db, tmp_path)
    assert set(actions) == set(Action)  # the walk covers the whole table
    refusals: list[tuple[str, Action]] = []
    for role, operator in staff.items():
        for action, call in [*actions.items(), *_more(db, tmp_path)]:
            may = action in operators.PERMISSIONS[role]
            try:
                call(operator)
            except PermissionDenied as refused:
                assert not may, f"{role} was refused {action}: {refused}"
                # an action that needs another one first is refused for that one when the role lacks it
                first = PREREQUISITE.get(action, action)
                named = first if first not in operators.PERMISSIONS[role] else action
                assert role.label in refused.message and f"「{operators.ACTION_LABELS[named]}」" in refused.message
                refusals.append((operator.login_id, named))
            except DomainError:
                assert may, f"{role} may not {action}, but the service went past its check"
            else:
                assert may, f"{role} may not {action}, but it was done"
    # every refusal is on record in the audit log: who, which action [OP-3]
    refused_rows = [e for e in operators.list_audit(db, staff[Role.SUPERVISOR]) if e.action == "refused"]
    assert [(e.operator, e.detail.split()[0]) for e in refused_rows] == [
        (login, f"permission:{action.value}") for login, action in refusals
    ]
    assert len(refusals) > 20 and Role.SUPERVISOR.label not in {e.detail for e in refused_rows}
    assert not operators.PERMISSIONS[Role.AUDITOR] - {Action.SEARCH, Action.AUDIT}


def test_an_invalidation_through_the_transition_is_a_supervisors(db: Database) -> None:
    staff = people(db)
    view = accounts.register(db, form(), staff[Role.CLERK])
    with pytest.raises(PermissionDenied, match="登録の無効化"):
        accounts.set_status(db, view.id, view.version, RegistrationStatus.INVALIDATED, "解約", staff[Role.CLERK])
    assert accounts.get_registration(db, view.id).status == view.status  # nothing changed

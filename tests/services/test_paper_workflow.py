"""The paper-form lifecycle (REG-3), shipments (COVER-1, COVER-2) and deficiency returns (DEF-1 … DEF-4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from app.db.database import Database
from app.domain.errors import Conflict, InvalidValue, ValidationFailed
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput
from app.render.layout import load_layout
from app.services import accounts, billing
from app.services.forms import render_cover_sheet
from app.services.operators import OperatorRef, PermissionDenied
from app.services.paper import returns, shipments
from tests import factories


def keyed(db: Database, operator: OperatorRef, number: int) -> accounts.RegistrationView:
    return factories.keyed(db, operator, number)


def steps(db: Database, registration_id: int) -> list[str]:
    return [
        f"{e.changes['status'][0]}→{e.changes['status'][1]}"
        for e in accounts.history(db, registration_id)
        if e.action == "status"
    ]


def test_the_full_cycle_with_history(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    a, b = keyed(db, operator, 1), keyed(db, operator, 2)
    first = shipments.create_shipment(db, operator)
    assert (first.new, first.corrected) == ([a.customer_number, b.customer_number], [])
    with pytest.raises(
        InvalidValue, match="発送を待っている依頼書はありません"
    ):  # a form is never in two open shipments
        shipments.create_shipment(db, operator)
    shipments.send_shipment(db, first.id, date(2026, 11, 2), operator, tracking_number="1234")
    assert shipments.status_report(db, a.customer_number, today=date(2026, 11, 20)).step.startswith("発送済")
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG fake scan")
    attachments = tmp_path / "attachments"
    ret = returns.add_return(
        db,
        a.customer_number,
        date(2026, 11, 20),
        ["seal_mismatch", "account_number"],
        operator,
        note="届出印が違う",
        scan=scan,
        attachments_dir=attachments,
    )
    assert Path(ret.scan_file).read_bytes() == scan.read_bytes() and Path(ret.scan_file).stat().st_mode & 0o077 == 0
    assert accounts.get_registration(db, a.id).status == "returned"
    assert billing.billable_reason("returned", False, "") is not None  # an open return is not billable
    returns.update_return(db, ret.id, "waiting", operator, note="電話で新しい依頼書を依頼")
    returns.update_return(db, ret.id, "received", operator)
    second = shipments.create_shipment(db, operator)
    assert (second.new, second.corrected) == ([], [a.customer_number])  # 不備分, bundled apart
    out = tmp_path / "cover.pdf"
    from app.services import settings

    settings.update_settings(db, {"consignor_name": "株式会社サンプル商事"}, operator)
    render_cover_sheet(db, out, new=second.new, corrected=second.corrected, shipment_id=second.id)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        box = load_layout("cover_sheet").element("corrected_count")
        x, y, w, h = (float(box[k]) * 72 / 25.4 for k in ("x", "y", "w", "h"))
        inside = "".join(
            c["text"]
            for c in page.chars
            if x <= c["x0"] and c["x1"] <= x + w and y <= c["top"] and c["bottom"] <= y + h
        )
        assert inside.endswith("1")  # the cover sheet's counts are the shipment's
    shipments.send_shipment(db, second.id, date(2026, 11, 25), operator)
    assert returns.list_returns(db)[0].status == "resent"
    report = shipments.status_report(db, a.customer_number, today=date(2027, 1, 6))
    assert report.step.startswith("返却なし・未確認")  # six quiet weeks after sending (REG-3)
    assert steps(db, a.id) == ["keyed→sent", "sent→returned", "returned→keyed", "keyed→sent"]
    stats = returns.stats(db, date(2026, 11, 1), date(2026, 11, 30))
    assert stats.total == 1 and stats.by_reason == {"金融機関届け出印相違": 1, "口座番号相違": 1}
    assert stats.by_bank == {"0005 三菱ＵＦＪ": 1}
    assert returns.contacts(db, ret.id)[0][2] == "電話で新しい依頼書を依頼"


def test_bad_returns_change_nothing(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    view = keyed(db, operator, 1)
    with pytest.raises(InvalidValue, match="発送済み"):
        returns.add_return(db, view.customer_number, date(2026, 11, 20), ["seal_missing"], operator)
    with pytest.raises(InvalidValue, match="nonsense"):
        returns.add_return(db, view.customer_number, date(2026, 11, 20), ["nonsense"], operator)
    with pytest.raises(InvalidValue, match="note"):
        returns.add_return(db, view.customer_number, date(2026, 11, 20), ["other"], operator)
    assert returns.list_returns(db) == [] and accounts.get_registration(db, view.id).status == "keyed"
    with pytest.raises(InvalidValue, match="状態"):
        returns.update_return(db, 1, "lost", operator)


def test_quiet_period_is_a_setting_and_web_results_follow_reg_10(db: Database, operator: OperatorRef) -> None:
    from app.services import settings

    number = keyed(db, operator, 1).customer_number
    view = shipments.create_shipment(db, operator)
    shipments.send_shipment(db, view.id, date(2026, 11, 2), operator)
    assert shipments.status_report(db, number, today=date(2026, 11, 30)).step.startswith("発送済")
    settings.update_settings(db, {"quiet_period_weeks": "4"}, operator)
    assert shipments.status_report(db, number, today=date(2026, 11, 30)).step.startswith(
        "返却なし・未確認: 2026-11-02 発送、4週間"
    )
    with pytest.raises(ValidationFailed, match="2〜26週"):
        settings.update_settings(db, {"quiet_period_weeks": "0"}, operator)
    web = accounts.register(
        db,
        RegistrationInput(
            contract_holder_name="ウェブ 太郎",
            contract_holder_kana="ウェブ タロウ",
            bank_code="0005",
            branch_code="001",
            deposit_type="1",
            account_number="77",
            account_holder_kana="ウェブ タロウ",
            method="WEB",
        ),
        operator,
    )
    assert accounts.record_web_result(db, web.customer_number, False, operator).status == "web_ng"
    assert accounts.record_web_result(db, web.customer_number, True, operator).status == "complete"  # the last wins
    with pytest.raises(InvalidValue, match="WEB登録の結果を待っていません"):
        accounts.record_web_result(db, number, True, operator)


def test_two_staff_following_up_the_same_return(db: Database, operator: OperatorRef, clerk: OperatorRef) -> None:
    """A follow-up based on a stale view fails clearly and writes nothing; 'received' cannot undo a resend."""
    a = keyed(db, operator, 1)
    shipments.send_shipment(db, shipments.create_shipment(db, operator).id, date(2026, 10, 20), operator)
    ret = returns.add_return(db, a.customer_number, date(2026, 11, 20), ["seal_mismatch"], operator)
    seen_by_operator = ret.status  # both open the return while it is "open"
    returns.update_return(db, ret.id, "waiting", clerk, note="電話した", expected_status="open")
    with pytest.raises(Conflict) as conflict:
        returns.update_return(
            db, ret.id, "received", operator, note="届いた", channel="mail", expected_status=seen_by_operator
        )
    assert "鈴木 花子（suzuki）" in conflict.value.message and "お客様の返送待ち" in conflict.value.message
    assert returns.list_returns(db)[0].status == "waiting"
    assert [note for _at, _channel, note in returns.contacts(db, ret.id)] == ["電話した"]  # nothing from the stale one
    assert accounts.get_registration(db, a.id).status == "returned"
    # the new form arrives and is resent; an old 'received' must not put the registration back to keyed
    returns.update_return(db, ret.id, "received", operator, expected_status="waiting")
    shipments.send_shipment(db, shipments.create_shipment(db, operator).id, date(2026, 11, 27), clerk)
    with pytest.raises(InvalidValue, match="再送付済"):
        returns.update_return(db, ret.id, "received", operator)
    assert accounts.get_registration(db, a.id).status == "sent"
    returns.update_return(db, ret.id, "closed", operator)  # closed from any status
    assert returns.list_returns(db)[0].status == "closed"


def test_an_incomplete_checklist_is_held_back_until_checked_or_sent_anyway_by_a_supervisor(
    db: Database, operator: OperatorRef, clerk: OperatorRef
) -> None:
    from app.services.operators import Role
    from app.services.paper import holds
    from tests.conftest import make_operator

    supervisor = make_operator(db, "sato", "佐藤 恵", Role.SUPERVISOR)
    good = keyed(db, operator, 1)
    unsealed = accounts.register(
        db,
        RegistrationInput(contract_holder_name="佐藤 花子", contract_holder_kana="サトウ ハナコ", bank_code="0005",
                          branch_code="001", deposit_type="1", account_number="2", account_holder_kana="サトウ ハナコ",
                          checklist={**dict.fromkeys(CHECKLIST_ITEMS, True), "seal": False}),
        clerk,
    )  # fmt: skip
    unsure = accounts.register(
        db,
        RegistrationInput(contract_holder_name="鈴木 一郎", contract_holder_kana="スズキ イチロウ", bank_code="0005",
                          branch_code="001", deposit_type="1", account_number="3", account_holder_kana="スズキ イチロウ",
                          checklist={**dict.fromkeys(CHECKLIST_ITEMS, True), "spare_seal": False}),
        clerk,
    )  # fmt: skip
    held = holds.held_back_forms(db)
    assert [(h.customer_number, h.missing) for h in held] == [
        (unsealed.customer_number, ["届出印が押されている"]),
        (unsure.customer_number, ["捨印が押されている"]),
    ]
    assert shipments.waiting_counts(db) == (1, 0)  # what the next shipment takes
    # a clerk cannot send one anyway; a supervisor must give a reason; nothing is written either way
    with pytest.raises(PermissionDenied, match="確認の済んでいない依頼書の発送"):
        shipments.create_shipment(db, clerk, send_anyway=[unsealed.customer_number], reason="至急")
    with pytest.raises(InvalidValue, match="理由を入力"):
        shipments.create_shipment(db, supervisor, send_anyway=[unsealed.customer_number])
    with pytest.raises(InvalidValue, match="保留中の依頼書ではありません"):
        shipments.create_shipment(db, supervisor, send_anyway=[good.customer_number], reason="至急")
    assert shipments.list_shipments(db) == []
    first = shipments.create_shipment(
        db, supervisor, send_anyway=[unsealed.customer_number], reason="押印はネット銀行で後日（お客様に確認済み）"
    )
    assert first.new == [good.customer_number, unsealed.customer_number]
    assert first.sent_anyway == {unsealed.customer_number: "押印はネット銀行で後日（お客様に確認済み）"}
    assert [h.customer_number for h in first.held_back] == [unsure.customer_number]
    assert shipments.get_shipment(db, first.id).sent_anyway == first.sent_anyway  # recorded with the shipment
    entry = accounts.history(db, unsealed.id)[-1]
    assert entry.action == "sent_anyway" and "押印はネット銀行で後日" in entry.reason
    assert entry.operator_login == "sato" and "届出印が押されている" in entry.reason
    with pytest.raises(InvalidValue, match="保留中: 1 件"):
        shipments.create_shipment(db, operator)  # only the unchecked one is left: nothing can go
    # someone checks the paper again and records it: complete, with a history row; the next shipment takes it
    holds.record_checked(db, unsure.customer_number, clerk, note="原本を確認、捨印あり")
    after = accounts.get_registration(db, unsure.id)
    assert all(after.checklist[key] for key in CHECKLIST_ITEMS)
    entry = accounts.history(db, unsure.id)[-1]
    assert entry.action == "checklist_checked" and "原本を確認" in entry.reason
    assert entry.changes["checklist"][0]["spare_seal"] is False and entry.changes["checklist"][1]["spare_seal"]
    with pytest.raises(InvalidValue, match="すべて済んでいます"):
        holds.record_checked(db, unsure.customer_number, clerk)
    assert holds.held_back_forms(db) == []
    assert shipments.create_shipment(db, operator).new == [unsure.customer_number]

"""The shipments and returns screens, driven as staff drive them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput
from app.services import accounts, billing, settings
from app.services.operators import OperatorRef
from app.services.paper import returns, shipments
from tests import factories
from ui.paper.page import PaperPage, count_axis
from ui.paper.return_dialog import ReturnDialog


def keyed(db: Database, operator: OperatorRef, number: int, bank: str = "0005", branch: str = "001") -> str:
    return factories.keyed(db, operator, number, bank_code=bank, branch_code=branch).customer_number


def settled(qtbot: QtBot, page: PaperPage) -> None:
    """Wait until the refresh started by the last action is on screen."""
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        pass


def test_full_cycle_through_the_screens(
    qtbot: QtBot, qtmodeltester: object, db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    first, second = keyed(db, operator, 1), keyed(db, operator, 2, bank="0001", branch="210")
    settings.update_settings(db, {"consignor_name": "株式会社サンプル商事"}, operator)  # printed on the cover sheet
    page = PaperPage(db, operator, tmp_path / "attachments")
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)  # the page reads in a worker
    assert page.waiting.text() == "発送待ち: 新規分 2 枚・不備分 0 枚"
    with qtbot.waitSignal(page.refreshed):
        page.create_button.click()
    assert page.shipments_model.rows[0][4:] == ("2", "0", "2")
    assert page.selected_shipment() == int(page.shipments_model.keys[0])  # the new shipment is selected
    with qtbot.waitSignal(page.refreshed):
        page.send_selected(date(2026, 11, 2), "1234-5678")
    assert page.shipments_model.rows[0][1:4] == ("発送済", "2026-11-02", "1234-5678")
    page.print_cover_sheet()
    assert page.last_preview is not None
    with pdfplumber.open(page.last_preview.path) as pdf:
        text = pdf.pages[0].extract_text()
    assert "1234-5678" in text and "2" in text
    # a return with two reasons and a scan, through the dialog
    scan = tmp_path / "returned.pdf"
    scan.write_bytes(b"%PDF-1.4 returned form")
    dialog = page.record_return(first)
    assert isinstance(dialog, ReturnDialog)
    dialog.received.setDate(dialog.received.date().fromString("2026-11-20", "yyyy-MM-dd"))
    dialog.reasons["seal_mismatch"].setChecked(True)
    dialog.reasons["spare_seal_missing"].setChecked(True)
    dialog.scan.setText(str(scan))
    dialog.action.setCurrentIndex(dialog.action.findData("correction"))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = returns.list_returns(db)[0]
    assert (
        stored.reasons == ["seal_mismatch", "spare_seal_missing"]
        and Path(stored.scan_file).read_bytes() == scan.read_bytes()
    )
    assert billing.billable_reason(accounts.find_by_customer_number(db, first).status, False, "") is not None
    # re-requested, then the new form arrives and is keyed
    follow = ReturnDialog(db, operator, tmp_path / "attachments", page, return_id=stored.id)
    qtbot.addWidget(follow)
    assert follow.open_scan_button.isEnabled()
    # what was recorded is shown, not editable; the action chosen at recording (DEF-1) is kept
    assert follow.customer_number.isReadOnly() and not follow.reasons["seal_mismatch"].isEnabled()
    assert follow.action.currentData() == "correction" and not follow.action.isEnabled()
    assert follow.focusWidget() is follow.status
    follow.status.setCurrentIndex(follow.status.findData("waiting"))
    follow.contact.setText("電話で新しい依頼書を依頼")
    follow.save()
    follow = ReturnDialog(db, operator, tmp_path / "attachments", page, return_id=stored.id)
    qtbot.addWidget(follow)
    assert follow.contacts.count() == 1 and "電話で新しい依頼書を依頼" in follow.contacts.item(0).text()
    follow.status.setCurrentIndex(follow.status.findData("received"))
    follow.save()
    with qtbot.waitSignal(page.refreshed):
        page.refresh()
    assert page.waiting.text() == "発送待ち: 新規分 0 枚・不備分 1 枚"
    with qtbot.waitSignal(page.refreshed):
        page.create_button.click()
    with qtbot.waitSignal(page.refreshed):
        page.send_selected(date(2026, 11, 25), "")
    view = accounts.find_by_customer_number(db, first)
    steps = [e.changes["status"] for e in accounts.history(db, view.id) if e.action == "status"]
    assert steps == [["keyed", "sent"], ["sent", "returned"], ["returned", "keyed"], ["keyed", "sent"]]
    assert shipments.status_report(db, first, today=date(2027, 1, 6)).step.startswith("返却なし・未確認")
    assert shipments.status_report(db, second, today=date(2026, 12, 1)).step.startswith("発送済")
    for model in (page.shipments_model, page.returns_model, page.stats_model, page.deadline_model, page.left_out_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_dashboard_urgency_filters_and_statistics(
    qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    numbers = [keyed(db, operator, i + 1, bank=b) for i, b in enumerate(("0005", "0001", "0005"))]
    view = shipments.create_shipment(db, operator)
    shipments.send_shipment(db, view.id, date(2026, 10, 1), operator)
    received = [date(2026, 11, 20), date(2026, 11, 5), date(2026, 11, 12)]
    reasons = [["seal_mismatch"], ["account_number", "seal_mismatch"], ["holder_mismatch"]]
    for number, day, why in zip(numbers, received, reasons, strict=True):
        returns.add_return(db, number, day, why, operator)
    page = PaperPage(db, operator, tmp_path)
    qtbot.addWidget(page)
    settled(qtbot, page)
    page.stats_from.setDate(page.stats_from.date().fromString("2026-11-01", "yyyy-MM-dd"))
    page.stats_to.setDate(page.stats_to.date().fromString("2026-11-30", "yyyy-MM-dd"))
    with qtbot.waitSignal(page.refreshed):
        page.refresh()
    # the same deadline for all: the oldest return first
    assert [row[1] for row in page.returns_model.rows] == [numbers[1], numbers[2], numbers[0]]
    with qtbot.waitSignal(page.returnsShown, timeout=5000):
        page.reason_filter.setCurrentIndex(page.reason_filter.findData("seal_mismatch"))
    assert [row[1] for row in page.returns_model.rows] == [numbers[1], numbers[0]]
    with qtbot.waitSignal(page.returnsShown, timeout=5000):
        page.bank_filter.setText("1")
    assert [row[1] for row in page.returns_model.rows] == [numbers[1]]
    stats = {(row[0], row[1]): row[2] for row in page.stats_model.rows}
    assert stats[("理由", "金融機関届け出印相違")] == "2" and stats[("金融機関", "0005 三菱ＵＦＪ")] == "2"
    # the bar chart reads like the table: most frequent reason on top, a whole-number axis
    [series] = page.chart.series()
    assert isinstance(series, QHorizontalBarSeries)
    bars = series.barSets()[0]
    [categories] = page.chart.axes(Qt.Orientation.Vertical)
    assert isinstance(categories, QBarCategoryAxis)
    labelled = dict(zip(categories.categories(), (bars.at(i) for i in range(bars.count())), strict=True))
    assert labelled == {"金融機関届け出印相違": 2, "口座番号相違": 1, "名義人相違": 1}
    assert categories.categories()[-1] == "金融機関届け出印相違"
    [values] = page.chart.axes(Qt.Orientation.Horizontal)
    assert isinstance(values, QValueAxis) and (values.max(), values.tickCount()) == (2, 3)
    # who recorded each return, by name
    assert {row[8] for row in page.returns_model.rows} == {operator.name}
    count_index = page.stats_model.index(0, 2)
    assert page.stats_model.data(count_index, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    # DEF-4, oldest first, one customer a row, the merchant's part of the number (the 7-digit prefix is on every one)
    first_month = page.left_out_model.rows[0][0]
    shown = [row[2] for row in page.left_out_model.rows if row[0] == first_month]
    assert shown == [n[7:].lstrip("0") for n in (numbers[1], numbers[2], numbers[0])]
    assert "年" in page.left_out_model.rows[0][1] and "（" in page.left_out_model.rows[0][1]  # 2026年12月2日（水）


@pytest.mark.parametrize(
    ("largest", "expected"),
    [(0, (1, 1)), (2, (2, 1)), (6, (6, 1)), (7, (8, 2)), (14, (15, 5)), (31, (40, 10)), (999, (1000, 200))],
)
def test_count_axis_has_whole_number_steps(largest: int, expected: tuple[int, int]) -> None:
    top, step = count_axis(largest)
    assert (top, step) == expected and top >= largest and top % step == 0 and top // step <= 6


def test_deadline_list_is_capped_and_says_how_many_in_all(
    qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """REG-2 list: at a million registrations it shows the first forms by customer number and the full count."""
    numbers = [keyed(db, operator, i + 1) for i in range(3)]
    monkeypatch.setattr("ui.paper.page.DEADLINE_ROWS", 2)
    page = PaperPage(db, operator, tmp_path)
    qtbot.addWidget(page)
    settled(qtbot, page)
    assert [row[0] for row in page.deadline_model.rows] == [n[7:].lstrip("0") for n in numbers[:2]]
    assert page.deadline_count.text() == "全 3 件のうち、顧客番号順に先頭 2 件を表示"
    monkeypatch.setattr("ui.paper.page.DEADLINE_ROWS", 10)
    with qtbot.waitSignal(page.refreshed):
        page.refresh()
    assert len(page.deadline_model.rows) == 3 and page.deadline_count.text() == "3 件"


def test_a_stale_follow_up_shows_who_changed_the_return_and_reloads(
    qtbot: QtBot, db: Database, operator: OperatorRef, clerk: OperatorRef, tmp_path: Path
) -> None:
    number = keyed(db, operator, 1)
    shipments.send_shipment(db, shipments.create_shipment(db, operator).id, date(2026, 10, 20), operator)
    ret = returns.add_return(db, number, date(2026, 11, 20), ["seal_mismatch"], operator)
    dialog = ReturnDialog(db, operator, tmp_path, None, return_id=ret.id)
    qtbot.addWidget(dialog)
    assert dialog.status.currentData() == "open"
    returns.update_return(db, ret.id, "closed", clerk, note="解約のため対応不要")  # meanwhile, another clerk
    dialog.status.setCurrentIndex(dialog.status.findData("received"))
    dialog.contact.setText("新しい依頼書が届いた")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "鈴木 花子（suzuki）" in dialog.message.text() and "「完了」に変更されました" in dialog.message.text()
    assert dialog.status.currentData() == "closed"  # reloaded: what it is now
    assert dialog.contact.text() == "新しい依頼書が届いた"  # what the clerk typed is kept
    assert returns.list_returns(db)[0].status == "closed"
    assert accounts.find_by_customer_number(db, number).status == "returned"  # nothing written


def test_a_return_that_does_not_exist_says_so(
    qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    dialog = ReturnDialog(db, operator, tmp_path, None, return_id=999)
    qtbot.addWidget(dialog)
    assert dialog.message.text() == "不備返却 999 はありません" and dialog.view is None


def test_held_back_forms_are_listed_and_can_be_checked_or_sent_anyway_by_a_supervisor(
    qtbot: QtBot, db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    from app.services.operators import Role
    from tests.conftest import make_operator

    ready = keyed(db, operator, 1)
    raw = RegistrationInput(contract_holder_name="佐藤 花子", contract_holder_kana="サトウ ハナコ", bank_code="0005",
                            branch_code="001", deposit_type="1", account_number="2", account_holder_kana="サトウ ハナコ",
                            checklist={**dict.fromkeys(CHECKLIST_ITEMS, True), "seal": False})  # fmt: skip
    unsealed = accounts.register(db, raw, operator).customer_number
    raw.account_number, raw.checklist = "3", {**dict.fromkeys(CHECKLIST_ITEMS, True), "spare_seal": False}
    unsure = accounts.register(db, raw, operator).customer_number
    clerk = make_operator(db, "suzuki", "鈴木 花子")
    page = PaperPage(db, clerk, tmp_path / "attachments")
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    assert page.waiting.text() == "発送待ち: 新規分 1 枚・不備分 0 枚"
    assert "2 件" in page.held_label.text()
    assert page.held_model.rows == [
        (unsealed, "佐藤 花子", "新規分", "届出印が押されている"),
        (unsure, "佐藤 花子", "新規分", "捨印が押されている"),
    ]
    assert not page.send_anyway_button.isVisible()  # a clerk is not offered sending an incomplete form
    with qtbot.waitSignal(page.refreshed):
        page.create_button.click()
    assert "チェックが済んでいない 2 枚は保留しました" in page.message.text()
    assert shipments.list_shipments(db)[0].new == [ready]
    page.held_table.selectRow(1)
    with qtbot.waitSignal(page.refreshed):
        page.record_checked(note="原本を確認")
    assert [row[0] for row in page.held_model.rows] == [unsealed]
    assert accounts.history(db, accounts.find_by_customer_number(db, unsure).id)[-1].action == "checklist_checked"
    boss = PaperPage(db, make_operator(db, "sato", "佐藤 恵", Role.SUPERVISOR), tmp_path / "attachments")
    qtbot.addWidget(boss)
    boss.show()
    settled(qtbot, boss)
    assert boss.send_anyway_button.isEnabled()
    boss.held_table.selectRow(0)
    with qtbot.waitSignal(boss.refreshed):
        boss.send_anyway(reason="押印不要の銀行（お客様に確認済み）")
    second = shipments.list_shipments(db)[-1]
    assert second.new == [unsealed, unsure] and second.sent_anyway == {unsealed: "押印不要の銀行（お客様に確認済み）"}
    assert boss.held_model.rows == [] and "保留中の依頼書はありません" in boss.held_label.text()

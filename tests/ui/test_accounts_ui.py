"""Account screens driven as a clerk drives them: real widgets, keyboard first, results read from the database."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qt_compat import qt_api
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.account_fields import RegistrationStatus
from app.domain.registration import CHECKLIST_ITEMS, RegistrationInput
from app.services import accounts, settings
from app.services.operators import OperatorRef
from tests import factories
from tests.conftest import make_operator
from tests.ui.conftest import answer_message_box, focused, press, type_text, wait_for
from ui.accounts.dialogs import ChangeDialog, InvalidateDialog
from ui.accounts.history_page import HistoryPage, value_text
from ui.accounts.new_registration import NewRegistrationPage
from ui.accounts.search_page import SearchPage
from ui.settings.page import SettingsPage
from ui.shared.workers import TaskRunner

ENTER = Qt.Key.Key_Return


def sample(**overrides: str) -> RegistrationInput:
    raw = factories.form(**overrides)
    raw.checklist = raw.checklist or dict.fromkeys(CHECKLIST_ITEMS, True)  # the paper form was checked
    return raw


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    task_runner = TaskRunner()
    yield task_runner  # type: ignore[misc]
    task_runner.wait()


def show(qtbot: QtBot, widget: object) -> None:
    qtbot.addWidget(widget)
    widget.show()  # type: ignore[attr-defined]
    qtbot.waitExposed(widget)
    widget.activateWindow()  # type: ignore[attr-defined]


def test_key_in_a_paper_form_by_keyboard_only(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    page = NewRegistrationPage(db, operator)
    show(qtbot, page)
    form = page.form
    wait_for(qtbot, lambda: form.edits["customer_number"].hasFocus())  # focus lands in the first field
    assert form.text("customer_number") == "03292790000000000001"  # pre-filled with the next free number
    press(qtbot, Qt.Key.Key_Tab)
    for text in ("山田 太郎", "やまだ たろう", "1000001", "東京都千代田区千代田1-1", "03-1234-5678", "0005", "001"):
        type_text(qtbot, text)
        press(qtbot, ENTER)  # Enter moves on, like Tab
    assert form.hint_labels["bank_code"].text() == "三菱ＵＦＪ" and form.hint_labels["branch_code"].text() == "本店"
    assert focused() is form.deposit_type
    press(qtbot, Qt.Key.Key_Down)  # 2 当座
    press(qtbot, ENTER)
    type_text(qtbot, "１２３４")  # full-width digits are fine
    press(qtbot, ENTER)
    assert focused() is form.edits["account_holder_kana"]  # the Japan Post fields are skipped when hidden
    type_text(qtbot, "ﾔﾏﾀﾞ ﾀﾛｳ")
    assert form.hint_labels["account_holder_kana"].text() == "銀行データ: ﾔﾏﾀﾞ ﾀﾛｳ"
    press(qtbot, ENTER)
    press(qtbot, ENTER)  # method: 紙
    type_text(qtbot, "3,300")
    press(qtbot, ENTER)
    press(qtbot, ENTER)  # registration date: today
    for _ in form.checks:
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, ENTER, Qt.KeyboardModifier.ControlModifier)  # 保存して次へ
    wait_for(qtbot, lambda: "03292790000000000001 を登録しました" in page.message.text())
    saved = accounts.find_by_customer_number(db, "03292790000000000001")
    assert (saved.contract_holder_name, saved.contract_holder_kana, saved.postal_code) == (
        "山田 太郎",
        "ヤマダ タロウ",
        "100-0001",
    )
    assert (saved.bank_code, saved.branch_code, saved.deposit_type, saved.account_number) == (
        "0005",
        "001",
        2,
        "0001234",
    )
    assert saved.monthly_amount == 3300 and all(saved.checklist.values())
    assert accounts.history(db, saved.id)[0].operator_login == "system"
    # the form is ready for the next paper form, the batch values kept
    assert form.text("customer_number") == "03292790000000000002" and form.text("contract_holder_name") == ""


def test_each_kind_of_field_error_is_shown_at_its_field(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    page = NewRegistrationPage(db, operator)
    show(qtbot, page)
    form = page.form
    entries = {
        "customer_number": "0329279000",
        "contract_holder_kana": "山田たろう",
        "postal_code": "12-34",
        "phone": "12345",
        "bank_code": "0005",
        "branch_code": "999",
        "account_number": "12a4",
        "account_holder_kana": "ヤマダ・タロウ",
        "monthly_amount": "0",
    }
    for name, text in entries.items():
        form.edits[name].setText(text)
        form.edits[name].editingFinished.emit()  # the clerk leaves the field
    errors = {name: label.text() for name, label in form.error_labels.items() if label.isVisible()}
    assert errors["customer_number"] == "顧客番号は20桁です（入力は10桁）"
    assert "1文字目「山」" in errors["contract_holder_kana"]
    assert "郵便番号は7桁" in errors["postal_code"]
    assert "電話番号は0で始まる" in errors["phone"]
    assert errors["branch_code"] == "三菱ＵＦＪ（0005）に支店コード 999 の支店は見つかりません"
    assert errors["account_number"] == "口座番号は数字だけで入力してください"
    assert "「・」" in errors["account_holder_kana"] and "スペース" in errors["account_holder_kana"]
    assert errors["monthly_amount"] == "金額は1円以上です"
    assert "contract_holder_name" not in errors  # not left yet: no error shown while untouched
    page.save_button.click()  # Save is refused and every problem shows
    assert form.error_labels["contract_holder_name"].text() == "契約者名を入力してください"
    assert "赤字" in page.message.text()
    assert accounts.search(db, accounts.SearchCriteria(include_invalidated=True)).total == 0
    # Japan Post Bank: the passbook fields replace branch and account, converted live
    form.edits["bank_code"].setText("9900")
    assert not form.rows["branch_code"].isVisible() and form.rows["jp_symbol"].isVisible()
    form.edits["jp_symbol"].setText("14030")
    form.edits["jp_number"].setText("12345671")
    assert form.hint_labels["jp_number"].text() == "→ 支店 408・普通・口座番号 1234567"
    form.edits["jp_number"].setText("12345670")
    form.edits["jp_number"].editingFinished.emit()
    assert "末尾が1" in form.error_labels["jp_number"].text()


def test_bank_type_ahead_by_kana_puts_the_code_in_the_field(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    page = NewRegistrationPage(db, operator)
    show(qtbot, page)
    bank = page.form.edits["bank_code"]
    bank.setFocus()
    wait_for(qtbot, bank.hasFocus)
    type_text(qtbot, "みずほ")
    choices = page.form.bank_completer.model().stringList()  # type: ignore[attr-defined]
    assert choices[0] == "0001 みずほ"
    page.form.bank_completer.activated.emit(choices[0])
    wait_for(qtbot, lambda: bank.text() == "0001")
    assert page.form.hint_labels["bank_code"].text() == "みずほ"


def test_shared_bank_account_asks_for_confirmation(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    accounts.register(db, sample(), operator)
    page = NewRegistrationPage(db, operator)
    show(qtbot, page)
    page.form.load(sample(customer_number=page.form.text("customer_number"), contract_holder_name="山田 花子"))
    seen: list[str] = []
    answer_message_box("No", seen)
    assert page.save(next_form=False) is None
    assert "03292790000000000001" in seen[0]
    answer_message_box("Yes")
    saved = page.save(next_form=False)
    assert saved is not None and accounts.history(db, saved.id)[0].confirmed_duplicate_account


def search_and_wait(qtbot: QtBot, page: SearchPage) -> None:
    with qtbot.waitSignal(page.model.searchFinished, timeout=5000):
        page.run_search()


def test_search_change_then_history_shows_before_and_after(
    qtbot: QtBot, db: Database, operator: OperatorRef, runner: TaskRunner
) -> None:
    for i, (name, kana) in enumerate(
        [("山田 太郎", "ヤマダ タロウ"), ("佐藤 花子", "サトウ ハナコ"), ("山本 一郎", "ヤマモト イチロウ")]
    ):
        accounts.register(db, sample(contract_holder_name=name, contract_holder_kana=kana, account_holder_kana=kana,
                                     account_number=str(i + 1)), operator)  # fmt: skip
    page = SearchPage(db, operator, runner)
    show(qtbot, page)
    page.inputs["name"].setText("やま")
    with qtbot.waitSignal(page.model.searchFinished, timeout=5000):
        qtbot.keyClick(page.inputs["name"], ENTER)  # Enter searches
    assert page.model.rowCount() == 2 and page.count_label.text() == "2 件"
    assert page.model.index(0, 7).data() == "****001"  # masked in the list
    page.table.selectRow(0)
    assert page.detail.values["account_number"].text() == "****001"  # masked in the detail too
    qtbot.keyClick(page.table, Qt.Key.Key_F9)  # one key reveals it (audited)
    assert page.detail.values["account_number"].text() == "0000001"
    dialog = ChangeDialog(db, operator, page.selected_view(), page)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.form.edits["phone"].setText("090-9999-0000")
    dialog.form.deposit_type.setCurrentIndex(dialog.form.deposit_type.findData(2))
    dialog.save()
    assert "理由" in dialog.message.text()  # a reason is required
    dialog.reason.setText("電話番号の変更届")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    page._reload_row(dialog.result_view)  # type: ignore[arg-type]
    assert page.detail.values["phone"].text() == "090-9999-0000"
    history = HistoryPage(db)
    show(qtbot, history)
    with qtbot.waitSignal(history.searched, timeout=5000):
        history.show_customer("03292790000000000001")
    assert [history.model.index(r, 3).data() for r in range(history.model.rowCount())] == ["変更", "新規登録"]
    assert history.model.index(0, 4).data() == "電話番号の変更届"
    changes = {history.changes.index(r, 0).data(): (history.changes.index(r, 1).data(), history.changes.index(r, 2).data())
               for r in range(history.changes.rowCount())}  # fmt: skip
    # codes are shown as the clerk knows them, not as stored
    assert changes == {"電話番号": ("03-1234-5678", "090-9999-0000"), "預金種目": ("1 普通", "2 当座")}


def test_delete_hides_from_default_search_and_the_filter_finds_it(
    qtbot: QtBot, db: Database, operator: OperatorRef, runner: TaskRunner
) -> None:
    view = accounts.register(db, sample(), operator)
    page = SearchPage(db, operator, runner)
    show(qtbot, page)
    search_and_wait(qtbot, page)
    page.table.selectRow(0)
    dialog = InvalidateDialog(db, operator, view, page)
    qtbot.addWidget(dialog)
    dialog.confirm(ask=False)
    assert "理由" in dialog.message.text()
    dialog.reason.setText("解約")
    answer_message_box("Yes")
    dialog.confirm()
    assert accounts.get_registration(db, view.id).status == "invalidated"
    search_and_wait(qtbot, page)
    assert page.model.rowCount() == 0
    page.status.setCurrentIndex(page.status.findData(RegistrationStatus.INVALIDATED.value))
    search_and_wait(qtbot, page)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert not page.change_button.isEnabled() and not page.delete_button.isEnabled()  # OP-3
    assert page.history_button.isEnabled()
    history = HistoryPage(db)
    show(qtbot, history)
    with qtbot.waitSignal(history.searched, timeout=5000):
        history.show_customer(view.customer_number)
    assert history.model.index(0, 4).data() == "解約"
    assert (history.changes.index(0, 1).data(), history.changes.index(0, 2).data()) == ("入力済（未発送）", "無効")


def test_stale_edit_shows_the_conflict_and_offers_to_reload(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    view = accounts.register(db, sample(), operator)
    tanaka = make_operator(db, "tanaka", "田中 一郎")
    dialog = ChangeDialog(db, operator, view)
    qtbot.addWidget(dialog)
    theirs = accounts.input_from_view(view)
    theirs.address = "大阪府大阪市北区1-1"
    accounts.change(db, view.id, view.version, theirs, "住所変更", tanaka)
    dialog.form.edits["phone"].setText("090-0000-1111")
    dialog.reason.setText("電話番号の変更")
    seen: list[str] = []
    answer_message_box("最新の内容を読み込む", seen)
    dialog.save()
    assert "田中 一郎" in seen[0] and "住所" in seen[0]
    assert dialog.form.text("address") == "大阪府大阪市北区1-1"  # reloaded
    assert accounts.get_registration(db, view.id).phone == "03-1234-5678"  # nothing overwritten


def test_every_table_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, db: Database, operator: OperatorRef, runner: TaskRunner
) -> None:
    for i in range(150):  # more than one page
        accounts.register(db, sample(account_number=str(i + 1)), operator, confirm_duplicate_account=True)
    page = SearchPage(db, operator, runner)
    show(qtbot, page)
    search_and_wait(qtbot, page)
    assert page.model.rowCount() == 150
    last = page.model.index(149, 0)
    assert last.data() == "…"  # not read yet: a worker brings the page
    wait_for(qtbot, lambda: last.data() == "03292790000000000150")
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    history = HistoryPage(db)
    qtbot.addWidget(history)
    with qtbot.waitSignal(history.searched, timeout=5000):
        history.show_customer("03292790000000000001")
    qtmodeltester.check(history.model)  # type: ignore[attr-defined]
    qtmodeltester.check(history.changes)  # type: ignore[attr-defined]


def test_sorting_by_header_runs_in_sql(qtbot: QtBot, db: Database, operator: OperatorRef, runner: TaskRunner) -> None:
    for i, kana in enumerate(["イトウ", "アベ", "ウエダ"]):
        accounts.register(db, sample(contract_holder_kana=kana, account_holder_kana=kana, account_number=str(i + 1)),
                          operator)  # fmt: skip
    page = SearchPage(db, operator, runner)
    show(qtbot, page)
    search_and_wait(qtbot, page)
    with qtbot.waitSignal(page.model.searchFinished, timeout=5000):
        page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert [page.model.index(r, 3).data() for r in range(3)] == ["ウエダ", "イトウ", "アベ"]


def test_export_of_the_current_result(qtbot: QtBot, db: Database, operator: OperatorRef, runner: TaskRunner,
                                      tmp_path: Path) -> None:  # fmt: skip
    accounts.register(db, sample(), operator)
    accounts.register(db, sample(account_number="7", bank_code="9900", branch_code="", deposit_type="",
                                 jp_symbol="00580", jp_number="654321"), operator)  # fmt: skip
    page = SearchPage(db, operator, runner)
    show(qtbot, page)
    search_and_wait(qtbot, page)
    target = tmp_path / "口座一覧.xlsx"
    page.export_results(str(target))
    wait_for(qtbot, lambda: "書き出しました" in page.count_label.text())
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "顧客番号" and len(rows) == 3
    assert rows[1][0] == "03292790000000000001" and rows[1][12] == "1234567"
    assert rows[2][9] == "059" and rows[2][12] == "0654321"  # text, leading zero kept
    assert sheet.column_dimensions["A"].width >= 24  # the 20-digit customer number is not clipped
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    # the dialog offers Excel first, then the two CSVs, each saying what it is for
    filters = page.export_filters()
    assert filters[0].endswith("(*.xlsx)") and "Excel や LibreOffice で開く用" in filters[1]
    assert "取込用" in filters[2] and "値をそのまま" in filters[2]
    target_csv = tmp_path / "list.csv"  # the window's CSV opens in a spreadsheet with its zeros and digits
    page.export_results(str(target_csv))
    wait_for(qtbot, lambda: "list.csv" in page.count_label.text())
    with target_csv.open(encoding="utf-8-sig") as handle:
        row = list(csv.reader(handle))[2]
    assert row[12] == '="0654321"' and row[0] == '="03292790000000000002"'
    machine_csv = tmp_path / "machine.csv"
    page.export_results(str(machine_csv), spreadsheet_csv=False)
    wait_for(qtbot, lambda: "machine.csv" in page.count_label.text())
    with machine_csv.open(encoding="utf-8-sig") as handle:
        assert list(csv.reader(handle))[2][12] == "0654321"


def test_settings_screen_validates_like_the_command_line(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    page = SettingsPage(db, operator)
    show(qtbot, page)
    assert page.edits["consignor_code"].text() == "329273"
    page.edits["consignor_code"].setText("12345")
    assert page.errors["consignor_code"].text() == "委託者コードは6桁の数字です"
    page.save()
    assert settings.get_settings(db).consignor_code == "329273"
    page.edits["consignor_code"].setText("123456")
    page.edits["consignor_name"].setText("株式会社サンプル")
    page.save()
    assert page.message.text() == "保存しました"
    saved = settings.get_settings(db)
    assert (saved.consignor_code, saved.consignor_name) == ("123456", "株式会社サンプル")
    assert qt_api is not None and QApplication.instance() is not None


def test_error_appears_when_the_clerk_tabs_out_of_a_field(qtbot: QtBot, db: Database, operator: OperatorRef) -> None:
    page = NewRegistrationPage(db, operator)
    show(qtbot, page)
    form = page.form
    wait_for(qtbot, lambda: form.edits["customer_number"].hasFocus())
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, "123")
    assert not form.error_labels["customer_number"].isVisible()  # not while typing the first time
    press(qtbot, Qt.Key.Key_Tab)
    assert form.error_labels["customer_number"].isVisible()
    assert form.error_labels["customer_number"].text() == "顧客番号は20桁です（入力は3桁）"


def test_a_large_result_is_paged_with_offset_in_workers(
    qtbot: QtBot, qtmodeltester: object, db: Database, operator: OperatorRef, runner: TaskRunner
) -> None:
    for i in range(230):
        accounts.register(db, sample(account_number=str(i + 1)), operator, confirm_duplicate_account=True)
    page = SearchPage(db, operator, runner)
    page.model.IDS_LIMIT = 100  # this result counts as large: no ids held, pages read with OFFSET
    show(qtbot, page)
    search_and_wait(qtbot, page)
    assert page.model.rowCount() == 230
    last = page.model.index(229, 0)
    wait_for(qtbot, lambda: last.data() == "03292790000000000230")
    middle = page.model.index(150, 0)
    wait_for(qtbot, lambda: middle.data() == "03292790000000000151")
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert len(page.model.all_ids()) == 230  # an export still gets every id


def test_request_forms_from_the_selection_preview_and_print(
    qtbot: QtBot, db: Database, operator: OperatorRef, runner: TaskRunner, tmp_path: Path
) -> None:
    from pypdf import PdfReader
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrinter

    from app.services import settings
    from ui.forms.dialog import RequestFormOptions, print_pdf

    settings.update_settings(db, {"consignor_category": "12", "consignor_name": "株式会社サンプル商事"}, operator)
    for i in range(3):
        accounts.register(db, sample(account_number=str(i + 1)), operator, confirm_duplicate_account=True)
    page = SearchPage(db, operator, runner)
    show(qtbot, page)
    search_and_wait(qtbot, page)
    page.table.selectAll()
    assert len(page.selected_ids()) == 3

    def choose_carbon() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RequestFormOptions):
            QTimer.singleShot(20, choose_carbon)
            return
        dialog.form_type.setCurrentIndex(dialog.form_type.findData("carbon"))
        dialog.reissue.setChecked(True)
        dialog.reason.setText("口座番号相違のため")
        dialog.accept()

    QTimer.singleShot(20, choose_carbon)
    page.print_request_forms()
    wait_for(qtbot, lambda: page.last_preview is not None, timeout=15_000)
    preview = page.last_preview
    assert preview is not None
    assert preview.document.pageCount() == 18  # 3 forms x 3 copies, each with its back  # type: ignore[attr-defined]
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(preview.document, printer) == 18  # type: ignore[attr-defined]
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 18
    preview.close()


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [
        ("status", "returned", "不備返却"),
        ("status", "someday", "someday"),  # an unknown code is shown as stored, never hidden
        ("deposit_type", 9, "9 その他"),
        ("method", "web", "WEB"),
        ("monthly_amount", 12000, "12,000円"),
        ("corrected", True, "はい"),
        ("checklist", {"seal": True, "spare_seal": False}, "届出印が押されている ✓、捨印が押されている —"),
        ("phone", None, "（なし）"),
    ],
)
def test_history_values_read_as_a_clerk_reads_them(name: str, value: object, shown: str) -> None:
    assert value_text(value, name) == shown


def test_history_search_says_when_there_are_more_than_it_shows(
    qtbot: QtBot, db: Database, operator: OperatorRef, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        accounts.register(db, sample(account_number=str(i + 1)), operator)
    history = HistoryPage(db)
    show(qtbot, history)
    monkeypatch.setattr("ui.accounts.history_page.HISTORY_ROWS", 2)
    with qtbot.waitSignal(history.searched, timeout=5000):
        history.run_search()
    assert history.model.rowCount() == 2
    assert history.count_label.text() == "新しい順に 2 件を表示（さらにあります。条件で絞り込んでください）"
    monkeypatch.setattr("ui.accounts.history_page.HISTORY_ROWS", 3)
    with qtbot.waitSignal(history.searched, timeout=5000):
        history.run_search()
    assert history.model.rowCount() == 3 and history.count_label.text() == "3 件"


def test_search_detail_reads_its_lifecycle_in_the_background_in_plain_words(
    qtbot: QtBot, db: Database, operator: OperatorRef, runner: TaskRunner
) -> None:
    accounts.register(db, sample(), operator)
    page = SearchPage(db, operator, runner)
    show(qtbot, page)
    search_and_wait(qtbot, page)
    page.table.clearSelection()
    with qtbot.waitSignal(page.detailShown, timeout=5000):
        page.table.selectRow(0)
    shown = page.detail.values["next_action"].text()
    assert shown.startswith("次の発送に含めて送付します") and "振替に間に合わせるには" in shown
    assert page.detail.values["lifecycle"].text() == "入力済・未発送（新規）"
    for label in page.detail.values.values():  # no command, option or rule id reaches the clerk
        assert "kofuri" not in label.text() and "--" not in label.text() and "REG-" not in label.text()

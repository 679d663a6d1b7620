"""OP-3 on the screens: for each role, every page of the main window shows only the buttons and menu items that
role may use (the services refuse the rest as well), and a shown button is enabled only when the record's state
allows it. Real widgets, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import operators
from app.services.operators import OperatorRef, Role
from ui.main_window import MainWindow

PASSWORD = "role-password-1"

AREAS = {
    Role.CLERK: ["新規口座登録", "口座検索", "登録履歴", "発送・不備返却", "振替結果", "お知らせ"],
    Role.SUPERVISOR: [
        "新規口座登録", "口座検索", "登録履歴", "発送・不備返却", "請求", "振替結果", "お知らせ", "加盟店設定",
        "担当者", "監査ログ",
    ],
    Role.AUDITOR: ["口座検索", "登録履歴", "発送・不備返却", "請求", "振替結果", "お知らせ", "監査ログ"],
}  # fmt: skip

# page attribute → control attribute → the roles that see it
SHOWN: dict[str, dict[str, set[Role]]] = {
    "search_page": {
        "change_button": {Role.CLERK, Role.SUPERVISOR},
        "delete_button": {Role.SUPERVISOR},
        "history_button": set(Role),
        "forms_button": {Role.CLERK, Role.SUPERVISOR},
        "export_button": {Role.SUPERVISOR},
    },
    "paper_page": {
        "create_button": {Role.CLERK, Role.SUPERVISOR},
        "send_button": {Role.CLERK, Role.SUPERVISOR},
        "cover_button": {Role.CLERK, Role.SUPERVISOR},
        "checked_button": {Role.CLERK, Role.SUPERVISOR},
        "send_anyway_button": {Role.SUPERVISOR},
        "add_return_button": {Role.CLERK, Role.SUPERVISOR},
        "open_return_button": {Role.CLERK, Role.SUPERVISOR},
    },
    "billing_page": {
        "prepare_button": {Role.SUPERVISOR},
        "import_button": {Role.SUPERVISOR},
        "remove_button": {Role.SUPERVISOR},
        "stop_button": {Role.SUPERVISOR},
        "xlsx_button": {Role.SUPERVISOR},
        "zengin_button": {Role.SUPERVISOR},
        "final": {Role.SUPERVISOR},
        "preview_button": {Role.SUPERVISOR, Role.AUDITOR},
    },
    "results_page": {
        "import_button": {Role.SUPERVISOR},
        "replace_box": {Role.SUPERVISOR},
        "update_button": {Role.CLERK, Role.SUPERVISOR},
        "ledger_button": set(Role),
        "rebill_button": {Role.SUPERVISOR},
        "settle_button": {Role.SUPERVISOR},
    },
    "notices_page": {
        name: {Role.CLERK, Role.SUPERVISOR}
        for name in ("send_button", "letters_button", "letter_button", "delivered_button", "again_button")
    },
}

# the 操作 menu (the selected registration in 口座検索) and the File menu
MENU = {
    Role.CLERK: {"変更(&E)…", "履歴(&I)", "台帳(&L)", "依頼書を印刷(&P)…", "口座番号を表示(&R)"},
    Role.SUPERVISOR: {"変更(&E)…", "削除（無効化）(&D)…", "履歴(&I)", "台帳(&L)", "依頼書を印刷(&P)…", "口座番号を表示(&R)"},
    Role.AUDITOR: {"履歴(&I)", "台帳(&L)"},
}  # fmt: skip
FILE_MENU = {
    Role.CLERK: {"番号入り白紙の依頼書(&B)…", "終了(&Q)"},
    Role.SUPERVISOR: {"検索結果を書き出す(&X)…", "番号入り白紙の依頼書(&B)…", "終了(&Q)"},
    Role.AUDITOR: {"終了(&Q)"},
}


def _staff(db: Database) -> dict[Role, OperatorRef]:
    boss = operators.create_first_supervisor(db, "boss", "責任者 太郎", PASSWORD)
    return {
        Role.SUPERVISOR: boss,
        Role.CLERK: operators.add_operator(db, boss, "jimu", "事務 花子", Role.CLERK, PASSWORD),
        Role.AUDITOR: operators.add_operator(db, boss, "kansa", "監査 次郎", Role.AUDITOR, PASSWORD),
    }


def _hidden(widget: QWidget) -> bool:
    """Hidden on purpose (a widget on a tab not shown is not visible either, but it is not hidden)."""
    return widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)


def _menu_texts(window: MainWindow, title: str) -> set[str]:
    for action in window.menuBar().actions():
        if action.text() == title and action.menu() is not None:
            return {a.text() for a in action.menu().actions() if a.isVisible() and not a.isSeparator()}  # type: ignore[union-attr]
    raise AssertionError(f"no menu {title}")


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_each_role_sees_only_the_areas_buttons_and_menu_items_it_may_use(
    qtbot: QtBot, db: Database, tmp_path: Path, role: Role
) -> None:
    operator = _staff(db)[role]
    window = MainWindow(db, operator, attachments=tmp_path)
    qtbot.addWidget(window)
    areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert areas == AREAS[role]
    for page_name, controls in SHOWN.items():
        page: QWidget = getattr(window, page_name)
        if window.pages.indexOf(page) < 0:
            continue  # the area is not offered to this role at all
        for control_name, roles in controls.items():
            control = getattr(page, control_name)
            seen = control.isVisible() if isinstance(control, QAction) else not _hidden(control)
            assert seen == (role in roles), f"{role.value}: {page_name}.{control_name} shown={seen}"
    assert _menu_texts(window, "操作(&O)") == MENU[role]
    assert _menu_texts(window, "ファイル(&F)") == FILE_MENU[role]
    # hidden actions' shortcuts do not fire either: a clerk's Del on a registration does nothing
    assert window.search_page.delete_action.isVisible() == (role == Role.SUPERVISOR)


def test_buttons_follow_the_records_state(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    """Nothing selected: a follow-up takes no contact, no shipment is marked sent; after a shipment is made,
    selecting it enables 発送済みにする until it is sent."""
    from datetime import date

    from app.services.paper import shipments
    from tests import factories

    clerk = _staff(db)[Role.CLERK]
    factories.keyed(db, clerk, 1)
    window = MainWindow(db, clerk, attachments=tmp_path)
    qtbot.addWidget(window)
    results_page, paper = window.results_page, window.paper_page
    assert not results_page.update_button.isEnabled() and not results_page.ledger_button.isEnabled()
    assert not paper.send_button.isEnabled() and not paper.cover_button.isEnabled()
    made = shipments.create_shipment(db, clerk)
    paper.refresh()
    qtbot.waitUntil(lambda: made.id in paper.shipments_model.keys, timeout=5000)
    paper.shipments_table.selectRow(paper.shipments_model.keys.index(made.id))
    assert paper.send_button.isEnabled() and paper.cover_button.isEnabled()
    shipments.send_shipment(db, made.id, date.today(), clerk)
    paper.refresh()
    qtbot.waitUntil(lambda: not paper.send_button.isEnabled(), timeout=5000)
    assert paper.cover_button.isEnabled()  # a sent shipment's cover sheet can still be printed

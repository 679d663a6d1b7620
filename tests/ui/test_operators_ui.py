"""The login window, a locked ID unlocked by a supervisor, the audit log screen, the idle lock (real widgets)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import operators
from app.services.operators import Role
from tests.ui.conftest import answer_message_box
from ui.main_window import MainWindow
from ui.operators.login import FirstSupervisorDialog, LoginDialog

PASSWORD = "boss-password-1"


def log_in(qtbot: QtBot, dialog: LoginDialog, login_id: str, password: str) -> None:
    dialog.login_id.setText(login_id)
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_login_lock_unlock_and_the_audit_rows(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    first = FirstSupervisorDialog(db)
    qtbot.addWidget(first)
    first.login_id.setText("boss")
    first.name.setText("責任者 太郎")
    first.password.setText(PASSWORD)
    first.again.setText(PASSWORD)
    first._create()
    assert first.operator is not None and first.operator.role == Role.SUPERVISOR
    operators.add_operator(db, first.operator, "jimu", "事務 花子", Role.CLERK, "clerk-password-1")

    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    log_in(qtbot, dialog, "boss", PASSWORD)
    assert dialog.operator is not None and dialog.operator.login_id == "boss"
    boss = dialog.operator

    other = LoginDialog(db)
    qtbot.addWidget(other)
    other.show()
    for _ in range(3):
        log_in(qtbot, other, "jimu", "wrong-password")
    assert other.operator is None and "ロックされています" in other.message.text()
    log_in(qtbot, other, "jimu", "clerk-password-1")
    assert other.operator is None and "ロックされています" in other.message.text()

    window = MainWindow(db, boss, attachments=tmp_path)
    qtbot.addWidget(window)
    window.show()
    page = window.operators_page
    assert page is not None
    window.go_to(page)
    rows = {page.model.rows[i][0]: page.model.rows[i] for i in range(page.model.rowCount())}
    assert rows["jimu"][3] == "ロック中"
    page.select("jimu")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert "ロックを解除しました" in page.message.text()
    assert {page.model.rows[i][0]: page.model.rows[i][3] for i in range(page.model.rowCount())}["jimu"] == ""
    log_in(qtbot, other, "jimu", "clerk-password-1")
    assert other.operator is not None and other.operator.login_id == "jimu"

    audit = window.audit_page
    assert audit is not None
    window.go_to(audit)
    audit.login_id.setText("jimu")
    qtbot.keyClick(audit.login_id, Qt.Key.Key_Return)
    kinds = [audit.model.rows[i][2] for i in range(audit.model.rowCount())]
    assert kinds[:5] == ["ログイン", "ロック解除", "ログイン失敗", "ロック", "ログイン失敗"]  # newest first
    assert all(audit.model.rows[i][4] for i in range(audit.model.rowCount()))  # the machine's name


def test_a_clerk_sees_only_what_the_role_may_use(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    boss = operators.create_first_supervisor(db, "boss", "責任者", PASSWORD)
    clerk = operators.add_operator(db, boss, "jimu", "事務 花子", Role.CLERK, "clerk-password-1")
    window = MainWindow(db, clerk, attachments=tmp_path)
    qtbot.addWidget(window)
    areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert areas == ["新規口座登録", "口座検索", "登録履歴", "発送・不備返却", "振替結果", "お知らせ"]
    assert window.search_page.change_button.isVisibleTo(window.search_page)
    assert not window.search_page.delete_button.isVisibleTo(window.search_page)  # invalidation: a supervisor's
    assert not window.search_page.export_button.isVisibleTo(window.search_page)


def test_the_idle_lock_covers_the_window_and_a_half_typed_form_survives(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    boss = operators.create_first_supervisor(db, "boss", "責任者", PASSWORD)
    window = MainWindow(db, boss, attachments=tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(window.new_page)
    window.new_page.form.edits["contract_holder_name"].setText("書きかけ 太郎")
    window.idle_guard.minutes = 0  # the set minutes have passed
    window.idle_guard.check()
    overlay = window.idle_guard.overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect() and not window.menuBar().isEnabled()
    overlay.password.setText("wrong-password")
    overlay.unlock()
    assert overlay.isVisible() and "ログインIDまたはパスワード" in overlay.message.text()
    overlay.password.setText(PASSWORD)
    overlay.unlock()
    assert not overlay.isVisible() and window.menuBar().isEnabled()
    assert window.new_page.form.edits["contract_holder_name"].text() == "書きかけ 太郎"
    # the half-typed form makes closing ask: the test answers, so no question outlives it
    seen: list[str] = []
    answer_message_box("Yes", seen)
    window.close()
    assert not window.isVisible() and "保存していない入力" in seen[0]


def test_maintenance_started_elsewhere_locks_the_window_at_the_next_action(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    boss = operators.create_first_supervisor(db, "boss", "責任者", PASSWORD)
    clerk = operators.add_operator(db, boss, "jimu", "事務 花子", Role.CLERK, "clerk-password-1")
    window = MainWindow(db, clerk, attachments=tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = operators.start_maintenance(db, boss, datetime.now(UTC) + timedelta(hours=1), "バックアップ")
    window.idle_guard.check()
    until = operators.maintenance_text(view)
    assert f"メンテナンス中です（{until} まで）" in window.statusBar().currentMessage()
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton)
    overlay = window.idle_guard.overlay
    assert overlay.isVisible() and f"メンテナンス中です（{until} まで）" in overlay.reason.text()
    overlay.password.setText("clerk-password-1")
    overlay.unlock()
    assert overlay.isVisible() and "メンテナンス中です" in overlay.message.text()  # not until it ends

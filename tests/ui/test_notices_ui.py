"""お知らせ screen and the main window's banner, with real widgets, a real database and a real SMTP server."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pdfplumber
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import billing, notices
from app.services.operators import OperatorRef
from tests.notices.test_notices import configure_smtp, customer
from tests.smtp_server import SmtpServer
from ui.main_window import MainWindow


def _lock_month_due_today(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    """A month whose debit date is today or later, so its reminders are due now (the screen reads today)."""
    customer(db, operator, "1234567", email="taro@example.jp")
    customer(db, operator, "2", contract_holder_name="佐藤 花子", postal_code="0600001", notice_channel="郵送")
    today = date.today()
    month = f"{today.year:04d}-{today.month:02d}"
    billing.prepare_month(db, month, operator)
    billing.export_month(db, month, "xlsx", tmp_path / "m.xlsx", operator, final=True, today=today - timedelta(days=40))
    # what is due today for the banner: put each reminder's due date on today
    from sqlalchemy import update

    from app.db.models import Notice

    with db.write() as session:
        session.execute(update(Notice).where(Notice.kind == "reminder_before").values(due=today))


def test_banner_screen_send_now_and_print_letters(
    qtbot: QtBot, db: Database, operator: OperatorRef, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    configure_smtp(db, operator, smtp_server.port)
    _lock_month_due_today(db, operator, tmp_path)
    window = MainWindow(db, operator, attachments=tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert window.banner_label.text() == "今日が予定日の振替案内のうち 2 件がまだ送られていません"
    go_menu = window.menuBar().actions()[1].menu()
    assert go_menu is not None
    action = next(a for a in go_menu.actions() if a.text() == "お知らせ")
    assert action.shortcut().toString() == "Ctrl+M"
    action.trigger()
    page = window.notices_page
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert [page.model.rows[r][6] for r in range(2)] == ["予定", "予定"]
    page.table.selectRow(0)
    assert "件名: 【さくら水道株式会社】口座振替のご案内" in page.preview.toPlainText()
    assert "****567" in page.preview.toPlainText() or "****002" in page.preview.toPlainText()
    page.send_button.click()
    qtbot.waitUntil(lambda: "送信 1 件" in page.message.text(), timeout=10_000)
    assert len(smtp_server.received) == 1
    pdf = tmp_path / "letters.pdf"
    page.print_letters(str(pdf))
    qtbot.waitUntil(lambda: "印刷済にしました" in page.message.text(), timeout=10_000)
    with pdfplumber.open(pdf) as document:
        assert "佐藤 花子 様" in (document.pages[0].extract_text() or "")
    qtbot.waitUntil(lambda: not window.banner.isVisible())
    assert {n.state for n in notices.list_notices(db) if n.kind == "reminder_before"} == {"sent", "printed"}
    window.close()

"""Customer notices (OP-5): planned by the lock, cancelled by a stop, failure notices per result code, sent
through a real SMTP server on localhost (aiosmtpd) and read back, never twice, letters as a real PDF."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from app.db.database import Database
from app.domain.account_fields import RegistrationStatus
from app.domain.errors import InvalidValue
from app.domain.registration import RegistrationInput
from app.services import accounts, billing, notices, settings
from app.services.operators import OperatorRef
from tests.smtp_server import SmtpServer, free_port

MONTH = "2027-02"  # debit date Monday 2027-03-01; 3 days before is Friday 2027-02-26
LOCK_DAY = date(2027, 2, 5)
BEFORE = date(2027, 2, 26)
DEBIT = date(2027, 3, 1)


def customer(db: Database, operator: OperatorRef, account: str, **overrides: str) -> accounts.RegistrationView:
    values = dict(contract_holder_name="山田 太郎", contract_holder_kana="ヤマダ タロウ", bank_code="0005",
                  branch_code="001", deposit_type="1", account_number=account, account_holder_kana="ヤマダ タロウ",
                  monthly_amount="3300", postal_code="1000001", address="東京都千代田区千代田1-1")  # fmt: skip
    values.update(overrides)
    raw = RegistrationInput(**values)  # type: ignore[arg-type]
    raw.status = RegistrationStatus.COMPLETE
    return accounts.register(db, raw, operator, confirm_duplicate_account=True)


def configure_smtp(db: Database, operator: OperatorRef, port: int) -> None:
    settings.update_settings(
        db,
        {"consignor_name": "さくら水道株式会社", "merchant_phone": "03-1234-5678", "merchant_address": "東京都港区芝1-2-3",
         "smtp_host": "127.0.0.1", "smtp_port": str(port), "smtp_security": "none",
         "smtp_sender": "billing@sakura-water.example.jp", "smtp_reply_to": "support@sakura-water.example.jp"},
        operator,
    )  # fmt: skip


def lock(db: Database, operator: OperatorRef, tmp_path: Path) -> None:
    billing.export_month(db, MONTH, "xlsx", tmp_path / "month.xlsx", operator, final=True, today=LOCK_DAY)


@pytest.fixture
def month_locked(db: Database, operator: OperatorRef, tmp_path: Path) -> dict[str, accounts.RegistrationView]:
    people = {
        "mail": customer(db, operator, "1234567", email="taro@example.jp"),
        "letter": customer(
            db,
            operator,
            "2",
            contract_holder_name="佐藤 花子",
            postal_code="0600001",
            address="北海道札幌市中央区北一条西1",
            notice_channel="郵送",
        ),
        "none": customer(
            db, operator, "3", contract_holder_name="鈴木 一郎", email="ichiro@example.jp", notice_channel="なし"
        ),
        "removed": customer(db, operator, "4", contract_holder_name="田中 次郎", email="jiro@example.jp"),
    }
    billing.prepare_month(db, MONTH, operator)
    billing.remove_customer(db, MONTH, people["removed"].customer_number, operator)
    lock(db, operator, tmp_path)
    return people


def test_locking_plans_two_reminders_per_line_in_the_file(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView], tmp_path: Path
) -> None:
    planned = notices.list_notices(db)
    got = {(n.customer_number, n.kind, n.channel, n.due, n.state) for n in planned}
    mail, letter = month_locked["mail"].customer_number, month_locked["letter"].customer_number
    assert got == {
        (mail, "reminder_before", "email", BEFORE, "planned"),
        (mail, "reminder_day", "email", DEBIT, "planned"),
        (letter, "reminder_before", "letter", BEFORE, "planned"),
        (letter, "reminder_day", "letter", DEBIT, "planned"),
    }  # no notice for "none", none for the customer left out of the file
    billing.export_month(db, MONTH, "xlsx", tmp_path / "again.xlsx", operator, final=True, today=LOCK_DAY)
    assert len(notices.list_notices(db)) == 4  # the already-locked month plans nothing twice


def test_reminder_before_moves_back_to_a_business_day() -> None:
    from app.domain.notices import NoticeKind, reminder_dates

    # 2027-01-27 is a Wednesday: 3 days before is Sunday 24th → Friday 22nd
    assert reminder_dates(date(2027, 1, 27))[NoticeKind.REMINDER_BEFORE] == date(2027, 1, 22)
    assert reminder_dates(date(2027, 1, 27))[NoticeKind.REMINDER_DAY] == date(2027, 1, 27)


def test_reminders_go_through_a_real_smtp_server_once(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView], smtp_server: SmtpServer
) -> None:
    configure_smtp(db, operator, smtp_server.port)
    assert notices.send_due(db, operator, as_of=BEFORE - date.resolution).sent == []  # nothing due yet
    result = notices.send_due(db, operator, as_of=BEFORE)
    assert len(result.sent) == 1 and result.letters_waiting == 2
    (mail,) = smtp_server.received
    assert mail.recipients == ["taro@example.jp"]
    assert mail.subject == "【さくら水道株式会社】口座振替のご案内（2027年3月1日（月））"
    assert str(mail.message["From"]) == "さくら水道株式会社 <billing@sakura-water.example.jp>"
    assert str(mail.message["To"]) == "山田 太郎 様 <taro@example.jp>"
    assert str(mail.message["Reply-To"]) == "さくら水道株式会社 <support@sakura-water.example.jp>"
    assert mail.message.get_content_charset() == "utf-8"
    assert "=?utf-8?" in mail.message.as_string().split("\n\n")[0].lower() or "=?UTF-8?" in mail.message.as_string()
    body = mail.body
    assert "山田 太郎 様" in body and "3,300円" in body and "2027年2月28日（日）" in body  # deposit by the day before
    assert "****567" in body and "1234567" not in body  # the account number masked
    assert "03-1234-5678" in body and "support@sakura-water.example.jp" in body
    sent = notices.list_notices(db, state="sent")
    assert [(n.kind, n.recipient, n.done_by, n.attempts) for n in sent] == [
        ("reminder_before", "taro@example.jp", operator.name, 1)
    ]
    assert sent[0].message_id == str(mail.message["Message-ID"])
    assert notices.send_due(db, operator, as_of=BEFORE).sent == []  # never twice
    assert len(smtp_server.received) == 1


def test_a_refusing_server_fails_with_its_answer_then_retry_or_letter(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView], smtp_server: SmtpServer
) -> None:
    configure_smtp(db, operator, smtp_server.port)
    smtp_server.handler.refuse.add("taro@example.jp")
    result = notices.send_due(db, operator, as_of=BEFORE)
    assert result.sent == [] and len(result.failed) == 1
    (failed,) = notices.list_notices(db, state="failed")
    assert failed.last_error.startswith("550 5.1.1") and "mailbox unavailable" in failed.last_error
    assert smtp_server.received == []
    smtp_server.handler.refuse.clear()
    assert len(notices.send_due(db, operator, as_of=BEFORE).sent) == 1  # retried later
    assert len(smtp_server.received) == 1
    smtp_server.handler.refuse.add("taro@example.jp")
    notices.send_due(db, operator, as_of=DEBIT)
    (failed,) = notices.list_notices(db, state="failed")
    assert notices.fall_back_to_letter(db, [failed.id], operator) == 1
    moved = notices.get_notice(db, failed.id)
    assert (moved.channel, moved.state) == ("letter", "planned")
    actions = [action for _, _, action, _, _ in notices.notice_events(db, failed.id)]
    assert actions == ["plan", "claim", "fail", "to_letter"]


def test_a_server_that_is_down_leaves_the_notice_planned_with_the_answer(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView]
) -> None:
    configure_smtp(db, operator, free_port())  # nothing listens there
    result = notices.send_due(db, operator, as_of=BEFORE)
    assert result.sent == [] and "に接続できません" in result.error
    (due,) = [n for n in notices.list_notices(db, due_by=BEFORE) if n.channel == "email"]
    assert due.state == "planned" and due.attempts == 1 and "127.0.0.1" in due.last_error


def test_a_crash_between_send_and_commit_sends_no_second_message(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView], smtp_server: SmtpServer
) -> None:
    configure_smtp(db, operator, smtp_server.port)
    script = textwrap.dedent("""
        import os, sys
        from datetime import date
        from app.db.database import Database
        from app.services import notices
        from app.services.operators import get_operator
        db = Database(sys.argv[1])
        notices.send_due(db, get_operator(db, "system"), as_of=date(2027, 2, 26),
                         after_send=lambda notice_id: os._exit(3))  # the process dies before the commit
    """)
    crashed = subprocess.run([sys.executable, "-c", script, db.url], cwd=Path(__file__).parents[2], check=False)
    assert crashed.returncode == 3
    assert len(smtp_server.received) == 1
    (unconfirmed,) = notices.list_notices(db, state="sending")
    assert unconfirmed.message_id == str(smtp_server.received[0].message["Message-ID"])
    result = notices.send_due(db, operator, as_of=BEFORE)
    assert result.sent == [] and result.unconfirmed == 1
    assert len(smtp_server.received) == 1  # not sent again blindly
    assert notices.unsent_reminders_due(db, BEFORE) == 2  # the banner still counts it (and the letter)
    confirmed = notices.resolve_unconfirmed(db, unconfirmed.id, True, operator)
    assert confirmed.state == "sent"
    with pytest.raises(InvalidValue):
        notices.resolve_unconfirmed(db, unconfirmed.id, False, operator)


def test_a_stop_after_the_lock_cancels_the_lines_reminders(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView], smtp_server: SmtpServer
) -> None:
    configure_smtp(db, operator, smtp_server.port)
    number = month_locked["mail"].customer_number
    billing.stop_line(db, MONTH, number, "お客様から停止の申し出", operator, today=date(2027, 2, 8))
    states = {n.kind: n.state for n in notices.list_notices(db, customer_number=number)}
    assert states == {"reminder_before": "cancelled", "reminder_day": "cancelled"}
    assert notices.send_due(db, operator, as_of=DEBIT).sent == []
    assert smtp_server.received == []


def test_failure_notices_are_worded_per_result_code_without_legal_causes(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView], smtp_server: SmtpServer
) -> None:
    configure_smtp(db, operator, smtp_server.port)
    mail, letter = month_locked["mail"].customer_number, month_locked["letter"].customer_number
    failed = [notices.FailedDebit(mail, "3"), notices.FailedDebit(letter, "1")]
    with db.write() as session:
        assert notices.plan_failure_notices(session, MONTH, failed, today=date(2027, 3, 5)) == 2
        assert notices.plan_failure_notices(session, MONTH, failed, today=date(2027, 3, 5)) == 0  # once
    notices.send_due(db, operator, as_of=date(2027, 3, 5))
    failure = [m for m in smtp_server.received if "できませんでした" in m.subject]
    assert len(failure) == 1
    body = failure[0].body
    assert "お引き落としができない状態" in body
    for cause in ("差押", "死亡", "相続", "預金者都合", "振替停止"):
        assert cause not in body
    (letter_notice,) = [n for n in notices.list_notices(db, customer_number=letter) if n.kind == "failure"]
    text = notices.preview(db, letter_notice.id).body
    assert "残高が不足" in text


def test_letters_one_pdf_sorted_by_postal_code_marked_printed(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView], tmp_path: Path
) -> None:
    configure_smtp(db, operator, free_port())
    early = customer(
        db, operator, "5", contract_holder_name="高橋 三郎", postal_code="0010001", address="北海道札幌市北区"
    )
    with db.write() as session:  # a letter notice for a customer with a lower postal code
        from app.db.models import AccountRegistration

        row = session.get(AccountRegistration, early.id)
        assert row is not None
    (failed_mail,) = [n for n in notices.list_notices(db) if n.channel == "email" and n.kind == "reminder_before"]
    out = tmp_path / "letters.pdf"
    result = notices.render_letters(db, out, operator, as_of=BEFORE)
    assert result.letters == 2 and out.is_file()
    with pdfplumber.open(out) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) == 2
    assert "〒060-0001" in pages[0] and "佐藤 花子 様" in pages[0] and "振替日の事前案内" in pages[0]
    assert "振替日当日の案内" in pages[1]
    assert "****002" in pages[0].replace(" ", "") or "****002" in pages[0]
    assert {n.state for n in notices.list_notices(db) if n.channel == "letter"} == {"printed"}
    assert notices.get_notice(db, failed_mail.id).state == "planned"
    with pytest.raises(InvalidValue) as none_left:
        notices.render_letters(db, tmp_path / "again.pdf", operator, as_of=BEFORE)
    assert none_left.value.code == "notices.letters_none"
    assert not (tmp_path / "again.pdf").exists()


def test_the_merchants_own_template_takes_precedence(
    db: Database, operator: OperatorRef, month_locked: dict[str, accounts.RegistrationView], tmp_path: Path
) -> None:
    own = tmp_path / "userforms" / "notices"
    own.mkdir(parents=True)
    (own / "reminder_before.txt").write_text("件名: {name}様へ\n\n独自の文面 {amount}円\n", encoding="utf-8")
    (notice,) = [n for n in notices.list_notices(db) if n.channel == "email" and n.kind == "reminder_before"]
    rendered = notices.preview(db, notice.id, tmp_path / "userforms")
    assert (rendered.subject, rendered.body) == ("山田 太郎様へ", "独自の文面 3,300円\n")


def test_smtp_password_is_refused_where_no_keyring_exists(db: Database, operator: OperatorRef) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    settings.set_setting(db, "smtp_user", "billing", operator)
    with pytest.raises(InvalidValue) as refused:
        notices.set_smtp_password(db, "s3cret", operator)
    assert refused.value.code == "notices.no_keyring"
    assert "s3cret" not in refused.value.message


def test_email_and_channel_are_checked_on_the_registration(db: Database, operator: OperatorRef) -> None:
    from app.domain.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as bad:
        customer(db, operator, "7", email="taro@@example", notice_channel="メール")
    assert [e.field for e in bad.value.errors] == ["email"]
    with pytest.raises(ValidationFailed) as missing:
        customer(db, operator, "7", notice_channel="メール")
    assert missing.value.errors[0].message == "通知方法がメールのときはメールアドレスを入力してください"
    view = customer(db, operator, "7", email=" Taro@EXAMPLE.jp ")
    assert (view.email, view.notice_channel) == ("Taro@example.jp", "email")
    changed = accounts.change(
        db, view.id, view.version,
        accounts.input_from_view(view).__class__(**{**accounts.input_from_view(view).__dict__, "notice_channel": "郵送"}),
        "お客様の希望", operator,
    )  # fmt: skip
    assert changed.notice_channel == "letter"
    entry = accounts.history(db, view.id)[-1]
    assert entry.changes["notice_channel"] == ["email", "letter"]


def test_the_importer_reads_email_and_channel_and_the_export_writes_them(
    db: Database, operator: OperatorRef, tmp_path: Path
) -> None:
    source = tmp_path / "accounts.csv"
    source.write_text(
        "契約者名,契約者名カナ,銀行コード,支店コード,預金種目,口座番号,口座名義カナ,メールアドレス,通知方法\n"
        "山田 太郎,ヤマダ タロウ,0005,001,1,1234567,ヤマダ タロウ,taro@example.jp,メール\n"
        "佐藤 花子,サトウ ハナコ,0005,001,1,7654321,サトウ ハナコ,,郵送\n"
        "鈴木 一郎,スズキ イチロウ,0005,001,1,1111111,スズキ イチロウ,,なし\n",
        encoding="utf-8",
    )
    result = accounts.import_accounts(db, source, operator)
    assert result.ok, result.problems
    assert [(v.email, v.notice_channel) for v in result.registered] == [
        ("taro@example.jp", "email"),
        ("", "letter"),
        ("", "none"),
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "契約者名,契約者名カナ,銀行コード,支店コード,預金種目,口座番号,口座名義カナ,メールアドレス,通知方法\n"
        "山田 次郎,ヤマダ ジロウ,0005,001,1,2222222,ヤマダ ジロウ,jiro@,FAX\n",
        encoding="utf-8",
    )
    refused = accounts.import_accounts(db, bad, operator)
    assert [(p.row, p.column) for p in refused.problems] == [(2, "メールアドレス"), (2, "通知方法")]
    out = tmp_path / "out.csv"
    from app.services.accounts.exporting import export_registrations

    export_registrations(db, [v.id for v in result.registered], out)
    import csv

    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-2:] == ["メールアドレス", "通知方法"]
    assert [r[-2:] for r in rows[1:]] == [["taro@example.jp", "メール"], ["", "郵送"], ["", "なし"]]


def test_a_paper_registration_confirmed_plans_one_confirmation_notice(db: Database, operator: OperatorRef) -> None:
    raw = RegistrationInput(contract_holder_name="山田 太郎", contract_holder_kana="ヤマダ タロウ", bank_code="0005",
                            branch_code="001", deposit_type="1", account_number="1234567",
                            account_holder_kana="ヤマダ タロウ", email="taro@example.jp")  # fmt: skip
    view = accounts.register(db, raw, operator)
    assert notices.list_notices(db) == []
    view = accounts.set_status(db, view.id, view.version, RegistrationStatus.COMPLETE, "銀行で登録済", operator)
    (notice,) = notices.list_notices(db)
    assert (notice.kind, notice.channel, notice.state) == ("confirmation", "email", "planned")
    body = notices.preview(db, notice.id).body
    assert "お手続きが、金融機関で完了いたしました" in body and "****567" in body

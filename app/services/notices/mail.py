"""Sending the outbox's e-mails through the merchant's SMTP server, never one twice.

Each notice is claimed in its own committed transaction before its message leaves (state `sending`, attempts
+1, its Message-ID recorded), and marked `sent` in another after the server accepted it. A run that dies
between the two leaves the notice `sending`: the next run does NOT send it again blindly; the screen lists it
as unconfirmed with its Message-ID, and a person who checked (the server's log, the mailbox, the customer)
marks it sent or plans it again (outbox.resolve_unconfirmed). A server that refuses a message gives `failed`
with its answer (retried by the next run, or moved to a letter); a server that cannot be reached changes no
state and records its answer on each due notice. The password is read from the operating system's keyring.
"""

from __future__ import annotations

import contextlib
import logging
import os
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import messages
from app.db.database import Database
from app.db.models import AccountRegistration, Notice, utcnow
from app.domain.errors import InvalidValue
from app.domain.notices import Channel, NoticeState
from app.services.notices.outbox import move_notice
from app.services.notices.templates import RenderedNotice, render_notice
from app.services.operators import Action, OperatorRef, require
from app.services.operators.audit import audit
from app.services.settings import SettingsView, get_settings

log = logging.getLogger("kofuri.notices")
KEYRING_SERVICE = "KofuriDesk SMTP"
TIMEOUT_SECONDS = 30
SENDABLE = (NoticeState.PLANNED.value, NoticeState.FAILED.value)


# --- the password in the keyring -----------------------------------------------------------------------
def _keyring_user(settings: SettingsView) -> str:
    return f"{settings.smtp_user}@{settings.smtp_host}"


def _keyring() -> object:
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or "fail" in type(backend).__module__:
        raise InvalidValue("notices.no_keyring")
    return backend


def set_smtp_password(db: Database, password: str, operator: OperatorRef) -> str:
    """Keep the SMTP password in the keyring under the configured user (refused where there is no keyring).
    A supervisor's, like the other settings; the change (never the password) is audited."""
    import keyring.errors

    require(operator, Action.SETTINGS, db)
    settings = get_settings(db)
    if not settings.smtp_user:
        raise InvalidValue("notices.smtp_user_missing")
    if not password:
        raise InvalidValue("notices.password_empty")
    backend = _keyring()
    try:
        backend.set_password(KEYRING_SERVICE, _keyring_user(settings), password)  # type: ignore[attr-defined]
    except keyring.errors.KeyringError as error:
        raise InvalidValue("notices.no_keyring") from error
    with db.write() as session:
        audit(session, operator, "merchant_settings", "smtp_password", "change", smtp_user=settings.smtp_user)
    return settings.smtp_user


def smtp_password(settings: SettingsView) -> str:
    import keyring.errors

    backend = _keyring()
    try:
        value = backend.get_password(KEYRING_SERVICE, _keyring_user(settings))  # type: ignore[attr-defined]
    except keyring.errors.KeyringError as error:
        raise InvalidValue("notices.no_keyring") from error
    if not value:
        raise InvalidValue("notices.password_missing")
    return str(value)


# --- the message --------------------------------------------------------------------------------------
def _address(display: str, addr: str) -> Address:
    local, _, domain = addr.partition("@")
    return Address(display_name=display, username=local, domain=domain)


def build_message(
    settings: SettingsView, rendered: RenderedNotice, to_name: str, to_addr: str, message_id: str
) -> EmailMessage:
    """Plain-text Japanese e-mail: UTF-8 body, RFC 2047 encoded subject and names, the merchant as sender."""
    msg = EmailMessage()
    msg["Subject"] = rendered.subject
    msg["From"] = _address(settings.consignor_name, settings.smtp_sender)
    msg["To"] = _address(f"{to_name} 様", to_addr)
    if settings.smtp_reply_to:
        msg["Reply-To"] = _address(settings.consignor_name, settings.smtp_reply_to)
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = message_id
    msg.set_content(rendered.body, charset="utf-8", cte="base64")
    return msg


@dataclass
class SendResult:
    sent: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)  # (notice id, the server's answer)
    skipped: list[int] = field(default_factory=list)  # taken by another run meanwhile
    would_send: list[tuple[int, str, str]] = field(default_factory=list)  # dry run: (id, recipient, subject)
    letters_waiting: int = 0
    unconfirmed: int = 0
    error: str = ""  # the server could not be reached (nothing changed state)


@dataclass(frozen=True)
class _Due:
    id: int
    version: int
    kind: str
    params: dict[str, object]
    email: str
    name: str


def _due(db: Database, as_of: date) -> tuple[list[_Due], int, int]:
    with db.read() as session:
        N, R = Notice, AccountRegistration
        stmt = (
            select(N.id, N.version, N.kind, N.params, R.email, R.contract_holder_name)
            .join(R, R.id == N.registration_id)
            .where(N.channel == Channel.EMAIL.value, N.state.in_(SENDABLE), N.due <= as_of)
            .order_by(N.due, N.id)
        )
        due = [_Due(*row) for row in session.execute(stmt)]
        letters = select(N.id).where(N.channel == Channel.LETTER.value, N.state == NoticeState.PLANNED.value)
        sending = select(N.id).where(N.state == NoticeState.SENDING.value)
        return due, len(session.scalars(letters).all()), len(session.scalars(sending).all())


def _answer(error: Exception) -> str:
    """The server's answer in one line (code and text), never a traceback."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{code} {_text(text)}" for code, text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return f"{type(error).__name__}: {error}"


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _connect(settings: SettingsView) -> smtplib.SMTP:
    host, port = settings.smtp_host, settings.smtp_port
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if settings.smtp_security == "tls":
        smtp = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_SECONDS, context=context)
    else:
        smtp = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
        if settings.smtp_security == "starttls":
            smtp.starttls(context=context)
    # each SMTP command is a small write answered before the next: without this, Nagle's algorithm and the
    # peer's delayed ACK hold every command about 40 ms (7 messages a second instead of hundreds)
    if smtp.sock is not None:
        with contextlib.suppress(OSError):
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if settings.smtp_user:
        password = smtp_password(settings)
        try:
            smtp.login(settings.smtp_user, password)
        except smtplib.SMTPException as error:
            smtp.close()
            raise InvalidValue("notices.smtp_login_failed", answer=_answer(error)) from error
    return smtp


def _claim(
    db: Database, item: _Due, operator: OperatorRef, message_id: str, sent_before: tuple[int, str] | None = None
) -> bool:
    """Take the notice for this run in its own committed transaction; False when another run took it.
    The message sent just before is recorded sent in the same transaction (one commit a message, and still
    each message claimed before it leaves and confirmed only after the server accepted it)."""
    try:
        with db.write() as session:
            if sent_before is not None:
                _mark(session, sent_before[0], NoticeState.SENT, operator, sent_before[1])
            notice = session.get(Notice, item.id)
            if notice is None or notice.state not in SENDABLE or notice.version != item.version:
                return False
            notice.attempts += 1
            notice.message_id = message_id
            notice.recipient = item.email
            move_notice(session, notice, NoticeState.SENDING, operator, "claim", message_id)
            return True
    except StaleDataError:
        if sent_before is not None:
            _finish(db, sent_before[0], NoticeState.SENT, operator, sent_before[1])
        return False


def _mark(session: Session, notice_id: int, to: NoticeState, operator: OperatorRef, detail: str) -> None:
    notice = session.get(Notice, notice_id)
    assert notice is not None
    if to is NoticeState.FAILED:
        notice.last_error = detail
    move_notice(session, notice, to, operator, "send" if to is NoticeState.SENT else "fail", detail)


def _finish(db: Database, notice_id: int, to: NoticeState, operator: OperatorRef, detail: str) -> None:
    with db.write() as session:
        _mark(session, notice_id, to, operator, detail)


def _record_unreachable(db: Database, items: list[_Due], operator: OperatorRef, answer: str) -> None:
    """The server could not be reached: each due notice keeps its state and records the answer."""
    with db.write() as session:
        for item in items:
            notice = session.get(Notice, item.id)
            if notice is None or notice.state not in SENDABLE:
                continue
            notice.attempts += 1
            notice.last_error = answer
            move_notice(session, notice, NoticeState(notice.state), operator, "unreachable", answer)


def preview(db: Database, notice_id: int, user_forms: Path | None = None) -> RenderedNotice:
    settings = get_settings(db)
    with db.read() as session:
        notice = session.get(Notice, notice_id)
        if notice is None:
            from app.domain.errors import NotFound

            raise NotFound("notices.not_found", notice_id=notice_id)
        registration = session.get(AccountRegistration, notice.registration_id)
        assert registration is not None
        return render_notice(notice.kind, notice.params, settings, registration.contract_holder_name, user_forms)


def send_due(
    db: Database,
    operator: OperatorRef,
    *,
    as_of: date | None = None,
    dry_run: bool = False,
    user_forms: Path | None = None,
    after_send: Callable[[int], None] = lambda notice_id: None,
) -> SendResult:
    """Send every e-mail notice due on or before `as_of` (today) that is planned or failed before.
    `after_send` runs between the server's acceptance and the commit that records it (tests crash there)."""
    if not dry_run:
        require(operator, Action.NOTICES, db)
    day = as_of or date.today()
    settings = get_settings(db)
    due, letters, unconfirmed = _due(db, day)
    result = SendResult(letters_waiting=letters, unconfirmed=unconfirmed)
    if not due:
        return result
    if dry_run:
        for item in due:
            rendered = render_notice(item.kind, item.params, settings, item.name, user_forms)
            result.would_send.append((item.id, item.email, rendered.subject))
        return result
    if not settings.smtp_host or not settings.smtp_sender:
        raise InvalidValue("notices.smtp_not_configured")
    try:
        smtp = _connect(settings)
    except (OSError, smtplib.SMTPException) as error:
        answer = messages.text(
            "notices.smtp_unreachable", host=settings.smtp_host, port=settings.smtp_port, reason=_answer(error)
        )
        _record_unreachable(db, due, operator, answer)
        result.error = answer
        return result
    domain = settings.smtp_sender.partition("@")[2] or "localhost"
    pending: tuple[int, str] | None = None  # sent, to be recorded with the next claim (or at the end)
    try:
        for item in due:
            if not item.email:
                if pending is not None:
                    _finish(db, pending[0], NoticeState.SENT, operator, pending[1])
                    pending = None
                _claim_failed(
                    db,
                    item,
                    operator,
                    messages.text("notices.no_email_address", customer_number=item.params.get("customer_number", "")),
                )
                result.failed.append((item.id, "no address"))
                continue
            rendered = render_notice(item.kind, item.params, settings, item.name, user_forms)
            message_id = make_msgid(f"kofuri-notice-{item.id}", domain=domain)
            claimed = _claim(db, item, operator, message_id, pending)
            pending = None
            if not claimed:
                result.skipped.append(item.id)
                continue
            msg = build_message(settings, rendered, item.name, item.email, message_id)
            try:
                smtp.send_message(msg)
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as refused:
                # the server answered "no": nothing was delivered, so failed (retried later, or a letter)
                answer = _answer(refused)
                _finish(db, item.id, NoticeState.FAILED, operator, answer)
                result.failed.append((item.id, answer))
                continue
            except (OSError, smtplib.SMTPException) as broken:
                # the connection broke mid-message: delivered or not is unknown, so it stays 'sending'
                result.error = messages.text(
                    "notices.smtp_unreachable", host=settings.smtp_host, port=settings.smtp_port, reason=_answer(broken)
                )
                result.unconfirmed += 1
                log.warning("notice %s left unconfirmed: %s", item.id, _answer(broken))
                break
            after_send(item.id)
            pending = (item.id, message_id)
            result.sent.append(item.id)
    finally:
        if pending is not None:  # the last message (or the one before an error in rendering the next)
            _finish(db, pending[0], NoticeState.SENT, operator, pending[1])
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()
    return result


def _claim_failed(db: Database, item: _Due, operator: OperatorRef, answer: str) -> None:
    with db.write() as session:
        notice = session.get(Notice, item.id)
        if notice is None or notice.state != NoticeState.PLANNED.value:
            return
        notice.attempts += 1
        notice.last_error = answer
        move_notice(session, notice, NoticeState.SENDING, operator, "claim", "")
        move_notice(session, notice, NoticeState.FAILED, operator, "fail", answer)


def password_from_environment() -> str | None:
    return os.environ.get("KOFURI_SMTP_PASSWORD")

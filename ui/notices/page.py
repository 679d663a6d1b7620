"""お知らせ: the outbox of customer notices — planned, due, sent, failed; send now; print letters; preview."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import DomainError
from app.services import notices
from app.services.operators import Action, OperatorRef
from ui.operators.visibility import show_for_role
from ui.shared.error_hook import error_text
from ui.shared.labels import QT_TRANSLATE_NOOP
from ui.shared.widgets import RowsModel
from ui.shared.workers import TaskRunner

HEADERS = (
    "ID",
    QT_TRANSLATE_NOOP("Labels", "予定日"),
    QT_TRANSLATE_NOOP("Labels", "顧客番号"),
    QT_TRANSLATE_NOOP("Labels", "お名前"),
    QT_TRANSLATE_NOOP("Labels", "種類"),
    QT_TRANSLATE_NOOP("Labels", "方法"),
    QT_TRANSLATE_NOOP("Labels", "状態"),
    QT_TRANSLATE_NOOP("Labels", "回数"),
    QT_TRANSLATE_NOOP("Labels", "最後の応答"),
)
LIMIT = 2000


def _message(error: Any) -> str:
    """A failure from the worker in a clerk's words (a refusal's screen wording, never a traceback)."""
    return error_text(error) if isinstance(error, BaseException) else str(error)


class NoticesPage(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, operator: OperatorRef, runner: TaskRunner, *, user_forms: Path | None = None
    ) -> None:
        super().__init__()
        self._db = db
        self._operator = operator
        self._runner = runner
        self._user_forms = user_forms
        self.views: list[notices.NoticeView] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("お知らせ"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        bar = QHBoxLayout()
        caption = QLabel(self.tr("表示(&W)"))
        self.filter = QComboBox()
        self.filter.setObjectName("filter")
        for label, key in (
            (self.tr("予定日が来たもの（未送信）"), "due"),
            (self.tr("予定"), "planned"),
            (self.tr("送信失敗"), "failed"),
            (self.tr("送信確認待ち"), "sending"),
            (self.tr("送信済"), "sent"),
            (self.tr("印刷済"), "printed"),
            (self.tr("取消"), "cancelled"),
            (self.tr("すべて"), ""),
        ):
            self.filter.addItem(label, key)
        caption.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(caption)
        bar.addWidget(self.filter)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        bar.addWidget(self.summary, 1)
        layout.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = RowsModel(HEADERS, self, numeric=(0, 7))
        self.table = QTableView()
        self.table.setObjectName("notices")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_preview())
        split.addWidget(self.table)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("お知らせを選ぶと、お客様に届く文面を表示します"))
        split.addWidget(self.preview)
        split.setSizes([720, 420])
        layout.addWidget(split, 1)

        buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        buttons.addWidget(self.message, 1)
        self.send_button = QPushButton(self.tr("今すぐ送信(&N)"))
        self.send_button.clicked.connect(self.send_now)
        self.letters_button = QPushButton(self.tr("郵送分を印刷(&P)…"))
        self.letters_button.clicked.connect(lambda: self.print_letters())
        self.letter_button = QPushButton(self.tr("郵送に切り替え(&L)"))
        self.letter_button.clicked.connect(self.to_letter)
        self.delivered_button = QPushButton(self.tr("届いていた: 送信済にする(&D)"))
        self.delivered_button.clicked.connect(lambda: self.resolve(True))
        self.again_button = QPushButton(self.tr("届いていない: 予定に戻す(&A)"))
        self.again_button.clicked.connect(lambda: self.resolve(False))
        for button in (
            self.send_button, self.letters_button, self.letter_button, self.delivered_button, self.again_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        # OP-3: clerks and supervisors send and print; an auditor reads the outbox
        show_for_role(operator, [(b, Action.NOTICES) for b in (self.send_button, self.letters_button,
                                 self.letter_button, self.delivered_button, self.again_button)])  # fmt: skip
        layout.addLayout(buttons)
        self.reload()

    # --- reading ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        key = str(self.filter.currentData())
        today = date.today()

        def work(_ctx: Any) -> tuple[list[notices.NoticeView], dict[str, int]]:
            if key == "due":
                found = [
                    n
                    for n in notices.list_notices(self._db, due_by=today, limit=LIMIT)
                    if n.state in ("planned", "failed", "sending")
                ]
            else:
                found = notices.list_notices(self._db, state=key or None, limit=LIMIT)
            return found, notices.counts(self._db)

        self._runner.start(work, on_success=self._show, on_failure=lambda e: self.message.setText(_message(e)))

    def _show(self, result: tuple[list[notices.NoticeView], dict[str, int]]) -> None:
        self.views, counts = result
        self.model.set_rows(
            [
                (
                    str(n.id),
                    n.due.isoformat(),
                    n.customer_number,
                    n.name,
                    n.kind_label,
                    n.channel_label,
                    n.state_label,
                    str(n.attempts),
                    n.last_error,
                )
                for n in self.views
            ],
            [n.id for n in self.views],
        )
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr("予定 {0} 件 / 送信失敗 {1} 件 / 送信確認待ち {2} 件 / 送信済 {3} 件 / 印刷済 {4} 件").format(
                counts.get("planned", 0),
                counts.get("failed", 0),
                counts.get("sending", 0),
                counts.get("sent", 0),
                counts.get("printed", 0),
            )
        )
        self.changed.emit()

    def selected(self) -> list[notices.NoticeView]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.views[r] for r in rows if r < len(self.views)]

    def show_preview(self) -> None:
        chosen = self.selected()
        if not chosen:
            self.preview.clear()
            return
        notice = chosen[0]
        try:
            rendered = notices.preview(self._db, notice.id, self._user_forms)
        except DomainError as error:
            self.preview.setPlainText(error.screen_message)
            return
        head = self.tr("件名: {0}").format(rendered.subject)
        extra = ""
        if notice.state == "sending":
            extra = self.tr("\n※ 送信中に処理が止まったため、届いたか確認できません（メッセージID {0}）\n").format(
                notice.message_id
            )
        self.preview.setPlainText(f"{head}\n{extra}\n{rendered.body}")

    # --- acting ----------------------------------------------------------------------------------------
    def send_now(self) -> None:
        self.send_button.setEnabled(False)
        self.message.setText(self.tr("送信しています…"))

        def done(result: notices.SendResult) -> None:
            self.send_button.setEnabled(True)
            text = self.tr("送信 {0} 件、失敗 {1} 件、郵送待ち {2} 件").format(
                len(result.sent), len(result.failed), result.letters_waiting
            )
            if result.unconfirmed:
                text += self.tr("、送信確認待ち {0} 件").format(result.unconfirmed)
            if result.error:
                text += "\n" + result.error
            self.message.setText(text)
            self.reload()

        def failed(error: Any) -> None:
            self.send_button.setEnabled(True)
            self.message.setText(_message(error))

        self._runner.start(
            lambda _ctx: notices.send_due(self._db, self._operator, user_forms=self._user_forms),
            on_success=done,
            on_failure=failed,
        )

    def print_letters(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("郵送のお知らせ"), str(Path.home() / self.tr("お知らせ_{0}.pdf").format(date.today())),
                self.tr("PDF (*.pdf)"),
            )  # fmt: skip
        if not path:
            return
        target = Path(path)

        def done(result: notices.LetterResult) -> None:
            self.message.setText(
                self.tr("{0} 通を {1} に書き出し、印刷済にしました").format(result.letters, result.path)
            )
            self.reload()

        self._runner.start(
            lambda _ctx: notices.render_letters(self._db, target, self._operator, user_forms=self._user_forms),
            on_success=done,
            on_failure=lambda e: self.message.setText(_message(e)),
        )

    def to_letter(self) -> None:
        ids = [n.id for n in self.selected() if n.state == "failed" and n.channel == "email"]
        if not ids:
            self.message.setText(self.tr("送信に失敗したメールのお知らせを選んでください"))
            return
        moved = notices.fall_back_to_letter(self._db, ids, self._operator)
        self.message.setText(self.tr("{0} 件を郵送に切り替えました").format(moved))
        self.reload()

    def resolve(self, delivered: bool) -> None:
        chosen = [n for n in self.selected() if n.state == "sending"]
        if not chosen:
            self.message.setText(self.tr("送信確認待ちのお知らせを選んでください"))
            return
        try:
            for notice in chosen:
                notices.resolve_unconfirmed(self._db, notice.id, delivered, self._operator)
        except DomainError as error:
            self.message.setText(error.screen_message)
        self.reload()

"""One customer's ledger (台帳) as its own view: the next debit, the months with their results, the outstanding
amount, the lapse warning, the lifecycle and returns. Printable (a printer or a PDF)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.services import results
from app.services.results import Ledger


def ledger_html(book: Ledger) -> str:
    def yen(amount: int | None) -> str:
        return "—" if amount is None else f"{amount:,} 円"

    rows = (
        "".join(
            f"<tr><td>{m.month}</td><td>{m.debit_date.isoformat()}</td><td align='right'>{yen(m.amount)}</td>"
            f"<td>{escape(m.result_label)}{'（' + m.rebill_of + ' の再請求）' if m.rebill_of else ''}</td></tr>"
            for m in book.months
        )
        or "<tr><td colspan='4'>請求はまだありません</td></tr>"
    )
    events = "".join(
        f"<tr><td>{e.at.astimezone():%Y-%m-%d %H:%M}</td><td>{escape(e.operator)}</td>"
        f"<td>{escape(e.reason or e.action)}</td></tr>"
        for e in book.events
    )
    returns = (
        "".join(f"<li>{r.received_on.isoformat()} 不備返却（{escape(r.status)}）</li>" for r in book.returns)
        or "<li>なし</li>"
    )
    unconfirmed = "<p><b>返却なし・未確認</b>（金融機関の結果でまだ確認されていません）</p>" if book.unconfirmed else ""
    stop = f"<p><b>請求停止中</b>: {escape(book.billing_stop_reason)}</p>" if book.billing_stopped else ""
    lapse = f"<p style='color:#b00'><b>注意</b>: {escape(book.lapse_warning)}</p>" if book.lapse_warning else ""
    why = f"（{escape(book.not_billable_reason)}）" if book.next_amount is None and book.not_billable_reason else ""
    return f"""
<h2>台帳 {book.customer_number} {escape(book.contract_holder_name)}</h2>
<p>登録の状態: {escape(book.status_label)}（{"紙" if book.method == "paper" else "WEB"}
{"、" + book.sent_on.isoformat() + " 発送" if book.sent_on else ""}）</p>
{unconfirmed}{stop}
<table cellspacing='0' cellpadding='3' border='1'>
<tr><th align='left'>次の振替日</th><td>{book.next_debit_date.isoformat()}（{book.next_month}）</td></tr>
<tr><th align='left'>引き落とす金額</th><td>{yen(book.next_amount)}{why}</td></tr>
<tr><th align='left'>請求締切日</th><td>{book.billing_deadline.isoformat()}</td></tr>
<tr><th align='left'>振替停止依頼の期限</th><td>{book.stop_request_deadline.isoformat()}</td></tr>
<tr><th align='left'>連続振替不能</th><td>{book.consecutive_failures} 回</td></tr>
<tr><th align='left'>未収金</th><td>{yen(book.outstanding)}</td></tr>
</table>
{lapse}
<h3>月ごとの請求と結果</h3>
<table cellspacing='0' cellpadding='3' border='1'>
<tr><th>請求月</th><th>振替日</th><th>金額</th><th>結果</th></tr>{rows}</table>
<h3>不備返却</h3><ul>{returns}</ul>
<h3>登録の経過</h3>
<table cellspacing='0' cellpadding='3' border='1'><tr><th>日時</th><th>担当者</th><th>内容</th></tr>{events}</table>
"""


class LedgerDialog(QDialog):
    def __init__(self, db: Database, customer_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("台帳 {0}").format(customer_number))
        self.resize(760, 680)
        self.book = results.ledger(db, customer_number)
        self.html = ledger_html(self.book)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("ledger")
        self.browser.setHtml(self.html)
        layout.addWidget(self.browser, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("印刷(&P)…"))
        self.print_button.clicked.connect(self.print_ledger)
        self.pdf_button = QPushButton(self.tr("PDF に保存(&S)…"))
        self.pdf_button.clicked.connect(self._save_pdf)
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _document(self) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(self.html)
        return document

    def print_ledger(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            self._document().print_(printer)

    def _save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("台帳を PDF に保存"), f"台帳-{self.book.customer_number}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> None:
        """The same page as printed, written beside the target and moved in when complete."""
        from app.services.files import atomic_target

        with atomic_target(path) as temp:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            printer.setOutputFileName(str(temp))
            self._document().print_(printer)

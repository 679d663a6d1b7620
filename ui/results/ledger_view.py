"""One customer's ledger (台帳) as its own view: the next debit, the months with their results, the outstanding
amount, the lapse warning, the lifecycle and returns. Printable (a printer or a PDF)."""

from __future__ import annotations

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
from app.render.ledger import ledger_html
from app.services import results


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
            self, self.tr("台帳を PDF に保存"), self.tr("台帳") + f"-{self.book.customer_number}.pdf", "PDF (*.pdf)"
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

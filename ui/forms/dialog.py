"""Request forms from the screens: choose the form type, render in a worker (progress, Cancel), preview inside
the app with QtPdf, print with QPrinter or save the PDF."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import ConfirmationRequired, DomainError
from app.progress import Cancelled
from app.render.layout import layout_names
from app.services import forms
from app.services.forms import RenderCancelled, RenderResult
from app.services.operators import OperatorRef
from app.services.settings import get_settings
from ui.shared.error_hook import error_text
from ui.shared.labels import QT_TRANSLATE_NOOP, tr_label
from ui.shared.widgets import fit_to_screen, ok_cancel
from ui.shared.workers import TaskContext, TaskRunner, run_with_progress


def form_types(user_forms: Path | None) -> list[tuple[str, str]]:
    """(value, label) of every request-form type: the two standard ones and any merchant design."""
    types = [
        ("pdf", QT_TRANSLATE_NOOP("Labels", "PDF型（A4 普通紙・1枚）")),
        ("carbon", QT_TRANSLATE_NOOP("Labels", "3枚複写型")),
    ]
    standard = set(forms.FORM_TYPES.values()) | {forms.COVER_SHEET}
    types += [
        (name, QCoreApplication.translate("Labels", "独自様式: {0}").format(name))
        for name in layout_names(user_forms)
        if name not in standard
    ]
    return types


class RequestFormOptions(QDialog):
    """Which form to print for the selected registrations."""

    def __init__(self, count: int, user_forms: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("口座振替依頼書の作成"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("{0} 件の依頼書を作成します。").format(count)))
        self.form_type = QComboBox()
        for value, label in form_types(user_forms):
            self.form_type.addItem(tr_label(label), value)
        layout.addRow(self.tr("様式(&T)"), self.form_type)
        self.blank_fields = QCheckBox(self.tr("委託者欄と顧客番号のほかは空欄にする(&B)"))
        layout.addRow(self.blank_fields)
        self.reissue = QCheckBox(self.tr("再発行として作成する(&R)"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("再発行の理由（例: 口座番号相違）。お客様の用紙に理由と直してほしいことを印刷します")
        )
        self.reason.setEnabled(False)
        self.reissue.toggled.connect(self.reason.setEnabled)
        layout.addRow(self.reissue)
        layout.addRow(self.tr("理由"), self.reason)
        layout.addRow(ok_cancel(self, self.tr("作成(&O)"), self._accept))

    def _accept(self) -> None:
        if self.reissue.isChecked() and not self.reason.text().strip():
            self.reason.setFocus()
            return
        self.accept()

    def reissue_reason(self) -> str | None:
        return self.reason.text().strip() if self.reissue.isChecked() else None


class BlankFormsOptions(QDialog):
    """How many pre-numbered blank forms to make (their numbers are reserved)."""

    def __init__(self, user_forms: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("番号入り白紙の依頼書"))
        layout = QFormLayout(self)
        self.count = QSpinBox()
        self.count.setRange(1, 1000)
        self.count.setValue(10)
        layout.addRow(self.tr("枚数(&N)"), self.count)
        self.form_type = QComboBox()
        for value, label in form_types(user_forms):
            self.form_type.addItem(tr_label(label), value)
        layout.addRow(self.tr("様式(&T)"), self.form_type)
        layout.addRow(QLabel(self.tr("顧客番号を予約し、二度と発行しません。")))
        layout.addRow(ok_cancel(self, self.tr("作成(&O)"), self.accept))


class PdfPreview(QDialog):
    """The PDF as it will print, with Print and Save."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(title)
        fit_to_screen(self, 900, 1000)
        layout = QVBoxLayout(self)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.info = QLabel(self.tr("{0} ページ").format(self.document.pageCount()))
        row.addWidget(self.info, 1)
        self.print_button = QPushButton(self.tr("印刷(&P)…"))
        self.save_button = QPushButton(self.tr("PDF を保存(&S)…"))
        close = QPushButton(self.tr("閉じる"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button, close):
            row.addWidget(button)
        layout.addLayout(row)

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("PDF を保存"), str(Path.home() / self.path.name),
                                                "PDF (*.pdf)")  # fmt: skip
        if target:
            shutil.copyfile(self.path, target)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        print_pdf(self.document, printer)


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Each page rendered at the printer's resolution, scaled to the paper; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("printer could not start")
    pages = 0
    try:
        dpi = printer.resolution()
        for number in range(document.pageCount()):
            if number:
                printer.newPage()
            points = document.pagePointSize(number)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            painter.drawImage(QPointF(0, 0), document.render(number, size))
            pages += 1
    finally:
        painter.end()
    return pages


def make_request_forms(
    parent: QWidget,
    runner: TaskRunner,
    db: Database,
    registration_ids: list[int],
    user_forms: Path | None,
    on_done: Callable[[PdfPreview], None] | None = None,
    operator: OperatorRef | None = None,
) -> None:
    """Ask for the options, render in the background, then preview (the print is checked and audited)."""
    allow_web = False
    try:
        forms.check_settings_for_forms(get_settings(db))  # said before the options, not after the rendering
        forms.check_printable(db, registration_ids)
    except ConfirmationRequired as question:  # a web registration: ask before a paper form is printed
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("Labels", "WEB登録のお客様"), question.screen_message
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        allow_web = True
    except DomainError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Labels", "依頼書を作成できません"), error.screen_message
        )
        return
    options = RequestFormOptions(len(registration_ids), user_forms, parent)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    reason = options.reissue_reason()
    reissue = forms.parse_reissue(reason) if reason is not None else None
    target = Path(tempfile.mkdtemp(prefix="kofuri-forms-")) / QCoreApplication.translate("Labels", "口座振替依頼書.pdf")
    form_type = str(options.form_type.currentData())

    def work(ctx: TaskContext) -> RenderResult:
        try:
            return forms.render_request_forms(
                db, registration_ids, target, form_type=form_type, blank_fields=options.blank_fields.isChecked(),
                reissue=reissue, allow_web=allow_web, user_forms=user_forms, progress=ctx.progress,
                cancelled=lambda: ctx.cancelled, operator=operator,
            )  # fmt: skip
        except RenderCancelled:
            raise Cancelled from None

    _render_then_preview(parent, runner, work, target, on_done)


def make_blank_forms(
    parent: QWidget,
    runner: TaskRunner,
    db: Database,
    operator: OperatorRef,
    user_forms: Path | None,
    on_done: Callable[[PdfPreview], None] | None = None,
) -> None:
    options = BlankFormsOptions(user_forms, parent)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    target = Path(tempfile.mkdtemp(prefix="kofuri-forms-")) / QCoreApplication.translate(
        "Labels", "口座振替依頼書_白紙.pdf"
    )
    count, form_type = options.count.value(), str(options.form_type.currentData())
    _render_then_preview(
        parent,
        runner,
        lambda _ctx: forms.render_blank_forms(db, count, target, operator, form_type=form_type, user_forms=user_forms),
        target,
        on_done,
    )


def _render_then_preview(
    parent: QWidget,
    runner: TaskRunner,
    work: Callable[[TaskContext], RenderResult],
    target: Path,
    on_done: Callable[[PdfPreview], None] | None,
) -> None:
    def show(result: RenderResult) -> None:
        preview = PdfPreview(
            target, QCoreApplication.translate("RequestForms", "依頼書 {0} 件のプレビュー").format(result.forms), parent
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_done is not None:
            on_done(preview)
        preview.open()

    def failed(error: Exception) -> None:
        title = QCoreApplication.translate("RequestForms", "依頼書を作成できませんでした")
        QMessageBox.warning(parent, title, error_text(error))

    run_with_progress(
        runner, parent, QCoreApplication.translate("RequestForms", "依頼書を作成しています…"), work, show, failed
    )

"""Recording a returned form (不備返却) and following it up: reasons, the bank's note, a scan, the action,
the contact log, a re-issued request form."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import Conflict, DomainError
from app.services import accounts
from app.services.forms import Reissue, render_request_forms
from app.services.operators import OperatorRef
from app.services.paper import returns
from ui.accounts.registration_form import ERROR_STYLE
from ui.forms.dialog import PdfPreview
from ui.shared.labels import tr_label
from ui.shared.widgets import fit_to_screen, ok_cancel, to_date


class ReturnDialog(QDialog):
    def __init__(
        self,
        db: Database,
        operator: OperatorRef,
        attachments: Path,
        parent: QWidget | None = None,
        *,
        customer_number: str = "",
        return_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._operator = operator
        self._attachments = attachments
        self.return_id = return_id
        self.preview: PdfPreview | None = None
        self.setWindowTitle(self.tr("不備返却の記録") if return_id is None else self.tr("不備返却の対応"))
        fit_to_screen(self, 640, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.customer_number = QLineEdit(customer_number)
        self.customer_number.setObjectName("return_customer_number")
        self.received = QDateEdit(QDate.currentDate())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("顧客番号(&N)"), self.customer_number)
        form.addRow(self.tr("受領日(&D)"), self.received)
        reasons = QWidget()
        grid = QGridLayout(reasons)
        grid.setContentsMargins(0, 0, 0, 0)
        self.reasons: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(returns.REASONS.items()):
            box = QCheckBox(tr_label(label))
            box.setObjectName(f"reason_{code}")
            grid.addWidget(box, i // 2, i % 2)
            self.reasons[code] = box
        form.addRow(self.tr("不備理由"), reasons)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("金融機関の記載・「その他」の内容"))
        form.addRow(self.tr("メモ(&M)"), self.note)
        scan_row = QHBoxLayout()
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("返却された依頼書のスキャン（PDF・画像）"))
        browse = QPushButton(self.tr("選択…"))
        browse.clicked.connect(self._choose_scan)
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(browse)
        scan_label = QLabel(self.tr("スキャン(&S)"))
        scan_label.setBuddy(self.scan)
        form.addRow(scan_label, scan_row)
        self.action = QComboBox()
        for code, label in returns.ACTIONS.items():
            self.action.addItem(tr_label(label), code)
        form.addRow(self.tr("対応"), self.action)
        layout.addLayout(form)

        self.follow_up = QWidget()
        follow = QFormLayout(self.follow_up)
        self.status = QComboBox()
        self.status.setObjectName("return_status")
        for code, label in returns.STATUSES.items():
            self.status.addItem(tr_label(label), code)
        follow.addRow(self.tr("状況(&T)"), self.status)
        self.channel = QComboBox()
        for code, label in returns.CHANNELS.items():
            self.channel.addItem(tr_label(label), code)
        follow.addRow(self.tr("連絡の方法"), self.channel)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("連絡の記録（例: 電話で新しい依頼書を依頼）"))
        follow.addRow(self.tr("連絡(&C)"), self.contact)
        self.contacts = QListWidget()
        follow.addRow(self.tr("連絡の記録"), self.contacts)
        buttons = QHBoxLayout()
        self.open_scan_button = QPushButton(self.tr("スキャンを表示(&V)"))
        self.open_scan_button.clicked.connect(self.open_scan)
        self.reissue_button = QPushButton(self.tr("依頼書を再発行(&R)…"))
        self.reissue_button.clicked.connect(self.reissue)
        buttons.addWidget(self.open_scan_button)
        buttons.addWidget(self.reissue_button)
        follow.addRow(buttons)
        layout.addWidget(self.follow_up)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("保存(&O)"), self.save))
        self.view: returns.ReturnView | None = None
        if return_id is not None:
            self._load(return_id)
        else:
            self.follow_up.hide()

    def _load(self, return_id: int) -> None:
        try:
            self.view = view = returns.get_return(self._db, return_id)
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.customer_number.setText(view.customer_number)
        self.customer_number.setReadOnly(True)
        self.received.setDate(QDate(view.received_on.year, view.received_on.month, view.received_on.day))
        self.received.setEnabled(False)
        for code, box in self.reasons.items():
            box.setChecked(code in view.reasons)
            box.setEnabled(False)
        self.note.setText(view.note)
        self.note.setReadOnly(True)
        self.scan.setText(view.scan_name)
        self.scan.setReadOnly(True)
        self.status.setCurrentIndex(self.status.findData(view.status))
        self.contacts.clear()
        for at, channel, note in returns.contacts(self._db, view.id):
            label = returns.CHANNELS.get(channel, channel)
            self.contacts.addItem(f"{at.astimezone():%Y-%m-%d %H:%M} {label}: {note}")
        self.open_scan_button.setEnabled(bool(view.scan_file))
        self.action.setCurrentIndex(max(self.action.findData(view.action), 0))
        self.action.setEnabled(False)
        self.status.setFocus()  # following up starts at the status, the only thing still to decide

    def _choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("スキャンの選択"),
            str(Path.home()),
            self.tr("PDF・画像 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"),
        )
        if path:
            self.scan.setText(path)

    def save(self) -> None:
        try:
            if self.view is None:
                chosen = [code for code, box in self.reasons.items() if box.isChecked()]
                scan = Path(self.scan.text()) if self.scan.text().strip() else None
                self.view = returns.add_return(
                    self._db,
                    self.customer_number.text().strip(),
                    to_date(self.received.date()),
                    chosen,
                    self._operator,
                    note=self.note.text(),
                    scan=scan,
                    attachments_dir=self._attachments,
                    action=str(self.action.currentData()),
                )
            else:
                status = str(self.status.currentData())
                if status != self.view.status or self.contact.text().strip():
                    returns.update_return(
                        self._db,
                        self.view.id,
                        status,
                        self._operator,
                        note=self.contact.text(),
                        channel=str(self.channel.currentData()),
                        expected_status=self.view.status,
                    )
        except Conflict as conflict:
            # someone else changed this return meanwhile: show what it is now (the typed contact note stays)
            assert self.view is not None
            self._load(self.view.id)
            self.message.setText(conflict.message)
            return
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.accept()

    def open_scan(self) -> bool:
        if self.view is None or not self.view.scan_file:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(self.view.scan_file))

    def reissue(self) -> None:
        """A re-issued request form for this customer: marked 再発行; the customer's sheet says why it came back
        and what to correct, and what the bank rejected (an account number) is left blank to fill again."""
        if self.view is None:
            return
        registration = accounts.find_by_customer_number(self._db, self.view.customer_number)
        target = Path(tempfile.mkdtemp(prefix="kofuri-reissue-")) / self.tr("再発行_{0}.pdf").format(
            registration.customer_number
        )
        try:
            render_request_forms(
                self._db,
                [registration.id],
                target,
                form_type="carbon",
                reissue=Reissue(tuple(self.view.reasons)),  # the clerk's note is ours: not printed
                allow_web=True,  # a return is always of a paper form
                operator=self._operator,
            )
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.preview = PdfPreview(target, self.tr("再発行の依頼書"), self)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()

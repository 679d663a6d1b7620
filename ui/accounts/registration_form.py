"""The registration form: the paper request form's fields in its order [FORM-2], checked as the clerk types.

Tab or Enter moves to the next field; every problem shows under its field in words a clerk understands
[REG-9]; the bank-file form of each kana field and the bank and branch names show live.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import QDate, QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import bank_codes, japan_post
from app.domain.account_fields import DEPOSIT_TYPE_LABELS, RegistrationMethod, RegistrationStatus, normalize_phone
from app.domain.errors import DomainError, ValidationFailed
from app.domain.kana import KanaError, to_bank_kana, to_display_kana
from app.domain.registration import (
    CHECKLIST_ITEMS,
    MAX_ADDRESS,
    MAX_KANA,
    MAX_NAME,
    RegistrationInput,
    ValidRegistration,
    validate_registration,
)
from ui.shared.labels import tr_label

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555555;"
JAPAN_POST = bank_codes.JAPAN_POST_BANK_CODE


class EnterMovesOn(QObject):
    """Enter in a line edit or a combo box moves to the next field, as Tab does (paper-form keying)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_enter = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
        )
        if not is_enter or not isinstance(watched, QWidget):
            return False
        completer = watched.completer() if isinstance(watched, QLineEdit) else None
        popup = completer.popup() if completer is not None else None
        if popup is not None and popup.isVisible():
            return False  # Enter picks the highlighted choice
        _focus_next(watched)
        return True


def _focus_next(widget: QWidget) -> None:
    """Move to the next field in the tab order (QDateEdit's own Tab walks its sections first: skip those)."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        takes_tab = bool(candidate.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and candidate.isVisible() and candidate.isEnabled() and not widget.isAncestorOf(candidate):
            candidate.setFocus(Qt.FocusReason.TabFocusReason)
            _scroll_into_view(candidate)
            return
        candidate = candidate.nextInFocusChain()


def _scroll_into_view(widget: QWidget) -> None:
    """Enter moves on as Tab does, and like Tab brings the field into view in a scrolled form (1024×768)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


class CodeCompleter(QCompleter):
    """Type-ahead for bank or branch: "0005 三菱ＵＦＪ" choices; choosing one leaves the code in the field."""

    def __init__(self, field: QLineEdit) -> None:
        self._model = QStringListModel()
        super().__init__(self._model, field)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._field = field
        field.setCompleter(self)
        self.activated.connect(self._chosen)

    def set_choices(self, choices: list[str]) -> None:
        self._model.setStringList(choices)
        popup = self.popup()
        if choices and self._field.hasFocus():
            self.complete()
        elif popup is not None:
            popup.hide()

    def _chosen(self, text: str) -> None:
        code = text.split(" ", 1)[0]

        def settle() -> None:  # after QCompleter has put the whole choice into the field
            self._field.setText(code)
            _focus_next(self._field)

        QTimer.singleShot(0, settle)


class RegistrationForm(QWidget):
    """All fields of a registration; `values()` reads them, `validate()` checks them, `load()` fills them."""

    changed = Signal()

    FIELD_ORDER = (
        "customer_number",
        "contract_holder_name",
        "contract_holder_kana",
        "postal_code",
        "address",
        "phone",
        "bank_code",
        "branch_code",
        "deposit_type",
        "account_number",
        "jp_symbol",
        "jp_number",
        "account_holder_kana",
        "method",
        "monthly_amount",
        "registration_date",
        "email",
        "notice_channel",
    )

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.touched: set[str] = set()
        self.show_all_errors = False
        self.errors: dict[str, str] = {}
        self._enter = EnterMovesOn(self)
        self.edits: dict[str, QLineEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.hint_labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self.prefilled_number = ""  # the number offered on an empty form (not keyed from a paper form)

        outer = QVBoxLayout(self)
        customer = self._group(outer, self.tr("お客様"))
        self._line(customer, "customer_number", self.tr("顧客番号(&N)"), max_length=20)
        self._line(customer, "contract_holder_name", self.tr("契約者名(&M)"), max_length=MAX_NAME)
        self._line(customer, "contract_holder_kana", self.tr("契約者名フリガナ(&K)"), max_length=MAX_KANA)
        self._line(customer, "postal_code", self.tr("郵便番号"), max_length=8)
        self._line(customer, "address", self.tr("住所"), max_length=MAX_ADDRESS)
        self._line(customer, "phone", self.tr("電話番号"), max_length=20)

        account = self._group(outer, self.tr("口座"))
        self._line(
            account,
            "bank_code",
            self.tr("金融機関(&B)"),
            max_length=30,
            placeholder=self.tr("コード、または名前・カナで検索"),
        )
        self._line(
            account,
            "branch_code",
            self.tr("支店(&R)"),
            max_length=30,
            placeholder=self.tr("コード、または名前・カナで検索"),
        )
        self.deposit_type = QComboBox()
        for deposit_type, label in DEPOSIT_TYPE_LABELS.items():
            self.deposit_type.addItem(f"{int(deposit_type)} {label}", int(deposit_type))
        self._add_row(account, "deposit_type", self.tr("預金種目(&D)"), self.deposit_type)
        self._line(account, "account_number", self.tr("口座番号(&A)"), max_length=7, placeholder=self.tr("7桁以内"))
        self._line(account, "jp_symbol", self.tr("通帳記号"), max_length=5, placeholder=self.tr("5桁"))
        self._line(
            account,
            "jp_number",
            self.tr("通帳番号"),
            max_length=8,
            placeholder=self.tr("末尾の1を除いた7桁（8桁でも可）"),
        )
        self._line(account, "account_holder_kana", self.tr("口座名義カナ(&L)"), max_length=60)
        self.same_kana_button = QPushButton(self.tr("契約者と同じ(&U)"))
        self.same_kana_button.setObjectName("same_kana")
        self.same_kana_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keying by Tab does not stop on it
        self.same_kana_button.clicked.connect(self.copy_contract_kana)
        line = self.rows["account_holder_kana"].layout()
        if isinstance(line, QVBoxLayout):
            first = line.itemAt(0)
            if first is not None and isinstance(first.layout(), QHBoxLayout):
                first.layout().insertWidget(1, self.same_kana_button)  # type: ignore[union-attr]

        other = self._group(outer, self.tr("登録"))
        self.method = QComboBox()
        self.method.addItem(self.tr("紙（口座振替依頼書）"), RegistrationMethod.PAPER.value)
        self.method.addItem(self.tr("WEB"), RegistrationMethod.WEB.value)
        self._add_row(other, "method", self.tr("登録方法"), self.method)
        self._line(other, "monthly_amount", self.tr("月額（円）"), max_length=12)
        self.registration_date = QDateEdit()
        self.registration_date.setCalendarPopup(True)
        self.registration_date.setDisplayFormat("yyyy-MM-dd")
        self.registration_date.setDate(QDate.currentDate())
        self._add_row(other, "registration_date", self.tr("登録日"), self.registration_date)

        self.checklist_box = QGroupBox(self.tr("依頼書の確認"))
        checks = QVBoxLayout(self.checklist_box)
        self.checks: dict[str, QCheckBox] = {}
        for key, label in CHECKLIST_ITEMS.items():
            box = QCheckBox(tr_label(label))
            box.setObjectName(f"check_{key}")
            checks.addWidget(box)
            self.checks[key] = box
        outer.addWidget(self.checklist_box)
        # after the paper form's own fields: how the customer wants to be told (reminders, failed debits)
        contact = self._group(outer, self.tr("お知らせ"))
        self._line(
            contact, "email", self.tr("メールアドレス(&E)"), max_length=254, placeholder=self.tr("お知らせの送り先")
        )
        self.notice_channel = QComboBox()
        self.notice_channel.addItem(self.tr("自動（メールアドレスがあればメール、なければ郵送）"), "")
        self.notice_channel.addItem(self.tr("メール"), "email")
        self.notice_channel.addItem(self.tr("郵送"), "letter")
        self.notice_channel.addItem(self.tr("なし（お知らせを送らない）"), "none")
        self._add_row(contact, "notice_channel", self.tr("通知方法(&T)"), self.notice_channel)
        outer.addStretch(1)

        self.bank_completer = CodeCompleter(self.edits["bank_code"])
        self.branch_completer = CodeCompleter(self.edits["branch_code"])
        self.edits["bank_code"].textEdited.connect(self._bank_typed)
        self.edits["branch_code"].textEdited.connect(self._branch_typed)
        for widget in (self.deposit_type, self.method, self.notice_channel):
            widget.installEventFilter(self._enter)
            widget.currentIndexChanged.connect(self._refresh)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.registration_date.installEventFilter(self._enter)
        self._clean = self._snapshot()
        self._update_japan_post_rows()
        self._refresh()

    # --- building --------------------------------------------------------------------------------------
    def _group(self, outer: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title)
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        outer.addWidget(box)
        return layout

    def _add_row(self, layout: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        line = QHBoxLayout()
        line.addWidget(widget, 1)
        hint = QLabel()
        hint.setObjectName(f"hint_{name}")
        hint.setStyleSheet(HINT_STYLE)
        hint.setMinimumWidth(240)
        line.addWidget(hint)
        self.hint_labels[name] = hint
        column.addLayout(line)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.error_labels[name] = error
        widget.setObjectName(name)
        layout.addRow(label, holder)
        label_widget = layout.labelForField(holder)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(widget)
        self.rows[name] = holder

    def _line(self, layout: QFormLayout, name: str, label: str, *, max_length: int, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        edit.installEventFilter(self._enter)
        edit.textChanged.connect(self._refresh)
        edit.editingFinished.connect(lambda n=name: self._leave(n))
        self.edits[name] = edit
        self._add_row(layout, name, label, edit)

    # --- reading and writing ---------------------------------------------------------------------------
    def text(self, name: str) -> str:
        return self.edits[name].text()

    def is_japan_post(self) -> bool:
        return self._bank_code_text() == JAPAN_POST

    def _bank_code_text(self) -> str:
        text = self.text("bank_code").strip()
        code = text.split(" ", 1)[0]
        return code.zfill(4) if code.isdigit() and len(code) <= 4 else code

    def values(self) -> RegistrationInput:
        japan_post_bank = self.is_japan_post()
        qdate = self.registration_date.date()
        return RegistrationInput(
            customer_number=self.text("customer_number"),
            contract_holder_name=self.text("contract_holder_name"),
            contract_holder_kana=self.text("contract_holder_kana"),
            postal_code=self.text("postal_code"),
            address=self.text("address"),
            phone=self.text("phone"),
            email=self.text("email"),
            notice_channel=str(self.notice_channel.currentData()),
            bank_code=self.text("bank_code").split(" ", 1)[0] if self.text("bank_code").strip() else "",
            branch_code="" if japan_post_bank else self.text("branch_code").split(" ", 1)[0],
            deposit_type="" if japan_post_bank else str(self.deposit_type.currentData()),
            account_number="" if japan_post_bank else self.text("account_number"),
            account_holder_kana=self.text("account_holder_kana"),
            jp_symbol=self.text("jp_symbol") if japan_post_bank else "",
            jp_number=self.text("jp_number") if japan_post_bank else "",
            method=str(self.method.currentData()),
            monthly_amount=self.text("monthly_amount"),
            registration_date=date(qdate.year(), qdate.month(), qdate.day()),
            checklist={key: box.isChecked() for key, box in self.checks.items()},
        )

    def load(self, raw: RegistrationInput) -> None:
        for name, edit in self.edits.items():
            edit.setText(str(getattr(raw, name) or ""))
        index = self.deposit_type.findData(int(raw.deposit_type) if raw.deposit_type.isdigit() else 1)
        self.deposit_type.setCurrentIndex(max(index, 0))
        self.method.setCurrentIndex(max(self.method.findData(raw.method or "paper"), 0))
        self.notice_channel.setCurrentIndex(max(self.notice_channel.findData(raw.notice_channel or ""), 0))
        if raw.registration_date:
            d = raw.registration_date
            self.registration_date.setDate(QDate(d.year, d.month, d.day))
        for key, box in self.checks.items():
            box.setChecked(bool(raw.checklist.get(key)))
        self.touched.clear()
        self.show_all_errors = False
        self._clean = self._snapshot()
        self._update_japan_post_rows()
        self._refresh()

    def clear_for_next(self, next_number: str) -> None:
        """Empty the form for the next paper form, keeping the batch values (method, registration date)."""
        method, when = self.method.currentIndex(), self.registration_date.date()
        for edit in self.edits.values():
            edit.clear()
        self.edits["customer_number"].setText(next_number)
        self.prefilled_number = next_number
        self.deposit_type.setCurrentIndex(0)
        self.notice_channel.setCurrentIndex(0)
        for box in self.checks.values():
            box.setChecked(False)
        self.method.setCurrentIndex(method)
        self.registration_date.setDate(when)
        self.touched.clear()
        self.show_all_errors = False
        self._clean = self._snapshot()
        self._update_japan_post_rows()
        self._refresh()
        self.focus_first()

    def _snapshot(self) -> tuple[object, ...]:
        return (
            tuple(edit.text() for name, edit in self.edits.items() if name != "customer_number"),
            self.deposit_type.currentIndex(),
            tuple(box.isChecked() for box in self.checks.values()),
        )

    def mark_clean(self) -> None:
        self._clean = self._snapshot()

    def is_dirty(self) -> bool:
        """Something was keyed since the form was emptied, loaded or saved."""
        return self._snapshot() != self._clean

    def number_is_prefilled(self) -> bool:
        """The customer number is the one the screen offered (the clerk did not key one from the form)."""
        return bool(self.prefilled_number) and self.text("customer_number").strip() == self.prefilled_number

    def refresh_prefilled_number(self, next_number: str) -> None:
        """Offer the number that is free now (blank forms may have reserved the one offered before, REG-4)."""
        if self.number_is_prefilled() or not self.text("customer_number").strip():
            self.edits["customer_number"].setText(next_number)
            self.prefilled_number = next_number

    def focus_first(self) -> None:
        self.edits["customer_number"].setFocus()
        self.edits["customer_number"].selectAll()

    # --- checking --------------------------------------------------------------------------------------
    def validate(self, status: RegistrationStatus | None = None) -> ValidRegistration | None:
        """Show every problem (a save attempt) and return the checked registration, or None."""
        self.show_all_errors = True
        self._refresh()
        if self.errors:
            self.focus_field(next(n for n in self.FIELD_ORDER if n in self.errors))
            return None
        raw = self.values()
        raw.status = status
        return validate_registration(raw, prefix=self.prefix, today=date.today())

    def focus_field(self, name: str) -> None:
        widget = self.edits.get(name) or {"deposit_type": self.deposit_type, "method": self.method}.get(name)
        if widget is not None:
            widget.setFocus()

    def show_error(self, name: str, message: str) -> None:
        """An error the service found (a taken customer number, a shared account)."""
        self.errors[name] = message
        self.touched.add(name)
        label = self.error_labels.get(name) or self.error_labels["account_number"]
        label.setText(message)
        label.show()
        self.focus_field(name)

    def _leave(self, name: str) -> None:
        # Qt sends editingFinished when the focused field loses focus while the window is being torn down;
        # by then some labels may be gone, and there is nothing left to check.
        if not all(shiboken6.isValid(w) for w in (*self.hint_labels.values(), *self.error_labels.values())):
            return
        self.touched.add(name)
        self._tidy(name)
        self._refresh()

    def _tidy(self, name: str) -> None:
        """On leaving a field, show it as it will be stored: kana as katakana, the phone hyphenated."""
        edit = self.edits[name]
        tidy: Callable[[str], str] | None = {
            "contract_holder_kana": to_display_kana,
            "account_holder_kana": to_display_kana,
            "phone": normalize_phone,
        }.get(name)
        if tidy is None or not edit.text().strip():
            return
        try:
            tidied = tidy(edit.text())
        except DomainError:
            return  # the error shows under the field; the text stays as keyed
        if tidied != edit.text():
            edit.setText(tidied)

    def copy_contract_kana(self) -> None:
        """「契約者と同じ」: the account holder's kana is the contract holder's (the usual case)."""
        self.edits["account_holder_kana"].setText(self.edits["contract_holder_kana"].text())
        self._tidy("account_holder_kana")
        self.touched.add("account_holder_kana")
        self._refresh()

    def _method_changed(self) -> None:
        web = self.method.currentData() == RegistrationMethod.WEB.value
        self.checklist_box.setEnabled(not web)

    def _refresh(self) -> None:
        self._update_japan_post_rows()
        self._update_hints()
        try:
            validate_registration(self.values(), prefix=self.prefix, today=date.today())
            self.errors = {}
        except ValidationFailed as failed:
            self.errors = {}
            for error in failed.errors:
                self.errors.setdefault(error.field, error.message)
        for name, label in self.error_labels.items():
            message = self.errors.get(name, "")
            visible = bool(message) and (self.show_all_errors or name in self.touched)
            label.setText(message if visible else "")
            label.setVisible(visible)
        self.changed.emit()

    def _update_japan_post_rows(self) -> None:
        japan_post_bank = self.is_japan_post()
        for name in ("branch_code", "deposit_type", "account_number"):
            self.rows[name].setVisible(not japan_post_bank)
            self._label_for(name).setVisible(not japan_post_bank)
        for name in ("jp_symbol", "jp_number"):
            self.rows[name].setVisible(japan_post_bank)
            self._label_for(name).setVisible(japan_post_bank)

    def _label_for(self, name: str) -> QWidget:
        holder = self.rows[name]
        parent = holder.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QFormLayout):
            label = layout.labelForField(holder)
            if label is not None:
                return label
        return QWidget()

    def _update_hints(self) -> None:
        hints = self.hint_labels
        for name in ("contract_holder_kana", "account_holder_kana"):
            hints[name].setText(self._bank_form(self.text(name)))
        hints["customer_number"].setText(self.tr("先頭7桁 {0}").format(self.prefix))
        bank_text = self._bank_code_text()
        bank_name = ""
        if bank_text.isdigit():
            try:
                bank_name = bank_codes.lookup_bank(bank_text).name
            except DomainError:
                bank_name = ""
        hints["bank_code"].setText(bank_name)
        branch_name = ""
        branch_text = self.text("branch_code").strip().split(" ", 1)[0]
        if bank_name and branch_text.isdigit() and not self.is_japan_post():
            try:
                branch_name = bank_codes.lookup_branch(bank_text, branch_text).name
            except DomainError:
                branch_name = ""
        hints["branch_code"].setText(branch_name)
        converted = ""
        if self.is_japan_post() and self.text("jp_symbol").strip() and self.text("jp_number").strip():
            try:
                account = japan_post.convert(self.text("jp_symbol"), self.text("jp_number"))
                converted = self.tr("→ 支店 {0}・{1}・口座番号 {2}").format(
                    account.branch_code, account.deposit_type.label, account.account_number
                )
            except DomainError:
                converted = ""
        hints["jp_number"].setText(converted)

    def _bank_form(self, text: str) -> str:
        if not text.strip():
            return ""
        try:
            return self.tr("銀行データ: {0}").format(to_bank_kana(text))
        except KanaError:
            return ""

    # --- type-ahead ------------------------------------------------------------------------------------
    def _bank_typed(self, text: str) -> None:
        query = text.strip()
        if not query or (query.isdigit() and len(query) >= 4):
            self.bank_completer.set_choices([])
            return
        self.bank_completer.set_choices([f"{b.code} {b.name}" for b in bank_codes.search_banks(query, limit=15)])

    def _branch_typed(self, text: str) -> None:
        query = text.strip()
        bank = self._bank_code_text()
        if not query or not bank.isdigit() or (query.isdigit() and len(query) >= 3):
            self.branch_completer.set_choices([])
            return
        try:
            found = bank_codes.search_branches(bank, query, limit=15)
        except DomainError:
            found = []
        self.branch_completer.set_choices([f"{b.code} {b.name}" for b in found])

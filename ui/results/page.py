"""振替結果: import a result file (a dry run first, then the import, both with a progress dialog), the month's
summary by code and by bank with a chart of the last twelve months, the result lines with filters, and the
follow-up work list by urgency (RES-1, RES-2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import DomainError
from app.services import billing, results
from app.services.operators import Action, OperatorRef
from app.services.results import FollowUpState, ImportOutcome
from ui.operators.visibility import show_for_role
from ui.shared.labels import QT_TRANSLATE_NOOP
from ui.shared.widgets import RowsModel, ok_cancel
from ui.shared.workers import TaskContext, TaskRunner, run_with_progress

LINE_LIMIT = 1_000


def _yen(amount: int) -> str:
    return f"{amount:,}"


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class FollowUpDialog(QDialog):
    """Change a follow-up item's state with a note for the contact log."""

    def __init__(self, item: results.FollowUpView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("対応の記録"))
        form = QFormLayout(self)
        form.addRow(self.tr("顧客"), QLabel(f"{item.customer_number} {item.contract_holder_name}"))
        form.addRow(self.tr("結果"), QLabel(f"{item.month} {item.result_code} {item.code_label}"))
        form.addRow(self.tr("推奨対応"), QLabel(item.action))
        self.state = QComboBox()
        for state in FollowUpState:
            self.state.addItem(state.label, state.value)
        self.state.setCurrentIndex(self.state.findData(item.state))
        form.addRow(self.tr("状態(&S)"), self.state)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setFixedHeight(70)
        form.addRow(self.tr("連絡の記録(&N)"), self.note)
        form.addRow(ok_cancel(self, self.tr("記録"), self.accept))


class ResultsPage(QWidget):
    ledgerRequested = Signal(str)  # customer number

    def __init__(self, db: Database, operator: OperatorRef, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._operator = operator
        self._runner = runner
        self._pending: Path | None = None
        self.last_outcome: ImportOutcome | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("振替結果"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        top = QHBoxLayout()
        month_label = QLabel(self.tr("請求月(&M)"))
        top.addWidget(month_label)
        self.month = QComboBox()
        month_label.setBuddy(self.month)
        self.month.setObjectName("month")
        self.month.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.month)
        self.import_button = QPushButton(self.tr("結果ファイルを取り込む(&I)…"))
        self.import_button.clicked.connect(self.choose_file)
        top.addWidget(self.import_button)
        self.replace_box = QCheckBox(self.tr("取り込み済みの結果を差し替える（責任者）"))
        top.addWidget(self.replace_box)
        top.addStretch(1)
        layout.addLayout(top)
        # the dry run's answer: what will change, and the button that does it
        preview_row = QHBoxLayout()
        self.preview = QLabel("")
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("この内容で取り込む(&C)"))
        self.confirm_button.setVisible(False)
        self.confirm_button.clicked.connect(self.confirm_import)
        preview_row.addWidget(self.preview, 1)
        preview_row.addWidget(self.confirm_button)
        layout.addLayout(preview_row)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._build_summary_tab()
        self._build_lines_tab()
        self._build_followups_tab()
        # OP-3: clerks work the follow-ups; importing, re-billing and settling are a supervisor's; auditors read
        show_for_role(
            operator,
            [
                (self.import_button, Action.IMPORT_RESULTS),
                (self.replace_box, Action.IMPORT_RESULTS),
                (self.update_button, Action.FOLLOW_UPS),
                (self.rebill_button, Action.BILLING),
                (self.settle_button, Action.SETTLE),
            ],
        )
        self._enable_followup_buttons()
        self.reload_months()

    # --- tabs ----------------------------------------------------------------------------------------------
    def _build_summary_tab(self) -> None:
        tab = QWidget()
        grid = QGridLayout(tab)
        self.totals = QLabel(self.tr("結果はまだ取り込まれていません"))
        self.totals.setObjectName("totals")
        grid.addWidget(self.totals, 0, 0, 1, 2)
        self.code_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "コード"),
                QT_TRANSLATE_NOOP("Labels", "内容"),
                QT_TRANSLATE_NOOP("Labels", "件数"),
                QT_TRANSLATE_NOOP("Labels", "金額（円）"),
            ),
            self,
            numeric=(2, 3),
        )
        self.bank_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "銀行"),
                QT_TRANSLATE_NOOP("Labels", "振替済"),
                QT_TRANSLATE_NOOP("Labels", "振替済（円）"),
                QT_TRANSLATE_NOOP("Labels", "振替不能"),
                QT_TRANSLATE_NOOP("Labels", "振替不能（円）"),
            ),
            self,
            numeric=(1, 2, 3, 4),
        )
        grid.addWidget(QLabel(self.tr("結果コード別")), 1, 0)
        grid.addWidget(QLabel(self.tr("金融機関別")), 1, 1)
        grid.addWidget(_table(self.code_model), 2, 0)
        grid.addWidget(_table(self.bank_model), 2, 1)
        self.chart = QChart()
        self.chart.setTitle(self.tr("直近12か月の振替済・振替不能（件数）"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        grid.addWidget(self.chart_view, 3, 0, 1, 2)
        self.months_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "請求月"),
                QT_TRANSLATE_NOOP("Labels", "振替済"),
                QT_TRANSLATE_NOOP("Labels", "振替済（円）"),
                QT_TRANSLATE_NOOP("Labels", "振替不能"),
                QT_TRANSLATE_NOOP("Labels", "振替不能（円）"),
                QT_TRANSLATE_NOOP("Labels", "不能率"),
            ),
            self,
            numeric=(1, 2, 3, 4, 5),
        )
        grid.addWidget(_table(self.months_model), 4, 0, 1, 2)
        grid.setRowStretch(3, 2)
        grid.setRowStretch(4, 1)
        self.tabs.addTab(tab, self.tr("集計"))

    def _build_lines_tab(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.code_filter = QComboBox()
        self.code_filter.setObjectName("code_filter")
        self.code_filter.addItem(self.tr("すべて"), None)
        self.code_filter.addItem(self.tr("振替不能のみ"), "failed")
        for code in ("0", "1", "2", "3", "4", "8", "9"):
            self.code_filter.addItem(f"{code} {results.code_label(code)}", code)
        self.bank_filter = QLineEdit()
        self.bank_filter.setPlaceholderText(self.tr("銀行コード"))
        self.number_filter = QLineEdit()
        self.number_filter.setPlaceholderText(self.tr("顧客番号"))
        for label, widget in (
            (self.tr("結果(&R)"), self.code_filter),
            (self.tr("銀行"), self.bank_filter),
            (self.tr("顧客番号"), self.number_filter),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        self.code_filter.currentIndexChanged.connect(lambda _i: self.reload_lines())
        self.bank_filter.editingFinished.connect(self.reload_lines)
        self.number_filter.editingFinished.connect(self.reload_lines)
        self.lines_count = QLabel("")
        filters.addWidget(self.lines_count, 1)
        box.addLayout(filters)
        self.lines_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "顧客番号"),
                QT_TRANSLATE_NOOP("Labels", "氏名"),
                QT_TRANSLATE_NOOP("Labels", "銀行"),
                QT_TRANSLATE_NOOP("Labels", "支店"),
                QT_TRANSLATE_NOOP("Labels", "金額（円）"),
                QT_TRANSLATE_NOOP("Labels", "結果"),
                QT_TRANSLATE_NOOP("Labels", "内容"),
                QT_TRANSLATE_NOOP("Labels", "レコード"),
            ),
            self,
            numeric=(4, 7),
        )
        self.lines_view = _table(self.lines_model)
        box.addWidget(self.lines_view, 1)
        self.tabs.addTab(tab, self.tr("結果明細"))

    def _build_followups_tab(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("完了していないものだけ(&W)"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _c: self.reload_followups())
        row.addWidget(self.open_only)
        self.followups_count = QLabel("")
        row.addWidget(self.followups_count, 1)
        self.update_button = QPushButton(self.tr("対応を記録(&U)…"))
        self.update_button.clicked.connect(self.update_selected)
        self.ledger_button = QPushButton(self.tr("台帳(&L) Ctrl+L"))
        self.ledger_button.clicked.connect(self.ledger_of_selected)
        self.rebill_button = QPushButton(self.tr("再請求(&B)…"))
        self.rebill_button.clicked.connect(self.rebill_selected)
        self.settle_button = QPushButton(self.tr("他の方法で入金(&P)…"))
        self.settle_button.clicked.connect(self.settle_selected)
        for button in (self.update_button, self.ledger_button, self.rebill_button, self.settle_button):
            row.addWidget(button)
        box.addLayout(row)
        self.followups_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "期限"),
                QT_TRANSLATE_NOOP("Labels", "残り日数"),
                QT_TRANSLATE_NOOP("Labels", "顧客番号"),
                QT_TRANSLATE_NOOP("Labels", "氏名"),
                QT_TRANSLATE_NOOP("Labels", "請求月"),
                QT_TRANSLATE_NOOP("Labels", "結果"),
                QT_TRANSLATE_NOOP("Labels", "金額（円）"),
                QT_TRANSLATE_NOOP("Labels", "未収（円）"),
                QT_TRANSLATE_NOOP("Labels", "状態"),
                QT_TRANSLATE_NOOP("Labels", "推奨対応"),
            ),
            self,
            numeric=(1, 6, 7),
        )
        self.followups_view = _table(self.followups_model)
        self.followups_view.doubleClicked.connect(lambda _i: self.update_selected())
        self.followups_view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_contacts())
        box.addWidget(self.followups_view, 3)
        self.contacts = QPlainTextEdit()
        self.contacts.setObjectName("contacts")
        self.contacts.setReadOnly(True)
        self.contacts.setPlaceholderText(self.tr("選んだ項目の連絡記録"))
        box.addWidget(self.contacts, 1)
        self.ledger_action = QAction(self.tr("台帳"), self)
        self.ledger_action.setShortcut(QKeySequence("Ctrl+L"))
        self.ledger_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.ledger_action.triggered.connect(lambda _c=False: self.ledger_of_selected())
        self.addAction(self.ledger_action)
        self.tabs.addTab(tab, self.tr("対応リスト"))

    # --- loading -------------------------------------------------------------------------------------------
    def reload_months(self) -> None:
        from sqlalchemy import select

        from app.db.models import BillingMonth

        with self._db.read() as session:
            months = list(
                session.scalars(
                    select(BillingMonth.month)
                    .where(BillingMonth.state != billing.DRAFT)
                    .order_by(BillingMonth.month.desc())
                )
            )
        current = self.month.currentText()
        self.month.blockSignals(True)
        self.month.clear()
        self.month.addItems(months)
        if current in months:
            self.month.setCurrentText(current)
        self.month.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self.reload_summary()
        self.reload_lines()
        self.reload_followups()

    def _month(self) -> str | None:
        return self.month.currentText() or None

    def reload_summary(self) -> None:
        month = self._month()
        self.code_model.set_rows([])
        self.bank_model.set_rows([])
        if month is None:
            self.totals.setText(self.tr("確定した請求月はまだありません"))
        else:
            try:
                view = results.summary(self._db, month)
            except DomainError:
                view = None
            if view is None:
                self.totals.setText(self.tr("{0}: 確定済み・結果待ち").format(month))
            else:
                self.totals.setText(
                    self.tr("{0} 結果取込済（{1} {2}）　振替済 {3} 件 {4} 円　振替不能 {5} 件 {6} 円").format(
                        month,
                        f"{view.imported_at:%Y-%m-%d %H:%M}" if view.imported_at else "",
                        view.imported_by,
                        view.paid.count,
                        _yen(view.paid.amount),
                        view.failed.count,
                        _yen(view.failed.amount),
                    )
                )
                self.code_model.set_rows(
                    [
                        (c, results.code_label(c), f"{t.count:,}", _yen(t.amount))
                        for c, t in sorted(view.by_code.items())
                    ]
                )
                self.bank_model.set_rows(
                    [
                        (b, f"{p.count:,}", _yen(p.amount), f"{f.count:,}", _yen(f.amount))
                        for b, (p, f) in sorted(view.by_bank.items())
                    ]
                )
        self._reload_chart()

    def _reload_chart(self) -> None:
        recent = results.recent_months(self._db)
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        paid, failed = QBarSet(self.tr("振替済")), QBarSet(self.tr("振替不能"))
        rows = []
        for view in recent:
            paid.append(view.paid.count)
            failed.append(view.failed.count)
            total = view.paid.count + view.failed.count
            rate = f"{view.failed.count / total:.1%}" if total else "—"
            rows.append(
                (
                    view.month,
                    f"{view.paid.count:,}",
                    _yen(view.paid.amount),
                    f"{view.failed.count:,}",
                    _yen(view.failed.amount),
                    rate,
                )
            )
        self.months_model.set_rows(rows)
        series = QBarSeries()
        series.append(paid)
        series.append(failed)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([v.month for v in recent])
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([max(v.paid.count, v.failed.count) for v in recent] + [1])
        values.setRange(0, top)
        values.setTickCount(min(top, 5) + 1)  # whole counts on the axis, not 0, 0, 0 …
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    def reload_lines(self) -> None:
        month = self._month()
        if month is None:
            self.lines_model.set_rows([])
            return
        choice: Any = self.code_filter.currentData()
        try:
            lines = results.list_results(
                self._db,
                month,
                code=choice if choice not in (None, "failed") else None,
                failed_only=choice == "failed",
                bank_code=self.bank_filter.text().strip() or None,
                customer_number=self.number_filter.text().strip() or None,
                limit=LINE_LIMIT + 1,
            )
        except DomainError:
            lines = []
        shown = lines[:LINE_LIMIT]
        self.lines_model.set_rows(
            [
                (
                    x.customer_number,
                    x.contract_holder_name,
                    x.bank_code,
                    x.branch_code,
                    _yen(x.amount),
                    x.result_code,
                    x.label,
                    str(x.record_number),
                )
                for x in shown
            ]
        )
        more = self.tr("（先頭 {0} 件を表示）").format(LINE_LIMIT) if len(lines) > LINE_LIMIT else ""
        self.lines_count.setText(self.tr("{0} 件{1}").format(len(shown), more))

    def reload_followups(self) -> None:
        today = date.today()
        items = results.list_followups(self._db, open_only=self.open_only.isChecked(), today=today)
        self.followups_model.set_rows(
            [
                (
                    i.deadline.isoformat(),
                    str((i.deadline - today).days),
                    i.customer_number,
                    i.contract_holder_name,
                    i.month,
                    f"{i.result_code} {i.code_label}",
                    _yen(i.amount),
                    _yen(i.outstanding),
                    i.state_label,
                    i.action,
                )
                for i in items
            ],
            keys=[i.id for i in items],
        )
        self.followups_count.setText(self.tr("{0} 件").format(len(items)))
        self._show_contacts()

    # --- import --------------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("振替結果ファイル"), "", self.tr("振替結果 (*.txt *.dat *.csv *.xlsx);;すべて (*)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """A dry run first: what will change is shown with the button that imports it."""
        self._pending = path
        self.confirm_button.setVisible(False)
        self._run(path, dry_run=True)

    def confirm_import(self) -> None:
        if self._pending is not None:
            self.confirm_button.setVisible(False)
            self._run(self._pending, dry_run=False)

    def _run(self, path: Path, *, dry_run: bool) -> None:
        replace = self.replace_box.isChecked()
        db, operator = self._db, self._operator

        def work(ctx: TaskContext) -> ImportOutcome:
            return results.import_results(
                db,
                path,
                operator,
                dry_run=dry_run,
                replace=replace,
                progress=ctx.progress,
                cancelled=lambda: ctx.cancelled,
            )

        label = self.tr("振替結果を照合しています…") if dry_run else self.tr("振替結果を取り込んでいます…")
        run_with_progress(self._runner, self, label, work, self._finished, self._failed)

    def _finished(self, outcome: ImportOutcome) -> None:
        self.last_outcome = outcome
        p = outcome.preview
        if outcome.already_imported:
            self.preview.setText(outcome.message)
            self._pending = None
            return
        what = self.tr(
            "{0}（{1}）: 振替済 {2} 件 {3} 円、振替不能 {4} 件 {5} 円。登録の確認 {6} 件、新しい依頼書が必要 {7} 件、"
            "請求停止 {8} 件、対応項目 {9} 件（不備返却中の振替済 {10} 件）"
        ).format(
            p.month,
            p.file_name,
            p.paid.count,
            _yen(p.paid.amount),
            p.failed.count,
            _yen(p.failed.amount),
            p.confirmations,
            p.new_forms,
            p.stops,
            p.follow_ups,
            p.flagged,
        )
        if outcome.dry_run:
            head = self.tr("差し替えると: ") if p.replaces else self.tr("取り込むと: ")
            self.preview.setText(head + what)
            self.confirm_button.setVisible(True)
            return
        self._pending = None
        self.preview.setText(self.tr("取り込みました: ") + what)
        self.reload_months()
        self.month.setCurrentText(p.month)

    def _failed(self, error: Any) -> None:
        message = getattr(error, "screen_message", None) or str(error)
        self.preview.setText(self.tr("取り込めませんでした（何も変更していません）"))
        self.confirm_button.setVisible(False)
        self._pending = None
        QMessageBox.warning(self, self.tr("振替結果を取り込めません"), message)

    # --- follow-ups ----------------------------------------------------------------------------------------
    def selected_followup(self) -> int | None:
        index = self.followups_view.currentIndex()
        if not index.isValid():
            return None
        key: int | None = self.followups_model.keys[index.row()]
        return key

    def _enable_followup_buttons(self, view: results.FollowUpView | None = None) -> None:
        """What the selected item's state allows: a resolved item takes no more contacts; only an amount still
        outstanding is re-billed or settled."""
        self.update_button.setEnabled(view is not None and view.state != FollowUpState.RESOLVED.value)
        self.ledger_button.setEnabled(view is not None)
        for button in (self.rebill_button, self.settle_button):
            button.setEnabled(view is not None and view.outstanding > 0)

    def _show_contacts(self) -> None:
        key = self.selected_followup()
        if key is None:
            self.contacts.clear()
            self._enable_followup_buttons()
            return
        view = results.load_view(self._db, key)
        self._enable_followup_buttons(view)
        self.contacts.setPlainText(
            "\n".join(
                f"{c.at.astimezone():%Y-%m-%d %H:%M} {c.operator}: {FollowUpState(c.state_after).label} {c.note}"
                for c in view.contacts
            )
            or self.tr("連絡記録はまだありません")
        )

    def update_selected(self) -> None:
        key = self.selected_followup()
        if key is None:
            return
        item = results.load_view(self._db, key)
        dialog = FollowUpDialog(item, self)
        if dialog.exec():
            self.apply_update(key, str(dialog.state.currentData()), dialog.note.toPlainText(), item.version)

    def apply_update(self, key: int, state: str, note: str, version: int | None = None) -> None:
        try:
            results.update_followup(self._db, key, state, self._operator, note=note, expected_version=version)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("記録できません"), error.screen_message)
        self.reload_followups()

    def ledger_of_selected(self) -> None:
        key = self.selected_followup()
        if key is not None:
            self.ledgerRequested.emit(results.load_view(self._db, key).customer_number)

    def rebill_selected(self) -> None:
        key = self.selected_followup()
        if key is None:
            return
        from sqlalchemy import select

        from app.db.models import BillingMonth

        with self._db.read() as session:
            drafts = list(session.scalars(select(BillingMonth.month).where(BillingMonth.state == billing.DRAFT)))
        if not drafts:
            QMessageBox.information(
                self, self.tr("再請求"), self.tr("下書きの請求月がありません。先に請求月を準備してください")
            )
            return
        try:
            results.rebill(self._db, key, sorted(drafts)[0], self._operator)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("再請求できません"), error.screen_message)
        self.reload_followups()

    def settle_selected(self) -> None:
        key = self.selected_followup()
        if key is None:
            return
        from PySide6.QtWidgets import QInputDialog

        note, ok = QInputDialog.getText(
            self, self.tr("他の方法で入金"), self.tr("入金の方法と日付（例: 現金 1/15 窓口）")
        )
        if ok:
            try:
                results.settle(self._db, key, note, self._operator)
            except DomainError as error:
                QMessageBox.warning(self, self.tr("記録できません"), error.screen_message)
            self.reload_followups()

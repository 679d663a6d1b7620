"""発送・不備返却: shipments with cover sheets, the returns dashboard with statistics, and the deadlines."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.dates import japanese_date
from app.domain.errors import DomainError
from app.domain.lifecycle import ShipmentStatus
from app.services import settings
from app.services.forms import render_cover_sheet
from app.services.operators import Action, OperatorRef, list_operators
from app.services.paper import holds, returns, shipments
from ui.forms.dialog import PdfPreview
from ui.operators.visibility import show_for_role
from ui.paper.return_dialog import ReturnDialog
from ui.shared.data_events import Area, announce, data_events
from ui.shared.error_hook import error_text
from ui.shared.labels import QT_TRANSLATE_NOOP, tr_label
from ui.shared.widgets import RowsModel, to_date
from ui.shared.workers import TaskContext, TaskRunner

DEADLINE_ROWS = 1_000  # the deadline list shows this many forms; the count says how many there are in all


def table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


def count_axis(largest: int) -> tuple[int, int]:
    """The top and the step of an axis of counts: whole numbers only, at most six steps (1, 2, 5, 10, 20, …)."""
    magnitude, multiples = 1, (1, 2, 5)
    step = 1
    while True:
        for multiple in multiples:
            step = multiple * magnitude
            if largest <= step * 6:
                break
        else:
            magnitude *= 10
            continue
        break
    top = max(step, -(-largest // step) * step)
    return top, step


@dataclass(frozen=True)
class DashboardFilters:
    reason: str
    bank_code: str
    operator_login: str
    min_age_days: int


@dataclass(frozen=True)
class PaperSnapshot:
    """Everything the page shows, read in a worker: at 1,000,000 registrations the waiting counts and the
    deadline list take longer than a GUI frame."""

    waiting: tuple[int, int]
    shipment_views: list[shipments.ShipmentView]
    operators: list[OperatorRef]
    dashboard: list[returns.DashboardRow]
    stats: returns.ReturnStats
    deadlines: list[shipments.DeadlineRow]
    deadline_total: int
    left_out: list[tuple[str, date, list[str]]]
    held: list[holds.HeldForm]


class PaperPage(QWidget):
    refreshed = Signal()
    returnsShown = Signal()  # a filter's result is on screen
    statsShown = Signal()

    def __init__(
        self,
        db: Database,
        operator: OperatorRef,
        attachments: Path,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._runner = runner or TaskRunner(self)
        self._generation = 0
        self._select_shipment: int | None = None
        self._unsent: set[int] = set()
        self._db = db
        self._operator = operator
        self._attachments = attachments
        self.last_preview: PdfPreview | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("発送・不備返却"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._shipments_tab(), self.tr("発送(&S)"))
        self.tabs.addTab(self._returns_tab(), self.tr("不備返却(&R)"))
        self.tabs.addTab(self._deadlines_tab(), self.tr("期限(&L)"))
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        # OP-3: an auditor reads shipments and returns; sending an incomplete form anyway is a supervisor's
        show_for_role(
            operator,
            [
                (self.create_button, Action.SHIPMENTS),
                (self.send_button, Action.SHIPMENTS),
                (self.checked_button, Action.SHIPMENTS),
                (self.cover_button, Action.PRINT_FORMS),
                (self.send_anyway_button, Action.SEND_ANYWAY),
                (self.add_return_button, Action.RETURNS),
                (self.open_return_button, Action.RETURNS),
            ],
        )
        self._enable_shipment_buttons()
        data_events().changed.connect(self._data_changed)
        self.refresh()

    # --- shipments ----------------------------------------------------------------------------------------
    def _shipments_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.waiting = QLabel()
        self.waiting.setObjectName("waiting")
        row.addWidget(self.waiting, 1)
        self.create_button = QPushButton(self.tr("発送を作成(&C)"))
        self.send_button = QPushButton(self.tr("発送済みにする(&D)…"))
        self.cover_button = QPushButton(self.tr("送付書・明細を印刷(&P)…"))
        self.create_button.clicked.connect(self.create_shipment)
        self.send_button.clicked.connect(lambda: self.send_selected())
        self.cover_button.clicked.connect(self.print_cover_sheet)
        for button in (self.create_button, self.send_button, self.cover_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.shipments_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "発送"),
                QT_TRANSLATE_NOOP("Labels", "状態"),
                QT_TRANSLATE_NOOP("Labels", "発送日"),
                QT_TRANSLATE_NOOP("Labels", "追跡番号"),
                QT_TRANSLATE_NOOP("Labels", "新規分"),
                QT_TRANSLATE_NOOP("Labels", "不備分"),
                QT_TRANSLATE_NOOP("Labels", "合計"),
            ),
            self,
            numeric=(0, 4, 5, 6),
        )
        self.shipments_table = table(self.shipments_model, "shipments")
        self.shipments_table.horizontalHeader().setStretchLastSection(False)  # the total beside its parts
        self.shipments_table.selectionModel().selectionChanged.connect(lambda *_a: self._enable_shipment_buttons())
        layout.addWidget(self.shipments_table, 1)
        # forms the next shipment leaves out because their stored checklist is incomplete
        held_row = QHBoxLayout()
        self.held_label = QLabel()
        self.held_label.setObjectName("held")
        self.held_label.setWordWrap(True)
        held_row.addWidget(self.held_label, 1)
        self.checked_button = QPushButton(self.tr("確認済みを記録(&K)…"))
        self.send_anyway_button = QPushButton(self.tr("理由を付けて発送に含める(&Y)…"))
        self.checked_button.clicked.connect(lambda: self.record_checked())
        self.send_anyway_button.clicked.connect(lambda: self.send_anyway())
        self.send_anyway_button.setEnabled(False)  # until forms are held back (and only a supervisor sees it)
        for button in (self.checked_button, self.send_anyway_button):
            held_row.addWidget(button)
        layout.addLayout(held_row)
        self.held_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "顧客番号"),
                QT_TRANSLATE_NOOP("Labels", "契約者名"),
                QT_TRANSLATE_NOOP("Labels", "区分"),
                QT_TRANSLATE_NOOP("Labels", "確認できていない項目"),
            ),
            self,
        )
        self.held_table = table(self.held_model, "held")
        self.held_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.held_table, 1)
        return tab

    def selected_held(self) -> list[str]:
        rows = self.held_table.selectionModel().selectedRows()
        return [str(self.held_model.keys[index.row()]) for index in rows]

    def record_checked(self, note: str | None = None) -> None:
        """The selected held-back forms were checked on paper: record it (each gets a history row)."""
        numbers = self.selected_held()
        if not numbers:
            self.message.setText(self.tr("保留中の依頼書を選んでください"))
            return
        if note is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("確認済みを記録"),
                self.tr("依頼書の原本を確認し、チェック項目がすべて満たされていることを記録します（メモ）:"),
            )
            if not ok:
                return
            note = text
        try:
            for number in numbers:
                holds.record_checked(self._db, number, self._operator, note=note)
        except DomainError as error:
            self.message.setText(error.screen_message)
            self.refresh()
            return
        self.message.setText(self.tr("{0} 件を確認済みにしました。次の発送に含まれます").format(len(numbers)))
        announce(Area.ACCOUNTS)  # their checklists changed: every screen showing them refreshes

    def send_anyway(self, reason: str | None = None) -> None:
        """A supervisor sends the selected held-back forms with the waiting ones, with a reason."""
        numbers = self.selected_held()
        if not numbers:
            self.message.setText(self.tr("保留中の依頼書を選んでください"))
            return
        if reason is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("チェック未完了のまま発送に含める"),
                self.tr("{0} 件をチェック未完了のまま発送に含めます。理由:").format(len(numbers)),
            )
            if not ok:
                return
            reason = text
        self._create(send_anyway=numbers, reason=reason)

    def _enable_shipment_buttons(self) -> None:
        """The selected shipment's state: only one not yet sent is marked sent; a cover sheet needs one."""
        selected = self.selected_shipment()
        self.send_button.setEnabled(selected is not None and selected in self._unsent)
        self.cover_button.setEnabled(selected is not None)

    def selected_shipment(self) -> int | None:
        rows = self.shipments_table.selectionModel().selectedRows()
        return int(self.shipments_model.keys[rows[0].row()]) if rows else None

    def create_shipment(self) -> None:
        self._create()

    def _create(self, send_anyway: list[str] | None = None, reason: str = "") -> None:
        try:
            view = shipments.create_shipment(self._db, self._operator, send_anyway=send_anyway or (), reason=reason)
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        text = self.tr("発送 {0}: 新規分 {1} 枚、不備分 {2} 枚").format(view.id, len(view.new), len(view.corrected))
        if view.sent_anyway:
            text += self.tr("（チェック未完了のまま {0} 枚を含めました）").format(len(view.sent_anyway))
        if view.held_back:
            text += self.tr("。チェックが済んでいない {0} 枚は保留しました（下の一覧）").format(len(view.held_back))
        self.message.setText(text)
        self._select_shipment = view.id  # selected once the refreshed list is on screen
        announce(Area.PAPER, [view.id])

    def send_selected(self, sent_on: date | None = None, tracking: str | None = None) -> None:
        shipment_id = self.selected_shipment()
        if shipment_id is None:
            self.message.setText(self.tr("発送を選んでください"))
            return
        if sent_on is None:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("発送済みにする"))
            form = QFormLayout(dialog)
            when = QDateEdit(QDate.currentDate())
            when.setCalendarPopup(True)
            when.setDisplayFormat("yyyy-MM-dd")
            number = QLineEdit()
            form.addRow(self.tr("発送日(&D)"), when)
            form.addRow(self.tr("追跡番号(&T)"), number)
            from ui.shared.widgets import ok_cancel

            form.addRow(ok_cancel(dialog, self.tr("記録する(&O)"), dialog.accept))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            sent_on, tracking = to_date(when.date()), number.text()
        try:
            view = shipments.send_shipment(
                self._db, shipment_id, sent_on, self._operator, tracking_number=tracking or ""
            )
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.message.setText(self.tr("発送 {0} を {1} に発送済みにしました").format(view.id, view.sent_on))
        announce(Area.PAPER, [view.id])

    def print_cover_sheet(self) -> None:
        shipment_id = self.selected_shipment()
        if shipment_id is None:
            self.message.setText(self.tr("発送を選んでください"))
            return
        view = shipments.get_shipment(self._db, shipment_id)
        target = Path(tempfile.mkdtemp(prefix="kofuri-cover-")) / self.tr("送付書_{0}.pdf").format(view.id)
        try:
            render_cover_sheet(
                self._db,
                target,
                new=view.new,
                corrected=view.corrected,
                tracking_number=view.tracking_number,
                sent_on=view.sent_on,
                shipment_id=view.id,
                operator=self._operator,
            )
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.last_preview = PdfPreview(
            target,
            self.tr("送付書 {0}（新規分 {1}・不備分 {2}）").format(view.id, len(view.new), len(view.corrected)),
            self,
        )
        self.last_preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_preview.open()

    # --- returns ------------------------------------------------------------------------------------------
    def _returns_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.reason_filter = QComboBox()
        self.reason_filter.addItem(self.tr("すべての理由"), "")
        for code, label in returns.REASONS.items():
            self.reason_filter.addItem(tr_label(label), code)
        self.bank_filter = QLineEdit()
        self.bank_filter.setPlaceholderText(self.tr("銀行コード"))
        self.bank_filter.setMaximumWidth(90)
        self.operator_filter = QComboBox()
        self.min_age = QSpinBox()
        self.min_age.setRange(0, 365)
        self.min_age.setSuffix(self.tr(" 日以上"))
        for combo in (self.reason_filter, self.operator_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_returns())
        self.bank_filter.textChanged.connect(lambda _t: self.refresh_returns())
        self.min_age.valueChanged.connect(lambda _v: self.refresh_returns())
        labelled: tuple[tuple[str, QWidget], ...] = (
            (self.tr("理由"), self.reason_filter),
            (self.tr("銀行"), self.bank_filter),
            (self.tr("担当"), self.operator_filter),
            (self.tr("経過"), self.min_age),
        )
        for label, widget in labelled:
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        self.add_return_button = QPushButton(self.tr("返却を記録(&A)…"))
        self.open_return_button = QPushButton(self.tr("対応(&E)…"))
        self.add_return_button.clicked.connect(lambda: self.record_return())
        self.open_return_button.clicked.connect(lambda: self.follow_up_selected())
        filters.addWidget(self.add_return_button)
        filters.addWidget(self.open_return_button)
        layout.addLayout(filters)
        self.returns_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "残り日数"),
                QT_TRANSLATE_NOOP("Labels", "顧客番号"),
                QT_TRANSLATE_NOOP("Labels", "契約者名"),
                QT_TRANSLATE_NOOP("Labels", "銀行"),
                QT_TRANSLATE_NOOP("Labels", "受領日"),
                QT_TRANSLATE_NOOP("Labels", "経過"),
                QT_TRANSLATE_NOOP("Labels", "理由"),
                QT_TRANSLATE_NOOP("Labels", "状態"),
                QT_TRANSLATE_NOOP("Labels", "担当"),
            ),
            self,
            numeric=(5,),
        )
        self.returns_table = table(self.returns_model, "returns")
        self.returns_table.doubleClicked.connect(lambda _i: self.follow_up_selected())
        stats_box = QWidget()
        stats_layout = QVBoxLayout(stats_box)
        period = QHBoxLayout()
        today = QDate.currentDate()
        self.stats_from = QDateEdit(today.addMonths(-6))
        self.stats_to = QDateEdit(today)
        for edit in (self.stats_from, self.stats_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.refresh_stats())
        period.addWidget(QLabel(self.tr("統計の期間")))
        period.addWidget(self.stats_from)
        period.addWidget(QLabel("〜"))
        period.addWidget(self.stats_to)
        period.addStretch(1)
        stats_layout.addLayout(period)
        self.stats_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "区分"),
                QT_TRANSLATE_NOOP("Labels", "名前"),
                QT_TRANSLATE_NOOP("Labels", "件数"),
            ),
            self,
            numeric=(2,),
        )
        self.stats_table = table(self.stats_model, "stats")
        header = self.stats_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.stats_table.setMinimumWidth(320)
        self.chart = QChart()
        self.chart.setTitle(self.tr("不備理由別の件数"))
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        split = QSplitter()
        split.addWidget(self.stats_table)
        split.addWidget(self.chart_view)
        split.setStretchFactor(1, 2)
        stats_layout.addWidget(split, 1)
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(self.returns_table)
        vertical.addWidget(stats_box)
        layout.addWidget(vertical, 1)
        return tab

    def dashboard_filters(self) -> DashboardFilters:
        bank = self.bank_filter.text().strip()
        return DashboardFilters(
            reason=str(self.reason_filter.currentData() or ""),
            bank_code=bank.zfill(4) if bank else "",
            operator_login=str(self.operator_filter.currentData() or ""),
            min_age_days=self.min_age.value(),
        )

    def refresh_returns(self) -> None:
        """A filter changed: the open returns, read in the background (the newest filter's answer wins)."""
        db, filters = self._db, self.dashboard_filters()
        self._returns_generation = generation = getattr(self, "_returns_generation", 0) + 1

        def arrived(rows: list[returns.DashboardRow]) -> None:
            if generation == self._returns_generation:
                self._show_returns(rows)
                self.returnsShown.emit()

        self._runner.start(
            lambda _ctx: dashboard_rows(db, filters),
            on_success=arrived,
            on_failure=lambda error: self.message.setText(error_text(error)),
        )

    def _show_returns(self, rows: list[returns.DashboardRow]) -> None:
        self.returns_model.set_rows(
            [
                (
                    QCoreApplication.translate("Labels", "{0} 日（{1} 分）").format(r.days_left, r.month),
                    r.view.customer_number,
                    r.view.contract_holder_name,
                    r.view.bank_code,
                    r.view.received_on.isoformat(),
                    QCoreApplication.translate("Labels", "{0} 日").format(r.age_days),
                    r.view.reason_labels,
                    returns.STATUSES[r.view.status],
                    r.operator,
                )
                for r in rows
            ],
            [r.view.id for r in rows],
        )
        self.returns_table.resizeColumnsToContents()

    def refresh_stats(self) -> None:
        db, start, end = self._db, to_date(self.stats_from.date()), to_date(self.stats_to.date())
        self._stats_generation = generation = getattr(self, "_stats_generation", 0) + 1

        def arrived(result: returns.ReturnStats) -> None:
            if generation == self._stats_generation:
                self._show_stats(result)
                self.statsShown.emit()

        self._runner.start(
            lambda _ctx: returns.stats(db, start, end),
            on_success=arrived,
            on_failure=lambda error: self.message.setText(error_text(error)),
        )

    def _show_stats(self, result: returns.ReturnStats) -> None:
        rows = [(self.tr("理由"), k, str(v)) for k, v in result.by_reason.items()]
        rows += [(self.tr("金融機関"), k, str(v)) for k, v in result.by_bank.items()]
        self.stats_model.set_rows(rows)
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        # Horizontal bars: the reasons are long Japanese labels, read in full down the left; most frequent on top.
        names = list(result.by_reason)[::-1]
        bars = QBarSet(self.tr("件数"))
        for name in names:
            bars.append(result.by_reason[name])
        bars.setLabelColor(Qt.GlobalColor.black)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(names or [self.tr("（なし）")])
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        top, step = count_axis(max([*result.by_reason.values(), 0]))
        values.setRange(0, top)
        values.setTickCount(top // step + 1)
        values.setLabelFormat("%d")
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)

    def record_return(self, customer_number: str = "") -> ReturnDialog:
        dialog = ReturnDialog(self._db, self._operator, self._attachments, self, customer_number=customer_number)
        dialog.finished.connect(lambda _code: announce(Area.PAPER))
        dialog.open()
        return dialog

    def follow_up_selected(self) -> ReturnDialog | None:
        rows = self.returns_table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("返却を選んでください"))
            return None
        dialog = ReturnDialog(
            self._db, self._operator, self._attachments, self, return_id=int(self.returns_model.keys[rows[0].row()])
        )
        dialog.finished.connect(lambda _code: announce(Area.PAPER))
        dialog.open()
        return dialog

    # --- deadlines ----------------------------------------------------------------------------------------
    def _deadlines_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("今日発送すると間に合う最初の振替月")))
        self.deadline_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "顧客番号"),
                QT_TRANSLATE_NOOP("Labels", "契約者名"),
                QT_TRANSLATE_NOOP("Labels", "状態"),
                QT_TRANSLATE_NOOP("Labels", "最初の振替月"),
                QT_TRANSLATE_NOOP("Labels", "到着期限"),
            ),
            self,
        )
        layout.addWidget(table(self.deadline_model, "deadlines"), 2)
        self.deadline_count = QLabel()
        self.deadline_count.setObjectName("deadline_count")
        layout.addWidget(self.deadline_count)
        layout.addWidget(QLabel(self.tr("不備返却中で、期限までに再送付しないと請求から外れるお客様")))
        self.left_out_model = RowsModel(
            (
                QT_TRANSLATE_NOOP("Labels", "振替月"),
                QT_TRANSLATE_NOOP("Labels", "再送付の期限"),
                QT_TRANSLATE_NOOP("Labels", "対象のお客様"),
            ),
            self,
        )
        layout.addWidget(table(self.left_out_model, "left_out"), 1)
        return tab

    # --- everything ---------------------------------------------------------------------------------------
    def _data_changed(self, area: str, _ids: list[int]) -> None:
        if area in (Area.ACCOUNTS, Area.PAPER):
            self.refresh()

    def refresh(self) -> None:
        """Read everything in a worker, then show it (`refreshed` tells when it is on screen)."""
        self._generation += 1
        generation = self._generation
        filters = self.dashboard_filters()
        period = (to_date(self.stats_from.date()), to_date(self.stats_to.date()))
        db = self._db

        def load(_ctx: TaskContext) -> PaperSnapshot:
            return PaperSnapshot(
                waiting=shipments.waiting_counts(db),
                shipment_views=shipments.list_shipments(db),
                operators=list_operators(db),
                dashboard=dashboard_rows(db, filters),
                stats=returns.stats(db, *period),
                deadlines=shipments.deadline_view(db, limit=DEADLINE_ROWS),
                deadline_total=shipments.deadline_count(db),
                left_out=returns.left_out(db),
                held=holds.held_back_forms(db),
            )

        def show(snapshot: PaperSnapshot) -> None:
            if generation == self._generation:
                self._show(snapshot)

        self._runner.start(load, on_success=show, on_failure=lambda error: self.message.setText(error_text(error)))

    def _show(self, snapshot: PaperSnapshot) -> None:
        new, corrected = snapshot.waiting
        self.waiting.setText(self.tr("発送待ち: 新規分 {0} 枚・不備分 {1} 枚").format(new, corrected))
        held = snapshot.held
        self.held_label.setText(
            self.tr("チェックが済んでいないため次の発送に含めない依頼書: {0} 件").format(len(held))
            if held
            else self.tr("チェック未完了で保留中の依頼書はありません")
        )
        self.held_model.set_rows(
            [
                (h.customer_number, h.name, self.tr("不備分") if h.corrected else self.tr("新規分"), h.missing_text)
                for h in held
            ],
            [h.customer_number for h in held],
        )
        self.held_table.resizeColumnsToContents()
        self.checked_button.setEnabled(bool(held))
        self.send_anyway_button.setEnabled(bool(held))
        keep = self._select_shipment or self.selected_shipment()
        self._select_shipment = None
        views = snapshot.shipment_views
        self._unsent = {v.id for v in views if v.sent_on is None}
        self.shipments_model.set_rows(
            [
                (
                    str(v.id),
                    ShipmentStatus(v.status).label,
                    v.sent_on.isoformat() if v.sent_on else "",
                    v.tracking_number,
                    str(len(v.new)),
                    str(len(v.corrected)),
                    str(v.total),
                )
                for v in views
            ],
            [v.id for v in views],
        )
        self.shipments_table.resizeColumnsToContents()
        if keep in self.shipments_model.keys:
            self.shipments_table.selectRow(self.shipments_model.keys.index(keep))
        self._enable_shipment_buttons()
        current = self.operator_filter.currentData()
        self.operator_filter.blockSignals(True)
        self.operator_filter.clear()
        self.operator_filter.addItem(self.tr("すべて"), "")
        for op in snapshot.operators:
            self.operator_filter.addItem(op.name, op.login_id)
        self.operator_filter.setCurrentIndex(max(self.operator_filter.findData(current), 0))
        self.operator_filter.blockSignals(False)
        self._show_returns(snapshot.dashboard)
        self._show_stats(snapshot.stats)
        prefix = settings.get_settings(self._db).customer_number_prefix

        def own(number: str) -> str:  # the merchant's part: the 7-digit prefix is the same on every number
            own_part = number[len(prefix) :] if number.startswith(prefix) else number
            return own_part.lstrip("0") or "0"  # the search finds a customer by these last digits

        self.deadline_model.set_rows(
            [
                (own(r.customer_number), r.name, r.status, r.first_month, japanese_date(r.deadline))
                for r in snapshot.deadlines
            ]
        )
        shown, total = len(snapshot.deadlines), snapshot.deadline_total
        self.deadline_count.setText(
            self.tr("{0} 件").format(f"{total:,}")
            if shown == total
            else self.tr("全 {0} 件のうち、顧客番号順に先頭 {1} 件を表示").format(f"{total:,}", f"{shown:,}")
        )
        self.left_out_model.set_rows(  # one customer a row (a long list was one comma-separated run, cut off)
            [
                (month, japanese_date(deadline), own(number))
                for month, deadline, numbers in snapshot.left_out
                for number in (numbers or ["—"])
            ]
        )
        self.refreshed.emit()


def dashboard_rows(db: Database, filters: DashboardFilters) -> list[returns.DashboardRow]:
    return returns.dashboard(
        db,
        reason=filters.reason,
        bank_code=filters.bank_code,
        operator_login=filters.operator_login,
        min_age_days=filters.min_age_days,
    )

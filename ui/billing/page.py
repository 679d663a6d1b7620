"""請求: the month's dates and deadlines with days left, the lines grid, the problems list, the exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.account_fields import DEPOSIT_TYPE_LABELS, DepositType
from app.domain.business_calendar import MonthSchedule
from app.domain.dates import japanese_date
from app.domain.errors import Conflict, DomainError, NotFound
from app.services import billing
from app.services.billing import BillingRefused, ExportResult, LineView
from app.services.operators import Action, OperatorRef, allowed
from app.services.operators.output_audit import mask
from ui.operators.visibility import show_for_role
from ui.shared.data_events import Area, data_events
from ui.shared.error_hook import error_text
from ui.shared.labels import QT_TRANSLATE_NOOP, tr_label
from ui.shared.workers import TaskContext, TaskRunner, run_with_progress

ModelIndex = QModelIndex | QPersistentModelIndex
CHUNK = 500
AMOUNT_COLUMN = 6


class MonthEdit(QDateEdit):
    """The billing month: Up/Down (and the wheel) step one month whichever part the cursor is in."""

    def stepBy(self, steps: int) -> None:
        self.setDate(self.date().addMonths(steps))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        return QAbstractSpinBox.StepEnabledFlag.StepUpEnabled | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled


class BillingLinesModel(QAbstractTableModel):
    """A month's lines, read 500 at a time as the grid scrolls (fetchMore); the amount is editable in a draft."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Labels", "顧客番号"),
        QT_TRANSLATE_NOOP("Labels", "契約者名"),
        QT_TRANSLATE_NOOP("Labels", "銀行"),
        QT_TRANSLATE_NOOP("Labels", "支店"),
        QT_TRANSLATE_NOOP("Labels", "種目"),
        QT_TRANSLATE_NOOP("Labels", "口座番号"),
        QT_TRANSLATE_NOOP("Labels", "金額"),
        QT_TRANSLATE_NOOP("Labels", "新規コード"),
        QT_TRANSLATE_NOOP("Labels", "摘要"),
        QT_TRANSLATE_NOOP("Labels", "停止"),
    )
    amountRejected = Signal(str)
    staleAmount = Signal()

    def __init__(self, db: Database, operator: OperatorRef, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._operator = operator
        self.month = ""
        self.editable = False
        self.total = 0
        self.lines: list[LineView] = []

    def load(self, month: str, total: int, editable: bool, first: list[LineView]) -> None:
        """The month's first lines (read in a worker); the rest come 500 at a time as the grid scrolls."""
        self.beginResetModel()
        self.month, self.total, self.editable = month, total, editable
        self.lines = list(first)
        self.endResetModel()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.lines) < self.total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.month:
            return
        more = billing.list_lines(self._db, self.month, offset=len(self.lines), limit=CHUNK)
        if not more:
            self.total = len(self.lines)
            return
        self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines) + len(more) - 1)
        self.lines.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.EditRole and column == AMOUNT_COLUMN:
            return str(line.amount)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            line.customer_number,
            line.contract_holder_name,
            line.bank_code,
            line.branch_code,
            DEPOSIT_TYPE_LABELS.get(DepositType(line.deposit_type), str(line.deposit_type)),
            mask(line.account_number),  # masked like every list
            f"{line.amount:,}",
            str(line.new_code),
            line.description,
            QCoreApplication.translate("Labels", "停止（{0}）").format(line.stop_reason) if line.stopped else "",
        )[column]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == AMOUNT_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != AMOUNT_COLUMN:
            return False
        shown = self.lines[index.row()]
        try:
            updated = billing.set_amount(self._db, shown.id, str(value), self._operator, expected=shown.amount)
        except Conflict as conflict:  # someone else changed it meanwhile: say so and show what it is now
            self.amountRejected.emit(conflict.message)
            self.staleAmount.emit()
            return False
        except DomainError as error:
            self.amountRejected.emit(error.screen_message)
            return False
        self.lines[index.row()] = updated
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr_label(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None


@dataclass(frozen=True)
class MonthSnapshot:
    """Everything the page shows about a month, read in one worker."""

    month: str
    today: date
    view: billing.MonthView | None
    schedule: MonthSchedule
    lapses: int
    first: list[LineView]
    problems: list[billing.LineProblem]
    trail: list[tuple[datetime, str, str, dict[str, Any]]]


def trail_text(action: str, changes: dict[str, Any]) -> str:
    """One audit row as a supervisor reads it."""
    number = changes.get("customer_number", "")
    if action == "prepare":
        return QCoreApplication.translate("Labels", "明細を作成（{0} 件追加）").format(f"{changes.get('added', 0):,}")
    if action == "amount":
        before, after = changes.get("amount", [0, 0])
        return QCoreApplication.translate("Labels", "{0} の金額 {1} → {2} 円").format(
            number, f"{before:,}", f"{after:,}"
        )
    if action == "import":
        return QCoreApplication.translate("Labels", "金額を取込（{0}、{1} 件）").format(
            changes.get("file", ""), f"{changes.get('lines', 0):,}"
        )
    if action == "remove":
        return QCoreApplication.translate("Labels", "{0} を明細から外す（{1} 円）").format(
            number, f"{changes.get('amount', 0):,}"
        )
    if action == "lock":
        return QCoreApplication.translate("Labels", "確定・ロック（{0} 件 {1} 円、{2}）").format(
            f"{changes.get('lines', 0):,}", f"{changes.get('total', 0):,}", changes.get("file", "")
        )
    if action == "stop":
        return QCoreApplication.translate("Labels", "{0} の振替停止依頼（{1}）").format(
            number, changes.get("reason", "")
        )
    return f"{action} {changes}"


class BillingPage(QWidget):
    registrationRequested = Signal(str)  # customer number: jump to it in the search
    refreshed = Signal()

    def __init__(self, db: Database, operator: OperatorRef, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._operator = operator
        self._runner = runner
        self.last_result: ExportResult | None = None
        self.last_preview: billing.BankFilePreview | None = None
        self._generation = 0
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("口座振替請求"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        top = QHBoxLayout()
        self.month = MonthEdit()
        self.month.setObjectName("billing_month")
        self.month.setDisplayFormat("yyyy-MM")
        first = billing.default_month(db, date.today())  # the month whose billing deadline comes next
        self.month.setDate(QDate(int(first[:4]), int(first[5:]), 1))
        self.month.dateChanged.connect(lambda _d: self.refresh())
        data_events().changed.connect(self._data_changed)
        caption = QLabel(self.tr("請求月(&M)"))
        caption.setBuddy(self.month)
        top.addWidget(caption)
        top.addWidget(self.month)
        self.prepare_button = QPushButton(self.tr("明細を作成(&R)"))
        self.import_button = QPushButton(self.tr("金額を取込(&I)…"))
        self.xlsx_button = QPushButton(self.tr("Excel に書き出す(&X)…"))
        self.zengin_button = QPushButton(self.tr("全銀形式で書き出す（確定のみ）(&Z)…"))
        self.zengin_button.setToolTip(
            self.tr("全銀形式のファイルは確定として書き出すときにだけ作成します。確定前は内容の確認をお使いください")
        )
        self.preview_button = QPushButton(self.tr("全銀データの内容を確認(&P)"))
        self.preview_button.setToolTip(self.tr("ヘッダー・件数・合計を表示します（ファイルは作りません）"))
        self.preview_button.clicked.connect(lambda: self.preview_bank_file())
        self.final = QCheckBox(self.tr("確定として書き出す（以後ロック）(&K)"))
        self.stop_button = QPushButton(self.tr("振替停止依頼(&T)…"))
        self.remove_button = QPushButton(self.tr("明細から外す(&D)"))
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.prepare_button.clicked.connect(self.prepare)
        self.import_button.clicked.connect(lambda: self.import_amounts())
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.zengin_button.clicked.connect(lambda: self.export("zengin"))
        self.stop_button.clicked.connect(lambda: self.stop_selected())
        for widget in (self.prepare_button, self.import_button, self.remove_button, self.stop_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        # OP-3: an auditor reads the month; preparing, amounts, exports and stop requests are a supervisor's
        show_for_role(
            operator,
            [
                (self.prepare_button, Action.BILLING),
                (self.remove_button, Action.BILLING),
                (self.import_button, Action.IMPORT_AMOUNTS),
                (self.stop_button, Action.STOP_REQUEST),
                (self.xlsx_button, Action.EXPORT_PERSONAL),
                (self.zengin_button, Action.EXPORT_FINAL),
                (self.final, Action.EXPORT_FINAL),
            ],
        )
        exports = QHBoxLayout()  # a second row: the screen stays usable at 1024×768
        exports.addWidget(self.final)
        exports.addWidget(self.xlsx_button)
        exports.addWidget(self.preview_button)
        exports.addWidget(self.zengin_button)
        exports.addStretch(1)
        layout.addLayout(exports)

        facts = QGroupBox(self.tr("日程"))
        form = QFormLayout(facts)
        self.facts: dict[str, QLabel] = {}
        for key, label in (
            ("state", QT_TRANSLATE_NOOP("Labels", "状態")),
            ("debit_date", QT_TRANSLATE_NOOP("Labels", "振替日")),
            ("billing_deadline", QT_TRANSLATE_NOOP("Labels", "請求締切日")),
            ("stop_request_deadline", QT_TRANSLATE_NOOP("Labels", "振替停止依頼の期限")),
            ("result_date", QT_TRANSLATE_NOOP("Labels", "結果返却日")),
            ("paper_form_deadline", QT_TRANSLATE_NOOP("Labels", "依頼書の到着期限")),
            ("lines", QT_TRANSLATE_NOOP("Labels", "件数・合計")),
            ("lapse", QT_TRANSLATE_NOOP("Labels", "失効注意")),
        ):
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            form.addRow(tr_label(label), value)
            self.facts[key] = value

        self.model = BillingLinesModel(db, operator, self)
        self.model.amountRejected.connect(lambda message: self.message.setText(message))
        self.model.staleAmount.connect(self.refresh)  # the message stays; the grid shows the amount as it is now
        self.table = QTableView()
        self.table.setObjectName("lines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        for column, width in enumerate((175, 130, 50, 45, 50, 75, 85, 70, 110, 80)):
            self.table.setColumnWidth(column, width)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self._open_problem)
        problems_box = QGroupBox(self.tr("問題（このままでは請求データを作れません）"))
        QVBoxLayout(problems_box).addWidget(self.problems)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(facts)
        side_layout.addWidget(problems_box, 1)
        self.trail = QListWidget()
        self.trail.setObjectName("trail")
        self.trail.setWordWrap(True)
        trail_box = QGroupBox(self.tr("この月の変更の記録"))
        QVBoxLayout(trail_box).addWidget(self.trail)
        side_layout.addWidget(trail_box, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 380])
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.refresh()

    def showEvent(self, event: object) -> None:
        """Another screen or another clerk may have changed registrations: the problems are read again."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    def month_text(self) -> str:
        d = self.month.date()
        return f"{d.year():04d}-{d.month():02d}"

    def _data_changed(self, area: str, _ids: list[int]) -> None:
        if area == Area.ACCOUNTS:  # the month's problems always reflect the registrations as they are now
            self.refresh()

    def refresh(self) -> None:
        """Read the month in a worker (a large month takes longer than a GUI frame), then show it."""
        self._generation += 1
        generation = self._generation
        month = self.month_text()
        today = date.today()

        def load(_ctx: TaskContext) -> MonthSnapshot:
            try:
                view = billing.get_month(self._db, month)
            except NotFound:
                view = None
            return MonthSnapshot(
                month=month,
                today=today,
                view=view,
                schedule=view.schedule if view else billing.month_schedule_view(self._db, month),
                lapses=len(billing.lapse_warnings(self._db, today=today)),
                first=billing.list_lines(self._db, month, limit=CHUNK) if view and view.line_count else [],
                problems=billing.check_month(self._db, month) if view else [],
                trail=billing.audit_trail(self._db, month) if view else [],
            )

        def show(snapshot: MonthSnapshot) -> None:
            if generation == self._generation:
                self._show(snapshot)

        self._runner.start(load, on_success=show, on_failure=lambda error: self.message.setText(error_text(error)))

    def _show(self, snapshot: MonthSnapshot) -> None:
        view, schedule, today = snapshot.view, snapshot.schedule, snapshot.today

        def with_days(day: date) -> str:
            days = (day - today).days
            left = self.tr("あと {0} 日").format(days) if days >= 0 else self.tr("{0} 日経過").format(-days)
            return f"{japanese_date(day)}（{left}）"

        self.facts["state"].setText(view.state_label if view else self.tr("未作成（「明細を作成」で準備します）"))
        for key in ("debit_date", "billing_deadline", "stop_request_deadline", "result_date", "paper_form_deadline"):
            self.facts[key].setText(with_days(getattr(schedule, key)))
        self.facts["lines"].setText(
            self.tr("{0} 件 / {1} 円").format(f"{view.line_count:,}", f"{view.total:,}") if view else "—"
        )
        lapses = snapshot.lapses
        self.facts["lapse"].setText(self.tr("{0} 件（12か月以上請求なし）").format(lapses) if lapses else "—")
        draft = view is None or view.state == billing.DRAFT
        editable = draft and allowed(self._operator, Action.BILLING)  # the amount cell: a draft, a supervisor
        self.model.load(snapshot.month, view.line_count if view else 0, editable, snapshot.first)
        self.prepare_button.setEnabled(draft)
        self.import_button.setEnabled(draft)
        self.stop_button.setEnabled(view is not None and not draft)  # OP-3: offered only when allowed
        self.remove_button.setEnabled(view is not None and draft)
        self._show_problems(snapshot.problems)
        self.trail.clear()
        for at, name, action, changes in reversed(snapshot.trail):  # newest first
            self.trail.addItem(f"{at.astimezone():%m-%d %H:%M} {name}: {trail_text(action, changes)}")
        self.refreshed.emit()

    def _show_problems(self, problems: list[billing.LineProblem]) -> None:
        self.problems.clear()
        for problem in problems:
            item = QListWidgetItem(str(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.customer_number)
            self.problems.addItem(item)

    def prepare(self) -> None:
        month = self.month_text()

        def done(view: billing.MonthView) -> None:
            self.message.setText(self.tr("{0} の明細: {1} 件").format(view.month, view.line_count))
            self.refresh()

        run_with_progress(
            self._runner,
            self,
            self.tr("明細を作成しています…"),
            lambda _ctx: billing.prepare_month(self._db, month, self._operator),
            done,
            lambda error: self.message.setText(error_text(error)),
        )

    def import_amounts(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("金額の取込"), str(Path.home()), self.tr("表 (*.xlsx *.csv)")
            )
        if not path:
            return
        month, source = self.month_text(), Path(path)

        def done(result: tuple[int, list[billing.ImportProblem]]) -> None:
            count, problems = result
            if problems:
                self.message.setText(self.tr("取り込みませんでした:\n") + "\n".join(str(p) for p in problems[:20]))
            else:
                self.message.setText(self.tr("{0} 件の金額を取り込みました").format(count))
            self.refresh()

        run_with_progress(
            self._runner,
            self,
            self.tr("金額を取り込んでいます…"),
            lambda _ctx: billing.import_amounts(self._db, month, source, self._operator),
            done,
            lambda error: self.message.setText(error_text(error)),
        )

    def export(self, fmt: str, path: str | None = None) -> None:
        month = self.month_text()
        final = self.final.isChecked()
        # BILL-4: the problems as the registrations are now, before any file dialog opens
        try:
            problems = billing.check_month(self._db, month)
            view: billing.MonthView | None = billing.get_month(self._db, month)
        except NotFound:
            problems, view = [], None
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        if problems:
            self._show_problems(problems)
            self.message.setText(
                self.tr("{0} 件の問題があるため作成していません。問題の一覧を確かめてください").format(len(problems))
            )
            self.refresh()
            return
        if final and (view is None or view.state == billing.DRAFT):
            count, total = (view.line_count - view.stopped_count, view.total) if view else (0, 0)
            answer = QMessageBox.question(
                self,
                self.tr("請求の確定"),
                self.tr(
                    "{0} の請求を確定します（{1} 件、合計 {2} 円）。\n"
                    "確定すると、この月の金額の変更・明細の追加はできなくなります。確定しますか？"
                ).format(month, f"{count:,}", f"{total:,}"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.message.setText(self.tr("確定しませんでした"))
                return
        if not path:
            suffix = "xlsx" if fmt == "xlsx" else "txt"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("請求データの書き出し"), str(Path.home() / self.tr("請求_{0}.{1}").format(month, suffix))
            )
        if not path:
            return
        target = Path(path)

        def work(ctx: TaskContext) -> ExportResult:
            return billing.export_month(
                self._db,
                month,
                fmt,
                target,
                self._operator,
                final=final,
                progress=ctx.progress,
                cancelled=lambda: ctx.cancelled,
            )

        def done(result: ExportResult) -> None:
            self.last_result = result
            notes = "\n".join(result.warnings)
            self.message.setText(
                self.tr("{0}: {1} 件 {2} 円を書き出しました").format(
                    target.name, result.line_count, f"{result.total:,}"
                )
                + (f"\n{notes}" if notes else "")
            )
            self.refresh()

        def failed(error: Exception) -> None:
            if isinstance(error, BillingRefused):
                self.message.setText(self.tr("{0} 件の問題があるため作成していません").format(len(error.problems)))
            else:
                self.message.setText(error_text(error))
            self.refresh()

        run_with_progress(
            self._runner,
            self,
            self.tr("請求データを書き出しています…"),
            work,
            done,
            failed,
        )

    def preview_bank_file(self) -> None:
        """What the final bank file will hold (header, counts, totals), read without writing a file."""
        from app.services.billing.bankfile import describe_preview

        month = self.month_text()

        def done(preview: billing.BankFilePreview) -> None:
            self.last_preview = preview
            self.message.setText("\n".join(describe_preview(preview)))

        run_with_progress(
            self._runner,
            self,
            self.tr("全銀データの内容を確認しています…"),
            lambda _ctx: billing.preview_bank_file(self._db, month),
            done,
            lambda error: self.message.setText(error_text(error)),
        )

    def stop_selected(self, reason: str | None = None) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("停止する明細を選んでください"))
            return
        line = self.model.lines[rows[0].row()]
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("振替停止依頼"), self.tr("顧客番号 {0} の停止理由").format(line.customer_number)
            )
            if not ok:
                return
        try:
            billing.stop_line(self._db, self.month_text(), line.customer_number, reason, self._operator)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("振替停止依頼"), error.screen_message)
            return
        self.message.setText(self.tr("顧客番号 {0} の振替停止依頼を記録しました").format(line.customer_number))
        self.refresh()

    def remove_selected(self, *, ask: bool = True) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("外す明細を選んでください"))
            return
        line = self.model.lines[rows[0].row()]
        if ask:
            answer = QMessageBox.question(
                self,
                self.tr("明細から外す"),
                self.tr("顧客番号 {0}（{1}、{2} 円）を {3} の明細から外しますか？").format(
                    line.customer_number, line.contract_holder_name, f"{line.amount:,}", self.month_text()
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            billing.remove_line(self._db, line.id, self._operator)
        except DomainError as error:
            self.message.setText(error.screen_message)
            return
        self.message.setText(self.tr("顧客番号 {0} を明細から外しました").format(line.customer_number))
        self.refresh()

    def _open_problem(self, item: QListWidgetItem) -> None:
        self.registrationRequested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

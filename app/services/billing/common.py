"""What the billing area hands out: month states, plain views of months and lines, its refusals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.domain.business_calendar import MonthSchedule
from app.domain.errors import DomainError
from app.progress import Cancelled

DRAFT, FINAL, RESULTS = "draft", "final", "results"


STATE_LABELS = {DRAFT: "下書き", FINAL: "確定（ロック済）", RESULTS: "結果取込済"}


LAPSE_WARNING_MONTHS = 12  # REG-11: warn before 13 months without a debit


ExportCancelled = Cancelled  # the one cancel of app.progress: nothing was written or locked


class BillingRefused(DomainError):
    """The file would list lines the bank rejects [BILL-4]: every problem is named."""

    code = "billing_refused"

    def __init__(self, problems: Sequence[LineProblem]) -> None:
        self.problems = list(problems)
        listed = "\n".join(str(p) for p in self.problems[:50])
        more = f"\nほか {len(self.problems) - 50} 件" if len(self.problems) > 50 else ""
        super().__init__(f"請求データを作成できません（{len(self.problems)} 件の問題）:\n{listed}{more}")


@dataclass(frozen=True)
class LineProblem:
    customer_number: str
    registration_id: int | None
    reason: str

    def __str__(self) -> str:
        return f"顧客番号 {self.customer_number}: {self.reason}"


@dataclass(frozen=True)
class MonthView:
    month: str
    state: str
    schedule: MonthSchedule
    line_count: int
    total: int
    stopped_count: int
    version: int

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    def days_left(self, today: date) -> int:
        return (self.schedule.billing_deadline - today).days


@dataclass(frozen=True)
class LineView:
    id: int
    customer_number: str
    registration_id: int
    contract_holder_name: str
    bank_code: str
    branch_code: str
    deposit_type: int
    account_number: str
    account_holder_bank: str
    amount: int
    description: str
    new_code: int
    stopped: bool
    stop_reason: str


@dataclass
class ExportResult:
    path: Path
    format: str
    line_count: int
    total: int
    final: bool
    warnings: list[str] = field(default_factory=list)
    already_final: bool = False  # the month was locked before this export [BILL-6]: same content, no new lock


@dataclass(frozen=True)
class ImportProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"

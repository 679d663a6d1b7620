"""What the results area hands out: follow-up states, recommended actions, plain views, its refusals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from app import messages
from app.domain.errors import DomainError
from app.domain.result_codes import lookup_result_code
from app.io.zengin_result import FileProblem

PAID = "0"
INSUFFICIENT_FUNDS = "1"
NEW_FORM_CODES = ("2", "4")  # RES-2: the registration needs a new form
DEPOSITOR_STOP = "3"  # RES-2: stop the following months until a supervisor releases
CONSIGNOR_STOP = "8"  # BILL-7: our own stop request comes back as 8
CONFIRMING_CODES = ("0", "1")  # the bank processed the form [REG-3]


class FollowUpState(StrEnum):
    OPEN = "open"
    CONTACTED = "contacted"
    WAITING_FORM = "waiting_form"
    RESOLVED = "resolved"

    @property
    def label(self) -> str:
        return FOLLOW_UP_STATE_LABELS[self]


FOLLOW_UP_STATE_LABELS: dict[FollowUpState, str] = {
    FollowUpState.OPEN: "未対応",
    FollowUpState.CONTACTED: "連絡済",
    FollowUpState.WAITING_FORM: "新しい依頼書待ち",
    FollowUpState.RESOLVED: "完了",
}


class FollowUpKind(StrEnum):
    FAILED = "failed"  # a failed debit [RES-2]
    PAID_WITH_RETURN = "paid_with_return"  # a 0 while a deficiency return is open [DEF-3]


class Settlement(StrEnum):
    NONE = ""
    REBILLED = "rebilled"  # carried into a later draft month as its own line
    SETTLED = "settled"  # paid by other means (cash, transfer)
    REPLACED = "replaced"  # its result was replaced by a supervisor's new file


# RES-2: what to do for each code (9 and unknown codes: ask the bank)
RECOMMENDED_ACTIONS: dict[str, str] = {
    "1": "お客様に連絡し、翌月に再度引き落とします",
    "2": "請求データと依頼書の控えを照合し、新しい依頼書をいただきます",
    "3": "お客様に口座振替を続けるか確認し、新しい依頼書をいただきます（解除まで請求停止）",
    "4": "依頼書が未登録・返却・解約のいずれかです。登録状況を確認し、新しい依頼書をいただきます",
    "8": "振替停止依頼の有無と、顧客番号の先頭番号・銀行・支店コードの設定を確認します",
    "9": "収納会社・金融機関に理由を問い合わせます",
}
PAID_WITH_RETURN_ACTION = "依頼書は不備返却中ですが引き落とされました。翌月以降の請求を続けるか確認します"


def recommended_action(code: str, kind: str = FollowUpKind.FAILED) -> str:
    if kind == FollowUpKind.PAID_WITH_RETURN:
        return PAID_WITH_RETURN_ACTION
    return RECOMMENDED_ACTIONS.get(code, RECOMMENDED_ACTIONS["9"])


def code_label(code: str) -> str:
    """振替済, 資金不足 … or 「不明なコード N」: never mapped to another code [RES-1]."""
    return lookup_result_code(code).label_ja


class ResultsRefused(DomainError):
    """The file does not match its month: every problem by record number (or row and column); nothing written."""

    code = "results.refused"

    def __init__(self, problems: Sequence[FileProblem]) -> None:
        self.problems = list(problems)
        super().__init__("results.refused", count=len(self.problems))
        listed = "\n".join(str(p) for p in self.problems[:50])
        more = f"\nほか {len(self.problems) - 50} 件" if len(self.problems) > 50 else ""
        self.message = f"{self.message}\n{listed}{more}"
        self.screen_message = self.message
        self.args = (self.message,)


@dataclass(frozen=True)
class Totals:
    count: int = 0
    amount: int = 0

    def add(self, amount: int) -> Totals:
        return Totals(self.count + 1, self.amount + amount)


@dataclass(frozen=True)
class ImportPreview:
    """What an import will change (the dry run) or changed."""

    month: str
    file_name: str
    format: str
    paid: Totals
    failed: Totals
    by_code: dict[str, Totals]
    confirmations: int  # 「返却なし・未確認」 registrations a 0 or 1 confirms
    new_forms: int  # 2 and 4: back to needing a new form
    stops: int  # 3: billing stop
    follow_ups: int
    flagged: int  # 0 with an open deficiency return
    replaces: bool = False


@dataclass(frozen=True)
class ImportOutcome:
    preview: ImportPreview
    dry_run: bool = False
    already_imported: bool = False
    imported_at: datetime | None = None
    imported_by: str = ""

    @property
    def message(self) -> str:
        if self.already_imported and self.imported_at is not None:
            return messages.text(
                "results.already_imported", at=f"{self.imported_at.astimezone():%Y-%m-%d %H:%M}", name=self.imported_by
            )
        return ""


@dataclass(frozen=True)
class ResultLineView:
    id: int
    month: str
    customer_number: str
    contract_holder_name: str
    bank_code: str
    branch_code: str
    amount: int
    result_code: str
    record_number: int

    @property
    def label(self) -> str:
        return code_label(self.result_code)

    @property
    def paid(self) -> bool:
        return self.result_code == PAID


@dataclass(frozen=True)
class MonthSummary:
    month: str
    state: str
    imported_at: datetime | None
    imported_by: str
    file_name: str
    paid: Totals
    failed: Totals
    by_code: dict[str, Totals]
    by_bank: dict[str, tuple[Totals, Totals]]  # bank code → (paid, failed)

    def as_json(self) -> dict[str, object]:
        return {
            "month": self.month,
            "paid": {"count": self.paid.count, "amount": self.paid.amount},
            "failed": {"count": self.failed.count, "amount": self.failed.amount},
            "by_code": {code: {"count": t.count, "amount": t.amount} for code, t in sorted(self.by_code.items())},
        }


@dataclass(frozen=True)
class ContactView:
    at: datetime
    operator: str
    state_before: str
    state_after: str
    note: str


@dataclass(frozen=True)
class FollowUpView:
    id: int
    customer_number: str
    contract_holder_name: str
    month: str
    result_code: str
    kind: str
    amount: int
    deadline: date
    state: str
    settlement: str
    settlement_note: str
    rebill_line_id: int | None
    updated_at: datetime
    updated_by: str
    version: int
    contacts: list[ContactView] = field(default_factory=list)

    @property
    def action(self) -> str:
        return recommended_action(self.result_code, self.kind)

    @property
    def state_label(self) -> str:
        return FollowUpState(self.state).label

    @property
    def code_label(self) -> str:
        return code_label(self.result_code)

    @property
    def outstanding(self) -> int:
        """The failed amount still owed: not re-billed, not settled (a flagged 0 owes nothing)."""
        if self.kind != FollowUpKind.FAILED or self.settlement:
            return 0
        return self.amount

    def urgency(self, today: date) -> int:
        """Days left to the deadline (negative: overdue); a resolved item sorts last."""
        return 10_000 if self.state == FollowUpState.RESOLVED else (self.deadline - today).days

"""Closing the month (振替結果): result files in, what they do to registrations, the follow-up work list,
re-billing, and each customer's ledger (RES-1, RES-2, BILL-3, DEF-3, REG-3, OP-4, REG-11)."""

from app.services.results.common import (
    FOLLOW_UP_STATE_LABELS,
    RECOMMENDED_ACTIONS,
    FollowUpKind,
    FollowUpState,
    FollowUpView,
    ImportOutcome,
    ImportPreview,
    MonthSummary,
    ResultLineView,
    ResultsRefused,
    Settlement,
    Totals,
    code_label,
    recommended_action,
)
from app.services.results.followups import list_followups, load_view, parse_state, update_followup
from app.services.results.importing import import_results
from app.services.results.ledger import Ledger, LedgerMonth, ledger
from app.services.results.queries import failed_lines, list_results, recent_months, summary
from app.services.results.rebill import carry_forward, rebill, settle
from app.services.results.registrations import confirm_registrations, release_billing_stop

__all__ = [
    "FOLLOW_UP_STATE_LABELS",
    "RECOMMENDED_ACTIONS",
    "FollowUpKind",
    "FollowUpState",
    "FollowUpView",
    "ImportOutcome",
    "ImportPreview",
    "Ledger",
    "LedgerMonth",
    "MonthSummary",
    "ResultLineView",
    "ResultsRefused",
    "Settlement",
    "Totals",
    "carry_forward",
    "code_label",
    "confirm_registrations",
    "failed_lines",
    "import_results",
    "ledger",
    "list_followups",
    "list_results",
    "load_view",
    "parse_state",
    "rebill",
    "recent_months",
    "recommended_action",
    "release_billing_stop",
    "settle",
    "summary",
    "update_followup",
]

"""Monthly billing (口座振替請求): months, lines, checks, exports (Excel and the bank format), lock, stop requests.

BILL-4: a file listing anyone not billable is never produced; BILL-5: a file every month, even empty;
BILL-6: exported as final = locked; BILL-7: stop requests until the deadline.
"""

from app.services.billing.amounts import import_amounts
from app.services.billing.audit import audit_trail
from app.services.billing.bankfile import BankFilePreview, HeaderIncomplete, HeaderProblem
from app.services.billing.checks import check_month
from app.services.billing.common import (
    DRAFT,
    FINAL,
    LAPSE_WARNING_MONTHS,
    RESULTS,
    STATE_LABELS,
    BillingRefused,
    ExportCancelled,
    ExportResult,
    ImportProblem,
    LineProblem,
    LineView,
    MonthView,
)
from app.services.billing.export import ExportLine, export_month, header_warnings, preview_bank_file
from app.services.billing.months import (
    billable_reason,
    default_month,
    get_month,
    list_lines,
    month_schedule_view,
    prepare_month,
    remove_customer,
    remove_line,
    set_amount,
)
from app.services.billing.schedule import import_schedule, schedule_for, set_schedule
from app.services.billing.stops import exports, lapse_warnings, stop_line

__all__ = [
    "DRAFT",
    "FINAL",
    "LAPSE_WARNING_MONTHS",
    "RESULTS",
    "STATE_LABELS",
    "BankFilePreview",
    "BillingRefused",
    "ExportCancelled",
    "ExportLine",
    "ExportResult",
    "HeaderIncomplete",
    "HeaderProblem",
    "ImportProblem",
    "LineProblem",
    "LineView",
    "MonthView",
    "audit_trail",
    "billable_reason",
    "check_month",
    "default_month",
    "export_month",
    "exports",
    "get_month",
    "header_warnings",
    "import_amounts",
    "import_schedule",
    "lapse_warnings",
    "list_lines",
    "month_schedule_view",
    "prepare_month",
    "preview_bank_file",
    "remove_customer",
    "remove_line",
    "schedule_for",
    "set_amount",
    "set_schedule",
    "stop_line",
]

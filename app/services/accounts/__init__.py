"""Account registrations: register, search, change, invalidate [REG-12], history, customer numbers.

Every mutating call takes the acting operator, runs in one transaction, writes its history row in that
transaction and bumps the version; a change based on a stale version fails and says who changed it.
The modules split the area along its seams; this package exposes the names its callers use.
"""

from app.domain.account_fields import RegistrationStatus
from app.services.accounts.changes import change, invalidate, record_web_result, set_status
from app.services.accounts.history import history, search_history
from app.services.accounts.importing import ImportResult, import_accounts
from app.services.accounts.numbers import (
    allocate_customer_number,
    next_customer_number,
    reserve_customer_numbers,
    reserved_unused,
)
from app.services.accounts.queries import (
    SORTABLE,
    SearchCriteria,
    SearchPage,
    count_matching,
    find_by_customer_number,
    get_registration,
    rows_by_ids,
    search,
    search_ids,
)
from app.services.accounts.registering import BatchCheck, BatchProblem, check_batch, register, register_batch
from app.services.accounts.views import (
    ACTION_LABELS,
    TRACKED_FIELDS,
    Action,
    HistoryEntry,
    RegistrationView,
    input_from_view,
    view_of,
)

__all__ = [
    "ACTION_LABELS",
    "SORTABLE",
    "TRACKED_FIELDS",
    "Action",
    "BatchCheck",
    "BatchProblem",
    "HistoryEntry",
    "ImportResult",
    "RegistrationStatus",
    "RegistrationView",
    "SearchCriteria",
    "SearchPage",
    "allocate_customer_number",
    "change",
    "check_batch",
    "count_matching",
    "find_by_customer_number",
    "get_registration",
    "history",
    "import_accounts",
    "input_from_view",
    "invalidate",
    "next_customer_number",
    "record_web_result",
    "register",
    "register_batch",
    "reserve_customer_numbers",
    "reserved_unused",
    "rows_by_ids",
    "search",
    "search_history",
    "search_ids",
    "set_status",
    "view_of",
]

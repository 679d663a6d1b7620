"""OP-3: the permission table (role × action), checked in the services; screens ask the same table to hide.

Every mutating service calls `require(operator, Action.X)` before it touches the database, and the one
transition (app/services/transitions.py) checks the step it is asked to make (an invalidation is a
supervisor's). A refusal names what the role may not do.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import DomainError
from app.services.operators.core import OperatorRef, Role


class Action(StrEnum):
    SEARCH = "search"  # search, the detail, the history, reports, lists
    REGISTER = "register"  # key a form, import keyed forms, reserve customer numbers
    CHANGE = "change"  # change a registration, record a web result, set a status
    INVALIDATE = "invalidate"
    SHIPMENTS = "shipments"  # make and send shipments of forms
    RETURNS = "returns"  # deficiency returns and their follow-ups
    PRINT_FORMS = "print_forms"  # print request forms and cover sheets (personal data, audited)
    BILLING = "billing"  # prepare a month, amounts, remove lines, the annual schedule
    EXPORT_FINAL = "export_final"  # export a billing file (final locks the month)
    IMPORT_AMOUNTS = "import_amounts"
    IMPORT_RESULTS = "import_results"
    STOP_REQUEST = "stop_request"
    SETTINGS = "settings"
    OPERATORS = "operators"  # add, lock, unlock, reset passwords, change roles
    MAINTENANCE = "maintenance"  # maintenance mode, backup, restore
    EXPORT_PERSONAL = "export_personal"  # export personal data in bulk (registrations, draft billing files)
    REVEAL = "reveal"  # show one full account number (audited)
    AUDIT = "audit"  # read the audit log


ACTION_LABELS: dict[Action, str] = {
    Action.SEARCH: "検索・照会・履歴の閲覧",
    Action.REGISTER: "依頼書の入力・取込",
    Action.CHANGE: "登録内容の変更",
    Action.INVALIDATE: "登録の無効化",
    Action.SHIPMENTS: "依頼書の発送",
    Action.RETURNS: "不備返却と追跡",
    Action.PRINT_FORMS: "依頼書・送付状の印刷",
    Action.BILLING: "振替請求の準備と変更",
    Action.EXPORT_FINAL: "振替請求データの確定出力",
    Action.IMPORT_AMOUNTS: "請求金額の取込",
    Action.IMPORT_RESULTS: "振替結果の取込",
    Action.STOP_REQUEST: "振替停止の依頼",
    Action.SETTINGS: "加盟店設定の変更",
    Action.OPERATORS: "担当者の管理とロック解除",
    Action.MAINTENANCE: "メンテナンス・バックアップ・復元",
    Action.EXPORT_PERSONAL: "個人データの一括出力",
    Action.REVEAL: "口座番号の全桁表示",
    Action.AUDIT: "監査ログの閲覧",
}

_CLERK = {
    Action.SEARCH,
    Action.REGISTER,
    Action.CHANGE,
    Action.SHIPMENTS,
    Action.RETURNS,
    Action.PRINT_FORMS,
    Action.REVEAL,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.CLERK: frozenset(_CLERK),
    Role.SUPERVISOR: frozenset(Action),
    Role.AUDITOR: frozenset({Action.SEARCH, Action.AUDIT}),
}


class PermissionDenied(DomainError):
    code = "permission_denied"


def allowed(operator: OperatorRef, action: Action) -> bool:
    return action in PERMISSIONS[operator.role]


def require(operator: OperatorRef, action: Action) -> None:
    """Refuse, naming what the role may not do, unless the operator's role allows `action`."""
    if not allowed(operator, action):
        raise PermissionDenied("operators.refused", role=operator.role.label, action=ACTION_LABELS[action])

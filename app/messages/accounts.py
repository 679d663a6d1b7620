"""Texts of the accounts area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "accounts.reserved_number_used": "番号入り白紙の依頼書（予約番号 {customer_number}）の到着",
    "registration.transition_refused": "顧客番号 {customer_number} は「{before}」のため、「{to}」にはできません",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {}

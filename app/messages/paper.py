"""Texts of the paper area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "paper.return_transition_refused": "不備返却 {return_id} は「{before}」のため、「{to}」にはできません",
    "paper.shipment_transition_refused": "発送 {shipment_id} は「{before}」のため変更できません",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {}

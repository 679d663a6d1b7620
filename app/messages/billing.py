"""Texts of the billing area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {}

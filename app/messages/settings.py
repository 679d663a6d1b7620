"""Texts of the settings area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "settings.missing": "加盟店設定がありません。kofuri init を実行してください",
    "settings.on_off": "1（する）か 0（しない）で指定してください（入力: {value}）",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "settings.missing": "加盟店設定がありません。管理者にデータベースの初期設定を依頼してください",
}

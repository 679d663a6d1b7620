"""Texts every area shares (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "error.unexpected": "予期しない問題が発生しました。作業内容は保存されていません。詳細は記録に残しました（{log}）",
    "error.database_busy": "データベースが他の処理で使用中です。しばらくしてからもう一度お試しください",
    "error.stale_edit": (
        "顧客番号 {customer_number} は、開いた後で {who} が {when}更新しました{what}。"
        "再読み込みしてから変更してください"
    ),
    "error.reason_required": "{action}の理由を入力してください",
    "import.problem": "{row}行目「{column}」: {message}",
    "import.refused": "{count} 件の問題があるため、何も取り込んでいません",
}

SCREEN: dict[str, str] = {}

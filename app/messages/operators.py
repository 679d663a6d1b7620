"""Texts of the operators area: login, lock-out, roles, maintenance, audit (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "operators.unknown": "担当者 {login_id} は登録されていません",
    "operators.login_failed": "ログインIDまたはパスワードが正しくありません（あと {left} 回失敗するとロックされます）",
    "operators.login_locked": "このIDはロックされています。責任者にロックの解除を依頼してください",
    "operators.maintenance": "メンテナンス中です（{until} まで）",
    "operators.maintenance_past": "メンテナンスの終了予定は今より後の時刻にしてください",
    "operators.maintenance_needed": (
        "バックアップと復元はメンテナンス中にだけ行えます。先にメンテナンスを開始してください"
    ),
    "operators.refused": "{role}の権限では「{action}」はできません",
    "operators.password_short": "パスワードは {length} 文字以上にしてください",
    "operators.password_same": "新しいパスワードは今までと違うものにしてください",
    "operators.password_change_required": (
        "パスワードが再設定されています。kofuri password で新しいパスワードに変更してください"
    ),
    "operators.password_mismatch": "確認用のパスワードが一致しません",
    "operators.login_id_invalid": "ログインID「{login_id}」は使えません（半角英数字と . _ - で2〜40文字）",
    "operators.role_invalid": "役割「{role}」はありません（clerk / supervisor / auditor）",
    "operators.exists": "ログインID {login_id} は既に使われています",
    "operators.name_required": "担当者の氏名を入力してください",
    "operators.first_exists": "担当者は既に登録されています。責任者としてログインして追加してください",
    "operators.no_people": ("担当者が登録されていません。kofuri --operator ID init で最初の責任者を作成してください"),
    "operators.login_required": "ログインIDを --operator で指定してください",
    "operators.registration_unknown": "指定の登録（{registration_id}）はありません",
    "operators.idle_minutes_range": "画面をロックするまでの時間は1〜120分です",
    "operators.backup_integrity": (
        "バックアップファイル {file} は壊れているか口振デスクのものではありません（{reason}）"
    ),
    "operators.backup_tool_missing": "{tool} が見つかりません。PostgreSQL のクライアントをインストールしてください",
    "operators.backup_failed": "バックアップ・復元に失敗しました（{reason}）",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "operators.password_change_required": "パスワードが再設定されています。新しいパスワードを決めてください",
    "operators.role_invalid": "役割「{role}」はありません",
    "operators.no_people": "担当者が登録されていません。最初の責任者を登録してください",
    "operators.login_required": "ログインIDを入力してください",
}

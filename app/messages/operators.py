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
    # what each action of the permission table is called (in a refusal, the audit log and the screens)
    "operators.action.search": "検索・照会・履歴の閲覧",
    "operators.action.register": "依頼書の入力・取込",
    "operators.action.change": "登録内容の変更",
    "operators.action.invalidate": "登録の無効化",
    "operators.action.shipments": "依頼書の発送",
    "operators.action.send_anyway": "確認の済んでいない依頼書の発送",
    "operators.action.returns": "不備返却と追跡",
    "operators.action.follow_ups": "振替不能の督促・フォローアップ",
    "operators.action.notices": "お知らせの送信・郵送分の印刷",
    "operators.action.print_forms": "依頼書・送付状の印刷",
    "operators.action.billing": "振替請求の準備と変更",
    "operators.action.export_final": "振替請求データの確定出力",
    "operators.action.import_amounts": "請求金額の取込",
    "operators.action.import_results": "振替結果の取込",
    "operators.action.settle": "他の方法による入金の記録",
    "operators.action.confirm": "登録の確認（返却なし・未確認の登録済への変更）",
    "operators.action.stop_request": "振替停止の依頼",
    "operators.action.release_stop": "振替停止の解除",
    "operators.action.settings": "加盟店設定の変更",
    "operators.action.operators": "担当者の管理とロック解除",
    "operators.action.maintenance": "メンテナンス・バックアップ・復元",
    "operators.action.export_personal": "個人データの一括出力",
    "operators.action.reveal": "口座番号の全桁表示",
    "operators.action.audit": "監査ログの閲覧",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "operators.password_change_required": "パスワードが再設定されています。新しいパスワードを決めてください",
    "operators.role_invalid": "役割「{role}」はありません",
    "operators.no_people": "担当者が登録されていません。最初の責任者を登録してください",
    "operators.login_required": "ログインIDを入力してください",
}

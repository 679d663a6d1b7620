"""Texts of the billing area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "billing.month_unknown": "{month} の請求はまだ準備されていません（kofuri billing prepare {month}）",
    "billing.month_locked": "{month} の請求は確定済みのため、金額の変更・追加はできません",
    "billing.not_billable.returned": "依頼書が不備返却中です。新しい依頼書が金融機関に届くまで請求できません",
    "billing.not_billable.paper_pending": "紙の依頼書の登録が金融機関でまだ完了していません",
    "billing.deadline_passed": "請求締切日 {deadline} を過ぎています。今月は引き落とされない場合があります",
    "billing.customer_not_registered": "顧客番号 {customer_number} は登録されていません",
    "billing.stop_deadline_passed": "振替停止依頼の期限（{deadline}、振替日の{days}営業日前）を過ぎています。振替日の2営業日前までは、お客様ご本人が金融機関の窓口で停止できます",
    "billing.header_missing": "{label}が未設定です",
    "billing.header_invalid": "{label}が正しくありません",
    "billing.header_unknown_bank": "{label}が銀行データにありません",
    "billing.header_incomplete": (
        "加盟店設定の次の項目が揃っていないため、全銀形式の請求データを作成していません: {items}。"
        "加盟店設定で入力してから書き出してください"
    ),
    "billing.bank_file_final_only": (
        "全銀形式のファイルは確定として書き出すときにだけ作成します（--final）。"
        "確定前にファイルの内容を確かめるには kofuri billing preview {month} を使ってください"
    ),
    "billing.month_changed": (
        "{month} の請求は書き出しの間に変更されました（{what}）。ファイルは作成せず、何も記録していません。"
        "もう一度書き出してください"
    ),
    "billing.changed_lines": "明細または状態",
    "billing.changed_settings": "加盟店設定",
    "billing.too_many_lines": "1ファイルの明細は最大 {limit:,} 件です",
    "billing.preview_title": "{month} の全銀形式ファイルの内容（ファイルは作成していません）",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "billing.month_unknown": "{month} の請求はまだ準備されていません（「明細を作成」で準備します）",
    "billing.bank_file_final_only": (
        "全銀形式のファイルは「確定として書き出す」を選んだときにだけ作成します。"
        "確定前は「全銀データの内容を確認」でファイルの内容を確かめられます"
    ),
}

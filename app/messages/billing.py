"""Texts of the billing area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "billing.month_unknown": "{month} の請求はまだ準備されていません（kofuri billing prepare {month}）",
    "billing.month_locked": "{month} の請求は確定済みのため、金額の変更・追加はできません",
    "billing.not_billable.returned": "依頼書が不備返却中です。新しい依頼書が金融機関に届くまで請求できません",
    "billing.not_billable.paper_pending": "紙の依頼書の登録が金融機関でまだ完了していません",
    "billing.deadline_passed": "請求締切日 {deadline} を過ぎています。今月は引き落とされない場合があります",
    "billing.customer_not_registered": "顧客番号 {customer_number} は登録されていません",
    "billing.stop_deadline_passed": "振替停止依頼の期限（{deadline}、振替日の{days}営業日前）を過ぎています。振替日の2営業日前までは、お客様ご本人が金融機関の窓口で停止できます",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "billing.month_unknown": "{month} の請求はまだ準備されていません（「明細を作成」で準備します）",
}

"""Texts of the customer-notices area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "notices.channel_unknown": "通知方法は「メール」「郵送」「なし」のいずれかです（入力: {value}）",
    "notices.email_invalid": "メールアドレスの形が正しくありません（入力: {value}）",
    "notices.email_required": "通知方法がメールのときはメールアドレスを入力してください",
    "notices.smtp_security_unknown": "接続の保護は none、starttls、tls のいずれかです",
    "notices.smtp_port_range": "SMTPのポート番号は1〜65535です",
    "notices.smtp_not_configured": (
        "メール送信の設定がありません（加盟店設定の smtp_host と smtp_sender を設定してください）"
    ),
    "notices.smtp_unreachable": "メールサーバー {host}:{port} に接続できません（{reason}）",
    "notices.smtp_login_failed": "メールサーバーにログインできません（{answer}）",
    "notices.smtp_refused": "メールサーバーが受け付けませんでした（{answer}）",
    "notices.no_keyring": (
        "この環境ではパスワードを保管するキーリング（OSの資格情報の保管場所）が使えません。パスワードは保存していません"
    ),
    "notices.password_missing": "SMTPのパスワードがキーリングにありません（kofuri settings smtp-password で保管してください）",
    "notices.password_empty": "パスワードが入力されていません。何も保存していません",
    "notices.password_saved": "SMTPのパスワードをキーリングに保管しました（ユーザー {user}）",
    "notices.smtp_user_missing": "先に smtp_user（SMTPのユーザー名）を設定してください",
    "notices.not_found": "お知らせ {notice_id} はありません",
    "notices.transition_refused": "お知らせ {notice_id} は「{before}」のため「{to}」にできません",
    "notices.state_unknown": "状態は {states} のいずれかです（入力: {value}）",
    "notices.no_email_address": "顧客番号 {customer_number} にはメールアドレスが登録されていません",
    "notices.letters_none": "印刷するお知らせ（郵送）はありません",
    "notices.letters_changed": "印刷の間に {count} 件のお知らせが変更されました。何も印刷済にしていません。もう一度印刷してください",
    "notices.template_unknown": "お知らせの文面 {kind} が見つかりません",
    "notices.template_invalid": "お知らせの文面ファイル {path} を読めません（{reason}）",
    "notices.banner_unsent": "今日が予定日の振替案内のうち {count} 件がまだ送られていません",
    "notices.fallback_done": "{count} 件を郵送に切り替えました",
    "notices.sent_summary": "送信 {sent} 件、失敗 {failed} 件、郵送待ち {letters} 件",
    "notices.unconfirmed": (
        "お知らせ {notice_id} は送信中に処理が止まったため、届いたか確認できません"
        "（メッセージID {message_id}）。届いていれば「送信済にする」、届いていなければ「予定に戻す」を選んでください"
    ),
}

SCREEN: dict[str, str] = {
    "notices.smtp_not_configured": "メール送信の設定がありません（加盟店設定でSMTPサーバーと差出人を設定してください）",
    "notices.password_missing": "SMTPのパスワードが保管されていません（管理者にパスワードの保管を依頼してください）",
}

# Result codes as a customer reads them: never the legal cause (death, inheritance, seizure, RES-1's code 3).
FAILURE_REASONS: dict[str, str] = {
    "1": "ご指定の口座の残高が不足していたため",
    "2": "ご指定の口座の情報を金融機関で確認できなかったため",
    "3": "金融機関でお引き落としができない状態となっていたため",
    "4": "金融機関で口座振替のお手続きが確認できなかったため",
    "8": "当社の事情によりお引き落としを行わなかったため",
    "9": "金融機関の事情によりお引き落としができなかったため",
}
FAILURE_REASON_OTHER = "金融機関でお引き落としができなかったため"

# What the customer is asked to do, by result code.
FAILURE_ACTIONS: dict[str, str] = {
    "1": "お手数ですが、下記のお問い合わせ先までご連絡ください。お支払い方法をご案内いたします。",
    "2": "お手数ですが、下記のお問い合わせ先までご連絡ください。口座振替依頼書を改めてお送りいたします。",
    "3": "お手数ですが、下記のお問い合わせ先までご連絡ください。",
    "4": "お手数ですが、下記のお問い合わせ先までご連絡ください。口座振替依頼書を改めてお送りいたします。",
    "8": "詳しくは下記のお問い合わせ先までご連絡ください。",
    "9": "お手数ですが、下記のお問い合わせ先までご連絡ください。",
}

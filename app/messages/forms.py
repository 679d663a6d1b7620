"""Texts of the request forms, the cover sheet and the shipments' checklist hold (see app/messages/__init__.py).

`forms.reissue.*` are printed on the customer's sheet of a re-issued form.
"""

MESSAGES: dict[str, str] = {
    "forms.settings_missing": (
        "依頼書を印刷できません。加盟店設定で {missing} を設定してください（依頼書に必ず印刷する項目です）"
    ),
    "forms.cover_settings_missing": "送付書を印刷できません。加盟店設定で {missing} を設定してください",
    "forms.for_invalidated": "無効にした登録には依頼書を印刷できません（顧客番号 {numbers}）",
    "forms.for_web_registration": (
        "WEB登録のお客様が含まれています（顧客番号 {numbers}）。紙の依頼書に切り替える場合だけ、"
        "--allow-web を付けて印刷してください"
    ),
    "forms.text_too_long": "「{field}」の文字が多すぎて依頼書の枠に入りません（{length}文字）。短くしてください",
    "forms.block_too_long": "{title}が長すぎて用紙に入りません（{lines}行、入るのは{room}行）。短くしてください",
    "forms.text_unknown": "様式の文章 {name}.txt が見つかりません",
    "forms.text_unreadable": "様式の文章 {path} を読めません（UTF-8 で保存してください）",
    "forms.some_numbers": "{shown} ほか{more}件",
    "forms.reissue.returned_because": "再発行のお願い: 前回の依頼書は「{why}」のため金融機関から返却されました。",
    "forms.reissue.again": "再発行のお願い: 依頼書をあらためてお送りします。",
    "forms.reissue.fill_again": "お手数ですが、あらためてご記入・押印のうえご返送ください。",
    "forms.reissue.account_number": "口座番号を通帳でお確かめのうえ、空欄にご記入ください。",
    "forms.reissue.no_account": "お引き落としに使う口座の番号を通帳でお確かめのうえ、空欄にご記入ください。",
    "forms.reissue.holder_mismatch": "口座名義を通帳のとおりにご記入ください。",
    "forms.reissue.deposit_type": "預金種目（普通・当座）を通帳でお確かめのうえご記入ください。",
    "forms.reissue.branch": "支店名を通帳でお確かめのうえご記入ください。",
    "forms.reissue.seal_mismatch": "金融機関にお届けの印鑑を押してください。",
    "forms.reissue.seal_missing": "お届け印を押してください。",
    "forms.reissue.seal_unclear": "お届け印をかすれないよう、はっきりと押してください。",
    "forms.reissue.spare_seal_missing": "捨印欄にもお届け印を押してください。",
    "forms.reissue.representative_missing": "法人の口座の場合は、法人名・役職・代表者名をご記入ください。",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "forms.for_web_registration": (
        "WEB登録のお客様が含まれています（顧客番号 {numbers}）。紙の依頼書に切り替える場合だけ印刷します。"
        "印刷しますか？"
    ),
}

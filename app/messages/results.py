"""Texts of the results area: result files, follow-up items, the ledger (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    # where a problem is
    "results.at_record": "レコード {record}: {message}",
    "results.at_row": "{row}行目 {column}: {message}",
    # the file's own shape
    "results.file_missing": "ファイル {path} が見つかりません",
    "results.not_bank_format": "全銀形式（120バイトのレコード）として読めません（{length} バイト）",
    "results.record_length": "レコードの長さが {length} バイトです（120バイトのはずです）",
    "results.record_type": "データ区分「{kind}」のレコードは読めません（1, 2, 8, 9 のどれかです）",
    "results.after_end": "エンドレコードの後にレコードがあります",
    "results.header_without_trailer": "ヘッダーに対応するトレーラがありません",
    "results.not_direct_debit": "種別コードが {category} です（口座振替は 91）",
    "results.header_date": "ヘッダーの引落日が数字ではありません",
    "results.data_outside_group": "ヘッダーより前にデータレコードがあります",
    "results.amount_not_digits": "引落金額が数字ではありません",
    "results.customer_not_digits": "顧客番号が20桁の数字ではありません",
    "results.trailer_outside_group": "ヘッダーとデータのないトレーラがあります",
    "results.trailer_not_digits": "トレーラの件数・金額が数字ではありません",
    "results.trailer_mismatch": "トレーラの{label} {trailer} {unit}がデータの合計 {data} {unit}と一致しません",
    "results.trailer_sum": "トレーラの合計が振替済と振替不能の和になっていません",
    "results.no_header": "ヘッダーレコードがありません",
    "results.no_end": "エンドレコードがありません",
    "results.column_missing": "見出し「{column}」の列がありません",
    "results.no_rows": "読み込む行がありません",
    "results.customer_number_format": "顧客番号は20桁の数字です",
    "results.amount_empty": "金額が空です",
    "results.code_format": "振替結果コードは1文字です",
    "results.date_format": "振替日は YYYY-MM-DD で入力してください（{value}）",
    # billable or not (paper registrations)
    "results.not_billable_confirmed_only": "紙の登録は振替結果か責任者の確認があるまで請求しない設定です（加盟店設定）",
    "results.not_billable_sent_late": "依頼書の発送（{sent_on}）がこの月の依頼書締切（{deadline}）より後です",
    "results.billable_from": "返却なし・未確認として {month} から請求できます（振替結果の 0 か 1 で登録済になります）",
    # against the month
    "results.consignor_unset": (
        "加盟店設定の委託者コード（10桁・請求データ用）が未設定のため、結果ファイルを照合できません"
    ),
    "results.consignor_mismatch": "ヘッダーの委託者コード {found} が加盟店設定の委託者コード {expected} と違います",
    "results.no_month_for_date": "振替日 {day} に当たる確定済みの請求月がありません",
    "results.month_not_final": "{month} の請求はまだ確定していません。確定した請求データの結果だけを取り込めます",
    "results.groups_months": "ファイルの中に別々の振替日のグループがあります（{days}）。1か月分ずつ取り込んでください",
    "results.no_month_matches": "この結果に合う確定済みの請求月がありません。振替日の列を加えてください",
    "results.several_months_match": "この結果は複数の請求月（{months}）に合います。振替日の列を加えてください",
    "results.not_billed": "顧客番号 {customer_number} は {month} の請求データにありません",
    "results.amount_differs": "顧客番号 {customer_number} の金額 {amount} 円が {month} の請求額 {billed} 円と違います",
    "results.duplicate": "顧客番号 {customer_number}（{amount} 円）の結果が2回あります（レコード {first} と同じ）",
    "results.missing_result": "顧客番号 {customer_number}（{amount} 円）の結果がファイルにありません",
    "results.refused": "結果ファイルを取り込めません（{count} 件の問題）。何も変更していません",
    "results.already_imported": "このファイルは {at} に {name} が取り込み済みです。何も変更していません",
    "results.results_in": (
        "{month} の振替結果は {at} に {name} が取り込み済みです。別のファイルで差し替えるには"
        "責任者が差し替えを指定してください（--replace）"
    ),
    "results.replace_supervisor": "振替結果の差し替えは責任者だけができます",
    "results.changed_meanwhile": "確認している間に {month} の請求か振替結果が変わりました。もう一度取り込んでください",
    "results.month_no_results": "{month} の振替結果はまだ取り込まれていません",
    "results.replaced_note": "振替結果の差し替えにより終了",
    # follow-up items
    "results.followup_unknown": "対応項目 {followup_id} はありません",
    "results.followup_state_unknown": "状態「{state}」はありません。使える状態: {states}",
    "results.followup_conflict": (
        "対応項目 {followup_id} は表示している間に {name} が変更しました（{at}）。読み直してください"
    ),
    "results.followup_not_outstanding": "対応項目 {followup_id} には未収金がありません（{reason}）",
    "results.note_required": "メモを入力してください",
    "results.rebill_month_not_draft": (
        "{month} は下書きではないため再請求を加えられません（確定した月は変更できません）"
    ),
    "results.rebill_not_later": "再請求は {month} より後の月にしか加えられません",
    "results.rebill_not_billable": "顧客番号 {customer_number} は {month} に請求できません（{reason}）",
    # registrations
    "results.customer_unknown": "顧客番号 {customer_number} は登録されていません",
    "results.confirm_not_paper": (
        "顧客番号 {customer_number} は「{status}」のため確認できません（返却なし・未確認の紙の登録だけです）"
    ),
    "results.not_stopped": "顧客番号 {customer_number} は請求停止中ではありません",
    "results.confirmed_by_result": "振替結果 {code}（{label}、{month}）で金融機関の登録を確認",
    "results.confirmed_by_supervisor": "責任者が確認: {note}",
    "results.new_form_needed": "振替結果 {code}（{label}、{month}）のため新しい依頼書が必要",
    "results.stopped_by_result": "振替結果 3（預金者都合による振替停止、{month}）",
    "results.stop_released": "請求停止を解除: {note}",
    "results.stop_request_resolved": "振替停止依頼による停止（自動で完了）",
    "results.carried": "資金不足の未収金を自動で再請求",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "results.results_in": (
        "{month} の振替結果は {at} に {name} が取り込み済みです。別のファイルで差し替えるには"
        "責任者が「差し替える」を選んでください"
    ),
}

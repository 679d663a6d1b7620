"""Texts of the paper area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "paper.reason_unknown": "不備理由 {listed} はありません（kofuri returns reasons で一覧）",
    "paper.reason_note_required": "不備理由が「その他」のときは --note に内容を書いてください",
    "paper.status.reach": "{month} の振替に間に合わせるには {deadline} までに収納会社へ届けます",
    "paper.status.keyed": "入力済・未発送（{kind}）",
    "paper.status.keyed_next": "次の発送に含めて送付します",
    "paper.status.presumed": "返却なし・未確認: {sent_on} 発送、{weeks}週間返却なし",
    "paper.status.presumed_next": "金融機関からの完了通知はありません。振替結果で確認してください",
    "paper.status.sent": "発送済・金融機関確認中（{sent_on} 発送）",
    "paper.status.sent_next": "返却がなければ {presumed} に登録済とみなします",
    "paper.status.returned_next": "お客様に新しい依頼書を依頼（推奨）するか訂正を依頼し、届いたら入力します",
    "paper.status.returned_late": "間に合わない場合はその月の請求から外します",
    "paper.status.invalidated_next": "請求できません",
    "paper.return_transition_refused": "不備返却 {return_id} は「{before}」のため、「{to}」にはできません",
    "paper.shipment_transition_refused": "発送 {shipment_id} は「{before}」のため変更できません",
    "paper.registration_unknown": "顧客番号 {customer_number} の登録はありません",
    "paper.checklist_already_complete": "顧客番号 {customer_number} のチェックはすべて済んでいます",
    "paper.checklist_not_waiting": "顧客番号 {customer_number} は発送待ちの紙の依頼書ではありません",
    "paper.send_anyway_reason_required": "チェックが済んでいない依頼書を発送に含める理由を入力してください",
    "paper.send_anyway_not_held": "顧客番号 {numbers} はチェック未完了で保留中の依頼書ではありません",
    "paper.nothing_to_ship": "発送を待っている依頼書はありません",
    "paper.nothing_to_ship_held": (
        "発送できる依頼書はありません（チェックが済んでいないため保留中: {held} 件。"
        "依頼書を確認してチェックを記録するか、責任者が理由を付けて発送に含めてください）"
    ),
    "paper.cover_not_sendable": "送付書に載せられない依頼書があります: {problems}",
    "paper.cover_reason_not_keyed": "顧客番号 {customer_number} は「{status}」",
    "paper.cover_reason_web": "顧客番号 {customer_number} はWEB登録",
    "paper.cover_reason_held": "顧客番号 {customer_number} はチェック未完了で保留中",
    "paper.cover_reason_corrected": "顧客番号 {customer_number} は不備分（再提出）",
    "paper.cover_reason_not_corrected": "顧客番号 {customer_number} は新規分",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "paper.reason_unknown": "不備理由 {listed} はありません",
    "paper.reason_note_required": "不備理由が「その他」のときはメモに内容を書いてください",
}

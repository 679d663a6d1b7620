"""Texts of the paper area (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "paper.reason_unknown": "不備理由 {listed} はありません（kofuri returns reasons で一覧）",
    "paper.reason_note_required": "不備理由が「その他」のときは --note に内容を書いてください",
    "paper.status.reach": "{month} の振替に間に合わせるには {deadline} までに収納会社へ届けます",
    "paper.status.keyed": "入力済・未発送（{kind}）",
    "paper.status.keyed_next": "次の発送に含めて送付します",
    "paper.status.presumed": "登録済（推定）: {sent_on} 発送、{weeks}週間返却なし",
    "paper.status.presumed_next": "金融機関からの完了通知はありません。振替結果で確認してください",
    "paper.status.sent": "発送済・金融機関確認中（{sent_on} 発送）",
    "paper.status.sent_next": "返却がなければ {presumed} に登録済とみなします",
    "paper.status.returned_next": "お客様に新しい依頼書を依頼（推奨）するか訂正を依頼し、届いたら入力します",
    "paper.status.returned_late": "間に合わない場合はその月の請求から外します",
    "paper.status.invalidated_next": "請求できません",
    "paper.return_transition_refused": "不備返却 {return_id} は「{before}」のため、「{to}」にはできません",
    "paper.shipment_transition_refused": "発送 {shipment_id} は「{before}」のため変更できません",
}

# Where a screen says it differently from the command line (no option names, no commands).
SCREEN: dict[str, str] = {
    "paper.reason_unknown": "不備理由 {listed} はありません",
    "paper.reason_note_required": "不備理由が「その他」のときはメモに内容を書いてください",
}

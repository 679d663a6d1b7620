"""Debit result codes (振替結果コード), RES-1 and RES-2. An unknown code is kept and shown as unknown."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ResultCode:
    code: str
    label_ja: str
    label_en: str
    meaning: str
    follow_up: str
    known: bool = True

    @property
    def paid(self) -> bool:
        return self.code == "0"


RESULT_CODES: dict[str, ResultCode] = {
    c.code: c
    for c in (
        ResultCode("0", "振替済", "paid", "引き落としができました。", "対応は不要です。"),
        ResultCode(
            "1",
            "資金不足",
            "insufficient funds",
            "口座の残高が足りず引き落とせませんでした。",
            "お客様に連絡し、振替日の前日までの入金をお願いするか、別の方法でお支払いいただきます。",
        ),
        ResultCode(
            "2",
            "預金取引なし",
            "no account",
            "口座がない・解約済み、または支店・預金種目・口座番号・名義が一致しません。",
            "お客様に連絡し、新しい口座振替依頼書を送ってください。",
        ),
        ResultCode(
            "3",
            "預金者都合による振替停止",
            "stopped by depositor",
            "預金者の申し出（死亡・相続・差押えを含む）により振替が停止されています。",
            "お客様に事情を確認し、翌月以降の請求を止めてください。",
        ),
        ResultCode(
            "4",
            "預金口座振替依頼書なし",
            "no authorisation",
            "口座振替依頼書が未提出・返却・処理中、または解約されています。",
            "登録状況を確認し、必要なら新しい口座振替依頼書を送ってください。",
        ),
        ResultCode(
            "8",
            "委託者都合による振替停止",
            "stopped by consignor",
            "振替停止依頼、顧客番号の先頭番号の誤り、存在しない銀行・支店コードのいずれかです。",
            "振替停止依頼の有無と、顧客番号・銀行コード・支店コードの設定を確認してください。",
        ),
        ResultCode(
            "9",
            "その他",
            "other",
            "データ形式の誤りなど、金融機関のその他の理由です。",
            "請求データの内容を確認し、収納会社に問い合わせてください。",
        ),
    )
}


def lookup_result_code(code: str) -> ResultCode:
    """The meaning of a result code; an unknown one is returned as unknown, never dropped [RES-1]."""
    key = code.strip()
    known = RESULT_CODES.get(key)
    if known is not None:
        return known
    return ResultCode(
        key,
        f"不明なコード {key}",
        f"unknown code {key}",
        "この結果コードは登録されていません。",
        "収納会社に意味を確認してください。",
        known=False,
    )

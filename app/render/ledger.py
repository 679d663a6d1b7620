"""One customer's ledger as a printable page (HTML that the screen shows and prints; OP-4)."""

from __future__ import annotations

from html import escape

from app.services.results import Ledger


def ledger_html(book: Ledger) -> str:
    def yen(amount: int | None) -> str:
        return "—" if amount is None else f"{amount:,} 円"

    rows = (
        "".join(
            f"<tr><td>{m.month}</td><td>{m.debit_date.isoformat()}</td><td align='right'>{yen(m.amount)}</td>"
            f"<td>{escape(m.result_label)}{'（' + m.rebill_of + ' の再請求）' if m.rebill_of else ''}</td></tr>"
            for m in book.months
        )
        or "<tr><td colspan='4'>請求はまだありません</td></tr>"
    )
    events = "".join(
        f"<tr><td>{e.at.astimezone():%Y-%m-%d %H:%M}</td><td>{escape(e.operator)}</td>"
        f"<td>{escape(e.reason or e.action)}</td></tr>"
        for e in book.events
    )
    returns = (
        "".join(f"<li>{r.received_on.isoformat()} 不備返却（{escape(r.status)}）</li>" for r in book.returns)
        or "<li>なし</li>"
    )
    unconfirmed = "<p><b>返却なし・未確認</b>（金融機関の結果でまだ確認されていません）</p>" if book.unconfirmed else ""
    stop = f"<p><b>請求停止中</b>: {escape(book.billing_stop_reason)}</p>" if book.billing_stopped else ""
    lapse = f"<p style='color:#b00'><b>注意</b>: {escape(book.lapse_warning)}</p>" if book.lapse_warning else ""
    why = f"（{escape(book.not_billable_reason)}）" if book.next_amount is None and book.not_billable_reason else ""
    return f"""
<h2>台帳 {book.customer_number} {escape(book.contract_holder_name)}</h2>
<p>登録の状態: {escape(book.status_label)}（{"紙" if book.method == "paper" else "WEB"}
{"、" + book.sent_on.isoformat() + " 発送" if book.sent_on else ""}）</p>
{unconfirmed}{stop}
<table cellspacing='0' cellpadding='3' border='1'>
<tr><th align='left'>次の振替日</th><td>{book.next_debit_date.isoformat()}（{book.next_month}）</td></tr>
<tr><th align='left'>引き落とす金額</th><td>{yen(book.next_amount)}{why}</td></tr>
<tr><th align='left'>請求締切日</th><td>{book.billing_deadline.isoformat()}</td></tr>
<tr><th align='left'>振替停止依頼の期限</th><td>{book.stop_request_deadline.isoformat()}</td></tr>
<tr><th align='left'>連続振替不能</th><td>{book.consecutive_failures} 回</td></tr>
<tr><th align='left'>未収金</th><td>{yen(book.outstanding)}</td></tr>
</table>
{lapse}
<h3>月ごとの請求と結果</h3>
<table cellspacing='0' cellpadding='3' border='1'>
<tr><th>請求月</th><th>振替日</th><th>金額</th><th>結果</th></tr>{rows}</table>
<h3>不備返却</h3><ul>{returns}</ul>
<h3>登録の経過</h3>
<table cellspacing='0' cellpadding='3' border='1'><tr><th>日時</th><th>担当者</th><th>内容</th></tr>{events}</table>
"""

"""`kofuri results …`, `kofuri followups …`, `kofuri ledger …`: closing the month."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.cli.context import Context
from app.cli.output import json_default, record_id, write_records


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    res = sub.add_parser("results", help="振替結果").add_subparsers(dest="results_command", metavar="ACTION")
    res.required = True
    imp = res.add_parser("import", help="振替結果ファイル（全銀形式・.xlsx・.csv）を取り込む（全件合うときだけ）")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="照合して変わる内容を示すだけで、記録しない")
    imp.add_argument("--replace", action="store_true", help="取り込み済みの結果を差し替える（責任者のみ）")
    lst = res.add_parser("list", help="月の振替結果の明細")
    lst.add_argument("month", help="YYYY-MM")
    lst.add_argument("--code", help="振替結果コードで絞り込む")
    lst.add_argument("--format", choices=("csv", "json"), default="csv")
    smr = res.add_parser("summary", help="月の振替結果の集計（結果コード別）")
    smr.add_argument("month", help="YYYY-MM")
    smr.add_argument("--format", choices=("text", "json"), default="text")
    fol = sub.add_parser("followups", help="振替不能の対応リスト").add_subparsers(
        dest="followups_command", metavar="ACTION"
    )
    fol.required = True
    flst = fol.add_parser("list", help="対応リスト（期限の近い順）")
    flst.add_argument("--open", action="store_true", help="完了していないものだけ")
    flst.add_argument("--format", choices=("csv", "json"), default="csv")
    fupd = fol.add_parser("update", help="対応の状態を変え、連絡記録を残す")
    fupd.add_argument("id", type=record_id)
    fupd.add_argument("--state", required=True, help="open, contacted, waiting_form, resolved")
    fupd.add_argument("--note", default="")
    freb = fol.add_parser("rebill", help="振替不能の金額を下書きの月に別の明細として再請求する")
    freb.add_argument("id", type=record_id)
    freb.add_argument("month", help="YYYY-MM（下書きの月）")
    fset = fol.add_parser("settle", help="振替不能の金額を他の方法で受け取った（現金・振込）")
    fset.add_argument("id", type=record_id)
    fset.add_argument("--note", required=True)
    led = sub.add_parser("ledger", help="お客様ごとの台帳（次の振替日と金額、月ごとの結果、未収金）")
    led.add_argument("customer_number")
    led.add_argument("--format", choices=("text", "json"), default="text")

    imp.set_defaults(func=cmd_results_import)
    lst.set_defaults(func=cmd_results_list)
    smr.set_defaults(func=cmd_results_summary)
    flst.set_defaults(func=cmd_followups_list)
    fupd.set_defaults(func=cmd_followups_update)
    freb.set_defaults(func=cmd_followups_rebill)
    fset.set_defaults(func=cmd_followups_settle)
    led.set_defaults(func=cmd_ledger)


def _yen(amount: int) -> str:
    return f"{amount:,} 円"


def cmd_results_import(ctx: Context) -> int:
    from app.services import results

    try:
        outcome = results.import_results(
            ctx.db, ctx.args.file, ctx.operator, dry_run=ctx.args.dry_run, replace=ctx.args.replace
        )
    except results.ResultsRefused as refused:
        for problem in refused.problems:
            print(problem, file=ctx.err)
        print(f"{len(refused.problems)} 件の問題があるため、何も取り込んでいません", file=ctx.err)
        return 1
    if outcome.already_imported:
        print(outcome.message, file=ctx.err)
        return 0
    p = outcome.preview
    head = "確認のみ（記録していません）" if outcome.dry_run else ("差し替えました" if p.replaces else "取り込みました")
    print(f"{p.month} の振替結果を{head}: {p.file_name}", file=ctx.err)
    print(
        f"  振替済 {p.paid.count} 件 {_yen(p.paid.amount)} / 振替不能 {p.failed.count} 件 {_yen(p.failed.amount)}",
        file=ctx.err,
    )
    for code, totals in sorted(p.by_code.items()):
        print(f"  {code} {results.code_label(code)}: {totals.count} 件 {_yen(totals.amount)}", file=ctx.err)
    print(
        f"  登録の確認 {p.confirmations} 件、新しい依頼書が必要 {p.new_forms} 件、請求停止 {p.stops} 件、"
        f"対応項目 {p.follow_ups} 件（うち不備返却中の振替済 {p.flagged} 件）",
        file=ctx.err,
    )
    return 0


def cmd_results_list(ctx: Context) -> int:
    from app.services import results

    lines = results.list_results(ctx.db, ctx.args.month, code=ctx.args.code)
    write_records(
        ctx,
        [
            {
                "month": line.month,
                "customer_number": line.customer_number,
                "contract_holder_name": line.contract_holder_name,
                "bank_code": line.bank_code,
                "branch_code": line.branch_code,
                "amount": line.amount,
                "result_code": line.result_code,
                "result": line.label,
                "record": line.record_number,
            }
            for line in lines
        ],
        ctx.args.format,
    )
    return 0


def cmd_results_summary(ctx: Context) -> int:
    from app.services import results

    view = results.summary(ctx.db, ctx.args.month)
    if ctx.args.format == "json":
        json.dump(view.as_json(), ctx.out, ensure_ascii=False, indent=1)
        ctx.out.write("\n")
        return 0
    print(f"{view.month} 結果取込済（{view.imported_at:%Y-%m-%d %H:%M} {view.imported_by}）", file=ctx.out)
    print(f"振替済   {view.paid.count:>6} 件 {_yen(view.paid.amount):>16}", file=ctx.out)
    print(f"振替不能 {view.failed.count:>6} 件 {_yen(view.failed.amount):>16}", file=ctx.out)
    for code, totals in sorted(view.by_code.items()):
        print(f"  {code} {results.code_label(code)}: {totals.count} 件 {_yen(totals.amount)}", file=ctx.out)
    return 0


def _followup_record(item: Any) -> dict[str, Any]:
    return {
        "id": item.id,
        "customer_number": item.customer_number,
        "contract_holder_name": item.contract_holder_name,
        "month": item.month,
        "result_code": item.result_code,
        "result": item.code_label,
        "amount": item.amount,
        "outstanding": item.outstanding,
        "deadline": item.deadline,
        "state": item.state,
        "state_label": item.state_label,
        "action": item.action,
        "settlement": item.settlement,
        "updated_by": item.updated_by,
    }


def cmd_followups_list(ctx: Context) -> int:
    from app.services import results

    items = results.list_followups(ctx.db, open_only=ctx.args.open)
    write_records(ctx, [_followup_record(i) for i in items], ctx.args.format)
    return 0


def cmd_followups_update(ctx: Context) -> int:
    from app.services import results

    item = results.update_followup(ctx.db, ctx.args.id, ctx.args.state, ctx.operator, note=ctx.args.note)
    print(f"対応項目 {item.id}（顧客番号 {item.customer_number}）を「{item.state_label}」にしました", file=ctx.err)
    return 0


def cmd_followups_rebill(ctx: Context) -> int:
    from app.services import results

    results.rebill(ctx.db, ctx.args.id, ctx.args.month, ctx.operator)
    print(f"対応項目 {ctx.args.id} の金額を {ctx.args.month} に再請求の明細として加えました", file=ctx.err)
    return 0


def cmd_followups_settle(ctx: Context) -> int:
    from app.services import results

    results.settle(ctx.db, ctx.args.id, ctx.args.note, ctx.operator)
    print(f"対応項目 {ctx.args.id} を他の方法で入金済みとして完了しました", file=ctx.err)
    return 0


def cmd_ledger(ctx: Context) -> int:
    from app.services import results

    book = results.ledger(ctx.db, ctx.args.customer_number)
    if ctx.args.format == "json":
        json.dump(book.as_json(), ctx.out, ensure_ascii=False, indent=1, default=json_default)
        ctx.out.write("\n")
        return 0
    out = ctx.out
    print(f"顧客番号 {book.customer_number}  {book.contract_holder_name}  {book.status_label}", file=out)
    if book.unconfirmed:
        print("  返却なし・未確認（金融機関の結果で確認されていません）", file=out)
    amount = (
        _yen(book.next_amount) if book.next_amount is not None else f"なし（{book.not_billable_reason or '明細なし'}）"
    )
    print(f"次の振替日 {book.next_debit_date.isoformat()}（{book.next_month}）: {amount}", file=out)
    print(
        f"  請求締切 {book.billing_deadline.isoformat()}、振替停止依頼の期限 {book.stop_request_deadline.isoformat()}",
        file=out,
    )
    for m in book.months:
        extra = f"（{m.rebill_of} の再請求）" if m.rebill_of else ""
        print(f"  {m.month} {_yen(m.amount):>10} {m.result_label}{extra}", file=out)
    print(f"連続振替不能 {book.consecutive_failures} 回、未収金 {_yen(book.outstanding)}", file=out)
    if book.lapse_warning:
        print(f"注意: {book.lapse_warning}", file=out)
    for r in book.returns:
        print(f"  不備返却 {r.received_on.isoformat()} {r.status}", file=out)
    return 0

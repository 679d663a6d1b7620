"""`kofuri shipments …` and `kofuri returns …`: the paper-form workflow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.context import Context
from app.cli.output import parse_date, record_id, write_records


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    ship = sub.add_parser("shipments", help="収納会社への発送").add_subparsers(
        dest="shipments_command", metavar="ACTION"
    )
    ship.required = True
    screate = ship.add_parser("create", help="入力済・未発送の依頼書で発送を作る（新規分と不備分を分けて数える）")
    screate.add_argument("--new-only", action="store_true", help="新規分だけ")
    screate.add_argument(
        "--send-anyway",
        metavar="CUSTOMER_NUMBER",
        action="append",
        default=[],
        help="チェック未完了で保留中の依頼書も含める（責任者だけ、--reason が必要。複数指定可）",
    )
    screate.add_argument("--reason", default="", help="チェック未完了のまま含める理由")
    sheld = ship.add_parser("held", help="チェック未完了のため次の発送から外れる依頼書の一覧")
    sheld.add_argument("--format", choices=("csv", "json"), default="csv")
    schecked = ship.add_parser("checked", help="依頼書を確認してチェック済みを記録する（次の発送に含まれる）")
    schecked.add_argument("customer_number")
    schecked.add_argument("--note", default="", help="確認したことのメモ")
    ssend = ship.add_parser("send", help="発送日と追跡番号を記録する")
    ssend.add_argument("id", type=record_id)
    ssend.add_argument("--date", required=True, help="YYYY-MM-DD")
    ssend.add_argument("--tracking", default="")
    slist = ship.add_parser("list", help="発送の一覧")
    slist.add_argument("--format", choices=("csv", "json"), default="csv")

    ret = sub.add_parser("returns", help="不備返却").add_subparsers(dest="returns_command", metavar="ACTION")
    ret.required = True
    p_reasons = ret.add_parser("reasons", help="不備理由のコード一覧")
    radd = ret.add_parser("add", help="返却された依頼書を記録する")
    radd.add_argument("--customer-number", required=True)
    radd.add_argument("--received", required=True, help="受領日 YYYY-MM-DD")
    radd.add_argument("--reason", required=True, action="append", help="不備理由のコード（複数可）")
    radd.add_argument("--note", default="")
    radd.add_argument("--scan", type=Path, help="返却された依頼書のスキャン（PDF・画像）")
    rupd = ret.add_parser("update", help="対応状況を変える")
    rupd.add_argument("id", type=record_id)
    rupd.add_argument("--status", required=True, help="open, waiting, received, resent, closed")
    rupd.add_argument("--note", default="")
    rlist = ret.add_parser("list", help="不備返却の一覧")
    rlist.add_argument("--open", action="store_true", help="対応中のものだけ")
    rlist.add_argument("--format", choices=("csv", "json"), default="csv")
    rstats = ret.add_parser("stats", help="理由別・金融機関別の件数")
    rstats.add_argument("--from", dest="date_from", required=True)
    rstats.add_argument("--to", dest="date_to", required=True)
    rstats.add_argument("--format", choices=("csv", "json"), default="csv")

    screate.set_defaults(func=cmd_shipments_create)
    ssend.set_defaults(func=cmd_shipments_send)
    slist.set_defaults(func=cmd_shipments_list)
    sheld.set_defaults(func=cmd_shipments_held)
    schecked.set_defaults(func=cmd_shipments_checked)
    p_reasons.set_defaults(func=cmd_returns_reasons)
    radd.set_defaults(func=cmd_returns_add)
    rupd.set_defaults(func=cmd_returns_update)
    rlist.set_defaults(func=cmd_returns_list)
    rstats.set_defaults(func=cmd_returns_stats)


def cmd_shipments_create(ctx: Context) -> int:
    from app.services.paper.shipments import create_shipment

    view = create_shipment(
        ctx.db, ctx.operator, new_only=ctx.args.new_only, send_anyway=ctx.args.send_anyway, reason=ctx.args.reason
    )
    print(view.id, file=ctx.out)
    print(
        f"発送 {view.id}: 新規分 {len(view.new)} 枚、不備分 {len(view.corrected)} 枚、合計 {view.total} 枚",
        file=ctx.err,
    )
    for number, reason in view.sent_anyway.items():
        print(f"チェック未完了のまま含めました: {number}（理由: {reason}）", file=ctx.err)
    if view.held_back:
        print(f"チェック未完了のため {len(view.held_back)} 枚を保留しました:", file=ctx.err)
        for held in view.held_back:
            print(f"  {held.customer_number} {held.name}: 未確認 {held.missing_text}", file=ctx.err)
    return 0


def cmd_shipments_held(ctx: Context) -> int:
    from app.services.paper.holds import held_back_forms

    records = [
        {
            "customer_number": h.customer_number,
            "name": h.name,
            "kind": "corrected" if h.corrected else "new",
            "missing": h.missing_text,
        }
        for h in held_back_forms(ctx.db)
    ]
    write_records(ctx, records, ctx.args.format)
    return 0


def cmd_shipments_checked(ctx: Context) -> int:
    from app.services.paper.holds import record_checked

    held = record_checked(ctx.db, ctx.args.customer_number, ctx.operator, note=ctx.args.note)
    print(f"顧客番号 {held.customer_number}: チェック済みを記録しました（次の発送に含まれます）", file=ctx.err)
    return 0


def cmd_shipments_send(ctx: Context) -> int:
    from app.services.paper.shipments import send_shipment

    view = send_shipment(
        ctx.db, ctx.args.id, parse_date(ctx.args.date), ctx.operator, tracking_number=ctx.args.tracking
    )
    print(f"発送 {view.id} を {view.sent_on} に発送済みにしました（{view.total} 枚）", file=ctx.err)
    return 0


def cmd_shipments_list(ctx: Context) -> int:
    from app.services.paper.shipments import list_shipments

    records = [
        {
            "id": v.id,
            "status": v.status,
            "sent_on": v.sent_on or "",
            "tracking_number": v.tracking_number,
            "new": len(v.new),
            "corrected": len(v.corrected),
            "total": v.total,
        }
        for v in list_shipments(ctx.db)
    ]
    write_records(ctx, records, ctx.args.format)
    return 0


def cmd_returns_reasons(ctx: Context) -> int:
    from app.services.paper.returns import REASONS

    for code, label in REASONS.items():
        print(f"{code:<24}{label}", file=ctx.out)
    return 0


def cmd_returns_add(ctx: Context) -> int:
    from app.services.paper.returns import add_return

    view = add_return(
        ctx.db,
        ctx.args.customer_number,
        parse_date(ctx.args.received),
        ctx.args.reason,
        ctx.operator,
        note=ctx.args.note,
        scan=ctx.args.scan,
        attachments_dir=ctx.paths.ensure(ctx.paths.attachments_dir),
    )
    print(view.id, file=ctx.out)
    print(f"不備返却 {view.id} を記録しました（{view.reason_labels}）", file=ctx.err)
    return 0


def cmd_returns_update(ctx: Context) -> int:
    from app.services.paper.returns import STATUSES, update_return

    view = update_return(ctx.db, ctx.args.id, ctx.args.status, ctx.operator, note=ctx.args.note)
    print(f"不備返却 {view.id}: {STATUSES[view.status]}", file=ctx.err)
    return 0


def cmd_returns_list(ctx: Context) -> int:
    from app.services.paper.returns import list_returns

    records = [
        {
            "id": v.id,
            "customer_number": v.customer_number,
            "name": v.contract_holder_name,
            "bank_code": v.bank_code,
            "received_on": v.received_on,
            "reasons": v.reason_labels,
            "status": v.status,
            "note": v.note,
            "scan": v.scan_name,
        }
        for v in list_returns(ctx.db, open_only=ctx.args.open)
    ]
    write_records(ctx, records, ctx.args.format)
    return 0


def cmd_returns_stats(ctx: Context) -> int:
    from app.services.paper.returns import stats

    result = stats(ctx.db, parse_date(ctx.args.date_from), parse_date(ctx.args.date_to))
    records = [{"by": "reason", "name": k, "count": v} for k, v in result.by_reason.items()]
    records += [{"by": "bank", "name": k, "count": v} for k, v in result.by_bank.items()]
    write_records(ctx, records, ctx.args.format)
    print(f"{result.total} 件", file=ctx.err)
    return 0

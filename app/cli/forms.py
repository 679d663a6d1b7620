"""`kofuri forms …`: request forms and cover sheets as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.context import Context
from app.cli.output import parse_numbers, pdf_target


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    forms = sub.add_parser("forms", help="口座振替依頼書・送付書の PDF").add_subparsers(
        dest="forms_command", metavar="ACTION"
    )
    forms.required = True
    req = forms.add_parser("request", help="登録済みのお客様の依頼書（記入済み）")
    req.add_argument("--customer-number", required=True, action="append", help="顧客番号（複数指定可）")
    req.add_argument("--type", default="pdf", help="様式: pdf（A4 普通紙）、carbon（3枚複写）、または独自様式の名前")
    req.add_argument("--blank-fields", action="store_true", help="委託者欄と顧客番号以外は空欄で印刷する")
    req.add_argument(
        "--reissue",
        metavar="REASON",
        help="再発行として印刷する: 不備理由のコードまたは名前（カンマ区切り、例: 口座番号相違）か自由記入。"
        "理由と直してほしいことをお客様の用紙に載せ、返却の原因になった欄は空欄にする",
    )
    req.add_argument("--allow-web", action="store_true", help="WEB登録のお客様にも紙の依頼書を印刷する")
    req.add_argument("--out", required=True, type=Path)
    blank = forms.add_parser("blank", help="新しいお客様用の番号入り白紙の依頼書（番号を予約します）")
    blank.add_argument("--count", required=True, type=int)
    blank.add_argument("--type", default="pdf")
    blank.add_argument("--out", required=True, type=Path)
    cover = forms.add_parser("cover-sheet", help="収納会社への送付書")
    cover.add_argument("--shipment", type=int, help="発送 ID（その発送の新規分・不備分で作成）")
    cover.add_argument(
        "--new", default="", help="新規分の顧客番号（カンマ区切り。入力済・未発送でチェック済みの紙の依頼書だけ）"
    )
    cover.add_argument("--corrected", default="", help="不備分（再提出）の顧客番号（カンマ区切り）")
    cover.add_argument("--tracking", default="", help="追跡番号")
    cover.add_argument("--out", required=True, type=Path)

    req.set_defaults(func=cmd_forms_request)
    blank.set_defaults(func=cmd_forms_blank)
    cover.set_defaults(func=cmd_forms_cover_sheet)


def cmd_forms_request(ctx: Context) -> int:
    from app.services.forms import parse_reissue, registrations_by_number, render_request_forms

    target = pdf_target(ctx.args.out)
    views = registrations_by_number(ctx.db, ctx.args.customer_number)
    result = render_request_forms(
        ctx.db,
        [v.id for v in views],
        target,
        form_type=ctx.args.type,
        blank_fields=ctx.args.blank_fields,
        reissue=parse_reissue(ctx.args.reissue) if ctx.args.reissue is not None else None,
        allow_web=ctx.args.allow_web,
        user_forms=ctx.paths.user_forms_dir,
    )
    print(f"{target}: 依頼書 {result.forms} 件（{result.pages} ページ）", file=ctx.err)
    return 0


def cmd_forms_blank(ctx: Context) -> int:
    from app.services.forms import render_blank_forms

    target = pdf_target(ctx.args.out)
    result = render_blank_forms(
        ctx.db, ctx.args.count, target, ctx.operator, form_type=ctx.args.type, user_forms=ctx.paths.user_forms_dir
    )
    print(f"{target}: 白紙の依頼書 {result.forms} 件（{result.pages} ページ）", file=ctx.err)
    print(f"予約した顧客番号: {result.customer_numbers[0]} 〜 {result.customer_numbers[-1]}", file=ctx.err)
    for number in result.customer_numbers:
        print(number, file=ctx.out)
    return 0


def cmd_forms_cover_sheet(ctx: Context) -> int:
    from app.services.forms import render_cover_sheet

    target = pdf_target(ctx.args.out)
    new, corrected = parse_numbers(ctx.args.new), parse_numbers(ctx.args.corrected)
    sent_on = None
    shipment_id = None
    if ctx.args.shipment is not None:
        from app.services.paper.shipments import get_shipment

        shipment = get_shipment(ctx.db, ctx.args.shipment)
        new, corrected = shipment.new, shipment.corrected
        ctx.args.tracking = ctx.args.tracking or shipment.tracking_number
        sent_on = shipment.sent_on
        shipment_id = shipment.id
    result = render_cover_sheet(
        ctx.db,
        target,
        new=new,
        corrected=corrected,
        tracking_number=ctx.args.tracking,
        sent_on=sent_on,
        shipment_id=shipment_id,
        user_forms=ctx.paths.user_forms_dir,
    )
    print(f"{target}: 送付書（{result.forms} 枚分、{result.pages} ページ）", file=ctx.err)
    return 0

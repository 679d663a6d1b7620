"""`kofuri notices …`: the customer notices' outbox (list, send what is due, print the letters)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.context import Context
from app.cli.output import CliError, parse_date, pdf_target, record_id, write_records
from app.domain.notices import NoticeState


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    nt = sub.add_parser("notices", help="お客様へのお知らせ（振替の案内・振替不能のお知らせ）").add_subparsers(
        dest="notices_command", metavar="ACTION"
    )
    nt.required = True
    ls = nt.add_parser("list", help="お知らせの一覧")
    ls.add_argument("--state", choices=[s.value for s in NoticeState])
    ls.add_argument("--format", choices=("csv", "json"), default="csv")
    send = nt.add_parser("send", help="予定日が来たメールのお知らせを送る（同じお知らせを二度送ることはない）")
    send.add_argument("--dry-run", action="store_true", help="送らずに、送る予定のものを表示する")
    send.add_argument("--as-of", help="この日（YYYY-MM-DD）までに予定日が来たものを送る（既定: 今日）")
    letters = nt.add_parser("letters", help="郵送のお知らせを1つのPDFにまとめる（郵便番号順、印刷済にする）")
    letters.add_argument("--out", required=True, type=Path)
    letters.add_argument("--as-of", help="基準日（YYYY-MM-DD、既定: 今日）")
    resolve = nt.add_parser("resolve", help="送信確認待ちのお知らせを、確認した結果で送信済か予定に戻す")
    resolve.add_argument("notice_id", type=record_id)
    resolve.add_argument("--delivered", choices=("yes", "no"), required=True)
    fallback = nt.add_parser("to-letter", help="送信に失敗したメールのお知らせを郵送に切り替える")
    fallback.add_argument("notice_ids", type=record_id, nargs="*", help="お知らせのID（省略: 失敗したもの全部）")
    show = nt.add_parser("show", help="お知らせの文面を表示する")
    show.add_argument("notice_id", type=record_id)

    ls.set_defaults(func=cmd_notices_list)
    send.set_defaults(func=cmd_notices_send)
    letters.set_defaults(func=cmd_notices_letters)
    resolve.set_defaults(func=cmd_notices_resolve)
    fallback.set_defaults(func=cmd_notices_to_letter)
    show.set_defaults(func=cmd_notices_show)


def cmd_notices_list(ctx: Context) -> int:
    from app.services import notices

    records = [n.as_record() for n in notices.list_notices(ctx.db, state=ctx.args.state)]
    write_records(ctx, records, ctx.args.format)
    return 0


def cmd_notices_send(ctx: Context) -> int:
    from app.services import notices

    as_of = parse_date(ctx.args.as_of) if ctx.args.as_of else None
    result = notices.send_due(ctx.db, ctx.operator, as_of=as_of, dry_run=ctx.args.dry_run, user_forms=_forms(ctx))
    if ctx.args.dry_run:
        for notice_id, recipient, subject in result.would_send:
            print(f"{notice_id}\t{recipient}\t{subject}", file=ctx.out)
        print(f"送信予定 {len(result.would_send)} 件（送っていません）", file=ctx.err)
        return 0
    for notice_id in result.sent:
        print(f"{notice_id}\tsent", file=ctx.out)
    for notice_id, answer in result.failed:
        print(f"{notice_id}\tfailed\t{answer}", file=ctx.out)
    print(
        f"送信 {len(result.sent)} 件、失敗 {len(result.failed)} 件、郵送待ち {result.letters_waiting} 件"
        + (
            f"、送信確認待ち {result.unconfirmed} 件（kofuri notices resolve で確認結果を記録）"
            if result.unconfirmed
            else ""
        ),
        file=ctx.err,
    )
    if result.error:
        raise CliError(result.error)
    return 0 if not result.failed else 1


def cmd_notices_letters(ctx: Context) -> int:
    from app.services import notices

    as_of = parse_date(ctx.args.as_of) if ctx.args.as_of else None
    result = notices.render_letters(ctx.db, pdf_target(ctx.args.out), ctx.operator, as_of=as_of, user_forms=_forms(ctx))
    print(f"{result.path}: {result.letters} 通（{result.pages} ページ）を印刷済にしました", file=ctx.out)
    return 0


def cmd_notices_resolve(ctx: Context) -> int:
    from app.services import notices

    view = notices.resolve_unconfirmed(ctx.db, ctx.args.notice_id, ctx.args.delivered == "yes", ctx.operator)
    print(f"{view.id}\t{view.state}", file=ctx.out)
    return 0


def cmd_notices_to_letter(ctx: Context) -> int:
    from app.services import notices

    ids = ctx.args.notice_ids or [n.id for n in notices.list_notices(ctx.db, state="failed") if n.channel == "email"]
    print(f"{notices.fall_back_to_letter(ctx.db, ids, ctx.operator)} 件を郵送に切り替えました", file=ctx.out)
    return 0


def cmd_notices_show(ctx: Context) -> int:
    from app.services import notices

    view = notices.get_notice(ctx.db, ctx.args.notice_id)
    rendered = notices.preview(ctx.db, view.id, _forms(ctx))
    print(f"件名: {rendered.subject}\n\n{rendered.body}", file=ctx.out, end="")
    return 0


def _forms(ctx: Context) -> Path:
    return ctx.paths.user_forms_dir

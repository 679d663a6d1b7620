"""`kofuri billing …`: the monthly billing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app.cli.context import Context
from app.cli.output import CliError, out_target
from app.domain.text import shown


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    bill = sub.add_parser("billing", help="月次の口座振替請求").add_subparsers(dest="billing_command", metavar="ACTION")
    bill.required = True
    prep = bill.add_parser("prepare", help="請求月を準備し、登録済みのお客様の月額から明細を作る")
    prep.add_argument("month", help="YYYY-MM")
    bimp = bill.add_parser(
        "import", help="金額を .xlsx / .csv（顧客番号, 金額, 摘要）から取り込む（全件正しいときだけ）"
    )
    bimp.add_argument("month")
    bimp.add_argument("file", type=Path)
    bexp = bill.add_parser("export", help="請求データを書き出す（--final で確定・ロック）")
    bexp.add_argument("month")
    bexp.add_argument("--format", choices=("xlsx", "zengin"), required=True)
    bexp.add_argument("--out", required=True, type=Path)
    bexp.add_argument("--final", action="store_true", help="確定として書き出し、以後の金額変更を止める")
    bexp.add_argument("--no-newline", action="store_true", help="全銀形式でレコードの後に改行（CR LF）を入れない")
    bprev = bill.add_parser(
        "preview", help="全銀形式ファイルの内容（ヘッダー・件数・合計）を確認する（ファイルは作らない）"
    )
    bprev.add_argument("month")
    bstop = bill.add_parser("stop", help="確定後、1件の振替停止依頼を記録する")
    bstop.add_argument("month")
    bstop.add_argument("--customer-number", required=True)
    bstop.add_argument("--reason", required=True)
    brem = bill.add_parser("remove", help="下書きの月から1件の明細を外す")
    brem.add_argument("month")
    brem.add_argument("--customer-number", required=True)
    bsched = bill.add_parser("schedule", help="年間スケジュールの締切日を登録する")
    bsched.add_argument("month", nargs="?", help="YYYY-MM（--import のときは不要）")
    bsched.add_argument("--deadline", help="YYYY-MM-DD")
    bsched.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        help="年間スケジュール表 .xlsx/.csv（請求月, 請求締切日, 結果返却日）",
    )
    bsched.add_argument("--result-date", help="YYYY-MM-DD")

    bimp.set_defaults(func=cmd_billing_import)
    prep.set_defaults(func=cmd_billing_prepare)
    bexp.set_defaults(func=cmd_billing_export)
    bprev.set_defaults(func=cmd_billing_preview)
    bstop.set_defaults(func=cmd_billing_stop)
    brem.set_defaults(func=cmd_billing_remove)
    bsched.set_defaults(func=cmd_billing_schedule)


def _month_summary(ctx: Context, month: str) -> None:
    from app.services import billing

    view = billing.get_month(ctx.db, month)
    print(
        f"{view.month} {view.state_label}: {view.line_count} 件 {view.total:,} 円"
        f"（振替日 {view.schedule.debit_date.isoformat()}、締切 {view.schedule.billing_deadline.isoformat()}）",
        file=ctx.out,
    )


def cmd_billing_prepare(ctx: Context) -> int:
    from app.services import billing

    billing.prepare_month(ctx.db, ctx.args.month, ctx.operator)
    _month_summary(ctx, ctx.args.month)
    for problem in billing.check_month(ctx.db, ctx.args.month):
        print(f"要確認: {problem}", file=ctx.err)
    for number, name, last in billing.lapse_warnings(ctx.db):
        print(f"失効注意: 顧客番号 {number} {name} は {last} から請求がありません", file=ctx.err)
    return 0


def cmd_billing_import(ctx: Context) -> int:
    from app.services import billing

    count, problems = billing.import_amounts(ctx.db, ctx.args.month, ctx.args.file, ctx.operator)
    if problems:
        for problem in problems:
            print(problem, file=ctx.err)
        print(f"{len(problems)} 件の問題があるため、何も取り込んでいません", file=ctx.err)
        return 1
    print(f"{count} 件の金額を取り込みました", file=ctx.err)
    _month_summary(ctx, ctx.args.month)
    return 0


def cmd_billing_export(ctx: Context) -> int:
    from app.services import billing

    try:
        result = billing.export_month(
            ctx.db,
            ctx.args.month,
            ctx.args.format,
            out_target(ctx.args.out),
            ctx.operator,
            final=ctx.args.final,
            newline=not ctx.args.no_newline,
        )
    except billing.BillingRefused as refused:
        for problem in refused.problems:
            print(f"refused: {problem}", file=ctx.err)
        print(f"{len(refused.problems)} 件の問題があるため、請求データを作成していません", file=ctx.err)
        return 1
    except billing.HeaderIncomplete as incomplete:
        for missing in incomplete.problems:
            print(f"refused: {missing}（kofuri settings set {missing.setting} …）", file=ctx.err)
        print(incomplete.message, file=ctx.err)
        return 1
    for warning in result.warnings:
        print(f"注意: {warning}", file=ctx.err)
    if result.already_final:
        state = "確定済みの月（内容は確定時のまま）"
    else:
        state = "確定（ロックしました）" if result.final else "下書き"
    print(f"{result.path}: {result.line_count} 件 {result.total:,} 円（{state}）", file=ctx.err)
    return 0


def cmd_billing_preview(ctx: Context) -> int:
    from app.services import billing
    from app.services.billing.bankfile import describe_preview

    preview = billing.preview_bank_file(ctx.db, ctx.args.month)
    for line in describe_preview(preview):
        print(line, file=ctx.out)
    return 0 if preview.ready else 1


def cmd_billing_stop(ctx: Context) -> int:
    from app.services import billing

    line = billing.stop_line(ctx.db, ctx.args.month, ctx.args.customer_number, ctx.args.reason, ctx.operator)
    print(f"顧客番号 {line.customer_number} の {ctx.args.month} の振替停止依頼を記録しました", file=ctx.err)
    return 0


def cmd_billing_remove(ctx: Context) -> int:
    from app.services import billing

    billing.remove_customer(ctx.db, ctx.args.month, ctx.args.customer_number, ctx.operator)
    print(f"顧客番号 {ctx.args.customer_number} を {ctx.args.month} の明細から外しました", file=ctx.err)
    _month_summary(ctx, ctx.args.month)
    return 0


def cmd_billing_schedule(ctx: Context) -> int:
    from app.services import billing

    def day(text: str | None) -> date | None:
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise CliError(f"日付は YYYY-MM-DD で指定してください（{shown(text)}）") from None

    if ctx.args.import_file:
        count, problems = billing.import_schedule(ctx.db, ctx.args.import_file, ctx.operator)
        for problem in problems:
            print(problem, file=ctx.err)
        if problems:
            print(f"{len(problems)} 件の問題があるため、何も取り込んでいません", file=ctx.err)
            return 1
        print(f"{count} か月分の締切日を取り込みました", file=ctx.err)
        return 0
    if not ctx.args.month or not ctx.args.deadline:
        raise CliError("請求月と --deadline（または --import FILE）を指定してください")
    deadline = day(ctx.args.deadline)
    assert deadline is not None
    billing.set_schedule(ctx.db, ctx.args.month, deadline, ctx.operator, result_date=day(ctx.args.result_date))
    _month_summary_schedule(ctx, ctx.args.month)
    return 0


def _month_summary_schedule(ctx: Context, month: str) -> None:
    from app.services import billing

    schedule = billing.month_schedule_view(ctx.db, month)
    print(f"{month}: 請求締切日 {schedule.billing_deadline.isoformat()}（年間スケジュール）", file=ctx.out)

"""`kofuri init`, `kofuri demo` and `kofuri calendar`."""

from __future__ import annotations

import json
from typing import Any

from app.cli.context import Context
from app.cli.output import CliError
from app.domain.business_calendar import BillingMonth, month_schedule
from app.services.setup import connect, initialize


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    p_init = sub.add_parser("init", help="データベースを作成・更新し、場所を表示する")

    demo = sub.add_parser("demo", help="サンプルデータを登録する")
    demo.add_argument("--accounts", type=int, default=200, help="登録する件数（既定 200）")
    demo.add_argument("--seed", type=int, default=1, help="乱数の種（同じ種なら同じデータ）")

    cal = sub.add_parser("calendar", help="請求月の振替日・締切日など")
    cal.add_argument("month", help="YYYY-MM")
    cal.add_argument("--format", choices=("text", "json"), default="text")
    p_init.set_defaults(func=cmd_init)
    demo.set_defaults(func=cmd_demo)
    cal.set_defaults(func=cmd_calendar)


def cmd_init(ctx: Context) -> int:
    db = connect(ctx.args.db, ctx.paths)
    try:
        result = initialize(db, ctx.paths)
    finally:
        db.dispose()
    print(f"データベース: {result.location}", file=ctx.out)
    print(f"スキーマ版: {result.revision}", file=ctx.out)
    if result.backup:
        print(f"更新前のバックアップ: {result.backup}", file=ctx.err)
    return 0


def cmd_demo(ctx: Context) -> int:
    from app.services.demo import generate

    if ctx.args.accounts < 0:
        raise CliError("--accounts は0以上の数です")
    result = generate(ctx.db, ctx.args.accounts, seed=ctx.args.seed)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(result.by_status.items()))
    print(f"サンプルを {result.registered} 件登録しました（{counts}）", file=ctx.err)
    return 0


CALENDAR_LABELS = {
    "debit_date": "振替日",
    "billing_deadline": "請求締切日",
    "result_date": "結果返却日",
    "paper_form_deadline": "依頼書の到着期限",
    "web_registration_deadline": "WEB登録の期限",
    "stop_request_deadline": "振替停止依頼の期限",
}


WEEKDAYS = "月火水木金土日"


def cmd_calendar(ctx: Context) -> int:
    # The calendar needs no database: it is pure domain (the annual schedule comes with billing months).
    schedule = month_schedule(BillingMonth.parse(ctx.args.month))
    values = schedule.as_dict()
    if ctx.args.format == "json":
        json.dump({k: values[k] for k in CALENDAR_LABELS}, ctx.out, ensure_ascii=False, indent=1)
        ctx.out.write("\n")
        return 0
    print(f"請求月 {schedule.billing_month}", file=ctx.out)
    for key, label in CALENDAR_LABELS.items():
        day = getattr(schedule, key)
        print(f"{label}\t{day.isoformat()}（{WEEKDAYS[day.weekday()]}）", file=ctx.out)
    return 0

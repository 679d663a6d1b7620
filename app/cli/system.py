"""`kofuri init`, `kofuri demo` and `kofuri calendar`."""

from __future__ import annotations

import json
from typing import Any

from app.cli.context import PASSWORD_ENV, Context, read_new_password
from app.cli.output import CliError
from app.domain.business_calendar import BillingMonth, month_schedule
from app.services.operators import Action, create_first_supervisor, has_people, require
from app.services.setup import connect, initialize


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    p_init = sub.add_parser(
        "init", help="データベースを作成・更新し、場所を表示する（担当者がいなければ --operator を最初の責任者に）"
    )
    p_init.add_argument("--name", help="最初の責任者の氏名（既定: ログインID）")

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
        print(f"データベース: {result.location}", file=ctx.out)
        print(f"スキーマ版: {result.revision}", file=ctx.out)
        if result.backup:
            print(f"更新前のバックアップ: {result.backup}", file=ctx.err)
        if not has_people(db):
            login_id = ctx.args.operator
            if not login_id:
                print("担当者がまだいません。--operator ID を付けて init を実行し、最初の責任者を作成してください",
                      file=ctx.err)  # fmt: skip
                return 0
            password = read_new_password(f"最初の責任者 {login_id} のパスワード: ", env=PASSWORD_ENV)
            first = create_first_supervisor(db, login_id, ctx.args.name or login_id, password)
            print(f"最初の責任者 {first.login_id}（{first.name}）を作成しました", file=ctx.err)
    finally:
        db.dispose()
    return 0


def cmd_demo(ctx: Context) -> int:
    from app.services.demo import demo_passwords, generate

    if ctx.args.accounts < 0:
        raise CliError("--accounts は0以上の数です")
    if has_people(ctx.db):  # a database in use: only a supervisor adds sample data
        require(ctx.operator, Action.OPERATORS, ctx.db)
    given = demo_passwords(ctx.db)
    for login_id, password in given.items():  # shown this once; only the hash is kept
        print(f"デモ担当者 {login_id} のパスワード: {password}", file=ctx.out)
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

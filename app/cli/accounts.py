"""`kofuri accounts …`: import, list, status, web results."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from app.cli.context import Context
from app.cli.output import csv_value, json_default
from app.domain.account_fields import parse_status
from app.domain.registration import STORED_FIELDS
from app.services import accounts
from app.services.operators import Action, require
from app.services.operators.output_audit import mask, record_output


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    acc = sub.add_parser("accounts", help="口座振替登録").add_subparsers(dest="accounts_command", metavar="ACTION")
    acc.required = True
    imp = acc.add_parser("import", help=".csv / .xlsx から一括登録（全件正しいときだけ登録）")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="チェックだけ行い、登録しない")
    ast = acc.add_parser("status", help="登録の状態・次にすること・期限")
    ast.add_argument("customer_number")
    web = acc.add_parser("web-result", help="WEB登録の結果を記録する（最後に届いた結果が有効）")
    web.add_argument("customer_number")
    web.add_argument("--result", choices=("ok", "ng"), required=True)
    lst = acc.add_parser("list", help="登録の一覧（無効化したものも含む）")
    lst.add_argument(
        "--status",
        help="状態で絞り込む（keyed, sent, returned, complete, web_requested, web_ng, invalidated）",
    )
    lst.add_argument("--format", choices=("csv", "json"), default="csv")
    lst.add_argument(
        "--reveal", action="store_true", help="口座番号を全桁で出す（責任者のみ。個人データの出力として記録）"
    )

    conf = acc.add_parser("confirm", help="返却なし・未確認の紙の登録を責任者が確認済みにする（メモ必須）")
    conf.add_argument("customer_numbers", nargs="+", metavar="CUSTOMER_NUMBER")
    conf.add_argument("--note", required=True, help="確認の方法（例: 収納会社のサポートに電話で確認）")
    rel = acc.add_parser("release-stop", help="請求停止を解除する（責任者のみ、メモ必須）")
    rel.add_argument("customer_number")
    rel.add_argument("--note", required=True)

    conf.set_defaults(func=cmd_accounts_confirm)
    rel.set_defaults(func=cmd_accounts_release_stop)
    imp.set_defaults(func=cmd_accounts_import)
    ast.set_defaults(func=cmd_accounts_status)
    web.set_defaults(func=cmd_accounts_web_result)
    lst.set_defaults(func=cmd_accounts_list)


def cmd_accounts_confirm(ctx: Context) -> int:
    from app.services import results

    count = results.confirm_registrations(ctx.db, ctx.args.customer_numbers, ctx.args.note, ctx.operator)
    print(f"{count} 件の登録を確認済み（登録済）にしました", file=ctx.err)
    return 0


def cmd_accounts_release_stop(ctx: Context) -> int:
    from app.services import results

    results.release_billing_stop(ctx.db, ctx.args.customer_number, ctx.args.note, ctx.operator)
    print(f"顧客番号 {ctx.args.customer_number} の請求停止を解除しました", file=ctx.err)
    return 0


def cmd_accounts_import(ctx: Context) -> int:
    from app.services.accounts.importing import import_accounts

    result = import_accounts(ctx.db, ctx.args.file, ctx.operator, dry_run=ctx.args.dry_run)
    if not result.ok:
        for problem in result.problems:
            print(problem, file=ctx.err)
        print(f"{len(result.problems)} 件の問題があるため、何も登録していません", file=ctx.err)
        return 1
    if ctx.args.dry_run:
        print(
            f"{result.checked_rows} 行を確認しました。問題はありません（--dry-run のため登録していません）",
            file=ctx.err,
        )
    else:
        print(f"{len(result.registered)} 件を登録しました", file=ctx.err)
    return 0


_HOLDER = STORED_FIELDS.index("account_holder_kana") + 1
LIST_FIELDS = [
    "id",
    *STORED_FIELDS[:_HOLDER],
    "account_holder_kana_bank",
    *STORED_FIELDS[_HOLDER:],
    "sent_on",
    "corrected",
    "billing_stopped",
    "billing_stop_reason",
    "created_at",
    "updated_at",
    "version",
]


def cmd_accounts_list(ctx: Context) -> int:
    criteria = accounts.SearchCriteria(include_invalidated=True)
    if ctx.args.status:
        criteria.statuses = [parse_status(ctx.args.status)]
    page = accounts.search(ctx.db, criteria, limit=None)
    records = [r.as_record() for r in page.rows]
    if ctx.args.reveal:  # personal data in bulk: a supervisor's, audited with its count
        require(ctx.operator, Action.EXPORT_PERSONAL, ctx.db)
        record_output(ctx.db, ctx.operator, "export", "registrations", len(records), "(標準出力)")
    else:
        for record in records:  # masked by default, like every screen
            record["account_number"] = mask(record["account_number"] or "")
            record["jp_number"] = mask(record["jp_number"] or "")
    if ctx.args.format == "json":
        json.dump(records, ctx.out, ensure_ascii=False, indent=1, default=json_default)
        ctx.out.write("\n")
    else:
        writer = csv.DictWriter(ctx.out, fieldnames=LIST_FIELDS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            record["checklist"] = json.dumps(record["checklist"], ensure_ascii=False, sort_keys=True)
            writer.writerow({k: "" if record[k] is None else csv_value(record[k]) for k in LIST_FIELDS})
    print(f"{len(records)} 件", file=ctx.err)
    return 0


def cmd_accounts_status(ctx: Context) -> int:
    from app.services.paper.shipments import status_report

    report = status_report(ctx.db, ctx.args.customer_number)
    print(report.step, file=ctx.out)
    print(f"次にすること: {report.next_action}", file=ctx.out)
    for deadline in report.deadlines:
        print(f"期限: {deadline}", file=ctx.out)
    return 0


def cmd_accounts_web_result(ctx: Context) -> int:
    view = accounts.record_web_result(ctx.db, ctx.args.customer_number, ctx.args.result == "ok", ctx.operator)
    print(f"顧客番号 {view.customer_number}: {view.status_label}", file=ctx.err)
    return 0

"""`kofuri …`: the command line. The same services the screens use; data to stdout, messages to stderr."""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn, TextIO

from app import __version__
from app.db.database import Database
from app.domain.account_fields import parse_status
from app.domain.business_calendar import BillingMonth, month_schedule
from app.domain.errors import DomainError
from app.paths import AppPaths
from app.services import accounts, settings
from app.services.operators import SYSTEM_LOGIN, OperatorRef, get_operator
from app.services.setup import connect, initialize

log = logging.getLogger("kofuri")


class CliError(Exception):
    """A problem to report on one line and exit non-zero."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"kofuri: エラー: {message}\n")


@dataclass
class Context:
    args: argparse.Namespace
    paths: AppPaths
    out: TextIO
    err: TextIO
    _db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = connect(self.args.db, self.paths)
            initialize(self._db, self.paths)
        return self._db

    @property
    def operator(self) -> OperatorRef:
        return get_operator(self.db, self.args.operator)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kofuri", description="口振デスク: 口座振替の事務をまとめて行うバックオフィス")
    parser.add_argument("--version", action="version", version=f"kofuri {__version__}")
    parser.add_argument(
        "--db", help="データベース: SQLite ファイルのパス、または SQLAlchemy の URL（環境変数 KOFURI_DB）"
    )
    parser.add_argument("--data-dir", help="データフォルダ（バックアップ・ログ・添付。環境変数 KOFURI_DATA_DIR）")
    parser.add_argument("--operator", default=SYSTEM_LOGIN, help="操作する担当者のログインID（既定: system）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("init", help="データベースを作成・更新し、場所を表示する")

    demo = sub.add_parser("demo", help="サンプルデータを登録する")
    demo.add_argument("--accounts", type=int, default=200, help="登録する件数（既定 200）")
    demo.add_argument("--seed", type=int, default=1, help="乱数の種（同じ種なら同じデータ）")

    acc = sub.add_parser("accounts", help="口座振替登録").add_subparsers(dest="accounts_command", metavar="ACTION")
    acc.required = True
    imp = acc.add_parser("import", help=".csv / .xlsx から一括登録（全件正しいときだけ登録）")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="チェックだけ行い、登録しない")
    ast = acc.add_parser("status", help="登録の状態・次にすること・期限")
    ast.add_argument("customer_number")
    web = acc.add_parser("web-result", help="WEB登録の結果を記録する（最後に届いた結果が有効: REG-10）")
    web.add_argument("customer_number")
    web.add_argument("--result", choices=("ok", "ng"), required=True)
    lst = acc.add_parser("list", help="登録の一覧（無効化したものも含む）")
    lst.add_argument(
        "--status",
        help="状態で絞り込む（keyed, sent, returned, complete, web_requested, web_ng, invalidated）",
    )
    lst.add_argument("--format", choices=("csv", "json"), default="csv")

    st = sub.add_parser("settings", help="加盟店設定").add_subparsers(dest="settings_command", metavar="ACTION")
    st.required = True
    show = st.add_parser("show", help="設定を表示")
    show.add_argument("--format", choices=("text", "json"), default="text")
    setp = st.add_parser("set", help="設定を変更（KEY: " + ", ".join(settings.SETTING_KEYS) + "）")
    setp.add_argument("key")
    setp.add_argument("value")

    forms = sub.add_parser("forms", help="口座振替依頼書・送付書の PDF").add_subparsers(
        dest="forms_command", metavar="ACTION"
    )
    forms.required = True
    req = forms.add_parser("request", help="登録済みのお客様の依頼書（記入済み）")
    req.add_argument("--customer-number", required=True, action="append", help="顧客番号（複数指定可）")
    req.add_argument("--type", default="pdf", help="様式: pdf（A4 普通紙）、carbon（3枚複写）、または独自様式の名前")
    req.add_argument("--blank-fields", action="store_true", help="委託者欄と顧客番号以外は空欄で印刷する")
    req.add_argument("--reissue", metavar="REASON", help="再発行として印刷し、理由を委託者用に載せる")
    req.add_argument("--out", required=True, type=Path)
    blank = forms.add_parser("blank", help="新しいお客様用の番号入り白紙の依頼書（番号を予約します）")
    blank.add_argument("--count", required=True, type=int)
    blank.add_argument("--type", default="pdf")
    blank.add_argument("--out", required=True, type=Path)
    cover = forms.add_parser("cover-sheet", help="収納会社への送付書")
    cover.add_argument("--shipment", type=int, help="発送 ID（その発送の新規分・不備分で作成）")
    cover.add_argument("--new", default="", help="新規分の顧客番号（カンマ区切り）")
    cover.add_argument("--corrected", default="", help="不備分（再提出）の顧客番号（カンマ区切り）")
    cover.add_argument("--tracking", default="", help="追跡番号")
    cover.add_argument("--out", required=True, type=Path)

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
    bexp.add_argument("--final", action="store_true", help="確定として書き出し、以後の金額変更を止める（BILL-6）")
    bexp.add_argument("--no-newline", action="store_true", help="全銀形式でレコードの後に改行（CR LF）を入れない")
    bstop = bill.add_parser("stop", help="確定後、1件の振替停止依頼を記録する（BILL-7）")
    bstop.add_argument("month")
    bstop.add_argument("--customer-number", required=True)
    bstop.add_argument("--reason", required=True)
    brem = bill.add_parser("remove", help="下書きの月から1件の明細を外す")
    brem.add_argument("month")
    brem.add_argument("--customer-number", required=True)
    bsched = bill.add_parser("schedule", help="年間スケジュールの締切日を登録する（BILL-2）")
    bsched.add_argument("month", nargs="?", help="YYYY-MM（--import のときは不要）")
    bsched.add_argument("--deadline", help="YYYY-MM-DD")
    bsched.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        help="年間スケジュール表 .xlsx/.csv（請求月, 請求締切日, 結果返却日）",
    )
    bsched.add_argument("--result-date", help="YYYY-MM-DD")

    ship = sub.add_parser("shipments", help="収納会社への発送").add_subparsers(
        dest="shipments_command", metavar="ACTION"
    )
    ship.required = True
    screate = ship.add_parser("create", help="入力済・未発送の依頼書で発送を作る（新規分と不備分を分けて数える）")
    screate.add_argument("--new-only", action="store_true", help="新規分だけ")
    ssend = ship.add_parser("send", help="発送日と追跡番号を記録する")
    ssend.add_argument("id", type=int)
    ssend.add_argument("--date", required=True, help="YYYY-MM-DD")
    ssend.add_argument("--tracking", default="")
    slist = ship.add_parser("list", help="発送の一覧")
    slist.add_argument("--format", choices=("csv", "json"), default="csv")

    ret = sub.add_parser("returns", help="不備返却").add_subparsers(dest="returns_command", metavar="ACTION")
    ret.required = True
    ret.add_parser("reasons", help="不備理由のコード一覧")
    radd = ret.add_parser("add", help="返却された依頼書を記録する")
    radd.add_argument("--customer-number", required=True)
    radd.add_argument("--received", required=True, help="受領日 YYYY-MM-DD")
    radd.add_argument("--reason", required=True, action="append", help="不備理由のコード（複数可）")
    radd.add_argument("--note", default="")
    radd.add_argument("--scan", type=Path, help="返却された依頼書のスキャン（PDF・画像）")
    rupd = ret.add_parser("update", help="対応状況を変える")
    rupd.add_argument("id", type=int)
    rupd.add_argument("--status", required=True, help="open, waiting, received, resent, closed")
    rupd.add_argument("--note", default="")
    rlist = ret.add_parser("list", help="不備返却の一覧")
    rlist.add_argument("--open", action="store_true", help="対応中のものだけ")
    rlist.add_argument("--format", choices=("csv", "json"), default="csv")
    rstats = ret.add_parser("stats", help="理由別・金融機関別の件数")
    rstats.add_argument("--from", dest="date_from", required=True)
    rstats.add_argument("--to", dest="date_to", required=True)
    rstats.add_argument("--format", choices=("csv", "json"), default="csv")

    cal = sub.add_parser("calendar", help="請求月の振替日・締切日など")
    cal.add_argument("month", help="YYYY-MM")
    cal.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


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


def cmd_accounts_import(ctx: Context) -> int:
    from app.io.account_import import import_accounts

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


LIST_FIELDS = [
    "id",
    "customer_number",
    "contract_holder_name",
    "contract_holder_kana",
    "postal_code",
    "address",
    "phone",
    "bank_code",
    "bank_name",
    "branch_code",
    "branch_name",
    "deposit_type",
    "account_number",
    "account_holder_kana",
    "account_holder_kana_bank",
    "jp_symbol",
    "jp_number",
    "method",
    "status",
    "monthly_amount",
    "registration_date",
    "checklist",
    "note",
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
    if ctx.args.format == "json":
        json.dump(records, ctx.out, ensure_ascii=False, indent=1, default=_json_default)
        ctx.out.write("\n")
    else:
        writer = csv.DictWriter(ctx.out, fieldnames=LIST_FIELDS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            record["checklist"] = json.dumps(record["checklist"], ensure_ascii=False, sort_keys=True)
            writer.writerow({k: "" if record[k] is None else _json_default_text(record[k]) for k in LIST_FIELDS})
    print(f"{len(records)} 件", file=ctx.err)
    return 0


def _json_default_text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def cmd_settings_show(ctx: Context) -> int:
    view = settings.get_settings(ctx.db)
    if ctx.args.format == "json":
        json.dump(view.as_dict(), ctx.out, ensure_ascii=False, indent=1)
        ctx.out.write("\n")
        return 0
    for key, (label, _) in settings.SETTING_KEYS.items():
        print(f"{key}\t{getattr(view, key)}\t# {label}", file=ctx.out)
    return 0


def cmd_settings_set(ctx: Context) -> int:
    view = settings.set_setting(ctx.db, ctx.args.key, ctx.args.value, ctx.operator)
    print(f"{ctx.args.key} = {getattr(view, ctx.args.key)}", file=ctx.out)
    return 0


def _numbers(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


def _pdf_target(path: Path) -> Path:
    if path.suffix.lower() != ".pdf":
        raise CliError(f"出力ファイルは .pdf にしてください（{path}）")
    if not path.parent.exists():
        raise CliError(f"出力先のフォルダ {path.parent} がありません")
    return path


def cmd_forms_request(ctx: Context) -> int:
    from app.services.forms import registrations_by_number, render_request_forms

    target = _pdf_target(ctx.args.out)
    views = registrations_by_number(ctx.db, ctx.args.customer_number)
    result = render_request_forms(
        ctx.db,
        [v.id for v in views],
        target,
        form_type=ctx.args.type,
        blank_fields=ctx.args.blank_fields,
        reissue_reason=ctx.args.reissue,
        user_forms=ctx.paths.user_forms_dir,
    )
    print(f"{target}: 依頼書 {result.forms} 件（{result.pages} ページ）", file=ctx.err)
    return 0


def cmd_forms_blank(ctx: Context) -> int:
    from app.services.forms import render_blank_forms

    target = _pdf_target(ctx.args.out)
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

    target = _pdf_target(ctx.args.out)
    new, corrected = _numbers(ctx.args.new), _numbers(ctx.args.corrected)
    sent_on = None
    if ctx.args.shipment is not None:
        from app.services.shipments import get_shipment

        shipment = get_shipment(ctx.db, ctx.args.shipment)
        new, corrected = shipment.new, shipment.corrected
        ctx.args.tracking = ctx.args.tracking or shipment.tracking_number
        sent_on = shipment.sent_on
    result = render_cover_sheet(
        ctx.db,
        target,
        new=new,
        corrected=corrected,
        tracking_number=ctx.args.tracking,
        sent_on=sent_on,
        user_forms=ctx.paths.user_forms_dir,
    )
    print(f"{target}: 送付書（{result.forms} 枚分、{result.pages} ページ）", file=ctx.err)
    return 0


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
        print(f"失効注意（REG-11）: 顧客番号 {number} {name} は {last} から請求がありません", file=ctx.err)
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
            ctx.args.out,
            ctx.operator,
            final=ctx.args.final,
            newline=not ctx.args.no_newline,
        )
    except billing.BillingRefused as refused:
        for problem in refused.problems:
            print(f"refused: {problem}", file=ctx.err)
        print(f"{len(refused.problems)} 件の問題があるため、請求データを作成していません（BILL-4）", file=ctx.err)
        return 1
    for warning in result.warnings:
        print(f"注意: {warning}", file=ctx.err)
    if result.already_final:
        state = "確定済みの月（内容は確定時のまま）"
    else:
        state = "確定（ロックしました）" if result.final else "下書き"
    print(f"{result.path}: {result.line_count} 件 {result.total:,} 円（{state}）", file=ctx.err)
    return 0


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
            raise CliError(f"日付は YYYY-MM-DD で指定してください（{text}）") from None

    if ctx.args.import_file:
        count, problems = billing.import_schedule(ctx.db, ctx.args.import_file)
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
    billing.set_schedule(ctx.db, ctx.args.month, deadline, day(ctx.args.result_date))
    _month_summary_schedule(ctx, ctx.args.month)
    return 0


def _month_summary_schedule(ctx: Context, month: str) -> None:
    from app.services import billing

    schedule = billing.month_schedule_view(ctx.db, month)
    print(f"{month}: 請求締切日 {schedule.billing_deadline.isoformat()}（年間スケジュール）", file=ctx.out)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日付は YYYY-MM-DD で指定してください（{text}）") from None


def _write_records(ctx: Context, records: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        json.dump(records, ctx.out, ensure_ascii=False, indent=1, default=_json_default)
        ctx.out.write("\n")
        return
    if not records:
        return
    writer = csv.DictWriter(ctx.out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _json_default_text(v) for k, v in r.items()} for r in records)


def cmd_accounts_status(ctx: Context) -> int:
    from app.services.shipments import status_report

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


def cmd_shipments_create(ctx: Context) -> int:
    from app.services.shipments import create_shipment

    view = create_shipment(ctx.db, ctx.operator, new_only=ctx.args.new_only)
    print(view.id, file=ctx.out)
    print(
        f"発送 {view.id}: 新規分 {len(view.new)} 枚、不備分 {len(view.corrected)} 枚、合計 {view.total} 枚",
        file=ctx.err,
    )
    return 0


def cmd_shipments_send(ctx: Context) -> int:
    from app.services.shipments import send_shipment

    view = send_shipment(ctx.db, ctx.args.id, _date(ctx.args.date), ctx.operator, tracking_number=ctx.args.tracking)
    print(f"発送 {view.id} を {view.sent_on} に発送済みにしました（{view.total} 枚）", file=ctx.err)
    return 0


def cmd_shipments_list(ctx: Context) -> int:
    from app.services.shipments import list_shipments

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
    _write_records(ctx, records, ctx.args.format)
    return 0


def cmd_returns_reasons(ctx: Context) -> int:
    from app.services.returns import REASONS

    for code, label in REASONS.items():
        print(f"{code:<24}{label}", file=ctx.out)
    return 0


def cmd_returns_add(ctx: Context) -> int:
    from app.services.returns import add_return

    view = add_return(
        ctx.db,
        ctx.args.customer_number,
        _date(ctx.args.received),
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
    from app.services.returns import STATUSES, update_return

    view = update_return(ctx.db, ctx.args.id, ctx.args.status, ctx.operator, note=ctx.args.note)
    print(f"不備返却 {view.id}: {STATUSES[view.status]}", file=ctx.err)
    return 0


def cmd_returns_list(ctx: Context) -> int:
    from app.services.returns import list_returns

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
    _write_records(ctx, records, ctx.args.format)
    return 0


def cmd_returns_stats(ctx: Context) -> int:
    from app.services.returns import stats

    result = stats(ctx.db, _date(ctx.args.date_from), _date(ctx.args.date_to))
    records = [{"by": "reason", "name": k, "count": v} for k, v in result.by_reason.items()]
    records += [{"by": "bank", "name": k, "count": v} for k, v in result.by_bank.items()]
    _write_records(ctx, records, ctx.args.format)
    print(f"{result.total} 件", file=ctx.err)
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


COMMANDS = {
    ("init", None): cmd_init,
    ("demo", None): cmd_demo,
    ("accounts", "import"): cmd_accounts_import,
    ("accounts", "list"): cmd_accounts_list,
    ("settings", "show"): cmd_settings_show,
    ("settings", "set"): cmd_settings_set,
    ("calendar", None): cmd_calendar,
    ("accounts", "status"): cmd_accounts_status,
    ("accounts", "web-result"): cmd_accounts_web_result,
    ("shipments", "create"): cmd_shipments_create,
    ("shipments", "send"): cmd_shipments_send,
    ("shipments", "list"): cmd_shipments_list,
    ("returns", "reasons"): cmd_returns_reasons,
    ("returns", "add"): cmd_returns_add,
    ("returns", "update"): cmd_returns_update,
    ("returns", "list"): cmd_returns_list,
    ("returns", "stats"): cmd_returns_stats,
    ("billing", "prepare"): cmd_billing_prepare,
    ("billing", "import"): cmd_billing_import,
    ("billing", "export"): cmd_billing_export,
    ("billing", "stop"): cmd_billing_stop,
    ("billing", "schedule"): cmd_billing_schedule,
    ("billing", "remove"): cmd_billing_remove,
    ("forms", "request"): cmd_forms_request,
    ("forms", "blank"): cmd_forms_blank,
    ("forms", "cover-sheet"): cmd_forms_cover_sheet,
}


def _open_log(paths: AppPaths) -> logging.FileHandler:
    folder = paths.ensure(paths.logs_dir)
    handler = logging.FileHandler(folder / "kofuri.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    out = out or sys.stdout
    err = err or sys.stderr
    paths = AppPaths.resolve(args.data_dir)
    try:
        handler = _open_log(paths)
    except OSError as error:
        print(f"kofuri: エラー: データフォルダ {paths.data_dir} に書き込めません（{error.strerror}）", file=err)
        return 1
    try:
        if args.command is None:
            # The composition root: with no sub-command the same program opens the window.
            gui = importlib.import_module("ui.app")
            return int(gui.run_gui(args.db, paths, args.operator, log_file=Path(handler.baseFilename)))
        return _run_command(args, paths, out, err, Path(handler.baseFilename))
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _run_command(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO, log_file: Path) -> int:
    sub = getattr(args, f"{args.command}_command", None)
    ctx = Context(args, paths, out, err)
    try:
        return COMMANDS[(args.command, sub)](ctx)
    except (DomainError, CliError) as error:
        print(f"kofuri: エラー: {error}", file=err)
        return 1
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped reading: not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing again at exit
        return 0
    except KeyboardInterrupt:
        print("kofuri: 中断しました", file=err)
        return 130
    except Exception as error:
        log.error("unexpected error in %s: %s\n%s", args.command, error, traceback.format_exc())
        print(
            f"kofuri: エラー: 予期しない問題が発生しました（{type(error).__name__}: {error}）。詳細: {log_file}",
            file=err,
        )
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())

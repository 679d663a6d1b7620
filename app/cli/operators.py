"""`kofuri operators …`, `kofuri password`, `kofuri audit list`, `kofuri maintenance …`, `kofuri backup`,
`kofuri restore`: operators, the audit log and maintenance (the same services the screens use)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.cli.context import Context, read_new_password
from app.cli.output import CliError, parse_date, write_records
from app.domain.text import shown
from app.services import operators
from app.services.operators import backup as backups
from app.services.operators.login import change_password
from app.services.operators.maintenance import maintenance_text


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    ops = sub.add_parser("operators", help="担当者（ログインID・役割・ロック）").add_subparsers(
        dest="operators_command", metavar="ACTION"
    )
    ops.required = True
    add = ops.add_parser("add", help="担当者を追加する（初回パスワードは KOFURI_NEW_PASSWORD か端末から）")
    add.add_argument("login_id")
    add.add_argument("--name", required=True, help="氏名")
    add.add_argument("--role", required=True, choices=[r.value for r in operators.Role])
    lst = ops.add_parser("list", help="担当者の一覧")
    lst.add_argument("--format", choices=("csv", "json"), default="csv")
    lock = ops.add_parser("lock", help="ログインできないようにする")
    lock.add_argument("login_id")
    unlock = ops.add_parser("unlock", help="ロックを解除する（失敗回数も0に戻す）")
    unlock.add_argument("login_id")
    reset = ops.add_parser("reset-password", help="仮パスワードを設定する（次のログインで変更が必要）")
    reset.add_argument("login_id")
    role = ops.add_parser("set-role", help="役割を変える")
    role.add_argument("login_id")
    role.add_argument("role", choices=[r.value for r in operators.Role])
    add.set_defaults(func=cmd_add)
    lst.set_defaults(func=cmd_list)
    lock.set_defaults(func=cmd_lock)
    unlock.set_defaults(func=cmd_unlock)
    reset.set_defaults(func=cmd_reset)
    role.set_defaults(func=cmd_set_role)

    pw = sub.add_parser("password", help="自分のパスワードを変更する（新しいものは KOFURI_NEW_PASSWORD か端末から）")
    pw.set_defaults(func=cmd_password)

    aud = sub.add_parser("audit", help="監査ログ").add_subparsers(dest="audit_command", metavar="ACTION")
    aud.required = True
    al = aud.add_parser("list", help="監査ログの一覧（古い順）")
    al.add_argument("--from", dest="start", type=parse_date, help="この日から（YYYY-MM-DD）")
    al.add_argument("--to", dest="end", type=parse_date, help="この日まで（YYYY-MM-DD）")
    al.add_argument("--operator", dest="who", help="このログインIDの記録だけ")
    al.add_argument("--action", help="この種類の記録だけ（login, login_failed, lock, unlock, export, reveal …）")
    al.add_argument("--format", choices=("csv", "json"), default="csv")
    al.set_defaults(func=cmd_audit_list)

    mnt = sub.add_parser("maintenance", help="メンテナンスモード").add_subparsers(dest="m_command", metavar="ACTION")
    mnt.required = True
    ms = mnt.add_parser("start", help="開始する（責任者以外はログインできなくなる）")
    ms.add_argument("--until", required=True, help="終了予定（HH:MM、または YYYY-MM-DDTHH:MM）")
    ms.add_argument("--note", default="", help="お知らせ")
    me = mnt.add_parser("end", help="終了する")
    mst = mnt.add_parser("status", help="メンテナンス中かどうか")
    ms.set_defaults(func=cmd_maintenance_start)
    me.set_defaults(func=cmd_maintenance_end)
    mst.set_defaults(func=cmd_maintenance_status)

    bk = sub.add_parser("backup", help="バックアップを作る（メンテナンス中のみ）")
    bk.add_argument("file", nargs="?", type=Path, help="保存先（既定: データフォルダの backups）")
    bk.set_defaults(func=cmd_backup)
    rs = sub.add_parser("restore", help="バックアップから復元する（メンテナンス中のみ。現在のものは退避）")
    rs.add_argument("file", type=Path)
    rs.set_defaults(func=cmd_restore)


def cmd_add(ctx: Context) -> int:
    password = read_new_password(f"{ctx.args.login_id} の初回パスワード: ")
    operators.add_operator(ctx.db, ctx.operator, ctx.args.login_id, ctx.args.name, ctx.args.role, password)
    print(f"担当者 {ctx.args.login_id}（{ctx.args.name}、{operators.Role(ctx.args.role).label}）を追加しました",
          file=ctx.err)  # fmt: skip
    return 0


def cmd_list(ctx: Context) -> int:
    listing = operators.list_operator_accounts(ctx.db, ctx.operator)
    write_records(ctx, [o.as_record() for o in listing], ctx.args.format)
    return 0


def cmd_lock(ctx: Context) -> int:
    operators.lock_operator(ctx.db, ctx.operator, ctx.args.login_id)
    print(f"{ctx.args.login_id} をロックしました", file=ctx.err)
    return 0


def cmd_unlock(ctx: Context) -> int:
    operators.unlock_operator(ctx.db, ctx.operator, ctx.args.login_id)
    print(f"{ctx.args.login_id} のロックを解除しました", file=ctx.err)
    return 0


def cmd_reset(ctx: Context) -> int:
    password = read_new_password(f"{ctx.args.login_id} の仮パスワード: ")
    operators.reset_password(ctx.db, ctx.operator, ctx.args.login_id, password)
    print(f"{ctx.args.login_id} のパスワードを再設定しました（次のログインで変更が必要です）", file=ctx.err)
    return 0


def cmd_set_role(ctx: Context) -> int:
    operators.set_role(ctx.db, ctx.operator, ctx.args.login_id, ctx.args.role)
    print(f"{ctx.args.login_id} の役割を {operators.Role(ctx.args.role).label} にしました", file=ctx.err)
    return 0


def cmd_password(ctx: Context) -> int:
    from app.cli.context import read_password

    old = read_password(f"{ctx.args.operator} の今のパスワード: ")
    new = read_new_password()
    if not ctx.args.operator:
        raise CliError("ログインIDを --operator で指定してください")
    change_password(ctx.db, ctx.args.operator, old, new)
    print("パスワードを変更しました", file=ctx.err)
    return 0


def cmd_audit_list(ctx: Context) -> int:
    entries = operators.list_audit(
        ctx.db, ctx.operator, start=ctx.args.start, end=ctx.args.end, login_id=ctx.args.who, action=ctx.args.action
    )
    write_records(ctx, [e.as_record() for e in entries], ctx.args.format)
    print(f"{len(entries)} 件", file=ctx.err)
    return 0


def _until(text: str) -> datetime:
    try:
        if "T" in text or "-" in text:
            value = datetime.fromisoformat(text)
            return value if value.tzinfo else value.astimezone()
        hour, minute = (int(part) for part in text.split(":"))
        now = datetime.now().astimezone()
        value = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return value if value > now else value + timedelta(days=1)
    except ValueError:
        raise CliError(f"終了予定は HH:MM か YYYY-MM-DDTHH:MM で指定してください（{shown(text)}）") from None


def cmd_maintenance_start(ctx: Context) -> int:
    view = operators.start_maintenance(ctx.db, ctx.operator, _until(ctx.args.until), ctx.args.note)
    print(f"メンテナンスを開始しました（{maintenance_text(view)} まで）", file=ctx.err)
    return 0


def cmd_maintenance_end(ctx: Context) -> int:
    operators.end_maintenance(ctx.db, ctx.operator)
    print("メンテナンスを終了しました", file=ctx.err)
    return 0


def cmd_maintenance_status(ctx: Context) -> int:
    view = operators.current_maintenance(ctx.db)
    if view is None:
        print("メンテナンス中ではありません", file=ctx.out)
    else:
        print(f"メンテナンス中です（{maintenance_text(view)} まで）{view.note}", file=ctx.out)
    return 0


def cmd_backup(ctx: Context) -> int:
    target = ctx.args.file or backups.default_backup_path(ctx.db, ctx.paths.backups_dir)
    done = backups.backup(ctx.db, ctx.operator, target)
    print(f"バックアップ: {done}", file=ctx.out)
    return 0


def cmd_restore(ctx: Context) -> int:
    aside = backups.restore(ctx.db, ctx.operator, ctx.args.file, ctx.paths.backups_dir)
    print(f"{ctx.args.file} から復元しました。復元前のデータベース: {aside}", file=ctx.out)
    return 0

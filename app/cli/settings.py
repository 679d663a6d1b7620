"""`kofuri settings …`: the merchant settings."""

from __future__ import annotations

import json
from typing import Any

from app.cli.context import Context
from app.services import settings


def register(sub: Any) -> None:
    """Add this area's sub-commands to the `kofuri` parser."""
    st = sub.add_parser("settings", help="加盟店設定").add_subparsers(dest="settings_command", metavar="ACTION")
    st.required = True
    show = st.add_parser("show", help="設定を表示")
    show.add_argument("--format", choices=("text", "json"), default="text")
    setp = st.add_parser("set", help="設定を変更（KEY: " + ", ".join(settings.SETTING_KEYS) + "）")
    setp.add_argument("key")
    setp.add_argument("value")

    pw = st.add_parser(
        "smtp-password",
        help="SMTPのパスワードをOSのキーリングに保管する（端末で入力、または環境変数 KOFURI_SMTP_PASSWORD）",
    )
    pw.set_defaults(func=cmd_settings_smtp_password)
    show.set_defaults(func=cmd_settings_show)
    setp.set_defaults(func=cmd_settings_set)


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


def cmd_settings_smtp_password(ctx: Context) -> int:
    """The password goes from the terminal (not echoed) or KOFURI_SMTP_PASSWORD into the keyring, nowhere else."""
    import getpass
    import os
    import sys

    from app import messages
    from app.services import notices

    password = os.environ.get("KOFURI_SMTP_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("SMTPのパスワード: ")
    user = notices.set_smtp_password(ctx.db, password, ctx.operator)
    print(messages.text("notices.password_saved", user=user), file=ctx.out)
    return 0

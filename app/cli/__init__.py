"""`kofuri …`: the command line. The same services the screens use; data to stdout, messages to stderr.

Each area's module registers its own sub-commands (`register`) and holds their functions.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import OperationalError

from app import __version__, messages, self_test
from app.cli import accounts, billing, forms, notices, operators, paper, results, settings, system
from app.cli.context import Context, Parser
from app.cli.output import CliError
from app.domain.errors import DomainError
from app.domain.text import escape_controls
from app.paths import AppPaths

log = logging.getLogger("kofuri")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="kofuri", description="口振デスク: 口座振替の事務をまとめて行うバックオフィス")
    parser.add_argument("--version", action="version", version=f"kofuri {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="この環境で動くか自己診断する（一時フォルダで行い、データは変えない）"
    )
    parser.add_argument(
        "--db", help="データベース: SQLite ファイルのパス、または SQLAlchemy の URL（環境変数 KOFURI_DB）"
    )
    parser.add_argument("--data-dir", help="データフォルダ（バックアップ・ログ・添付。環境変数 KOFURI_DATA_DIR）")
    parser.add_argument(
        "--operator",
        default=os.environ.get("KOFURI_OPERATOR"),
        help="ログインID（環境変数 KOFURI_OPERATOR）。パスワードは端末で入力、または環境変数 KOFURI_PASSWORD",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in (system, accounts, settings, forms, billing, paper, results, notices, operators):
        area.register(sub)
    return parser


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
    if args.self_test:
        return run_self_test(out)
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


def run_self_test(out: TextIO) -> int:
    """`kofuri --self-test` in a temporary folder: the core's checks, then the screen's (the composition root)."""
    with tempfile.TemporaryDirectory(prefix="kofuri-self-test-") as folder:
        screen = importlib.import_module("ui.self_test")
        return self_test.run(Path(folder), out, extra_checks=screen.CHECKS)


# Commands that log in themselves (init and demo on a new database, a password change) or need no database.
NO_LOGIN = {"init", "demo", "calendar", "password"}


LINE_MAX = 300  # no line of a refusal is longer (a value echoed back is cut where it was made, too)


def echo_safe(message: str) -> str:
    """A refusal as printed: control characters escaped, each line cut at LINE_MAX characters."""
    lines = [escape_controls(line) for line in message.split("\n")]
    return "\n".join(line if len(line) <= LINE_MAX else line[:LINE_MAX] + "…" for line in lines)


def is_busy(error: OperationalError) -> bool:
    """SQLite's "database is locked" after its busy timeout (another process held the write lock too long)."""
    text = str(error.orig).lower()
    return "database is locked" in text or "database is busy" in text


def _run_command(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO, log_file: Path) -> int:
    ctx = Context(args, paths, out, err)
    try:
        if args.command not in NO_LOGIN:
            ctx.operator  # noqa: B018 - OP-1: every command that reads or changes data logs in first
        return int(args.func(ctx))
    except (DomainError, CliError) as error:
        print(f"kofuri: エラー: {echo_safe(str(error))}", file=err)
        return 1
    except OperationalError as error:
        if not is_busy(error):
            raise
        log.warning("database busy in %s", args.command)
        print(f"kofuri: エラー: {messages.text('error.database_busy')}", file=err)
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

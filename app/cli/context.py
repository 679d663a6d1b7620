"""The parser class and the context a command runs in (its database opened, and its operator logged in, on
first use)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass
from typing import NoReturn, TextIO

from app.cli.output import CliError
from app.db.database import Database
from app.paths import AppPaths
from app.services.operators import OperatorRef, has_people, login
from app.services.operators.login import PasswordChangeRequired
from app.services.setup import connect, initialize

PASSWORD_ENV = "KOFURI_PASSWORD"
NEW_PASSWORD_ENV = "KOFURI_NEW_PASSWORD"


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        from app.cli.output import REFUSED

        refused = next((r for r in REFUSED if r in message), None)
        if refused is not None:  # a value the type check refused: one line, in words a clerk understands
            self.exit(2, f"kofuri: エラー: {refused}\n")
        self.print_usage(sys.stderr)
        self.exit(2, f"kofuri: エラー: {message}\n")


def read_password(prompt: str, env: str = PASSWORD_ENV) -> str:
    """A password from the environment (for scripts) or typed on the terminal, never from the command line."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"パスワードを端末で入力するか、環境変数 {env} に設定してください")
    return getpass.getpass(prompt)


def read_new_password(prompt: str = "新しいパスワード: ", env: str = NEW_PASSWORD_ENV) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    first = read_password(prompt, env)
    if first != getpass.getpass("もう一度: "):
        from app import messages

        raise CliError(messages.text("operators.password_mismatch"))
    return first


@dataclass
class Context:
    args: argparse.Namespace
    paths: AppPaths
    out: TextIO
    err: TextIO
    _db: Database | None = None
    _operator: OperatorRef | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = connect(self.args.db, self.paths)
            initialize(self._db, self.paths)
        return self._db

    @property
    def operator(self) -> OperatorRef:
        """The logged-in operator [OP-1]: `--operator` is the login ID, the password is asked once."""
        if self._operator is None:
            self._operator = self.log_in(allow_password_change=False)
        return self._operator

    def log_in(self, *, allow_password_change: bool) -> OperatorRef:
        from app import messages

        login_id = self.args.operator
        if not login_id:
            raise CliError(messages.text("operators.login_required"))
        if not has_people(self.db):
            raise CliError(messages.text("operators.no_people"))
        result = login(self.db, login_id, read_password(f"{login_id} のパスワード: "))
        if result.must_change_password and not allow_password_change:
            raise PasswordChangeRequired("operators.password_change_required")
        self._operator = result.operator
        return result.operator

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

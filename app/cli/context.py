"""The parser class and the context a command runs in (its database opened on first use)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import NoReturn, TextIO

from app.db.database import Database
from app.paths import AppPaths
from app.services.operators import OperatorRef, get_operator
from app.services.setup import connect, initialize


class Parser(argparse.ArgumentParser):
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

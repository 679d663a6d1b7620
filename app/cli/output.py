"""What every command shares for output: one-line refusals, JSON and CSV records, argument parsing."""

from __future__ import annotations

import argparse
import csv
import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.text import only_digits, shown
from app.io.cells import csv_text
from app.messages import text

if TYPE_CHECKING:
    from app.cli.context import Context


class CliError(Exception):
    """A problem to report on one line and exit non-zero."""


def json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def json_text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def write_records(ctx: Context, records: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        json.dump(records, ctx.out, ensure_ascii=False, indent=1, default=json_default)
        ctx.out.write("\n")
        return
    if not records:
        return
    writer = csv.DictWriter(ctx.out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_value(v) for k, v in r.items()} for r in records)


def csv_value(value: Any) -> Any:
    """A value as a CSV cell on stdout: texts neutralised per OWASP (a spreadsheet may open the output)."""
    value = json_text(value)
    return csv_text(value) if isinstance(value, str) else value


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日付は YYYY-MM-DD で指定してください（{shown(text)}）") from None


def parse_numbers(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


def pdf_target(path: Path) -> Path:
    if path.suffix.lower() != ".pdf":
        raise CliError(f"出力ファイルは .pdf にしてください（{shown(path)}）")
    return out_target(path)


NAME_MAX_BYTES = 255  # the longest file name the usual file systems hold


def out_target(path: Path) -> Path:
    """Where an export goes: a file name in a folder that exists (one-line refusals, nothing written)."""
    length = len(path.name.encode("utf-8"))
    if length > NAME_MAX_BYTES:
        raise CliError(text("out.name_too_long", length=length, limit=NAME_MAX_BYTES))
    if path.is_dir():
        raise CliError(text("out.is_folder", path=shown(path, 80)))
    if not path.parent.is_dir():
        raise CliError(text("out.no_folder", folder=shown(path.parent, 80)))
    return path


# What a type check refused: the parser prints it on one line (without the usage).
REFUSED: set[str] = set()
ID_MAX = 2**63 - 1  # the largest id a BIGINT column holds


def record_id(value: str) -> int:
    """An id typed on the command line: a positive number a database id can be (never ≥ 2^63)."""
    digits = value.strip()
    if not only_digits(digits) or len(digits) > 19 or not 1 <= int(digits) <= ID_MAX:
        message = text("id.format", value=shown(value))
        REFUSED.add(message)
        raise argparse.ArgumentTypeError(message)
    return int(digits)

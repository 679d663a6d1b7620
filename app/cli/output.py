"""What every command shares for output: one-line refusals, JSON and CSV records, argument parsing."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    writer.writerows({k: json_text(v) for k, v in r.items()} for r in records)


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日付は YYYY-MM-DD で指定してください（{text}）") from None


def parse_numbers(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


def pdf_target(path: Path) -> Path:
    if path.suffix.lower() != ".pdf":
        raise CliError(f"出力ファイルは .pdf にしてください（{path}）")
    if not path.parent.exists():
        raise CliError(f"出力先のフォルダ {path.parent} がありません")
    return path

"""`kofuri --self-test`: proves that this installation (a checkout or the frozen bundle) has every part it needs.

Each check prints one line; the first failure stops the run with a non-zero exit. Everything happens in a
temporary folder (its own database, data folder and files), so the user's data is never touched. These are the
checks without Qt; the command line adds the screen's checks (ui/self_test.py) through its composition root.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from app import __version__
from app.db.database import Database
from app.db.migrate import alembic_config, current_revision, head_revision
from app.domain import bank_codes, zengin
from app.domain.registration import RegistrationInput
from app.paths import AppPaths
from app.services import accounts, forms, settings
from app.services.operators import SYSTEM_LOGIN, get_operator
from app.services.setup import connect, initialize

log = logging.getLogger("kofuri.self_test")

# Known data: a bank and branch every zengin-code release has, a name the rendered form must carry.
KNOWN_BANK = ("0005", "三菱ＵＦＪ")
KNOWN_BRANCH = ("001", "本店")
HOLDER_NAME = "口振 太郎"
HOLDER_KANA = "コウフリ タロウ"
EMBEDDED_FONT = "IPAex"


# The screen's checks (ui/self_test.py) print these: the command line's words live on this side.
KNOWN_TEXT = ("MainWindow", "口座検索", "Search accounts")  # a main-window text and its English (kofuri_en.ts)


def translation_wrong(language: str, source: str, found: str, expected: str) -> str:
    return f"翻訳（{language}）で「{source}」が「{found}」になります（「{expected}」のはず）"


def translation_line(found: list[tuple[str, str, bool]]) -> str:
    """found: (language, translated text, whether Qt's own catalogue loaded too)."""
    parts = [f"{language}「{text}」" + ("" if qt else "（Qt 標準の翻訳なし）") for language, text, qt in found]
    return "翻訳: " + "、".join(parts)


def window_line(title: str, platform: str, areas: int) -> str:
    return f"画面: 「{title}」のメインウィンドウを開きました（{platform}、{areas} 画面）"


WINDOW_NOT_SHOWN = "メインウィンドウを表示できませんでした"


class CheckFailed(Exception):
    """A check found something wrong; the message says what, in a sentence."""


@dataclass
class Workspace:
    """The temporary installation the checks share: a data folder and a database inside it."""

    folder: Path

    @property
    def paths(self) -> AppPaths:
        return AppPaths(self.folder / "data")

    @property
    def db_path(self) -> Path:
        return self.folder / "self-test.sqlite3"

    def database(self) -> Database:
        return connect(str(self.db_path), self.paths)


Check = Callable[[Workspace], str]


def check_migrations(ws: Workspace) -> str:
    """A new database upgraded through every migration the installation carries, to the newest."""
    from alembic.script import ScriptDirectory

    db = ws.database()
    try:
        script = ScriptDirectory.from_config(alembic_config(db))
        revisions = [rev.revision for rev in script.walk_revisions()]
        if not revisions:
            raise CheckFailed("データベースの更新スクリプトが見つかりません")
        initialize(db, ws.paths)
        current, head = current_revision(db), head_revision(db)
        if current != head:
            raise CheckFailed(f"スキーマ版が {current} のままです（最新は {head}）")
    finally:
        db.dispose()
    return f"データベースの更新: {len(revisions)} 版を適用（{revisions[-1]} → {head}）"


def check_bank_data(_ws: Workspace) -> str:
    """A bank and a branch looked up in the bundled bank-code data."""
    bank = bank_codes.lookup_bank(KNOWN_BANK[0])
    branch = bank_codes.lookup_branch(KNOWN_BANK[0], KNOWN_BRANCH[0])
    if KNOWN_BANK[1] not in bank.name or KNOWN_BRANCH[1] not in branch.name:
        raise CheckFailed(f"銀行コードのデータが想定と違います（{bank.name}・{branch.name}）")
    data = bank_codes.data_version()
    return f"銀行・支店コード: {bank.code} {bank.name}・{branch.code} {branch.name}（zengin-code {data}）"


def _pdf_fonts(reader: object) -> set[str]:
    """Names of the fonts embedded (with a font file) in the PDF's pages."""
    names: set[str] = set()
    for page in reader.pages:  # type: ignore[attr-defined]
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(descendant.get_object().get("/BaseFont", "")))
    return names


def check_request_form(ws: Workspace) -> str:
    """A request form rendered for a registration; a PDF reader finds the Japanese name in the embedded font."""
    from pypdf import PdfReader

    db = ws.database()
    try:
        operator = get_operator(db, SYSTEM_LOGIN)
        # a request form is refused until the merchant's category and name are set (they are printed on it)
        settings.set_setting(db, "consignor_category", "1234", operator)
        settings.set_setting(db, "consignor_name", "口振デスク商店", operator)
        view = accounts.register(
            db,
            RegistrationInput(
                contract_holder_name=HOLDER_NAME,
                contract_holder_kana=HOLDER_KANA,
                phone="03-1234-5678",
                bank_code=KNOWN_BANK[0],
                branch_code=KNOWN_BRANCH[0],
                deposit_type="1",
                account_number="1234567",
                account_holder_kana=HOLDER_KANA,
                monthly_amount="3300",
            ),
            operator,
        )
        target = ws.folder / "request-form.pdf"
        result = forms.render_request_forms(db, [view.id], target)
    finally:
        db.dispose()
    reader = PdfReader(target)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    if HOLDER_NAME.replace(" ", "") not in text.replace(" ", ""):
        raise CheckFailed("依頼書の PDF に契約者名の文字が見つかりません")
    fonts = _pdf_fonts(reader)
    if not any(EMBEDDED_FONT in name for name in fonts):
        found = ", ".join(sorted(fonts))
        raise CheckFailed(f"依頼書の PDF に {EMBEDDED_FONT} フォントが埋め込まれていません（{found}）")
    font = sorted(name.split("+")[-1].lstrip("/") for name in fonts if EMBEDDED_FONT in name)[0]
    return f"依頼書の PDF: {result.pages} ページ、契約者名「{HOLDER_NAME}」を {font} で埋め込み"


def read_bank_file(data: bytes) -> list[dict[str, str]]:
    """The records of a bank-format file, field by field (the layouts of app.domain.zengin)."""
    layouts = {"1": zengin.HEADER, "2": zengin.DATA, "8": zengin.TRAILER, "9": zengin.END}
    records = []
    for raw in data.split(b"\r\n"):
        if not raw:
            continue
        if len(raw) != zengin.RECORD_LENGTH:
            raise CheckFailed(f"全銀形式のレコードが {len(raw)} バイトです（{zengin.RECORD_LENGTH} バイトのはず）")
        text = raw.decode(zengin.ENCODING)
        layout = layouts.get(text[0])
        if layout is None:
            raise CheckFailed(f"全銀形式のレコード種別 {text[0]} は読めません")
        fields, offset = {}, 0
        for field in layout:  # single-byte characters only: a character is a byte
            fields[field.name] = text[offset : offset + field.length]
            offset += field.length
        records.append(fields)
    return records


def check_bank_file(ws: Workspace) -> str:
    """A bank-format (全銀) request file written to disk and read back."""
    header = zengin.Header(consignor_code="3292730000", consignor_name="ｺｳﾌﾘ ﾃﾞｽｸ", debit_date=date(2026, 1, 27))
    lines = [
        zengin.DebitLine("0005", "ﾐﾂﾋﾞｼUFJ", "001", "ﾎﾝﾃﾝ", 1, "1234567", "ｺｳﾌﾘ ﾀﾛｳ", 3300, 1, "03292790000000000001"),
        zengin.DebitLine("9900", "ﾕｳﾁﾖ", "018", "ｾﾞﾛｲﾁﾊﾁ", 1, "0123456", "ｺｳﾌﾘ ﾊﾅｺ", 5500, 0, "03292790000000000002"),
    ]
    target = ws.folder / "request.txt"
    target.write_bytes(zengin.write(header, lines))
    records = read_bank_file(target.read_bytes())
    kinds = "".join(record["record_type"] for record in records)
    expected = "1" + "2" * len(lines) + "89"  # header, data, trailer, end
    if kinds != expected:
        raise CheckFailed(f"全銀形式ファイルのレコードの並びが {kinds} です（{expected} のはず）")
    trailer = records[-2]
    if int(trailer["total_count"]) != len(lines) or int(trailer["total_amount"]) != sum(x.amount for x in lines):
        raise CheckFailed("全銀形式ファイルのトレーラの件数・金額が明細と合いません")
    if records[1]["account_holder"].rstrip() != lines[0].account_holder:
        raise CheckFailed("全銀形式ファイルの口座名義が書いたものと違います")
    total = int(trailer["total_amount"])
    return f"全銀形式ファイル: {len(records)} レコード（明細 {len(lines)} 件・{total:,} 円）を書いて読み戻し"


CORE_CHECKS: tuple[Check, ...] = (check_migrations, check_bank_data, check_request_form, check_bank_file)


def run(folder: Path, out: TextIO, extra_checks: Iterable[Check] = ()) -> int:
    """Run every check in `folder` (empty, temporary); 0 when all pass, 1 at the first failure."""
    ws = Workspace(folder)
    where = "バンドル" if getattr(sys, "frozen", False) else "ソース"
    print(f"口振デスク {__version__} の自己診断（{where}）", file=out)
    started = time.perf_counter()
    for check in (*CORE_CHECKS, *extra_checks):
        try:
            line = check(ws)
        except CheckFailed as failure:
            print(f"NG  {failure}", file=out)
            return 1
        except Exception as error:
            log.error("self-test check %s failed\n%s", check.__name__, traceback.format_exc())
            print(f"NG  {(check.__doc__ or check.__name__).splitlines()[0]}: {type(error).__name__}: {error}", file=out)
            return 1
        print(f"OK  {line}", file=out, flush=True)
    print(f"すべての確認に合格しました（{time.perf_counter() - started:.1f} 秒）", file=out)
    return 0

"""The bank file's header from the merchant settings, its completeness, and the lines as the file carries them.

A final bank file is written only with a complete, valid header: every problem names the setting to fill in
(issue #14 point 1). Before the lock no bank-format file is written at all; `BankFilePreview` says what the
file will hold (header, groups, counts, totals) without writing one (point 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from app import messages
from app.domain import bank_codes
from app.domain.business_calendar import MonthSchedule
from app.domain.errors import DomainError
from app.domain.kana import FieldClass, fit, to_bank_kana
from app.io.zengin import DebitLine, Group, Header, header_problems
from app.services.settings import SETTING_KEYS, SettingsView

# header field → the merchant setting it comes from
HEADER_SETTING = {
    "consignor_code": "zengin_consignor_code",
    "consignor_name": "consignor_name_kana",
    "bank_code": "merchant_bank_code",
    "bank_name": "merchant_bank_code",
    "branch_code": "merchant_branch_code",
    "branch_name": "merchant_branch_code",
    "deposit_type": "merchant_deposit_type",
    "account_number": "merchant_account_number",
}


@dataclass(frozen=True)
class HeaderProblem:
    setting: str  # the merchant-settings key to fill in
    label: str  # its Japanese label
    text: str  # e.g. 「委託者コード（10桁・請求データ用）が未設定です」

    def __str__(self) -> str:
        return self.text


class HeaderIncomplete(DomainError):
    """The bank file's header would be incomplete or invalid: every missing or wrong setting is named."""

    code = "billing.header_incomplete"

    def __init__(self, problems: Sequence[HeaderProblem]) -> None:
        self.problems = list(problems)
        super().__init__("billing.header_incomplete", items="、".join(p.text for p in self.problems))


class _Line(Protocol):
    @property
    def bank_code(self) -> str: ...
    @property
    def branch_code(self) -> str: ...
    @property
    def deposit_type(self) -> int: ...
    @property
    def account_number(self) -> str: ...
    @property
    def account_holder_bank(self) -> str: ...
    @property
    def amount(self) -> int: ...
    @property
    def new_code(self) -> int: ...
    @property
    def customer_number(self) -> str: ...


def _bank_kana_names(bank: str, branch: str) -> tuple[str, str]:
    try:
        b = bank_codes.lookup_branch(bank, branch)
        return (
            fit(to_bank_kana(bank_codes.lookup_bank(bank).kana, FieldClass.BANK_NAME), 15),
            fit(to_bank_kana(b.kana, FieldClass.BANK_NAME), 15),
        )
    except DomainError:
        return "", ""


def bank_header(settings: SettingsView, schedule: MonthSchedule) -> Header:
    names = ("", "")
    if settings.merchant_bank_code and settings.merchant_branch_code:
        names = _bank_kana_names(settings.merchant_bank_code, settings.merchant_branch_code)
    deposit = settings.merchant_deposit_type
    return Header(
        consignor_code=settings.zengin_consignor_code,
        consignor_name=settings.consignor_name_kana,
        debit_date=schedule.debit_date,  # BILL-1: may fall in the next month
        bank_code=settings.merchant_bank_code,
        bank_name=names[0],
        branch_code=settings.merchant_branch_code,
        branch_name=names[1],
        deposit_type=int(deposit) if deposit.isdigit() else 0,
        account_number=settings.merchant_account_number,
    )


def check_header(header: Header) -> list[HeaderProblem]:
    """Every setting the header lacks or holds wrongly, once per setting, in the settings screen's order."""
    by_setting: dict[str, str] = {}
    found = header_problems(header)
    codes_bad = any(field in ("bank_code", "branch_code") for field, _ in found)
    for field, state in found:
        if field in ("bank_name", "branch_name"):
            if codes_bad:
                continue  # the code itself is named
            state = "unknown_bank"  # codes of the right shape, but not a bank and branch in the bank data
        by_setting.setdefault(HEADER_SETTING[field], state)
    problems = []
    for key in SETTING_KEYS:
        if key in by_setting:
            label = SETTING_KEYS[key][0]
            problems.append(HeaderProblem(key, label, messages.text(f"billing.header_{by_setting[key]}", label=label)))
    return problems


def debit_lines(lines: Sequence[_Line]) -> list[DebitLine]:
    """The lines as the file carries them, each branch's kana names looked up once."""
    names: dict[tuple[str, str], tuple[str, str]] = {}
    for key in {(line.bank_code, line.branch_code) for line in lines}:
        names[key] = _bank_kana_names(*key)
    return [
        DebitLine(
            line.bank_code,
            names[(line.bank_code, line.branch_code)][0],
            line.branch_code,
            names[(line.bank_code, line.branch_code)][1],
            line.deposit_type,
            line.account_number,
            line.account_holder_bank,
            line.amount,
            line.new_code,
            line.customer_number,
        )
        for line in lines
    ]


@dataclass(frozen=True)
class BankFilePreview:
    """What the month's bank file will hold, read without writing a file."""

    month: str
    state: str
    header: Header
    header_problems: list[HeaderProblem]
    line_problems: list[str]  # lines that cannot be billed (the file is refused while any is listed)
    groups: list[Group]  # header…trailer groups (more than one only past 999,999 lines)
    line_count: int
    total: int
    new_code_counts: dict[int, int]  # 新規コード → lines
    warnings: list[str]

    @property
    def ready(self) -> bool:
        return not self.header_problems and not self.line_problems


def describe_preview(preview: BankFilePreview) -> list[str]:
    """The preview as lines of text, the same on the command line and on the billing screen."""
    from app import messages
    from app.domain.account_fields import DEPOSIT_TYPE_LABELS

    h = preview.header
    deposit = {int(k): v for k, v in DEPOSIT_TYPE_LABELS.items()}.get(h.deposit_type, "未設定")
    lines = [
        messages.text("billing.preview_title", month=preview.month),
        "ヘッダー:",
        f"  委託者コード {h.consignor_code or '未設定'}　委託者名 {h.consignor_name or '未設定'}",
        f"  振替日 {h.debit_date:%m%d}（{h.debit_date.isoformat()}）",
        f"  取引銀行 {h.bank_code or '未設定'} {h.bank_name}　支店 {h.branch_code or '未設定'} {h.branch_name}",
        f"  預金種目 {deposit}　口座番号 {h.account_number or '未設定'}",
        f"明細: {preview.line_count:,} 件　合計 {preview.total:,} 円",
        "新規コード別: "
        + (
            "、".join(f"{code}: {count:,} 件" for code, count in preview.new_code_counts.items())
            if preview.new_code_counts
            else "なし"
        ),
    ]
    if len(preview.groups) > 1:
        lines.append(f"グループ: {len(preview.groups)}（1グループ最大 999,999 件）")
        lines += [f"  {i}: {g.count:,} 件 {g.total:,} 円" for i, g in enumerate(preview.groups, start=1)]
    if preview.header_problems:
        lines.append("ヘッダーの不足: " + "、".join(str(p) for p in preview.header_problems))
    if preview.line_problems:
        lines.append(f"請求できない明細: {len(preview.line_problems):,} 件")
        lines += [f"  {p}" for p in preview.line_problems[:20]]
    lines += [f"注意: {w}" for w in preview.warnings]
    lines.append("確定として書き出せます" if preview.ready else "このままでは確定の請求データを作成できません")
    return lines

"""`kofuri --self-test` from source: every check passes with one line each; a failing check stops the run."""

import io
from pathlib import Path

from pytestqt.qtbot import QtBot

from app import self_test
from app.cli import main
from app.self_test import CheckFailed, Workspace


def test_self_test_passes_every_check_with_one_line_each(qtbot: QtBot) -> None:
    out = io.StringIO()
    assert main(["--self-test"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("口振デスク ") and "自己診断（ソース）" in lines[0]
    checks = lines[1:-1]
    assert [line[:3] for line in checks] == ["OK "] * 6
    assert "データベースの更新: " in checks[0] and "版を適用（0001 → " in checks[0]
    assert "三菱ＵＦＪ" in checks[1] and "本店" in checks[1]
    assert "IPAexGothic" in checks[2] and "口振 太郎" in checks[2]
    assert "全銀形式ファイル: 5 レコード" in checks[3]
    assert "en「Search accounts」" in checks[4]
    assert "メインウィンドウを開きました" in checks[5]
    assert lines[-1].startswith("すべての確認に合格しました")


def test_the_first_failure_stops_the_run_and_exits_non_zero(tmp_path: Path) -> None:
    seen: list[str] = []

    def broken(_ws: Workspace) -> str:
        raise CheckFailed("わざと失敗させた確認です")

    def never(_ws: Workspace) -> str:
        seen.append("ran")
        return "届かないはず"

    out = io.StringIO()
    assert self_test.run(tmp_path, out, extra_checks=[broken, never]) == 1
    lines = out.getvalue().splitlines()
    assert lines[-1] == "NG  わざと失敗させた確認です"
    assert [line[:3] for line in lines[1:-1]] == ["OK "] * 4
    assert seen == []


def test_an_unexpected_error_in_a_check_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    def crash(_ws: Workspace) -> str:
        """壊れた確認"""
        raise ZeroDivisionError("division by zero")

    out = io.StringIO()
    assert self_test.run(tmp_path, out, extra_checks=[crash]) == 1
    assert out.getvalue().splitlines()[-1] == "NG  壊れた確認: ZeroDivisionError: division by zero"
    assert "Traceback" not in out.getvalue()


def test_the_bank_file_reader_rejects_a_short_record() -> None:
    import pytest

    with pytest.raises(CheckFailed, match="120 バイトのはず"):
        self_test.read_bank_file(b"1" * 119 + b"\r\n")

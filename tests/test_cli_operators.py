"""`kofuri` with logins (OP-1), operators, the audit log, maintenance, backup and restore, on SQLite files."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from app.cli import main

BOSS_PASSWORD = "boss-password-1"
CLERK_PASSWORD = "clerk-password-1"


def run(*argv: str, password: str = BOSS_PASSWORD, operator: str = "boss") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KOFURI_PASSWORD", password)
        env.setenv("KOFURI_NEW_PASSWORD", CLERK_PASSWORD)
        code = main(["--operator", operator, *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "ops.sqlite3")
    code, _, err = run("--db", path, "init")
    assert code == 0 and "最初の責任者 boss" in err
    assert run("--db", path, "operators", "add", "jimu", "--name", "事務 花子", "--role", "clerk")[0] == 0
    return path


def test_init_on_a_new_database_refuses_a_short_password(tmp_path: Path) -> None:
    code, _, err = run("--db", str(tmp_path / "x.sqlite3"), "init", password="short")
    assert code == 1 and "8 文字以上" in err


def test_no_login_no_data(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KOFURI_OPERATOR", raising=False)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", db, "accounts", "list"], out=out, err=err) == 1 and "--operator" in err.getvalue()


def test_three_failures_lock_unlock_and_the_audit_list(db: str) -> None:
    assert run("--db", db, "accounts", "list", operator="jimu", password=CLERK_PASSWORD)[0] == 0
    for _ in range(2):
        code, _, err = run("--db", db, "accounts", "list", operator="jimu", password="wrong-password")
        assert code == 1 and err.count("\n") == 1 and "ログインIDまたはパスワード" in err
    code, _, err = run("--db", db, "accounts", "list", operator="jimu", password="wrong-password")
    assert code == 1 and "ロックされています" in err
    code, _, err = run("--db", db, "accounts", "list", operator="jimu", password=CLERK_PASSWORD)
    assert code == 1 and "ロックされています" in err  # the right password too
    listed = json.loads(run("--db", db, "operators", "list", "--format", "json")[1])
    assert {o["login_id"]: o["locked"] for o in listed} == {"boss": False, "jimu": True}
    code, _, err = run("--db", db, "operators", "unlock", "jimu")
    assert code == 0
    assert run("--db", db, "accounts", "list", operator="jimu", password=CLERK_PASSWORD)[0] == 0
    code, out, _ = run("--db", db, "audit", "list", "--operator", "jimu", "--format", "json")
    entries = json.loads(out)
    assert set(entries[0]) >= {"at", "operator", "action", "detail"}
    assert [e["action"] for e in entries if e["action"] != "operator_add"] == [
        "login", "login_failed", "login_failed", "login_failed", "lock", "login_failed", "unlock", "login",
    ]  # fmt: skip


def test_a_clerk_is_refused_what_the_role_may_not(db: str) -> None:
    code, _, err = run("--db", db, "settings", "set", "consignor_name", "x", operator="jimu", password=CLERK_PASSWORD)
    assert code == 1 and err.count("\n") == 1 and "事務担当の権限では「加盟店設定の変更」はできません" in err
    code, _, err = run("--db", db, "operators", "unlock", "boss", operator="jimu", password=CLERK_PASSWORD)
    assert code == 1 and "担当者の管理" in err
    code, _, err = run("--db", db, "audit", "list", operator="jimu", password=CLERK_PASSWORD)
    assert code == 1 and "監査ログの閲覧" in err


def test_reset_password_must_be_changed_first(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("--db", db, "operators", "reset-password", "jimu")[0] == 0  # KOFURI_NEW_PASSWORD is the temporary
    code, _, err = run("--db", db, "accounts", "list", operator="jimu", password=CLERK_PASSWORD)
    assert code == 1 and "kofuri password" in err
    out, err_io = io.StringIO(), io.StringIO()
    monkeypatch.setenv("KOFURI_PASSWORD", CLERK_PASSWORD)
    monkeypatch.setenv("KOFURI_NEW_PASSWORD", "my-own-password")
    assert main(["--db", db, "--operator", "jimu", "password"], out=out, err=err_io) == 0
    assert run("--db", db, "accounts", "list", operator="jimu", password="my-own-password")[0] == 0


def test_maintenance_backup_and_restore(db: str, tmp_path: Path) -> None:
    backup = tmp_path / "b.sqlite3"
    code, _, err = run("--db", db, "backup", str(backup))
    assert code == 1 and "メンテナンス中にだけ" in err
    assert run("--db", db, "maintenance", "start", "--until", "23:59", "--note", "バックアップ")[0] == 0
    code, _, err = run("--db", db, "accounts", "list", operator="jimu", password=CLERK_PASSWORD)
    assert code == 1 and "メンテナンス中です（" in err and "23:59 まで）" in err
    assert run("--db", db, "backup", str(backup))[0] == 0
    assert backup.stat().st_mode & 0o077 == 0  # owner only
    assert run("--db", db, "operators", "add", "later", "--name", "後で", "--role", "auditor")[0] == 0
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    code, _, err = run("--db", db, "restore", str(broken))
    assert code == 1 and "壊れているか" in err
    code, out, _ = run("--db", db, "restore", str(backup))
    assert code == 0 and "復元前のデータベース" in out
    logins = json.loads(run("--db", db, "operators", "list", "--format", "json")[1])
    assert "later" not in {o["login_id"] for o in logins}  # the state of the backup
    aside = Path(out.split("復元前のデータベース: ")[1].strip())
    with sqlite3.connect(aside) as kept:
        assert kept.execute("SELECT count(*) FROM operator WHERE login_id = 'later'").fetchone() == (1,)
    assert run("--db", db, "maintenance", "end")[0] == 0
    assert run("--db", db, "accounts", "list", operator="jimu", password=CLERK_PASSWORD)[0] == 0


def test_demo_on_a_new_database_prints_its_operators_passwords_once(tmp_path: Path) -> None:
    path = str(tmp_path / "demo.sqlite3")
    code, out, _ = run("--db", path, "demo", "--accounts", "5")
    assert code == 0
    given = dict(line.split(" のパスワード: ") for line in out.splitlines() if "のパスワード" in line)
    assert set(given) == {"デモ担当者 suzuki", "デモ担当者 tanaka", "デモ担当者 sato", "デモ担当者 kato"}
    sato = given["デモ担当者 sato"]
    code, out, _ = run("--db", path, "demo", "--accounts", "1", operator="sato", password=sato)
    assert code == 0 and "のパスワード" not in out  # shown once only

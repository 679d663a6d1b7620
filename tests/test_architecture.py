"""The core has no Qt, mechanically (see design/style.md)."""

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def test_nothing_under_app_imports_pyside6() -> None:
    offenders = []
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(APP)}: {n}" for n in names if n.split(".")[0] in ("PySide6", "ui")]
    # (cli.py starts the window through importlib when no sub-command is given: the one composition root)
    assert offenders == []


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import sys, app.cli, app.services.accounts, app.services.demo, app.services.accounts.importing;"
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_every_permission_check_in_the_services_records_its_refusal() -> None:
    """OP-3: `require(operator, action, db)` everywhere a service or command checks a role, so a refusal is
    written to the audit log; only the one transition checks again inside the caller's transaction."""
    offenders = []
    for path in APP.rglob("*.py"):
        if path.name in ("transitions.py", "permissions.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "require" and len(node.args) != 3:
                offenders.append(f"{path.relative_to(APP)}:{node.lineno}")
    assert offenders == []

"""Every Japanese text in ui/ is one that pyside6-lupdate extracts (so it can be translated): inside tr(),
QCoreApplication.translate() or QT_TRANSLATE_NOOP(); never tr() on a variable, never an f-string."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert found, "pyside6-lupdate is installed with PySide6"
    return found


def _extracted(tmp_path: Path) -> set[str]:
    ts = tmp_path / "check.ts"
    files = [str(p) for p in sorted(UI.rglob("*.py"))]
    subprocess.run([_lupdate(), *files, "-ts", str(ts)], check=True, capture_output=True)
    return {m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")}


def _japanese_literals() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    docstrings.add(id(first.value))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
                if any(JAPANESE.search(p) for p in parts):
                    found.append((path.name, node.lineno, "f-string: " + "".join(parts)))
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and JAPANESE.search(node.value)
            ):
                found.append((path.name, node.lineno, node.value))
    return found


def test_lupdate_extracts_every_japanese_text_of_the_screens(tmp_path: Path) -> None:
    extracted = _extracted(tmp_path)
    missed = [f"{name}:{line}: {text[:50]}" for name, line, text in _japanese_literals() if text not in extracted]
    assert missed == []


def test_tr_is_never_called_on_a_variable() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_tr = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
            if is_tr and node.args and not isinstance(node.args[0], ast.Constant):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []

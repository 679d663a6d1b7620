"""The translation pipeline (Qt Linguist): `make ts` updates the .ts files, `make translations` compiles them.

    python scripts/translations.py update    # pyside6-lupdate over ui/ into resources/translations/kofuri_{ja,en}.ts
    python scripts/translations.py compile   # pyside6-lrelease into build/translations/*.qm (build output)

Japanese is the source language: kofuri_ja.ts holds every text with its translation equal to the source (so the
Japanese catalogue is complete by construction and can still override a wording). kofuri_en.ts keeps the English
already written; a new text arrives there unfinished until someone translates it (pyside6-linguist, or by hand),
and tests/ui/test_translations.py fails until then.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
BUILD_DIR = ROOT / "build" / "translations"
LANGUAGES = ("ja", "en")


def ui_sources() -> list[Path]:
    return sorted((ROOT / "ui").rglob("*.py"))


def _tool(name: str, args: list[str]) -> None:
    code = f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())"
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT)


def lupdate(target: Path, language: str, *, keep_obsolete: bool = False) -> None:
    """Extract every tr()/translate() text of ui/ into `target` (existing translations are kept)."""
    args = [str(path.relative_to(ROOT)) for path in ui_sources()]
    args += ["-ts", str(target), "-source-language", "ja", "-target-language", language, "-locations", "none"]
    if not keep_obsolete:
        args.append("-no-obsolete")
    _tool("lupdate", [*args, "-silent"])


def fill_source_language(target: Path) -> None:
    """Japanese is the source: each translation is the source text (plural forms left to Qt)."""
    tree = ET.parse(target)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.find("source")
        if translation is None or source is None:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = source.text
            translation.attrib.pop("type", None)
    _write(tree, target)


def _write(tree: ET.ElementTree, target: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    target.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        target = TS_DIR / f"kofuri_{language}.ts"
        lupdate(target, language)
        if language == "ja":
            fill_source_language(target)
        else:
            _write(ET.parse(target), target)
        print(f"updated {target.relative_to(ROOT)}")


def compile_all(target_dir: Path = BUILD_DIR) -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        source = TS_DIR / f"kofuri_{language}.ts"
        _tool("lrelease", ["-silent", str(source), "-qm", str(target_dir / source.with_suffix(".qm").name)])
    print(f"compiled {', '.join(LANGUAGES)} into {target_dir.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["compile"]:
        compile_all()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

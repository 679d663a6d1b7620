"""The bundle's size budget: `make bundle` fails when the folder grows past it (a new dependency, a Qt module
that crept back in). Prints the size of the folder and its largest parts.

    python scripts/bundle_size.py dist [--budget-mb N]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Linux bundle: 300 MB untrimmed, about 256 MB trimmed (see README). Room for a dependency or two, not for Qt's QML or
# WebEngine coming back.
BUDGET_MB = 275


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dist", type=Path)
    parser.add_argument("--budget-mb", type=float, default=BUDGET_MB)
    args = parser.parse_args(argv)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    folder = args.dist / f"{project['name']}-{project['version']}"
    if not folder.is_dir():
        print(f"bundle_size: no bundle at {folder}", file=sys.stderr)
        return 1
    size = folder_size(folder)
    internal = folder / "_internal"
    parts = sorted(
        ((folder_size(p) if p.is_dir() else p.lstat().st_size, p.name) for p in internal.iterdir()), reverse=True
    )
    print(f"bundle {folder}: {size / 1e6:.1f} MB (budget {args.budget_mb:.0f} MB)")
    print("largest: " + ", ".join(f"{name} {part / 1e6:.1f} MB" for part, name in parts[:6]))
    if size > args.budget_mb * 1e6:
        over = f"the bundle is {size / 1e6:.1f} MB, over its budget of {args.budget_mb:.0f} MB"
        print(f"bundle_size: {over}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

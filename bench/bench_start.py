"""From start (a double-click: a new process) to the first window on the screen. Figures, never assertions.

    .venv/bin/python bench/bench_start.py [COUNT] [--bundle dist/kofuri-desk-<version>] [--runs N]

Starts a virtual X screen (Xvfb; ../shared/tools/screenshot.sh installs it on first use), then runs the program
as a clerk would (the bundle's `kofuri`, or `.venv/bin/kofuri` from source) on the generated database of
bench_accounts.py (COUNT registrations, 1,000,000 by default; a copy, so the start's own migration check and
defaults never touch the shared one), and polls the X server until the main window is mapped. Each run is a
fresh process; the first run also pays the operating system's cold file cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_accounts import DATA, database

ROOT = Path(__file__).resolve().parent.parent
TITLE = "口振デスク"


def free_display() -> str:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return f":{number}"
    raise SystemExit("bench_start: no free X display number")


def window_mapped(display: str) -> bool:
    result = subprocess.run(
        ["xwininfo", "-display", display, "-name", TITLE],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and "IsViewable" in result.stdout


def one_start(command: list[str], display: str, data_dir: Path) -> float:
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", KOFURI_DATA_DIR=str(data_dir))
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not window_mapped(display):
            if process.poll() is not None:
                raise SystemExit(f"bench_start: the program ended before showing its window ({process.returncode})")
            if time.perf_counter() - started > 120:
                raise SystemExit("bench_start: no window after 120 s")
            time.sleep(0.02)
        return time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--bundle", type=Path, help="a built bundle folder (default: the program from source)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="another SQLite file instead of the generated one (for comparison)")
    args = parser.parse_args()
    if shutil.which("Xvfb") is None or shutil.which("xwininfo") is None:
        raise SystemExit("bench_start: needs Xvfb and xwininfo (../shared/tools/screenshot.sh installs them)")
    if args.db is None:
        database(args.count).dispose()
    source = args.db or DATA / f"accounts-{args.count}" / "bench.sqlite3"
    program = [str(args.bundle / "kofuri")] if args.bundle else [str(ROOT / ".venv" / "bin" / "kofuri")]
    display = free_display()
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1440x900x24", "-nolisten", "tcp"])
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory(prefix="kofuri-bench-start-") as folder:
            copy = Path(folder) / "bench.sqlite3"
            shutil.copyfile(source, copy)
            command = [*program, "--db", str(copy)]
            times = [one_start(command, display, Path(folder) / "data") for _ in range(args.runs)]
        what = f"bundle {args.bundle}" if args.bundle else "from source (.venv)"
        scale = f"{args.db}" if args.db else f"{args.count:,} registrations"
        print(f"start to first window, {scale}, {what}:")
        print("  " + ", ".join(f"{t:.2f} s" for t in times) + f"  (best {min(times):.2f} s)")
    finally:
        xvfb.terminate()
        xvfb.wait(10)


if __name__ == "__main__":
    main()

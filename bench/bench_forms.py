"""1,000 pre-filled request forms in one PDF (issue: PDF renderer). Figures, never assertions.

    .venv/bin/python bench/bench_forms.py [N]

Compares the service (layout + data + renderer) with the floor: a bare reportlab loop that replays the very
same canvas calls (same strings, same embedded fonts, same boxes) recorded from the renderer.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.pdfgen.canvas import Canvas

from app.paths import AppPaths
from app.render.pdf import GOTHIC, PdfRenderer, register_fonts
from app.services import accounts, forms, settings
from app.services.operators import SYSTEM_LOGIN, get_operator
from app.services.setup import connect, initialize

RECORDED = ("setFont", "drawString", "drawCentredString", "drawRightString", "rect", "setLineWidth", "setFillColor",
            "setStrokeColor", "ellipse", "line", "showPage")  # fmt: skip


def record_one_page(data: dict[str, Any]) -> list[tuple[str, tuple[Any, ...]]]:
    calls: list[tuple[str, tuple[Any, ...]]] = []
    renderer = PdfRenderer(str(Path(tempfile.mkdtemp()) / "one.pdf"))
    canvas = renderer.canvas
    for name in RECORDED:
        original = getattr(canvas, name)

        def spy(*args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            calls.append((_name, args))
            return _original(*args, **kwargs)

        setattr(canvas, name, spy)
    renderer.draw(forms.layout_for("pdf"), data)
    return calls


def floor(calls: list[tuple[str, tuple[Any, ...]]], pages: int, path: Path) -> float:
    register_fonts()
    start = time.perf_counter()
    canvas = Canvas(str(path), initialFontName=GOTHIC)  # type: ignore[arg-type]
    for _ in range(pages):  # one form: its front and its back (the recorded calls end each page)
        for name, args in calls:
            getattr(canvas, name)(*args)
    canvas.save()
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        paths = AppPaths.resolve(base)
        db = connect(str(base / "forms.sqlite3"), paths)
        initialize(db, paths)
        operator = get_operator(db, SYSTEM_LOGIN)
        settings.update_settings(
            db,
            {"consignor_name": "株式会社サンプル商事", "charge_description": "月額会費", "consignor_category": "12"},
            operator,
        )
        from app.services.demo import generate

        generate(db, count, seed=9)
        ids = accounts.search_ids(db, accounts.SearchCriteria())[:count]  # invalidated ones print no form
        start = time.perf_counter()
        result = forms.render_request_forms(db, ids, base / "forms.pdf", allow_web=True)
        took = time.perf_counter() - start
        size = (base / "forms.pdf").stat().st_size
        print(f"service: {result.forms:,} pre-filled forms, {result.pages:,} pages in {took:.2f} s "
              f"({size / 1e6:.1f} MB)")  # fmt: skip
        view = accounts.rows_by_ids(db, ids[:1])[0]
        calls = record_one_page({**forms.request_form_data(settings.get_settings(db), view), **forms.load_terms()})
        strings = sum(1 for name, _ in calls if name.startswith("draw"))
        bare = floor(calls, count, base / "floor.pdf")
        print(f"floor:   bare reportlab replaying the same {strings} strings and "
              f"{sum(1 for n, _ in calls if n == 'rect')} boxes a page: {bare:.2f} s")  # fmt: skip
        print(f"ratio:   {took / bare:.2f} x the floor (target within 1.5 x, and at most 5 s)")
        db.dispose()


if __name__ == "__main__":
    main()

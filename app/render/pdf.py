"""The PDF renderer: draws a layout (app.render.layout) with data, Japanese fonts embedded as subsets.

Every string is real text (extractable, searchable); no standard font is referenced, so the PDF prints the
same on any printer (`pdffonts` lists only the embedded IPAex fonts).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.render.layout import Layout, Page
from app.resources import FONT_GOTHIC, FONT_MINCHO, font_path

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"
FONTS = {"gothic": GOTHIC, "mincho": MINCHO}
LABEL_SIZE = 6.0
BLACK = HexColor("#000000")
LABEL_GREY = HexColor("#444444")

Data = Mapping[str, Any]


def _binary_streams() -> None:
    """Compressed page streams as binary, not ASCII85 text: smaller files and less work per page."""
    from reportlab import rl_config

    rl_config.useA85 = 0


def register_fonts() -> None:
    """Register the bundled IPAex fonts with reportlab once (real .ttf files, embedded as subsets)."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name, file_name in ((GOTHIC, FONT_GOTHIC), (MINCHO, FONT_MINCHO)):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))


class _Template(string.Formatter):
    """`{name}` placeholders; a missing value prints as nothing rather than failing."""

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        value = kwargs.get(str(key), "")
        return "" if value is None else value


_TEMPLATE = _Template()


def fill(text: str, data: Data) -> str:
    return _TEMPLATE.vformat(text, (), data) if "{" in text else text


def _shown(element: Mapping[str, Any], data: Data) -> bool:
    condition = element.get("if")
    if condition is None:
        return True
    keys = condition if isinstance(condition, list) else [condition]
    return all(bool(data.get(key)) for key in keys)


class PdfRenderer:
    """One PDF document; `draw(layout, data)` adds the layout's pages for one set of data."""

    def __init__(self, target: str | Path | IO[bytes], *, title: str = "", author: str = "口振デスク") -> None:
        register_fonts()
        _binary_streams()
        self.canvas = Canvas(
            target if not isinstance(target, Path) else str(target),
            initialFontName=GOTHIC,  # type: ignore[arg-type]  # (stub says float) no Helvetica is ever referenced
            initialFontSize=10,
            pageCompression=1,
        )
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author)
        self.canvas.setCreator("Kofuri Desk")
        self.pages = 0
        self._height = 297.0

    def draw(self, layout: Layout, data: Data) -> None:
        self.canvas.setPageSize((layout.width_mm * mm, layout.height_mm * mm))
        self._height = layout.height_mm
        for page in layout.pages:
            for values in self._page_data(page, data):
                for element in page.elements:
                    if _shown(element, values):
                        DRAW[element["type"]](self, element, values)
                self.canvas.showPage()
                self.pages += 1

    def save(self) -> None:
        self.canvas.save()

    # --- pages that carry lists repeat until every row is drawn ---------------------------------------------
    @staticmethod
    def _page_data(page: Page, data: Data) -> Iterable[Data]:
        lists = [e for e in page.elements if e["type"] == "list"]
        merged = {**data, **page.variables}
        if not lists:
            yield merged
            return
        repeats = max(1, *(-(-len(data.get(e["bind"], [])) // int(e["max_rows"])) for e in lists))
        for number in range(repeats):
            values = dict(merged)
            values["_repeat"] = number
            values["page_label"] = f"{number + 1} / {repeats}"
            yield values

    # --- drawing --------------------------------------------------------------------------------------------
    def _y(self, top_mm: float) -> float:
        """Layouts measure from the top; PDF from the bottom."""
        return (self._height - top_mm) * mm

    def _font(self, element: Mapping[str, Any]) -> str:
        return FONTS.get(str(element.get("font", "gothic")), GOTHIC)

    def _string(self, x_mm: float, baseline_mm: float, text: str, font: str, size: float, align: str) -> None:
        c = self.canvas
        c.setFont(font, size)
        x = x_mm * mm
        y = self._y(baseline_mm)
        if align == "center":
            c.drawCentredString(x, y, text)
        elif align == "right":
            c.drawRightString(x, y, text)
        else:
            c.drawString(x, y, text)

    def text(self, e: Mapping[str, Any], data: Data) -> None:
        value = fill(str(e["text"]), data)
        if not value:
            return
        color = e.get("color")
        if color:
            self.canvas.setFillColor(HexColor(str(color)))
        size = float(e.get("size", 9))
        self._string(float(e["x"]), float(e["y"]), value, self._font(e), size, str(e.get("align", "left")))
        if color:
            self.canvas.setFillColor(BLACK)

    def box(self, e: Mapping[str, Any], data: Data) -> None:
        c = self.canvas
        c.setLineWidth(float(e.get("width", 0.4)))
        x, y, w, h = float(e["x"]), float(e["y"]), float(e["w"]), float(e["h"])
        c.rect(x * mm, self._y(y + h), w * mm, h * mm, stroke=1, fill=0)
        label = e.get("label")
        if label:
            c.setFillColor(LABEL_GREY)
            size = float(e.get("label_size", LABEL_SIZE))
            self._string(x + 1, y + 1 + size * 0.3528, fill(str(label), data), GOTHIC, size, "left")
            c.setFillColor(BLACK)

    def field(self, e: Mapping[str, Any], data: Data) -> None:
        if e.get("border", True):
            self.box(e, data)
        value = "" if data.get(e["bind"]) is None else str(data.get(e["bind"]))
        if not value:
            return
        x, y, w, h = float(e["x"]), float(e["y"]), float(e["w"]), float(e["h"])
        font = self._font(e)
        size = float(e.get("size", 10))
        usable = (w - 3) * mm
        width = pdfmetrics.stringWidth(value, font, size)
        if width > usable:  # shrink to fit rather than spill out of the box
            size = max(5.0, size * usable / width)
        label_room = (LABEL_SIZE * 0.3528 + 1) if e.get("label") else 0
        baseline = y + label_room + (h - label_room) / 2 + size * 0.3528 * 0.38
        align = str(e.get("align", "left"))
        anchor = {"center": x + w / 2, "right": x + w - 1.5}.get(align, x + 1.5)
        self._string(anchor, baseline, value, font, size, align)

    def digits(self, e: Mapping[str, Any], data: Data) -> None:
        c = self.canvas
        cells = int(e["cells"])
        cell_w = float(e["cell_w"])
        x, y, h = float(e["x"]), float(e["y"]), float(e["h"])
        c.setLineWidth(float(e.get("width", 0.4)))
        for i in range(cells):
            c.rect((x + i * cell_w) * mm, self._y(y + h), cell_w * mm, h * mm, stroke=1, fill=0)
        value = "" if data.get(e["bind"]) is None else str(data.get(e["bind"]))
        if not value:
            return
        value = value[-cells:]
        start = cells - len(value) if e.get("align", "left") == "right" else 0
        size = float(e.get("size", 10))
        baseline = y + h / 2 + size * 0.3528 * 0.36
        font = self._font(e)
        c.setFont(font, size)
        widths = {pdfmetrics.stringWidth(char, font, size) for char in value}
        if len(widths) == 1:  # same-width characters (digits): one string, spaced a cell apart
            glyph = widths.pop()
            left = (x + start * cell_w) * mm + (cell_w * mm - glyph) / 2
            c.drawString(left, self._y(baseline), value, charSpace=cell_w * mm - glyph)
            return
        for i, char in enumerate(value):
            c.drawCentredString((x + (start + i + 0.5) * cell_w) * mm, self._y(baseline), char)

    def paragraph(self, e: Mapping[str, Any], data: Data) -> None:
        size = float(e.get("size", 8))
        leading = float(e.get("leading", size * 0.3528 * 1.5))
        for number, line in enumerate(e["lines"]):
            top = float(e["y"]) + number * leading
            self._string(float(e["x"]), top, fill(str(line), data), self._font(e), size, "left")

    def line(self, e: Mapping[str, Any], data: Data) -> None:
        self.canvas.setLineWidth(float(e.get("width", 0.4)))
        self.canvas.line(float(e["x1"]) * mm, self._y(float(e["y1"])), float(e["x2"]) * mm, self._y(float(e["y2"])))

    def list(self, e: Mapping[str, Any], data: Data) -> None:
        rows: list[Mapping[str, Any]] = list(data.get(e["bind"], []))
        per_page = int(e["max_rows"])
        start = int(data.get("_repeat", 0)) * per_page
        chunk = rows[start : start + per_page]
        x, y, row_h = float(e["x"]), float(e["y"]), float(e["row_h"])
        size = float(e.get("size", 8))
        columns = e["columns"]
        total_w = sum(float(col["w"]) for col in columns)
        c = self.canvas
        c.setLineWidth(0.3)
        for row_number in range(len(chunk) + 1):
            top = y + row_number * row_h
            c.rect(x * mm, self._y(top + row_h), total_w * mm, row_h * mm, stroke=1, fill=0)
            left = x
            for col in columns:
                cell = col["title"] if row_number == 0 else chunk[row_number - 1].get(col["key"], "")
                text = str(cell)
                self._string(left + 1.2, top + row_h / 2 + size * 0.3528 * 0.38, text, GOTHIC, size, "left")
                left += float(col["w"])


DRAW: dict[str, Callable[[PdfRenderer, Mapping[str, Any], Data], None]] = {
    "text": PdfRenderer.text,
    "box": PdfRenderer.box,
    "field": PdfRenderer.field,
    "digits": PdfRenderer.digits,
    "paragraph": PdfRenderer.paragraph,
    "line": PdfRenderer.line,
    "list": PdfRenderer.list,
}

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

from app.domain.errors import InvalidValue
from app.domain.limits import MIN_READABLE_PT
from app.render.layout import Layout, Page
from app.resources import FONT_GOTHIC, FONT_MINCHO, font_path

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"
FONTS = {"gothic": GOTHIC, "mincho": MINCHO}
LABEL_SIZE = 6.0
BLACK = HexColor("#000000")
LABEL_GREY = HexColor("#444444")
PT_MM = 25.4 / 72  # one point in millimetres
LINE_SPACING = 1.18  # wrapped lines: leading as a multiple of the size

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
        if e.get("color"):
            c.setStrokeColor(HexColor(str(e["color"])))
        c.rect(x * mm, self._y(y + h), w * mm, h * mm, stroke=1, fill=0)
        c.setStrokeColor(BLACK)
        label = e.get("label")
        if label:
            c.setFillColor(LABEL_GREY)
            size = float(e.get("label_size", LABEL_SIZE))
            self._string(x + 1, y + 1 + size * 0.3528, fill(str(label), data), GOTHIC, size, "left")
            c.setFillColor(BLACK)

    def field(self, e: Mapping[str, Any], data: Data) -> None:
        """A value in its box: shrinks, then wraps to at most `lines` lines (default 1), never below
        `min_size` (default MIN_READABLE_PT); a value that still does not fit is refused, never drawn
        outside the box."""
        if e.get("border", True):
            self.box(e, data)
        value = "" if data.get(e["bind"]) is None else str(data.get(e["bind"]))
        if not value:
            return
        x, y, w, h = float(e["x"]), float(e["y"]), float(e["w"]), float(e["h"])
        font = self._font(e)
        label_room = (float(e.get("label_size", LABEL_SIZE)) * PT_MM + 1) if e.get("label") else 0
        size, lines = fit_text(
            value,
            font,
            float(e.get("size", 10)),
            float(e.get("min_size", MIN_READABLE_PT)),
            w - 3,
            h - label_room - 0.6,
            int(e.get("lines", 1)),
        )
        if not lines:
            title = str(e.get("title") or fill(str(e.get("label", e["bind"])), data).split("　")[0])
            raise InvalidValue("forms.text_too_long", field=title, length=len(value))
        align = str(e.get("align", "left"))
        anchor = {"center": x + w / 2, "right": x + w - 1.5}.get(align, x + 1.5)
        leading = size * PT_MM * LINE_SPACING
        block = leading * (len(lines) - 1)
        middle = y + label_room + (h - label_room) / 2
        first = middle - block / 2 + size * PT_MM * 0.36
        for number, line in enumerate(lines):
            self._string(anchor, first + number * leading, line, font, size, align)

    def choices(self, e: Mapping[str, Any], data: Data) -> None:
        """Options printed side by side (銀行・信用金庫…, 本店・支店・出張所); the one in `bind` is circled."""
        c = self.canvas
        size = float(e.get("size", 7))
        gap = float(e.get("gap", 2.5))
        font = self._font(e)
        options = [str(o) for o in e["options"]]
        widths = [pdfmetrics.stringWidth(o, font, size) / mm for o in options]
        total = sum(widths) + gap * (len(options) - 1)
        left = float(e["x"]) - total if e.get("align") == "right" else float(e["x"])
        baseline = float(e["y"])
        chosen = str(data.get(e["bind"]) or "")
        for option, width in zip(options, widths, strict=True):
            self._string(left, baseline, option, font, size, "left")
            if option == chosen:
                c.setLineWidth(0.6)
                pad_x, pad_y = 1.1, 0.9
                top = baseline - size * PT_MM * 0.88 - pad_y
                height = size * PT_MM + 2 * pad_y
                c.ellipse(
                    (left - pad_x) * mm,
                    self._y(top + height),
                    (left + width + pad_x) * mm,
                    self._y(top),
                    stroke=1,
                    fill=0,
                )
            left += width + gap

    def textblock(self, e: Mapping[str, Any], data: Data) -> None:
        """Long text (the terms on the back) wrapped into `columns` columns inside x, y, w, h; a line that
        starts with "# " is a heading. The text is `text` (with placeholders) or the value of `bind`. Text that
        does not fit is refused, never cut."""
        text = fill(str(e["text"]), data) if "text" in e else str(data.get(str(e.get("bind")), "") or "")
        if not text:
            return
        size = float(e.get("size", 7))
        columns = int(e.get("columns", 1))
        gap = float(e.get("gap", 6))
        x, y, w, h = float(e["x"]), float(e["y"]), float(e["w"]), float(e["h"])
        col_w = (w - gap * (columns - 1)) / columns
        font = self._font(e)
        leading = size * PT_MM * 1.45
        rows: list[tuple[str, float]] = []
        paragraphs = text.splitlines()
        if "text" in e:  # a line whose only placeholder is empty (a note for another form type) is left out
            paragraphs = [line for line in paragraphs if line.strip()]
        for paragraph in paragraphs:
            heading = paragraph.startswith("# ")
            body = paragraph[2:] if heading else paragraph
            line_size = size + 1.5 if heading else size
            wrapped = wrap_text(body, font, line_size, col_w, indent=str(e.get("hang", "")))
            rows += [(line, line_size) for line in (wrapped or [""])]
        per_column = int(h // leading)
        if len(rows) > per_column * columns:
            title = str(e.get("title", "裏面の文章"))
            raise InvalidValue("forms.block_too_long", title=title, lines=len(rows), room=per_column * columns)
        for number, (line, line_size) in enumerate(rows):
            column, row = divmod(number, per_column)
            left = x + column * (col_w + gap)
            self._string(left, y + (row + 1) * leading - leading * 0.3, line, font, line_size, "left")

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

    def block(self, e: Mapping[str, Any], data: Data) -> None:
        """A bound text of several lines (a notice's body), each wrapped to `w` mm; at most `max_lines`."""
        value = data.get(e["bind"]) or ""
        text = "\n".join(value) if isinstance(value, list) else str(value)
        font = self._font(e)
        size = float(e.get("size", 10))
        leading = float(e.get("leading", size * 0.3528 * 1.6))
        width = float(e["w"]) * mm
        lines: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for char in paragraph:
                if current and pdfmetrics.stringWidth(current + char, font, size) > width:
                    lines.append(current)
                    current = ""
                current += char
            lines.append(current)
        for number, line in enumerate(lines[: int(e.get("max_lines", 60))]):
            if line:
                self._string(float(e["x"]), float(e["y"]) + number * leading, line, font, size, "left")

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


def wrap_text(text: str, font: str, size: float, width_mm: float, *, indent: str = "") -> list[str]:
    """Japanese text broken into lines that fit `width_mm` (anywhere between characters; no line starts
    with 、。）」 which stay on the line before). Continuation lines start with `indent` (a hanging indent)."""
    limit = width_mm * mm
    lines: list[str] = []
    current = ""
    for char in text:
        candidate = current + char
        if current.strip() and pdfmetrics.stringWidth(candidate, font, size) > limit and char not in "、。，．）」』":
            lines.append(current.rstrip())
            current = indent + char.lstrip() if lines else char
        else:
            current = candidate
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return [line for line in lines if line] if text else []


def fit_text(
    text: str, font: str, size: float, min_size: float, width_mm: float, height_mm: float, max_lines: int
) -> tuple[float, list[str]]:
    """The largest size from `size` down to `min_size` (half-point steps) at which `text` fits the width on at
    most `max_lines` lines and the lines fit the height; (min_size, []) when it does not fit at all."""
    current = size
    while current >= min_size - 1e-9:
        if pdfmetrics.stringWidth(text, font, current) <= width_mm * mm and current * PT_MM <= height_mm:
            return current, [text]
        if max_lines > 1:
            lines = wrap_text(text, font, current, width_mm)
            height = current * PT_MM * (1 + LINE_SPACING * (len(lines) - 1))
            if len(lines) <= max_lines and height <= height_mm:
                return current, lines
        current -= 0.5
    return min_size, []


DRAW: dict[str, Callable[[PdfRenderer, Mapping[str, Any], Data], None]] = {
    "text": PdfRenderer.text,
    "choices": PdfRenderer.choices,
    "textblock": PdfRenderer.textblock,
    "box": PdfRenderer.box,
    "field": PdfRenderer.field,
    "digits": PdfRenderer.digits,
    "paragraph": PdfRenderer.paragraph,
    "line": PdfRenderer.line,
    "list": PdfRenderer.list,
    "block": PdfRenderer.block,
}

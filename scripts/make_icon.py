"""Draws the program's icon with Qt (a blue tile, a request form, a yen coin) into resources/icons/.

The PNGs and the Windows .ico are committed; run this again only to change the drawing:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    # the tile
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f5fa8"))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    # the request form
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(50, 36, 124, 164), 10, 10)
    p.setPen(QPen(QColor("#9fb7d6"), 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (112, 136, 160):
        p.drawLine(72, y, 152, y)
    font = QFont(family)
    font.setPixelSize(62)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#1f5fa8"))
    p.drawText(QRectF(50, 40, 124, 72), Qt.AlignmentFlag.AlignCenter, "口振")
    # the yen coin, overlapping the form's corner
    p.setPen(QPen(QColor("white"), 8))
    p.setBrush(QColor("#f2a516"))
    p.drawEllipse(QRectF(128, 128, 96, 96))
    path = QPainterPath()
    path.moveTo(154, 150)
    path.lineTo(176, 178)
    path.lineTo(198, 150)
    path.moveTo(176, 178)
    path.lineTo(176, 206)
    path.moveTo(158, 180)
    path.lineTo(194, 180)
    path.moveTo(158, 193)
    path.lineTo(194, 193)
    p.setPen(QPen(QColor("white"), 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(images: list[QImage], target: Path) -> None:
    """A Windows .ico holding PNG images (Vista and later read these)."""
    blobs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    target.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    app = QGuiApplication(sys.argv)
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "ipaexg.ttf"))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    ICONS.mkdir(parents=True, exist_ok=True)
    images = [draw(size, family) for size in SIZES]
    for size, image in zip(SIZES, images, strict=True):
        if size in (16, 32, 48, 128, 256):
            (ICONS / f"kofuri-{size}.png").write_bytes(png_bytes(image))
    write_ico([image for image in images if image.width() in (16, 24, 32, 48, 64, 256)], ICONS / "kofuri.ico")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

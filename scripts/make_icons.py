"""Draw the app icon (a gold star on a red tile, 寻 on larger sizes) to resources/icons/.

Writes redtour.png (256 px), redtour-{16..256}.png and redtour.ico (PNG-compressed entries, Vista+).
Run again only when the design changes; the outputs are committed.

    QT_QPA_PLATFORM=offscreen python scripts/make_icons.py
"""

from __future__ import annotations

import math
import os
import struct
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPolygonF

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def star(cx: float, cy: float, r: float) -> QPolygonF:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return QPolygonF(points)


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    tile = QPainterPath()
    margin = size * 0.04
    tile.addRoundedRect(
        QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.18, size * 0.18
    )
    p.fillPath(tile, QColor("#c8102e"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffd34e"))
    if size >= 48:
        p.drawPolygon(star(size * 0.5, size * 0.33, size * 0.2))
        font = QFont("Noto Sans CJK SC")
        font.setPixelSize(int(size * 0.36))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#ffffff"))
        p.drawText(QRectF(0, size * 0.5, size, size * 0.45), Qt.AlignmentFlag.AlignCenter, "寻访")
    else:
        p.drawPolygon(star(size * 0.5, size * 0.54, size * 0.36))
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(buf.data())


def write_ico(path: Path, images: dict[int, bytes]) -> None:
    """ICONDIR + ICONDIRENTRY per size, each image stored as PNG (allowed since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in sorted(images.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    path.write_bytes(header + entries + blobs)


def main() -> None:
    _app = QGuiApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    images = {}
    for size in SIZES:
        data = png_bytes(draw(size))
        images[size] = data
        (OUT / f"redtour-{size}.png").write_bytes(data)
    (OUT / "redtour.png").write_bytes(images[256])
    write_ico(OUT / "redtour.ico", images)
    print(f"wrote {len(SIZES)} sizes to {OUT}")


if __name__ == "__main__":
    main()

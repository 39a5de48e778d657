"""Grab a QtWebEngine view only once it shows the frame the page reported as painted.

The page's "painted" report and its frame travel separately from Chromium to the widget, and on a busy PC the
report can arrive first: a grab then shows an older frame (seen: the map before its markers, text missing).
The page paints its top-left CSS pixel a colour chosen for each report (mapping/commands.py
``sentinel_colour``); a grab with that colour is that frame or a later one. The pixel is then painted over.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget


def grab_showing(widget: QWidget, colour: tuple[int, int, int], zoom: float = 1.0) -> QImage | None:
    """The widget's picture if it shows ``colour`` at the top left (the sentinel, ``zoom`` device pixels
    wide), with the sentinel replaced by the pixels beside it; None while the widget shows an older frame."""
    image = widget.grab().toImage()
    size = math.ceil(zoom) + 1  # the sentinel and its anti-aliased edge
    if image.width() <= 2 * size or image.height() <= size:
        return None
    pixel = image.pixelColor(0, 0)
    if (pixel.red(), pixel.green(), pixel.blue()) != colour:
        return None
    for y in range(size):
        for x in range(size):
            image.setPixelColor(x, y, image.pixelColor(x + size, y))
    return image.convertToFormat(QImage.Format.Format_RGB32)

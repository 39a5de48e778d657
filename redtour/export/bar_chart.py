"""Clustered bar charts (人数 and 人次) as PNG, drawn with Pillow for the Word report.

Why not matplotlib: on the office PCs' two cores its import and CJK text layout took longer than the whole
report's SQL (issue 16 wants the report over 1,000,000 visits in < 10 s), and it is a large dependency for
three bar charts. Chinese text uses the bundled font (resources/fonts/) or a system CJK font.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from redtour import paths

COLOURS = ((183, 28, 28), (240, 160, 75))  # 人数 red, 人次 orange
SERIES = ("人数", "人次")
#: (file, face index) tried in order when resources/fonts/ has no font: Noto CJK's .ttc holds SC at index 2.
SYSTEM_FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
)
FontType = ImageFont.FreeTypeFont | ImageFont.ImageFont


@functools.cache
def font_source() -> tuple[str, int] | None:
    folder = paths.resource("fonts")
    if folder.is_dir():
        files = sorted(f for f in folder.iterdir() if f.suffix.lower() in (".ttf", ".otf"))
        regular = [f for f in files if "regular" in f.name.lower()] or files
        if regular:
            return str(regular[0]), 0
    for file, index in SYSTEM_FONTS:
        if Path(file).is_file():
            return file, index
    return None


@functools.cache
def _font(size: int) -> FontType:
    source = font_source()
    if source is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(source[0], size, index=source[1])


def _nice_step(top: float, ticks: int = 5) -> float:
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))


def _fit(draw: ImageDraw.ImageDraw, text: str, font: FontType, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def bar_chart(
    labels: Sequence[str], values: Sequence[Sequence[int]], title: str, *, horizontal: bool, scale: int = 2
) -> bytes:
    """``values`` = (people, visits), one entry per label. PNG bytes, ``scale``× for print sharpness."""
    n = len(labels)
    s = scale
    width = 800 * s
    height = (max(260, 36 * n + 110) if horizontal else 440) * s
    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    f_title, f_text = _font(20 * s), _font(15 * s)
    d.text((width // 2, 10 * s), title, fill="black", font=f_title, anchor="ma")
    x = width - 20 * s  # legend, right to left
    for name, colour in reversed(list(zip(SERIES, COLOURS, strict=True))):
        x -= int(d.textlength(name, font=f_text))
        d.text((x, 46 * s), name, fill="black", font=f_text, anchor="lm")
        x -= 20 * s
        d.rectangle((x, 39 * s, x + 14 * s, 53 * s), fill=colour)
        x -= 18 * s
    top_value = max((max(v) for v in zip(*values, strict=True)), default=0) if n else 0
    step = _nice_step(top_value)
    axis_max = step * max(1, math.ceil(top_value / step))
    if horizontal:
        left, right, top, bottom = 250 * s, width - 30 * s, 70 * s, height - 36 * s
    else:
        left, right, top, bottom = 60 * s, width - 20 * s, 70 * s, height - 80 * s
    grid = (225, 225, 225)
    k = 0.0
    while k <= axis_max + 1e-9:  # gridlines and value ticks
        if horizontal:
            gx = left + round((right - left) * k / axis_max)
            d.line((gx, top, gx, bottom), fill=grid, width=s)
            d.text((gx, bottom + 6 * s), f"{k:g}", fill="black", font=f_text, anchor="ma")
        else:
            gy = bottom - round((bottom - top) * k / axis_max)
            d.line((left, gy, right, gy), fill=grid, width=s)
            d.text((left - 6 * s, gy), f"{k:g}", fill="black", font=f_text, anchor="rm")
        k += step
    if n:
        band = ((bottom - top) if horizontal else (right - left)) / n
        bar = band * 0.36
        for i, label in enumerate(labels):
            centre = (top if horizontal else left) + band * (i + 0.5)
            for j, colour in enumerate(COLOURS):
                v = values[i][j]
                a = centre - bar + j * bar
                if horizontal:
                    length = (right - left) * v / axis_max
                    d.rectangle(
                        (left, round(a), left + max(round(length), 1), round(a + bar) - 1), fill=colour
                    )
                else:
                    length = (bottom - top) * v / axis_max
                    d.rectangle(
                        (round(a), bottom - max(round(length), 1), round(a + bar) - 1, bottom), fill=colour
                    )
            if horizontal:
                d.text(
                    (left - 8 * s, round(centre)),
                    _fit(d, label, f_text, left - 16 * s),
                    fill="black",
                    font=f_text,
                    anchor="rm",
                )
            else:
                text = _fit(d, label, f_text, max(int(band * 1.6), 40 * s))
                if n > 8:  # slanted labels: drawn on their own layer and rotated
                    w = int(d.textlength(text, font=f_text)) + 4 * s
                    layer = Image.new("RGBA", (w, 22 * s), (255, 255, 255, 0))
                    ImageDraw.Draw(layer).text((0, 0), text, fill="black", font=f_text)
                    rotated = layer.rotate(35, expand=True)
                    img.paste(rotated, (round(centre) - rotated.width + 6 * s, bottom + 6 * s), rotated)
                else:
                    d.text((round(centre), bottom + 8 * s), text, fill="black", font=f_text, anchor="ma")
    d.line((left, top, left, bottom), fill="black", width=s)
    d.line((left, bottom, right, bottom), fill="black", width=s)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue()

"""Plain-text tables that line up in a terminal even with Chinese (double-width) characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 40) -> str:
    def cell(v: object) -> str:
        s = "" if v is None else str(v).replace("\n", " ")
        while display_width(s) > max_width:
            s = s[:-2] + "…"
        return s

    grid = [[cell(h) for h in headers], *[[cell(v) for v in r] for r in rows]]
    widths = [max(display_width(r[i]) for r in grid) for i in range(len(headers))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in grid]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)

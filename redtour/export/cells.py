"""Cells for spreadsheets: nothing a spreadsheet could evaluate, no control characters, within Excel's limits.

Rules in docs/reliability.md §2.1 (OWASP CSV injection, ASVS 1.2.10): a text cell that starts with
= + - @ tab or CR (full-width forms too) gets a leading apostrophe in CSV (a quote-prefix style in xlsx);
C0/C1 control characters (NUL included) are removed; a cell is cut to Excel's 32,767 characters with a note.
Applied to every column, identifiers included: a hostile exchange package can put anything anywhere.
"""

from __future__ import annotations

RISKY_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_RISKY_FIRST = frozenset(c[0] for c in RISKY_START)
EXCEL_CELL_LIMIT = 32_767  # characters per cell (Excel specifications and limits)
TRUNCATED = "…（内容过长，已截断）"
# Tab, CR and LF become spaces (a cell is one line); every other control character goes.
_CONTROLS: dict[int, str | None] = {c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF)}
_CONTROLS.update({0x09: " ", 0x0A: " ", 0x0D: " "})


def csv_row(cells: list[object]) -> list[object]:
    """A whole CSV row through :func:`csv_cell`, with a fast path: C-level checks over the row tell that
    nothing needs changing (the common case), so a million-row export does not pay 13 calls per row."""
    texts = [c if c.__class__ is str else "" for c in cells]
    line = "".join(texts)
    firsts = {t[:1] for t in texts}
    if line.isprintable() and len(line) <= EXCEL_CELL_LIMIT and not (firsts & _RISKY_FIRST):
        return cells
    return [csv_cell(c) for c in cells]


def clean_cell(text: str) -> str:
    """Control characters removed and the length cut to Excel's limit (with a note saying so)."""
    if not text.isprintable():  # cheap test first: most cells have nothing to clean
        text = text.translate(_CONTROLS)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - len(TRUNCATED)] + TRUNCATED
    return text


def is_risky(text: str) -> bool:
    return text[:1] in _RISKY_FIRST


def csv_cell(value: object) -> object:
    """One CSV cell: text cleaned and defused; numbers pass (a CSV reader shows -5 as a number)."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = clean_cell(str(value))
    return "'" + text if text[:1] in _RISKY_FIRST else text

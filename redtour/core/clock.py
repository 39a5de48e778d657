"""Clock times as minutes since midnight (the solver's unit) and back, and their HH:MM text."""

from __future__ import annotations

from datetime import time


def minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def clock(m: int) -> time:
    """The time of day ``m`` minutes after midnight, kept within the day."""
    m = max(0, min(m, 24 * 60 - 1))
    return time(m // 60, m % 60)


def hm(t: time) -> str:
    return f"{t:%H:%M}"

"""Where each catalogue fact comes from and how old it is, and what staff confirmed.

Two different dates, never mixed up:

* 资料时间 (``FactInfo.as_of``): when the fact was last known true according to its sources: the research's
  "as of" for the fact, else the date of its newest dated source. Kept as the research's own text
  ("2019–2022", "2021-06-17", "n.d.") because sources are often dated only to a year or not at all.
* 核对 (``StaffCheck``): a confirmation by staff (who, when, how), recorded in the app, with or without a
  change of the value. Nothing else is called 核对.

The day the catalogue was compiled (``Venue.compiled``) is neither: it is when the sources were collected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

#: Facts that carry their own provenance in the catalogue source (``[facts.<name>]`` tables).
DATED_FACTS: tuple[str, ...] = (
    "address", "district", "location", "hours", "reservation", "phone", "fee", "capacity", "history",
    "status_note",
)  # fmt: skip

#: How staff confirmed a fact; free text is allowed too.
CHECK_METHODS: tuple[str, ...] = ("电话核实", "现场核实", "官方公众号", "官方网站", "其他")

NO_DATE = "n.d."


@dataclass(frozen=True)
class FactInfo:
    """Provenance of one catalogue fact."""

    sources: tuple[str, ...] = ()  # refs into Venue.sources
    as_of: str = ""  # 资料时间; "" when the research gives nothing, "n.d." when its sources are undated
    confidence: str = ""  # high | medium | low | none
    inferred: bool = False  # the research inferred it (e.g. a district from the street), no source states it
    note: str = ""

    @property
    def as_of_text(self) -> str:
        """资料时间 for display: undated stays visibly undated."""
        if not self.as_of or self.as_of.startswith(NO_DATE):
            return "日期不详" + (f"（{self.as_of}）" if self.as_of.startswith(NO_DATE + " ") else "")
        return self.as_of


@dataclass(frozen=True)
class StaffCheck:
    """A confirmation or correction of one fact by staff."""

    checked: date | None
    by: str = ""
    how: str = ""
    note: str = ""
    changed: bool = True  # False: staff confirmed the catalogue's value without changing it

    def text(self) -> str:
        """E.g. ``2026-12-01 电话核实（王老师）``: the 核对 line shown to users."""
        when = self.checked.isoformat() if self.checked else "日期未填"
        parts = [when]
        if self.how:
            parts.append(self.how)
        line = " ".join(parts)
        if self.by:
            line += f"（{self.by}）"
        return line


def fact_info_from_dict(d: Mapping[str, Any] | None) -> FactInfo:
    d = d or {}
    return FactInfo(
        sources=tuple(str(s) for s in d.get("sources", ())),
        as_of=str(d.get("as_of", "")),
        confidence=str(d.get("confidence", "")),
        inferred=bool(d.get("inferred", False)),
        note=str(d.get("note", "")),
    )


def fact_info_to_dict(info: FactInfo) -> dict[str, Any]:
    out: dict[str, Any] = {"sources": list(info.sources)}
    for key in ("as_of", "confidence", "note"):
        if getattr(info, key):
            out[key] = getattr(info, key)
    if info.inferred:
        out["inferred"] = True
    return out


def facts_from_dict(d: Mapping[str, Any] | None) -> dict[str, FactInfo]:
    """The ``[facts]`` table; unknown fact names are refused so typos do not vanish silently."""
    out = {}
    for name, value in (d or {}).items():
        if name not in DATED_FACTS:
            raise ValueError(f"unknown fact {name!r} in [facts]")
        out[name] = fact_info_from_dict(value)
    return out


def facts_to_dict(facts: Mapping[str, FactInfo]) -> dict[str, Any]:
    return {name: fact_info_to_dict(info) for name, info in facts.items()}


def staff_checks_to_dict(checks: Mapping[str, StaffCheck]) -> dict[str, Any]:
    """The JSON form of staff checks (``redtour sites --format json``), by fact."""
    return {
        fact: {
            "checked": c.checked.isoformat() if c.checked else None,
            "by": c.by,
            "how": c.how,
            "note": c.note,
            "changed": c.changed,
        }
        for fact, c in sorted(checks.items())
    }

"""Venue capacity for campaigns: what staff confirmed, what a cited source says, else 待核实 with a default.

Every fact carries where it came from, so the app can show "一次一个团队（默认，待核实）" instead of a bare
number. Defaults are cautious (one group inside at a time) and visible; nothing here is guessed.
Sources are listed in docs/campaign-capacity.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from redtour.core.catalogue import UNKNOWN_ZH, Venue

#: fact → (Chinese label, unit)
FACTS: dict[str, tuple[str, str]] = {
    "max_group": ("每团最多人数", "人"),
    "concurrent": ("同时在馆团队数", "个"),
    "per_day": ("每日团队数上限", "个"),
    "lead_days": ("提前预约天数", "天"),
    "tour_minutes": ("讲解/参观时长", "分钟"),
    "slot_minutes": ("预约时段间隔", "分钟"),
    "arrive_early": ("提前到达", "分钟"),
    "real_name": ("需实名名单", ""),
}
#: Scheduled with this when nobody has confirmed the venue's figure (issue 13: one group at a time).
DEFAULT_CONCURRENT = 1
DEFAULT_TOUR_MINUTES = 60  # the day planner's default visit length (core.planner.DEFAULT_VISIT_MIN)

Origin = Literal["staff", "source", "catalogue", "default", "unknown"]
ORIGIN_ZH = {
    "staff": "工作人员核实",
    "source": "资料",
    "catalogue": "场馆目录",
    "default": "默认",
    "unknown": "",
}


@dataclass(frozen=True)
class CapacityFact:
    value: int | None
    origin: Origin
    checked: date | None = None
    said_by: str = ""
    note: str = ""

    @property
    def unverified(self) -> bool:
        return self.origin in ("default", "unknown")


@dataclass(frozen=True)
class SeedFact:
    """A capacity fact from a cited public source (docs/campaign-capacity.md), shown until staff confirm."""

    venue_id: str
    fact: str
    value: int
    source: str
    note: str


SEEDS: tuple[SeedFact, ...] = (
    SeedFact(
        "shujibu",
        "concurrent",
        1,
        "https://freewechat.com/a/MzIyMzEzMTc1NQ==/2650268956/1",
        "陈列馆约179平方米，实际一次只能接待一个团队",
    ),
)


@dataclass(frozen=True)
class VenueCapacityInfo:
    venue_id: str
    name_zh: str
    facts: Mapping[str, CapacityFact] = field(default_factory=dict)

    def value(self, fact: str) -> int | None:
        return self.facts[fact].value

    @property
    def unverified(self) -> tuple[str, ...]:
        return tuple(
            f for f in ("max_group", "concurrent", "per_day", "lead_days") if self.facts[f].unverified
        )

    def describe(self, fact: str) -> str:
        f = self.facts[fact]
        label, unit = FACTS[fact]
        if f.value is None:
            return f"{label}：{UNKNOWN_ZH}"
        shown = ("是" if f.value else "否") if fact == "real_name" else f"{f.value}{unit}"
        extra = [ORIGIN_ZH[f.origin]] if f.origin != "staff" else []
        if f.unverified:
            extra.append(UNKNOWN_ZH)
        if f.checked:
            extra.append(f"{f.checked:%Y-%m-%d}核实")
        if f.said_by:
            extra.append(f.said_by)
        if f.note:
            extra.append(f.note)
        return f"{label}：{shown}" + (f"（{'，'.join(extra)}）" if extra else "")


@dataclass(frozen=True)
class StaffFact:
    fact: str
    value: int
    checked: date | None
    said_by: str
    note: str


def capacity_of(venue: Venue, staff: Iterable[StaffFact] = ()) -> VenueCapacityInfo:
    """Staff facts first, then a cited seed, then the catalogue, then the cautious default or 待核实."""
    facts: dict[str, CapacityFact] = {}
    for seed in SEEDS:
        if seed.venue_id == venue.id:
            facts[seed.fact] = CapacityFact(seed.value, "source", note=f"{seed.note}；{seed.source}")
    for s in staff:
        facts[s.fact] = CapacityFact(s.value, "staff", s.checked, s.said_by, s.note)
    catalogue = {
        "max_group": venue.max_group_size,
        "lead_days": venue.reservation.lead_days if venue.reservation else None,
        "tour_minutes": venue.visit_minutes,
        "real_name": None,
    }
    for fact in FACTS:
        if fact in facts:
            continue
        known = catalogue.get(fact)
        if known is not None:
            facts[fact] = CapacityFact(known, "catalogue")
        elif fact == "concurrent":
            facts[fact] = CapacityFact(DEFAULT_CONCURRENT, "default", note="未核实，按一次一个团队安排")
        elif fact == "tour_minutes":
            facts[fact] = CapacityFact(DEFAULT_TOUR_MINUTES, "default")
        else:
            facts[fact] = CapacityFact(None, "unknown")
    return VenueCapacityInfo(venue.id, venue.name_zh, facts)


def check_value(fact: str, value: int) -> int:
    if fact not in FACTS:
        raise ValueError(f"未知的容量项：{fact}")
    label = FACTS[fact][0]
    low = 0 if fact in ("lead_days", "arrive_early", "real_name") else 1
    high = {"real_name": 1, "lead_days": 90, "arrive_early": 120}.get(fact, 10_000)
    if not low <= value <= high:
        raise ValueError(f"{label}应在 {low}–{high} 之间，而不是 {value}")
    return value

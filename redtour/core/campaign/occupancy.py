"""Who is inside each venue when, and the step from chosen variants to a ScheduleResult with reasons.

Shared by the greedy baseline (which fills it group by group) and the CP-SAT solver (which reads its answer
into it, then asks it why the groups left out could not go: "湖州会馆 12月9日至12月13日 已满").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from redtour.core.campaign.candidates import Part, Prepared, Variant, earliest_times, runs
from redtour.core.campaign.model import (
    Assignment,
    Pin,
    ScheduleResult,
    StopTime,
    Unscheduled,
    VenueCapacity,
)
from redtour.core.campaign.rules import walk_times
from redtour.core.catalogue import Venue
from redtour.core.tsptw import LunchRule


@dataclass(frozen=True)
class Timed:
    """A part's chosen variant with its tour starts (minutes) and lunch start."""

    variant: Variant
    starts: tuple[int, ...]
    lunch_start: int | None


def clock(m: int) -> time:
    m = max(0, min(m, 24 * 60 - 1))
    return time(m // 60, m % 60)


def minutes(t: time) -> int:
    return t.hour * 60 + t.minute


class Occupancy:
    def __init__(self, caps: Mapping[str, VenueCapacity]) -> None:
        self.caps = caps
        self.spans: dict[tuple[str, date], list[tuple[int, int, str]]] = defaultdict(list)
        self.starts: dict[tuple[str, date], set[int]] = defaultdict(set)

    def fits(self, venue: str, day: date, start: int, tour: int, early: int, group: str) -> bool:
        cap = self.caps[venue]
        spans = self.spans[(venue, day)]
        if cap.daily_cap is not None and len(spans) >= cap.daily_cap:
            return False
        if cap.slot_minutes and start in self.starts[(venue, day)]:
            return False
        a, b = start - early, start + tour
        inside = [(x, y) for x, y, g in spans if x < b and a < y]
        if any(g == group and x < b and a < y for x, y, g in spans):
            return False  # two sub-groups of one group never share a venue at once
        if len(inside) < cap.concurrent:
            return True
        # the most groups inside at once within [a, b): check at each entry time
        points = [a] + [x for x, _y in inside if x > a]
        return all(sum(1 for x, y in inside if x <= p < y) < cap.concurrent for p in points)

    def add(self, venue: str, day: date, start: int, tour: int, early: int, group: str) -> None:
        self.spans[(venue, day)].append((start - early, start + tour, group))
        self.starts[(venue, day)].add(start)

    def remove_timed(self, t: Timed, group: str) -> None:
        for s, x in zip(t.variant.stops, t.starts, strict=True):
            self.spans[(s.venue_id, t.variant.day)].remove((x - s.early, x + s.tour, group))
            self.starts[(s.venue_id, t.variant.day)].discard(x)

    def place(self, v: Variant, lunch: LunchRule, group: str) -> Timed | None:
        """The earliest timing of ``v`` that fits beside what is already placed."""
        timed = earliest_times(v, lunch, lambda s, x: self.fits(s.venue_id, v.day, x, s.tour, s.early, group))
        return None if timed is None else Timed(v, tuple(timed[0]), timed[1])

    def add_timed(self, t: Timed, group: str) -> None:
        for s, x in zip(t.variant.stops, t.starts, strict=True):
            self.add(s.venue_id, t.variant.day, x, s.tour, s.early, group)

    def add_pin(self, pin: Pin, prepared: Prepared) -> None:
        for s in pin.stops:
            cap = prepared.capacities.get(s.venue_id)
            early = cap.arrive_early if cap else 0
            a, b = minutes(s.arrive), minutes(s.depart)
            self.spans[(s.venue_id, pin.day)].append((a, b, pin.group_id))
            self.starts[(s.venue_id, pin.day)].add(a + early)

    def full_days(self, part: Part) -> dict[str, list[date]]:
        """Per must-visit venue, the part's candidate days on which no start of its own grid fits."""
        full: dict[str, list[date]] = defaultdict(list)
        seen: set[tuple[str, date]] = set()
        for v in part.variants:
            for s in v.stops:
                if (s.venue_id, v.day) in seen or s.venue_id not in part.request.must:
                    continue
                seen.add((s.venue_id, v.day))
                if not any(self.fits(s.venue_id, v.day, x, s.tour, s.early, "") for x in s.starts):
                    full[s.venue_id].append(v.day)
        return full


def chain_ok(v: Variant, starts: Sequence[int], lunch: LunchRule) -> int | None:
    """The lunch start (or -1 without lunch) when these tour starts keep the day's travel, lunch and
    return rules; None when they do not."""
    timed = walk_times(
        v, lunch, lambda k, s, need: starts[k] if starts[k] >= need and starts[k] in s.starts else None
    )
    if timed is None:
        return None
    return -1 if timed[1] is None else timed[1]


def build_result(
    prepared: Prepared,
    chosen: Mapping[tuple[str, int], Timed],
    venues: Mapping[str, Venue],
    *,
    optimal: bool,
    gap: float | None,
    bound: float | None,
    objective: float | None,
    previous: Sequence[Assignment] | None = None,
    stats: Mapping[str, Any] | None = None,
    timed_out: bool = False,
) -> ScheduleResult:
    occupancy = Occupancy(prepared.capacities)
    assignments: list[Assignment] = []
    lunch = prepared.lunch
    for part in prepared.parts:
        if part.pin is not None:
            occupancy.add_pin(part.pin, prepared)
            assignments.append(
                Assignment(part.request.group_id, part.index, part.parts, part.people, part.pin.day,
                           part.pin.stops, pinned=True)
            )  # fmt: skip
            continue
        t = chosen.get(part.key)
        if t is None:
            continue
        occupancy.add_timed(t, part.request.group_id)
        v = t.variant
        stops = tuple(
            StopTime(s.venue_id, clock(x - s.early), clock(x + s.tour))
            for s, x in zip(v.stops, t.starts, strict=True)
        )
        meal = None if t.lunch_start is None else (clock(t.lunch_start), clock(t.lunch_start + lunch.minutes))
        assignments.append(
            Assignment(part.request.group_id, part.index, part.parts, part.people, v.day, stops, v.travel, meal,
                       v.missing_must)
        )  # fmt: skip
    placed = {a.group_id for a in assignments}
    unscheduled: list[Unscheduled] = []
    names = {vid: v.name_zh for vid, v in venues.items()}
    seen: set[str] = set()
    requests = prepared.requests
    for gid, reasons in prepared.reasons.items():
        unscheduled.append(Unscheduled(gid, requests[gid].name, tuple(reasons)))
    for part in prepared.parts:
        gid = part.request.group_id
        if gid in placed or gid in seen:
            continue
        seen.add(gid)
        full = occupancy.full_days(part)
        reasons = [f"{names[v]} {runs(days)} 已满" for v, days in full.items()]
        if not reasons:
            reasons.append(
                "在计算时限内未能安排（可延长计算时间）"
                if timed_out
                else "各候选日期的空闲时段无法与行程衔接（与其他团队冲突）"
            )
        unscheduled.append(Unscheduled(gid, part.request.name, tuple(reasons)))
    moved = _moved(assignments, previous)
    notes = list(prepared.notes)
    for a in assignments:
        if a.missing_must and a.part == 0:
            left = "、".join(names.get(v, v) for v in a.missing_must)
            notes.append(f"团队“{requests[a.group_id].name}” 未能安排必去场馆：{left}")
    return ScheduleResult(
        optimal=optimal,
        gap=gap,
        bound=bound,
        objective=objective,
        assignments=tuple(assignments),
        unscheduled=tuple(unscheduled),
        moved=moved,
        notes=tuple(notes),
        stats=dict(stats or {}),
        requests=requests,
        venue_names=names,
    )


def same_place(a: Assignment, b: Assignment) -> bool:
    return a.day == b.day and a.stops == b.stops


def _moved(assignments: Sequence[Assignment], previous: Sequence[Assignment] | None) -> tuple[str, ...]:
    if not previous:
        return ()
    now = {(a.group_id, a.part): a for a in assignments}
    moved = []
    for p in previous:
        a = now.get((p.group_id, p.part))
        if a is not None and not same_place(a, p) and p.group_id not in moved:
            moved.append(p.group_id)
    return tuple(moved)

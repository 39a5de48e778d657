"""The CP-SAT model of a campaign (see solver.py for the objective and docs/campaign-scheduler.md).

One Boolean per offered route (``Variant``), a start variable per stop on the venue's start grid, an optional
interval per stop from arrival to the tour's end, NoOverlap/Cumulative per venue and day, caps per day and per
slot, sub-groups kept together, and redundant cuts for a tighter bound.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ortools.sat.python import cp_model

from redtour.core.campaign.candidates import Part, Prepared, StopSpec, Variant, earliest_times
from redtour.core.campaign.greedy import match
from redtour.core.campaign.model import Assignment, VenueCapacity
from redtour.core.campaign.occupancy import minutes

WORKERS = 2  # the target machines have two cores
FAIR_SCALE = 100  # fairness shortfalls are in percent


@dataclass(frozen=True)
class Visit:
    interval: Any
    start: Any  # the tour start (a variable, or an int for a pin)
    group: str
    present: Any  # the variant's literal, or True for a pin
    size: int
    lo: int  # earliest arrival and latest end possible
    hi: int
    spec: StopSpec | None = None  # the venue's start grid that day (None for a pin)
    owner: tuple[str, int] = ("", 0)  # the (sub-)group


class CampaignModel:
    """The CP-SAT model and the variables needed to read the answer back."""

    def __init__(self, prepared: Prepared, *, improved: bool) -> None:
        self.m = cp_model.CpModel()
        self.prepared = prepared
        self.improved = improved
        self.choice: dict[tuple[str, int], list[tuple[Variant, Any, list[Any], Any]]] = {}
        self.on: dict[tuple[str, int], Any] = {}
        self.kept: dict[tuple[str, int], Any] = {}
        self.fair: tuple[Any, Any, dict[str, list[Part]]] | None = None
        self._steps: dict[int, int] = {}
        self.grid: dict[
            int, tuple[Any, int, int, int]
        ] = {}  # id(start expr) → step var, base, step, earliest k
        self._domains: dict[tuple[int, tuple[int, int] | None], tuple[int, int, Any, int, int]] = {}
        self.visits: dict[tuple[str, date], list[Visit]] = defaultdict(list)
        self._build()

    def _build(self) -> None:
        m, p = self.m, self.prepared
        for part in p.parts:
            if part.pin is not None:
                for s in part.pin.stops:
                    a, b = minutes(s.arrive), minutes(s.depart)
                    cap = p.capacities.get(s.venue_id)
                    early = cap.arrive_early if cap else 0
                    iv = m.new_fixed_size_interval_var(a, b - a, "pin")
                    visit = Visit(iv, a + early, part.request.group_id, True, b - a, a, b)
                    self.visits[(s.venue_id, part.pin.day)].append(visit)
                continue
            options = []
            for n, v in enumerate(part.variants):
                lit = m.new_bool_var(f"x{part.key}{n}")
                starts, lunch = self._route(v, lit, part.key)
                options.append((v, lit, starts, lunch))
            self.choice[part.key] = options
            on = m.new_bool_var(f"on{part.key}")
            m.add(sum(o[1] for o in options) == on)
            self.on[part.key] = on
        self._groups()
        self._venues()

    def _domain(self, s: StopSpec, bound: tuple[int, int] | None) -> tuple[int, int, Any, int, int]:
        """Grid step, base, the step variable's domain and the start range (within ``bound`` if given)."""
        key = (id(s), bound)
        got = self._domains.get(key)
        if got is None:
            values = [x for x in s.starts if bound is None or bound[0] <= x <= bound[1]] or [s.starts[0]]
            step = self._steps.get(id(s))
            if step is None:
                step = self._steps[id(s)] = math.gcd(*(x - s.starts[0] for x in s.starts)) or 1
            base = s.starts[0]
            domain = cp_model.Domain.from_values([(x - base) // step for x in values])
            got = self._domains[key] = (step, base, domain, values[0], values[-1])
        return got

    def _bounds(self, v: Variant) -> list[tuple[int, int]] | None:
        """Earliest starts (forward pass, with lunch) and latest starts (backward pass from the return time,
        lunch ignored so it stays a safe bound): the domain precompute."""
        timed = earliest_times(v, self.prepared.lunch)
        if timed is None:
            return None
        out: list[tuple[int, int]] = []
        due = v.return_by - v.legs[-1]
        for k in range(len(v.stops) - 1, -1, -1):
            s = v.stops[k]
            latest = max((x for x in s.starts if x + s.tour <= due), default=timed[0][k])
            out.append((timed[0][k], max(latest, timed[0][k])))
            due = latest - s.early - v.legs[k]
        return out[::-1]

    def _route(self, v: Variant, b: Any, owner: tuple[str, int]) -> tuple[list[Any], Any]:
        m, lunch = self.m, self.prepared.lunch
        bounds = self._bounds(v) if self.improved else None
        starts = []
        ls = None
        ready: Any = v.start_time
        for k in range(len(v.stops) + 1):
            if v.lunch_after == k:
                ls = m.new_int_var(lunch.earliest, lunch.latest_end - lunch.minutes, "l")
                m.add(ls >= ready).only_enforce_if(b)
                ready = ls + lunch.minutes
            if k == len(v.stops):
                break
            s = v.stops[k]
            step, base, domain, lo, hi = self._domain(s, bounds[k] if bounds else None)
            k_var = m.new_int_var_from_domain(domain, "k")  # steps on the start grid: contiguous domains
            x = base + step * k_var
            self.grid[id(x)] = (k_var, base, step, (lo - base) // step)
            m.add(x - s.early >= ready + v.legs[k]).only_enforce_if(b)
            iv = m.new_optional_fixed_size_interval_var(x - s.early, s.early + s.tour, b, "v")
            self.visits[(s.venue_id, v.day)].append(
                Visit(iv, x, owner[0], b, s.early + s.tour, lo - s.early, hi + s.tour, s, owner)
            )
            starts.append(x)
            ready = x + s.tour
        m.add(ready + v.legs[-1] <= v.return_by).only_enforce_if(b)
        return starts, ls

    def _groups(self) -> None:
        """Sub-groups of one group: all on the same day, all or none."""
        by_group: dict[str, list[Part]] = defaultdict(list)
        for part in self.prepared.parts:
            by_group[part.request.group_id].append(part)
        for parts in by_group.values():
            free = [p for p in parts if p.pin is None]
            if len(parts) < 2 or not free:
                continue
            pin_days = {p.pin.day for p in parts if p.pin}
            days = sorted({v.day for v in free[0].variants})
            first = free[0]
            for other in free[1:]:
                self.m.add(self.on[other.key] == self.on[first.key])
            for day in days:
                base = sum(b for v, b, _s, _k in self.choice[first.key] if v.day == day)
                for other in free[1:]:
                    self.m.add(sum(b for v, b, _s, _k in self.choice[other.key] if v.day == day) == base)
            if pin_days:
                for part in free:
                    self.m.add(self.on[part.key] == 1)

    def _venues(self) -> None:
        m, caps = self.m, self.prepared.capacities
        for (vid, _day), visits in self.visits.items():
            cap = caps[vid]
            intervals = [v.interval for v in visits]
            if len(visits) < 2:
                pass
            elif cap.concurrent <= 1:
                m.add_no_overlap(intervals)
            else:
                m.add_cumulative(intervals, [1] * len(intervals), cap.concurrent)
                groups: dict[str, list[Any]] = defaultdict(list)
                for v in visits:
                    groups[v.group].append(v.interval)
                for ivs in groups.values():
                    if len(ivs) > 1:
                        m.add_no_overlap(ivs)
            if cap.slot_minutes and len(visits) > 1:
                slots = [
                    m.new_fixed_size_interval_var(v.start, 1, "slot")
                    if v.present is True
                    else m.new_optional_fixed_size_interval_var(v.start, 1, v.present, "slot")
                    for v in visits
                ]
                m.add_no_overlap(slots)
            if cap.daily_cap is not None:
                m.add(sum(1 if v.present is True else v.present for v in visits) <= cap.daily_cap)
            if self.improved and len(visits) > 1:
                self._energy(vid, visits)

    def _energy(self, vid: str, visits: list[Visit]) -> None:
        """Redundant cuts for a tighter bound: the visits' minutes fit in the usable minutes × concurrent, and
        their number is at most what the start grid can hold (all tours at a venue have the same length, so
        packing them earliest-first gives the most that fit one after another)."""
        cap = self.prepared.capacities[vid]
        first = min(v.lo for v in visits)
        last = max(v.hi for v in visits)
        fixed = sum(v.size for v in visits if v.present is True)
        free = [v for v in visits if v.present is not True]
        if not free:
            return
        if sum(v.size for v in visits) > cap.concurrent * (last - first):
            self.m.add(sum(v.size * v.present for v in free) + fixed <= cap.concurrent * (last - first))
        spec = free[0].spec
        assert spec is not None
        most = self._pack(spec, cap, first, last)
        pinned = sum(1 for v in visits if v.present is True)
        if len(visits) > most:
            self.m.add(sum(v.present for v in free) + pinned <= most)

    @staticmethod
    def _pack(spec: StopSpec, cap: VenueCapacity, a: int, b: int) -> int:
        """The most tours that fit within [a, b): packed earliest-first on the start grid (exact for one group
        at a time, since all tours at a venue have the same length), × concurrent, within the daily caps."""
        count, free_from, values = 0, a, 0
        for x in spec.starts:
            if x - spec.early >= a and x + spec.tour <= b:
                values += 1
                if x - spec.early >= free_from:
                    count, free_from = count + 1, x + spec.tour
        most = count * cap.concurrent
        if cap.slot_minutes:
            most = min(most, values)
        return min(most, cap.daily_cap) if cap.daily_cap is not None else most

    # -- objective (see the module docstring) -------------------------------------------------------------
    def stage1(self, previous: Sequence[Assignment] | None) -> Any:
        m, parts = self.m, [p for p in self.prepared.parts if p.pin is None]
        before = {(a.group_id, a.part): a for a in previous or ()}
        moved: list[Any] = []
        for part in parts:
            a = before.get(part.key)
            if a is None:
                continue
            t = match(part, a, self.prepared)
            if t is None:
                moved.append(1)
                continue
            kept = m.new_bool_var("kept")
            lit = next(b for v, b, _s, _l in self.choice[part.key] if v is t.variant)
            starts = next(s for v, _b, s, _l in self.choice[part.key] if v is t.variant)
            m.add_implication(kept, lit)
            for x, val in zip(starts, t.starts, strict=True):
                m.add(x == val).only_enforce_if(kept)
            self.kept[part.key] = kept
            moved.append(1 - kept)
        missing = [
            len(v.missing_must) * b for p in parts for v, b, _s, _l in self.choice[p.key] if v.missing_must
        ]
        most_missing = sum(max((len(v.missing_must) for v in p.variants), default=0) for p in parts)
        wm, wv = most_missing + 1, len(moved) + 1
        people = sum(p.people * self.on[p.key] for p in parts)
        return people * (wv * wm) - sum(moved) * wm - sum(missing)

    def stage2(self) -> Any:
        parts = [p for p in self.prepared.parts if p.pin is None]
        hits = [b for p in parts for v, b, _s, _l in self.choice[p.key] if v.preferred]
        fair = self._fairness(parts)
        most_optional = sum(max((v.optional for v in p.variants), default=0) for p in parts)
        most_travel = sum(max((v.travel for v in p.variants), default=0) for p in parts)
        optional = [v.optional * b for p in parts for v, b, _s, _l in self.choice[p.key] if v.optional]
        travel = [v.travel * b for p in parts for v, b, _s, _l in self.choice[p.key] if v.travel]
        layer = sum(hits) * (2 * FAIR_SCALE + 1) - fair
        wt = most_travel + 1
        return layer * ((most_optional + 1) * wt) + sum(optional) * wt - sum(travel)

    def _fairness(self, parts: list[Part]) -> Any:
        """The largest shortfall of a union's share of preferred dates, plus the largest gap between a union's
        share of weekend visits and everybody's (both in percent)."""
        m = self.m
        unions: dict[str, list[Part]] = defaultdict(list)
        for p in parts:
            unions[p.request.union].append(p)
        if len(unions) < 2:
            return 0
        short = m.new_int_var(0, FAIR_SCALE, "pref_short")
        spread = m.new_int_var(0, FAIR_SCALE, "weekend_spread")
        self.fair = (short, spread, dict(unions))
        weekend_all = [b for p in parts for v, b, _s, _l in self.choice[p.key] if v.weekend]
        total = len(parts)
        for members in unions.values():
            wanting = [p for p in members if p.request.preferred]
            if wanting:
                got = sum(b for p in wanting for v, b, _s, _l in self.choice[p.key] if v.preferred)
                m.add(short * len(wanting) >= FAIR_SCALE * (len(wanting) - got))
            weekend = sum(b for p in members for v, b, _s, _l in self.choice[p.key] if v.weekend)
            n = len(members)
            diff = FAIR_SCALE * (weekend * total - n * sum(weekend_all))
            m.add(spread * n * total >= diff)
            m.add(spread * n * total >= -diff)
        return short + spread

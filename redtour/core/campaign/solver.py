"""The CP-SAT campaign scheduler (docs/campaign-scheduler.md).

Each group (or sub-group) picks at most one variant (candidates.py: day, venues, order, lunch position) and
the tour starts of its stops. Every stop is an optional interval on its venue and day, from arrival (start −
arrive-early) to the tour's end: NoOverlap where one group at a time, Cumulative otherwise, at most one
start per slot where the venue books by slot, a cap per day, and sub-groups of one group never inside the
same venue together and all on one day.

The objective is lexicographic, solved in two stages so the weights stay small and exact:
  1. people scheduled ≫ groups moved from ``previous`` ≫ must-visit venues left out;
  2. with stage 1 held at its value: preferred dates (fairly shared between unions, and weekends too) ≫
     optional venues ≫ travel minutes.
``optimal``/``gap``/``bound`` report stage 1 (the people); stage 2's figures are in ``stats``.
"""

from __future__ import annotations

import math
import threading
import time as _time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ortools.sat.python import cp_model

from redtour.core.campaign.candidates import Part, Prepared, Variant, prepare
from redtour.core.campaign.greedy import greedy_fill, match
from redtour.core.campaign.model import (
    Assignment,
    GroupRequest,
    Pin,
    ProgressInfo,
    ScheduleResult,
    VenueCapacity,
)
from redtour.core.campaign.occupancy import Timed, build_result, minutes
from redtour.core.catalogue import Venue

WORKERS = 2  # the target machines have two cores
FAIR_SCALE = 100  # fairness shortfalls are in percent


@dataclass(frozen=True)
class _Visit:
    interval: Any
    start: Any  # the tour start (a variable, or an int for a pin)
    group: str
    present: Any  # the variant's literal, or True for a pin
    size: int
    lo: int  # earliest arrival and latest end possible
    hi: int


class _Model:
    """The CP-SAT model and the variables needed to read the answer back."""

    def __init__(self, prepared: Prepared, *, improved: bool) -> None:
        self.m = cp_model.CpModel()
        self.prepared = prepared
        self.improved = improved
        self.choice: dict[tuple[str, int], list[tuple[Variant, Any, list[Any], Any]]] = {}
        self.on: dict[tuple[str, int], Any] = {}
        self.kept: dict[tuple[str, int], Any] = {}
        self.fair: tuple[Any, Any, dict[str, list[Part]]] | None = None
        self.visits: dict[tuple[str, date], list[_Visit]] = defaultdict(list)
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
                    visit = _Visit(iv, a + early, part.request.group_id, True, b - a, a, b)
                    self.visits[(s.venue_id, part.pin.day)].append(visit)
                continue
            options = []
            for n, v in enumerate(part.variants):
                b = m.new_bool_var(f"x{part.key}{n}")
                starts, lunch = self._route(v, b, part.request.group_id)
                options.append((v, b, starts, lunch))
            self.choice[part.key] = options
            on = m.new_bool_var(f"on{part.key}")
            m.add(sum(o[1] for o in options) == on)
            self.on[part.key] = on
        self._groups()
        self._venues()

    def _route(self, v: Variant, b: Any, group: str) -> tuple[list[Any], Any]:
        m, lunch = self.m, self.prepared.lunch
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
            step = _step(s.starts)
            k_var = m.new_int_var_from_domain(
                cp_model.Domain.from_values([(x - s.starts[0]) // step for x in s.starts]), "k"
            )  # steps on the start grid: contiguous runs keep the domains (and presolve) small
            x = s.starts[0] + step * k_var
            m.add(x - s.early >= ready + v.legs[k]).only_enforce_if(b)
            iv = m.new_optional_fixed_size_interval_var(x - s.early, s.early + s.tour, b, "v")
            lo, hi = s.starts[0] - s.early, s.starts[-1] + s.tour
            self.visits[(s.venue_id, v.day)].append(_Visit(iv, x, group, b, s.early + s.tour, lo, hi))
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

    def _energy(self, vid: str, visits: list[_Visit]) -> None:
        """Redundant: the visits' minutes fit in the day's usable minutes × concurrent (a tighter LP bound)."""
        cap = self.prepared.capacities[vid]
        first = min(v.lo for v in visits)
        last = max(v.hi for v in visits)
        fixed = sum(v.size for v in visits if v.present is True)
        free = [v.size * v.present for v in visits if v.present is not True]
        if free and sum(v.size for v in visits) > cap.concurrent * (last - first):
            self.m.add(sum(free) + fixed <= cap.concurrent * (last - first))

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


class _Watch(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution and remembers when the first one came."""

    def __init__(self, model: _Model, t0: float, progress: Callable[[ProgressInfo], None] | None) -> None:
        super().__init__()
        self.model, self.t0, self.progress = model, t0, progress
        self.solutions = 0
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        self.solutions += 1
        elapsed = _time.perf_counter() - self.t0
        if self.first is None:
            self.first = elapsed
        if self.progress is not None:
            parts = self.model.prepared.parts
            people = sum(p.people for p in parts if p.pin or self.boolean_value(self.model.on[p.key]))
            self.progress(
                ProgressInfo(elapsed, self.solutions, self.objective_value, self.best_objective_bound, people)
            )


def _run(
    model: _Model,
    limit: float,
    t0: float,
    progress: Callable[[ProgressInfo], None] | None,
    stop: threading.Event | None,
) -> tuple[cp_model.CpSolver, Any, _Watch]:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, limit)
    solver.parameters.num_workers = WORKERS
    solver.parameters.random_seed = 1
    # The models are wide and shallow (thousands of optional routes): presolve costs seconds and gains
    # little, while the complete greedy hint gives a first solution at once (docs/campaign-scheduler.md).
    solver.parameters.cp_model_presolve = not model.improved
    watch = _Watch(model, t0, progress)
    done = threading.Event()

    def watcher() -> None:
        assert stop is not None
        while not done.is_set():
            if stop.wait(0.05):
                solver.stop_search()
                return

    thread = threading.Thread(target=watcher, daemon=True) if stop is not None else None
    if thread is not None:
        thread.start()
    try:
        status = solver.solve(model.m, watch)
    finally:
        done.set()
        if thread is not None:
            thread.join()
    return solver, status, watch


def schedule(
    requests: Sequence[GroupRequest],
    venues: Mapping[str, Venue],
    capacities: Mapping[str, VenueCapacity],
    start: date,
    end: date,
    today: date,
    *,
    time_limit: float = 10.0,
    pins: Sequence[Pin] = (),
    previous: Sequence[Assignment] | None = None,
    progress: Callable[[ProgressInfo], None] | None = None,
    stop: threading.Event | None = None,
    improved: bool = True,
) -> ScheduleResult:
    """Give every request a date and a timed route (see model.py). ``improved=False`` is the benchmark's
    plain model: no day-planner precompute, no greedy hint, no redundant constraints, one stage."""
    t0 = _time.perf_counter()
    prepared = prepare(requests, venues, capacities, start, end, today, pins, improved=improved)
    hint = greedy_fill(prepared, previous) if improved else {}
    for part in prepared.parts:
        if not improved or part.key not in hint or hint[part.key].variant.missing_must:
            part.variants = part.variants + part.fallback
    model = _Model(prepared, improved=improved)
    objective1 = model.stage1(previous)
    objective2 = (
        model.stage2() if improved else 0
    )  # its variables exist in stage 1, so stage 2's hint is complete
    model.m.maximize(objective1)
    if improved:
        _hint(model, hint)
        _hint_fairness(model, hint)
    stats: dict[str, Any] = {
        "parts": len(prepared.parts),
        "variants": sum(len(p.variants) for p in prepared.parts),
        "build_s": round(_time.perf_counter() - t0, 3),
    }
    budget = max(0.1, time_limit - (_time.perf_counter() - t0))
    solver, status, watch = _run(model, budget * (0.7 if improved else 1.0), t0, progress, stop)
    stats["stage1_status"] = solver.status_name(status)
    stats["first_solution_s"] = None if watch.first is None else round(watch.first, 3)
    if status == cp_model.INFEASIBLE:
        raise ValueError("已确认的预约互相冲突或违反场馆规则，无法排程")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return build_result(prepared, {}, venues, optimal=False, gap=None, bound=None, objective=None,
                            previous=previous, stats=stats, timed_out=True)  # fmt: skip
    optimal1 = status == cp_model.OPTIMAL
    value1, bound1 = solver.objective_value, solver.best_objective_bound
    chosen = _read(model, solver)
    stats["stage1_objective"], stats["stage1_bound"] = value1, bound1
    left = time_limit - (_time.perf_counter() - t0)
    optimal2 = not improved
    if improved and left > 0.1 and not (stop is not None and stop.is_set()):
        model.m.clear_hints()
        for k in range(len(model.m.proto.variables)):
            var = model.m.get_int_var_from_proto_index(k)
            model.m.add_hint(var, solver.value(var))
        model.m.add(objective1 >= round(value1))
        model.m.maximize(objective2)
        solver2, status2, _w = _run(model, left, t0, progress, stop)
        stats["stage2_status"] = solver2.status_name(status2)
        if status2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            chosen = _read(model, solver2)
            optimal2 = status2 == cp_model.OPTIMAL
            stats["stage2_objective"] = solver2.objective_value
            stats["stage2_bound"] = solver2.best_objective_bound
    gap = None if optimal1 else round(abs(bound1 - value1) / max(1.0, abs(value1)), 6)
    stats["seconds"] = round(_time.perf_counter() - t0, 3)
    stats["stopped"] = bool(stop is not None and stop.is_set())
    return build_result(
        prepared, chosen, venues,
        optimal=optimal1 and optimal2, gap=gap, bound=bound1, objective=value1,
        previous=previous, stats=stats, timed_out=not optimal1,
    )  # fmt: skip


def _step(starts: Sequence[int]) -> int:
    return math.gcd(*(x - starts[0] for x in starts)) or 1


def _hint(model: _Model, chosen: Mapping[tuple[str, int], Timed]) -> None:
    """A complete hint: the chosen variants' times, every other variant off at its earliest values."""
    for key, options in model.choice.items():
        t = chosen.get(key)
        model.m.add_hint(model.on[key], t is not None)
        for v, b, starts, lunch in options:
            picked = t is not None and v is t.variant
            model.m.add_hint(b, picked)
            values = t.starts if picked and t is not None else [s.starts[0] for s in v.stops]
            for s, x, val in zip(v.stops, starts, values, strict=True):
                model.m.add_hint(_var(x), (val - s.starts[0]) // _step(s.starts))
            if lunch is not None:
                ls = t.lunch_start if picked and t is not None else None
                model.m.add_hint(lunch, ls if ls is not None else model.prepared.lunch.earliest)


def _hint_fairness(model: _Model, chosen: Mapping[tuple[str, int], Timed]) -> None:
    """The fairness variables' values for the hinted schedule (so the hint is complete)."""
    if model.fair is None:
        return
    short, spread, unions = model.fair
    parts = [p for members in unions.values() for p in members]
    total = len(parts)
    weekend_all = sum(1 for p in parts if p.key in chosen and chosen[p.key].variant.weekend)
    worst_short = worst_spread = 0
    for members in unions.values():
        wanting = [p for p in members if p.request.preferred]
        if wanting:
            got = sum(1 for p in wanting if p.key in chosen and chosen[p.key].variant.preferred)
            worst_short = max(worst_short, -(-FAIR_SCALE * (len(wanting) - got) // len(wanting)))
        n = len(members)
        weekend = sum(1 for p in members if p.key in chosen and chosen[p.key].variant.weekend)
        diff = abs(FAIR_SCALE * (weekend * total - n * weekend_all))
        worst_spread = max(worst_spread, -(-diff // (n * total)))
    model.m.add_hint(short, worst_short)
    model.m.add_hint(spread, worst_spread)


def _var(expr: Any) -> Any:
    """The step variable inside ``base + step * k``."""
    return getattr(expr, "expression", expr)


def _read(model: _Model, solver: cp_model.CpSolver) -> dict[tuple[str, int], Timed]:
    chosen = {}
    for key, options in model.choice.items():
        for v, b, starts, lunch in options:
            if solver.boolean_value(b):
                ls = None if lunch is None else solver.value(lunch)
                chosen[key] = Timed(v, tuple(solver.value(x) for x in starts), ls)
    return chosen

"""Order a day's visits: a travelling-salesman problem with time windows, optional stops and a lunch break.

Everything here is integers (minutes since midnight) so it is fast and exactly testable. Node 0 is the start,
nodes 1..n are the venues and node n+1 is the end (which may be the same place as the start).

Objective, in this order: visit every must-visit venue; visit as many optional venues as fit; spend the least
time travelling; come back earliest. A visit starts at or after opening, no later than the last entry, and
ends by closing time; the group may wait outside for a venue to open. Lunch (when asked for) is taken
between two legs, starting within its window, and must be over by the window's end.

``solve_exact`` is a label-setting dynamic programme over subsets (Held–Karp with Pareto labels of
(travel, clock), because waiting makes a cheaper path arrive later): provably optimal, for up to ~12 venues.
``solve_beam`` runs the same expansion keeping only the best labels per layer, then improves the result by
local search; it is fast beyond 12 venues but not proven.
"""

from __future__ import annotations

import itertools
import time as _time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

Window = tuple[int, int, int]  # open, last entry (latest start of a visit), close (visit must end by it)


@dataclass(frozen=True)
class LunchRule:
    earliest: int  # lunch may start from
    latest_end: int  # and must be over by
    minutes: int


@dataclass(frozen=True)
class Problem:
    minutes: Sequence[Sequence[int]]  # (n+2)×(n+2): start, venues…, end
    visit: Sequence[int]  # per venue (index 0 = venue node 1)
    windows: Sequence[Sequence[Window]]  # per venue, sorted by opening
    must: frozenset[int]  # venue indices (0-based) that must be visited
    start_time: int
    return_by: int
    lunch: LunchRule | None = None

    @property
    def n(self) -> int:
        return len(self.visit)

    @property
    def lunch_required(self) -> bool:
        """Lunch is kept only when the day overlaps its window."""
        lunch = self.lunch
        return lunch is not None and self.start_time < lunch.latest_end and self.return_by > lunch.earliest


class Broken(StrEnum):
    """A rule a hand-made order breaks (only the lenient simulation produces these)."""

    CLOSED = "closed"  # arrives after closing time
    LAST_ENTRY = "last_entry"  # arrives after the last entry, before closing
    OVERRUN = "overrun"  # the visit runs past closing time
    LUNCH = "lunch"  # lunch cannot end inside its window
    NO_LUNCH = "no_lunch"
    RETURN = "return"  # back after the return time


@dataclass(frozen=True)
class Visit:
    venue: int  # 0-based venue index
    arrive: int
    start: int
    depart: int
    broken: tuple[Broken, ...] = ()


@dataclass(frozen=True)
class Solution:
    order: tuple[int, ...]  # 0-based venue indices
    lunch_after: int | None  # lunch after this many visits (0 = before the first leg); None = no lunch
    travel: int
    back: int  # clock time at the end point
    visits: tuple[Visit, ...]
    optimal: bool = False
    lunch_start: int | None = None
    broken: tuple[Broken, ...] = ()  # rules of the whole day (lunch, return) the lenient mode let pass

    def key(self) -> tuple[int, int, int]:
        """Smaller is better: more venues, then less travel, then back earlier."""
        return (-len(self.order), self.travel, self.back)

    @property
    def breaks(self) -> int:
        return len(self.broken) + sum(len(v.broken) for v in self.visits)

    @property
    def feasible(self) -> bool:
        return self.breaks == 0


def earliest_start(windows: Sequence[Window], visit: int, arrive: int) -> int | None:
    """When a visit can begin for a group arriving at ``arrive`` (None: not that day any more)."""
    for opening, last_entry, closing in windows:
        start = arrive if arrive > opening else opening
        if start <= last_entry and start + visit <= closing:
            return start
    return None


def _late_start(windows: Sequence[Window], arrive: int) -> tuple[int, Broken]:
    """When a group that cannot keep the hours starts anyway, and which rule it breaks."""
    for opening, last_entry, _closing in windows:
        if arrive <= last_entry:
            return max(arrive, opening), Broken.OVERRUN
    if windows and arrive < windows[-1][2]:
        return arrive, Broken.LAST_ENTRY
    return arrive, Broken.CLOSED


def simulate(
    p: Problem, order: Sequence[int], lunch_after: int | None, lenient: bool = False
) -> Solution | None:
    """The schedule for a fixed order and lunch position, or None when it breaks a rule. ``lenient``: a
    schedule anyway (for a hand-made order), with each broken rule on its visit or on the solution."""
    m, end = p.minutes, p.n + 1
    clock, travel, node = p.start_time, 0, 0
    visits = []
    broken: list[Broken] = []
    lunch_start = None
    for k in range(len(order) + 1):
        if lunch_after == k and p.lunch is not None:
            lunch_start = max(clock, p.lunch.earliest)
            clock = lunch_start + p.lunch.minutes
            if clock > p.lunch.latest_end:
                if not lenient:
                    return None
                broken.append(Broken.LUNCH)
        if k == len(order):
            break
        venue = order[k]
        arrive = clock + m[node][venue + 1]
        start = earliest_start(p.windows[venue], p.visit[venue], arrive)
        flags: tuple[Broken, ...] = ()
        if start is None:
            if not lenient:
                return None
            start, flag = _late_start(p.windows[venue], arrive)
            flags = (flag,)
        travel += m[node][venue + 1]
        clock = start + p.visit[venue]
        visits.append(Visit(venue, arrive, start, clock, flags))
        node = venue + 1
    travel += m[node][end]
    back = clock + m[node][end]
    if back > p.return_by:
        if not lenient:
            return None
        broken.append(Broken.RETURN)
    if p.lunch_required and lunch_start is None:
        if not lenient:
            return None
        broken.append(Broken.NO_LUNCH)
    return Solution(
        tuple(order),
        lunch_after if lunch_start is not None else None,
        travel,
        back,
        tuple(visits),
        lunch_start=lunch_start,
        broken=tuple(broken),
    )


def best_lunch(p: Problem, order: Sequence[int], lenient: bool = False) -> Solution | None:
    """The order's schedule with lunch where it returns earliest (travel does not depend on it);
    ``lenient``: where it breaks the fewest rules, then returns earliest."""
    if not p.lunch_required:
        return simulate(p, order, None, lenient)
    best = None
    for k in range(len(order) + 1):
        s = simulate(p, order, k, lenient)
        if s is not None and (best is None or (s.breaks, s.back) < (best.breaks, best.back)):
            best = s
    return best


# A label: (travel, clock, node, lunch_taken_before_this_node, parent label or None)
Label = tuple[int, int, int, bool, Any]  # the parent is a Label or None


def _expand(p: Problem, beam: int | None, deadline: float | None) -> tuple[list[Any], bool]:
    """Run the layered label DP. Returns the final candidates and whether the search was complete."""
    n, m, end, R = p.n, p.minutes, p.n + 1, p.return_by
    lunch = p.lunch if p.lunch_required else None
    need_lunch = lunch is not None
    L0 = lunch.earliest if lunch else 0
    Ld = lunch.minutes if lunch else 0
    Le = lunch.latest_end if lunch else 0
    visit, windows = p.visit, p.windows
    to_end = [m[j][end] for j in range(n + 2)]
    must_mask = 0
    for j in p.must:
        must_mask |= 1 << j
    # Venues whose window is a single period get an inlined test (the common case).
    single = [w[0] if len(w) == 1 else None for w in windows]

    start_label = (0, p.start_time, 0, False, None)
    layer: dict[tuple[int, int, bool], list[Any]] = {(0, 0, False): [start_label]}
    finals: list[Any] = []
    complete = True
    while layer:
        nxt: dict[tuple[int, int, bool], list[Any]] = {}
        for (S, i, had_lunch), labels in layer.items():
            for label in labels:
                travel, clock = label[0], label[1]
                finals.append((S, label))
                options = [(clock, had_lunch, False)]
                if need_lunch and not had_lunch:
                    ls = clock if clock > L0 else L0
                    if ls + Ld <= Le:
                        options.append((ls + Ld, True, True))
                row = m[i]
                for j in range(n):
                    bit = 1 << j
                    if S & bit:
                        continue
                    node = j + 1
                    for t0, lunched, lunch_here in options:
                        arrive = t0 + row[node]
                        w = single[j]
                        if w is not None:
                            start = arrive if arrive > w[0] else w[0]
                            if start > w[1] or start + visit[j] > w[2]:
                                continue
                        else:
                            start = earliest_start(windows[j], visit[j], arrive)
                            if start is None:
                                continue
                        t = start + visit[j]
                        if t + to_end[node] > R:
                            continue
                        if need_lunch and not lunched and (t if t > L0 else L0) + Ld > Le:
                            continue  # too late for lunch from here on
                        new_travel = travel + row[node]
                        key = (S | bit, node, lunched)
                        bucket = nxt.get(key)
                        if bucket is None:
                            nxt[key] = [(new_travel, t, node, lunch_here, label)]
                            continue
                        dominated = False
                        for other in bucket:
                            if other[0] <= new_travel and other[1] <= t:
                                dominated = True
                                break
                        if dominated:
                            continue
                        bucket[:] = [o for o in bucket if not (new_travel <= o[0] and t <= o[1])]
                        bucket.append((new_travel, t, node, lunch_here, label))
        if beam is not None:
            flat = [(key, lab) for key, labels in nxt.items() for lab in labels]
            if len(flat) > beam:
                complete = False
                flat.sort(key=lambda kl: (-(kl[0][0] & must_mask).bit_count(), kl[1][0], kl[1][1]))
                nxt = {}
                for key, lab in flat[:beam]:
                    nxt.setdefault(key, []).append(lab)
        if deadline is not None and _time.perf_counter() > deadline:
            complete = False
            finals.extend((key[0], lab) for key, labels in nxt.items() for lab in labels)
            break
        layer = nxt
    return finals, complete


def _unwind(label: Label | None) -> tuple[list[int], int | None]:
    order: list[int] = []
    lunch_after: int | None = None
    chain = []
    while label is not None:
        chain.append(label)
        label = label[4]
    chain.reverse()
    for k, lab in enumerate(chain[1:]):
        if lab[3]:
            lunch_after = k
        order.append(lab[2] - 1)
    return order, lunch_after


def _pick(p: Problem, finals: list[Any]) -> Solution | None:
    must_mask = sum(1 << j for j in p.must)
    best: Solution | None = None
    best_key: tuple[int, int, int] | None = None
    for S, label in finals:
        if S & must_mask != must_mask:
            continue
        travel, _clock, node = label[0], label[1], label[2]
        count = S.bit_count()
        # cheap pre-check before rebuilding the schedule
        if best_key is not None and (-count, travel + p.minutes[node][p.n + 1]) > best_key[:2]:
            continue
        order, lunch_after = _unwind(label)
        had_lunch = lunch_after is not None
        if p.lunch_required and not had_lunch:
            lunch_after = len(order)  # lunch before going back
        s = simulate(p, order, lunch_after if p.lunch_required else None)
        if s is None:
            continue
        if best_key is None or s.key() < best_key:
            best, best_key = s, s.key()
    return best


def solve_exact(p: Problem) -> Solution | None:
    """Provably optimal (None when no plan keeps every must-visit venue)."""
    finals, _complete = _expand(p, beam=None, deadline=None)
    best = _pick(p, finals)
    return None if best is None else _with(best, optimal=True)


def solve_beam(p: Problem, beam: int = 600, time_limit: float | None = 1.5) -> Solution | None:
    """Beam search over the same DP, then local search. Good and fast for many venues; not proven.
    ``time_limit=None``: no clock at all, the beam width alone bounds the search and the local search runs
    until no move improves (the same answer on any machine; tests use it)."""
    deadline = None if time_limit is None else _time.perf_counter() + time_limit * 0.7
    finals, complete = _expand(p, beam=beam, deadline=deadline)
    best = _pick(p, finals)
    if best is None:
        return None
    if complete:
        return _with(best, optimal=True)  # nothing was cut: the search was exact after all
    return improve(p, best, None if time_limit is None else _time.perf_counter() + time_limit * 0.3)


def _before(deadline: float | None) -> bool:
    return deadline is None or _time.perf_counter() < deadline


def improve(p: Problem, sol: Solution, deadline: float | None) -> Solution:
    """First-improvement local search: insert unvisited venues, relocate, swap and reverse segments.
    Stops when no move improves, or at ``deadline`` (None: no deadline)."""
    best = sol
    improved = True
    while improved and _before(deadline):
        improved = False
        order = list(best.order)
        candidates: list[list[int]] = []
        unvisited = [j for j in range(p.n) if j not in best.order]
        for j in unvisited:
            candidates.extend([*order[:k], j, *order[k:]] for k in range(len(order) + 1))
        for a, b in itertools.combinations(range(len(order)), 2):
            moved = order[:a] + order[a + 1 :]
            candidates.append([*moved[:b], order[a], *moved[b:]])
            moved = order[:b] + order[b + 1 :]
            candidates.append([*moved[:a], order[b], *moved[a:]])
            candidates.append(order[:a] + order[a : b + 1][::-1] + order[b + 1 :])
        for candidate in candidates:
            s = best_lunch(p, candidate)
            if s is not None and s.key() < best.key():
                best, improved = s, True
                break
            if not _before(deadline):
                break
    return best


def _with(s: Solution, *, optimal: bool) -> Solution:
    return replace(s, optimal=optimal)


EXACT_LIMIT = 12


def solve(p: Problem, time_limit: float = 1.5) -> Solution | None:
    """Exact up to ``EXACT_LIMIT`` venues. Beyond, the exact search is tried first for part of the time
    (opening hours often leave few feasible subsets, and then it finishes and is proven); if it does not
    finish, beam search with local search takes over."""
    if p.n <= EXACT_LIMIT:
        return solve_exact(p)
    t0 = _time.perf_counter()
    if p.n <= 24:
        finals, complete = _expand(p, beam=None, deadline=t0 + time_limit * 0.3)
        if complete:
            best = _pick(p, finals)
            return None if best is None else _with(best, optimal=True)
    remaining = time_limit - (_time.perf_counter() - t0)
    return solve_beam(p, beam=max(300, 60_000 // p.n), time_limit=max(0.2, remaining))

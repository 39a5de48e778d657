"""Per group and day, the timed-route shapes the scheduler may choose from ("variants"), and why none exist.

A variant fixes the day, the venues and their order, where lunch goes and the travel legs; only the start
times stay free (on a grid of allowed values from the venue's windows). The day planner (``tsptw.solve``)
picks the order and the optional venues that fit, and a grid simulation keeps only variants that can be
timed at all: this is the domain precompute that keeps the CP-SAT model small (``improved=False`` skips it
and lists every day and lunch position in the request's own order, for the benchmark's plain model).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from redtour.core.calendar import WEEKDAY_ZH
from redtour.core.campaign.model import CampaignProblem, GroupRequest, Pin, VenueCapacity
from redtour.core.campaign.rules import (
    LUNCH,
    StopSpec,
    Variant,
    capacity_of,
    day_windows,
    earliest_times,
    leg_minutes,
    md,
    runs,
    stop_spec,
)
from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.core.planner import PlanError, PlanRequest, StopRequest, plan_day
from redtour.core.tsptw import LunchRule, Problem, solve

__all__ = ["Part", "Prepared", "StopSpec", "Variant", "earliest_times", "md", "prepare", "runs"]


@dataclass
class Part:
    """A group, or one sub-group of a group split for a venue's group-size limit."""

    request: GroupRequest
    index: int
    parts: int
    people: int
    variants: list[Variant] = field(default_factory=list)
    pin: Pin | None = None
    #: Routes leaving one must-visit venue out: offered when the group does not fit with all of them.
    fallback: list[Variant] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int]:
        return (self.request.group_id, self.index)


@dataclass
class Prepared:
    parts: list[Part]
    reasons: dict[str, list[str]]  # group id → why it has no variant at all (Chinese)
    notes: list[str]
    capacities: dict[str, VenueCapacity]
    lunch: LunchRule
    requests: dict[str, GroupRequest] = field(default_factory=dict)


def prepare(problem: CampaignProblem, *, improved: bool = True) -> Prepared:
    venues, today, holidays = problem.venues, problem.today, problem.holidays
    lunch = LunchRule(
        LUNCH.earliest.hour * 60 + LUNCH.earliest.minute,
        LUNCH.latest_end.hour * 60 + LUNCH.latest_end.minute,
        LUNCH.minutes,
    )
    caps = {vid: capacity_of(v, problem.capacities) for vid, v in venues.items()}
    pinned = {(p.group_id, p.part): p for p in problem.pins}
    prepared = Prepared([], {}, [], caps, lunch)
    for req in problem.requests:
        prepared.requests[req.group_id] = req
        reasons: list[str] = []
        parts = _split(req, venues, caps, reasons, prepared.notes)
        if reasons:
            prepared.reasons[req.group_id] = reasons
            continue
        shares = [req.people // parts + (1 if i < req.people % parts else 0) for i in range(parts)]
        group_parts = [
            Part(req, i, parts, shares[i], pin=pinned.get((req.group_id, i))) for i in range(parts)
        ]
        if all(p.pin for p in group_parts):
            prepared.parts.extend(group_parts)
            continue
        days = _days(req, venues, caps, problem.start, problem.end, today, reasons, holidays)
        pin_days = {p.pin.day for p in group_parts if p.pin}
        if pin_days:
            days = [d for d in days if d in pin_days]
        variants = (
            _variants(req, venues, caps, days, lunch, improved, reasons, max(shares), today, holidays)
            if days
            else []
        )
        if variants and all(v.missing_must for v in variants):
            variants = []  # keep the reason below: the must-visit venues never fit together
        if not variants and not reasons:
            reasons.extend(_diagnose(req, venues, days, holidays))
        if not variants:
            prepared.reasons[req.group_id] = reasons
            continue
        for p in group_parts:
            p.variants = [] if p.pin else [v for v in variants if not v.missing_must]
            p.fallback = [] if p.pin else [v for v in variants if v.missing_must]
        prepared.parts.extend(group_parts)
    return prepared


def _diagnose(
    req: GroupRequest, venues: Mapping[str, Venue], days: list[date], holidays: HolidayCalendar | None
) -> list[str]:
    """Why no route keeps the rules on any day, in the day planner's words (for the first candidate day)."""
    if not days:
        return ["在可选日期内无法安排满足开放时间和返回时间的行程"]
    stops = tuple(StopRequest(venues[v]) for v in req.must)
    ask = PlanRequest(day=days[0], start=req.start, stops=stops, start_time=req.start_time,
                      return_by=req.return_by, mode=req.mode, lunch=LUNCH, today=days[0],
                      holidays=holidays)  # fmt: skip
    try:
        plan_day(ask, time_limit=0.5)
    except PlanError as e:
        return [f"{md(days[0])}起：{r}" for r in e.reasons]
    return ["在可选日期内无法安排满足开放时间、场馆时段和返回时间的行程"]


def _split(
    req: GroupRequest,
    venues: Mapping[str, Venue],
    caps: Mapping[str, VenueCapacity],
    reasons: list[str],
    notes: list[str],
) -> int:
    if req.people <= 0:
        reasons.append("人数必须大于0")
        return 1
    unknown = [v for v in (*req.must, *req.optional) if v not in venues]
    if unknown:
        reasons.append("场馆不在目录中：" + "、".join(unknown))
        return 1
    limits = [(cap, venues[v].name_zh) for v in req.must if (cap := caps[v].max_group)]
    if not limits:
        return 1
    limit, name = min(limits)
    if req.people <= limit:
        return 1
    if not req.splittable:
        reasons.append(f"{req.people}人超过{name}每团{limit}人上限，且该团队不可拆分")
        return 1
    parts = math.ceil(req.people / limit)
    notes.append(f"团队“{req.name}” {req.people}人超过{name}每团{limit}人上限，拆分为{parts}个小组")
    return parts


def _days(
    req: GroupRequest,
    venues: Mapping[str, Venue],
    caps: Mapping[str, VenueCapacity],
    start: date,
    end: date,
    today: date,
    reasons: list[str],
    holidays: HolidayCalendar | None,
) -> list[date]:
    if req.earliest > end:
        reasons.append("最早日期晚于活动结束")
    if req.latest < start:
        reasons.append("最晚日期早于活动开始")
    if req.latest < req.earliest:
        reasons.append("最晚日期早于最早日期")
    if reasons:
        return []
    lead = max((caps[v].lead_days for v in req.must), default=0)
    first = max(req.earliest, start, today + timedelta(days=lead))
    last = min(req.latest, end)
    if first > last:
        who = max(req.must, key=lambda v: caps[v].lead_days) if req.must else None
        reasons.append(
            f"{venues[who].name_zh}需提前{lead}天预约，最晚日期{md(last)}已来不及"
            if who and lead
            else f"最晚日期{md(last)}已过"
        )
        return []
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    days = [d for d in days if d.isoweekday() not in req.excluded_weekdays]
    if not days:
        wd = "、".join(WEEKDAY_ZH[w] for w in sorted(req.excluded_weekdays))
        span = md(first) if first == last else f"{md(first)}至{md(last)}"
        reasons.append(f"{span}均为不可出行的{wd}")
        return []
    for vid in req.must:
        venue = venues[vid]
        if venue.location is None:
            reasons.append(f"{venue.name_zh} 没有位置信息，无法安排路线")
        elif all(day_windows(venue, d, holidays)[2] is not None or d in caps[vid].closed_days for d in days):
            reasons.append(f"必去场馆{venue.name_zh}在可选日期（{runs(days)}）均闭馆")
    return [] if reasons else days


def _variants(
    req: GroupRequest,
    venues: Mapping[str, Venue],
    caps: Mapping[str, VenueCapacity],
    days: list[date],
    lunch: LunchRule,
    improved: bool,
    reasons: list[str],
    people: int,
    today: date,
    holidays: HolidayCalendar | None,
) -> list[Variant]:
    optional = [
        v
        for v in req.optional
        if v not in req.must
        and venues[v].location is not None
        and (caps[v].max_group is None or caps[v].max_group >= people)  # type: ignore[operator]
    ]
    ids = list(dict.fromkeys([*req.must, *optional]))
    pts = [(req.start.lat, req.start.lon)]
    pts += [(venues[v].location.lat, venues[v].location.lon) for v in ids]  # type: ignore[union-attr]
    pts.append((req.start.lat, req.start.lon))
    m = [[leg_minutes(a, b, req.mode) for b in pts] for a in pts]
    node = {v: i + 1 for i, v in enumerate(ids)}
    t0 = req.start_time.hour * 60 + req.start_time.minute
    t1 = req.return_by.hour * 60 + req.return_by.minute
    if t1 <= t0:
        reasons.append("返回时间必须晚于出发时间")
        return []
    needs_lunch = t0 < lunch.latest_end and t1 > lunch.earliest
    cache: dict[tuple[object, ...], list[tuple[tuple[str, ...], int | None]]] = {}
    preferred = set(req.preferred)
    out: list[Variant] = []
    # (must set, with optional venues): the planner's fullest route, the must-only route (an optional visit
    # must never cost another group its place), and routes leaving one must-visit venue out (ranked lower).
    must_sets = (
        [(tuple(req.must), True), (tuple(req.must), False)] if optional else [(tuple(req.must), False)]
    )
    if len(req.must) >= 2:
        must_sets += [(tuple(v for v in req.must if v != drop), False) for drop in req.must]
    for day in days:
        specs: dict[str, StopSpec] = {}
        for v in ids:
            spec = stop_spec(venues[v], caps[v], day, holidays)
            if spec is not None and (day - today).days >= caps[v].lead_days:
                specs[v] = spec
        seen: set[tuple[tuple[str, ...], int | None]] = set()
        for must, with_optional in must_sets:
            if any(v not in specs for v in must):
                continue
            chosen = list(must) + ([v for v in optional if v in specs] if with_optional else [])
            key = (must, tuple((v, specs[v].starts) for v in chosen))
            if key not in cache:
                cache[key] = _shapes(
                    chosen, must, specs, m, node, t0, t1, lunch if needs_lunch else None, improved
                )
            for order, lunch_after in cache[key]:
                if (order, lunch_after) in seen:
                    continue
                seen.add((order, lunch_after))
                stops = tuple(specs[v] for v in order)
                legs = tuple(
                    m[a][b]
                    for a, b in zip(
                        [0, *[node[v] for v in order]], [*[node[v] for v in order], 0], strict=True
                    )
                )
                out.append(
                    Variant(
                        day, stops, legs, lunch_after, t0, t1,
                        missing_must=tuple(v for v in req.must if v not in must),
                        optional=sum(1 for v in order if v not in req.must),
                        preferred=day in preferred,
                    )
                )  # fmt: skip
    return out


def _shapes(
    chosen: list[str],
    must: tuple[str, ...],
    specs: Mapping[str, StopSpec],
    m: Sequence[Sequence[int]],
    node: Mapping[str, int],
    t0: int,
    t1: int,
    lunch: LunchRule | None,
    improved: bool,
) -> list[tuple[tuple[str, ...], int | None]]:
    """Venue orders and lunch positions worth offering the solver for one day (see the module docstring)."""
    positions: list[int | None] = [None] if lunch is None else list(range(len(chosen) + 1))
    if not improved:
        return [(tuple(chosen), k) for k in positions]
    idx = [0, *[node[v] for v in chosen], 0]
    sub = [[m[a][b] for b in idx] for a in idx]
    problem = Problem(
        minutes=sub,
        visit=[specs[v].tour + specs[v].early for v in chosen],
        windows=[_span(specs[v]) for v in chosen],
        must=frozenset(i for i, v in enumerate(chosen) if v in must),
        start_time=t0,
        return_by=t1,
        lunch=lunch,
    )  # fmt: skip
    sol = solve(problem, time_limit=0.5)
    if sol is None:
        return []
    order = tuple(chosen[i] for i in sol.order)
    shapes = []
    for k in positions if lunch is None else range(len(order) + 1):
        legs = tuple(
            m[a][b]
            for a, b in zip([0, *[node[v] for v in order]], [*[node[v] for v in order], 0], strict=True)
        )
        v = Variant(date.min, tuple(specs[x] for x in order), legs, k, t0, t1)
        timed = earliest_times(v, lunch or LunchRule(0, 0, 0))
        if timed is not None:
            shapes.append((ordered_back(v, timed, lunch), order, k))
    shapes.sort(key=lambda s: s[0])
    return [
        (o, k) for _b, o, k in shapes
    ]  # every lunch position that can work: an afternoon visit needs lunch first


def ordered_back(v: Variant, timed: tuple[list[int], int | None], lunch: LunchRule | None) -> int:
    starts, lunch_start = timed
    end = starts[-1] + v.stops[-1].tour if starts else v.start_time
    if lunch_start is not None and lunch is not None and v.lunch_after == len(v.stops):
        end = lunch_start + lunch.minutes
    return end + v.legs[-1]


def _span(s: StopSpec) -> tuple[tuple[int, int, int], ...]:
    """The day's windows as the planner sees a stop whose visit includes the arrive-early margin: a relaxation
    of the start grid (the grid simulation afterwards is exact)."""
    return tuple((o - s.early, min(last, close - s.tour) - s.early, close) for o, last, close in s.windows)

"""Plan a group's visit day: from venues, places and times to an ordered, timed itinerary with warnings.

The calendar rules (opening hours, last entry, weekly closing days, statutory holidays, unknown hours) become
time windows for ``tsptw``; reservation lead time and group size become warnings on the stop. A must-visit
venue that cannot be visited makes the plan fail with the reason in Chinese (e.g. "顾正红纪念馆 周一闭馆").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Any

from redtour.core.calendar import day_status, format_period
from redtour.core.catalogue import Venue
from redtour.core.travel import MODE_ZH, Mode, TravelMatrix, offline_matrix
from redtour.core.tsptw import (
    LunchRule,
    Problem,
    Solution,
    Visit,
    Window,
    best_lunch,
    earliest_start,
    simulate,
    solve,
)

DEFAULT_VISIT_MIN = 60
#: Plan a venue whose hours are unknown with this window, and say so on the stop.
DEFAULT_WINDOW = (time(9, 0), time(16, 0), time(16, 30))


class PlanError(ValueError):
    """No plan keeps the rules; ``reasons`` says which (Chinese sentences)."""

    def __init__(self, reasons: Sequence[str]) -> None:
        super().__init__("；".join(reasons))
        self.reasons = tuple(reasons)


@dataclass(frozen=True)
class Place:
    """A start or end point (WGS-84). ``venue_id`` when it is a catalogue venue."""

    name: str
    lat: float
    lon: float
    venue_id: str | None = None


@dataclass(frozen=True)
class StopRequest:
    venue: Venue
    must: bool = True
    visit_min: int | None = None  # None: the catalogue's figure, else DEFAULT_VISIT_MIN

    @property
    def minutes(self) -> int:
        return self.visit_min or self.venue.visit_minutes or DEFAULT_VISIT_MIN


@dataclass(frozen=True)
class Lunch:
    earliest: time = time(11, 30)
    latest_end: time = time(13, 30)
    minutes: int = 60


@dataclass(frozen=True)
class PlanRequest:
    day: date
    start: Place
    stops: tuple[StopRequest, ...]
    end: Place | None = None  # None: back to the start
    start_time: time = time(9, 0)
    return_by: time = time(17, 0)
    group_size: int = 30
    mode: Mode = Mode.COACH
    lunch: Lunch | None = field(default_factory=Lunch)
    optimize: bool = True  # False: keep the given order and only compute the times
    today: date | None = None  # for the reservation lead time (None: date.today())


@dataclass(frozen=True)
class PlannedStop:
    venue: Venue
    must: bool
    arrive: time
    start: time  # the visit begins (after waiting for opening, if any)
    depart: time
    visit_min: int
    travel_min: int  # the leg that leads here
    distance_km: float
    window: Window | None  # the opening period used (minutes since midnight)
    warnings: tuple[str, ...] = ()

    @property
    def wait_min(self) -> int:
        return _minutes(self.start) - _minutes(self.arrive)


@dataclass(frozen=True)
class Plan:
    request: PlanRequest
    stops: tuple[PlannedStop, ...]
    back: time
    final_travel_min: int  # the leg from the last stop to the end
    final_distance_km: float
    lunch: tuple[time, time] | None  # start, end
    lunch_after: int | None  # lunch after this many stops
    warnings: tuple[str, ...]
    optimal: bool
    skipped: tuple[tuple[Venue, str], ...]  # optional venues left out, and why
    matrix: TravelMatrix
    points: tuple[dict[str, Any], ...]  # matrix points: start, venues…, end (as in to_json)
    feasible: bool = True  # False for a hand-made order that breaks a rule (warnings say which)

    @property
    def total_travel_min(self) -> int:
        return sum(s.travel_min for s in self.stops) + self.final_travel_min

    @property
    def total_distance_km(self) -> float:
        return round(sum(s.distance_km for s in self.stops) + self.final_distance_km, 2)

    @property
    def end(self) -> Place:
        return self.request.end or self.request.start

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.request.day.isoformat(),
            "mode": str(self.request.mode),
            "start": _place_json(self.request.start),
            "end": _place_json(self.end),
            "start_time": _hm(self.request.start_time),
            "return_by": _hm(self.request.return_by),
            "group_size": self.request.group_size,
            "stops": [
                {
                    "venue_id": s.venue.id,
                    "name_zh": s.venue.name_zh,
                    "must": s.must,
                    "arrive": _hm(s.arrive),
                    "start": _hm(s.start),
                    "depart": _hm(s.depart),
                    "visit_min": s.visit_min,
                    "travel_min": s.travel_min,
                    "distance_km": s.distance_km,
                    "warnings": list(s.warnings),
                }
                for s in self.stops
            ],
            "lunch": None
            if self.lunch is None
            else {"start": _hm(self.lunch[0]), "end": _hm(self.lunch[1]), "after_stop": self.lunch_after},
            "back": _hm(self.back),
            "final_travel_min": self.final_travel_min,
            "total_travel_min": self.total_travel_min,
            "total_distance_km": self.total_distance_km,
            "warnings": list(self.warnings),
            "skipped": [{"venue_id": v.id, "name_zh": v.name_zh, "reason": r} for v, r in self.skipped],
            "optimal": self.optimal,
            "feasible": self.feasible,
            "travel_model": self.matrix.source,
            "matrix": self._matrix_json(),
        }

    def _matrix_json(self) -> dict[str, Any]:
        """Every point used, with the minutes between them; the end is left out when it is the start."""
        points, minutes = list(self.points), [list(r) for r in self.matrix.minutes]
        start, end = points[0], points[-1]
        if (start["lat"], start["lon"]) == (end["lat"], end["lon"]):
            points.pop()
            minutes = [row[:-1] for row in minutes[:-1]]
        return {"points": points, "minutes": minutes, "km": [list(r) for r in self.matrix.km][: len(points)]}


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _clock(m: int) -> time:
    m = max(0, min(m, 24 * 60 - 1))
    return time(m // 60, m % 60)


def _hm(t: time) -> str:
    return f"{t:%H:%M}"


def _place_json(p: Place) -> dict[str, Any]:
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "venue_id": p.venue_id}


@dataclass(frozen=True)
class _Prepared:
    stop: StopRequest
    windows: tuple[Window, ...]
    warnings: tuple[str, ...]


def day_windows(venue: Venue, day: date) -> tuple[tuple[Window, ...], list[str], str | None]:
    """The visit windows on ``day`` (open, last entry, close in minutes), warnings, and the reason it cannot
    be visited (None if it can). Shared with the campaign scheduler so both apply the same calendar rules."""
    status = day_status(venue, day)
    warnings: list[str] = []
    if status.holiday_data_missing:
        warnings.append(f"{day.year}年法定节假日数据缺失，按每周开放规则估算")
    if status.state == "closed":
        return (), warnings, status.reason or f"{venue.name_zh} 当日闭馆"
    if status.state == "unknown":
        o, last, c = DEFAULT_WINDOW
        warnings.append(f"开放时间待核实，按 {_hm(o)}–{_hm(c)} 估算")
        return ((_minutes(o), _minutes(last), _minutes(c)),), warnings, None
    windows = tuple(
        (_minutes(p.open), _minutes(p.last_entry or p.close), _minutes(p.close)) for p in status.periods
    )
    if status.holiday:
        warnings.append(f"当日为{status.holiday}，请确认开放安排")
    return windows, warnings, None


def _rule_warnings(req: PlanRequest, venue: Venue) -> list[str]:
    warnings = []
    res = venue.reservation
    today = req.today or date.today()
    if res is not None and res.required:
        lead = res.lead_days
        if lead is not None and (req.day - today).days < lead:
            warnings.append(f"需提前{lead}天预约，距参观日只剩{max(0, (req.day - today).days)}天")
        else:
            warnings.append("需预约" + (f"（{res.how}）" if res.how else ""))
    elif res is None or res.required is None:
        warnings.append("是否需要预约待核实")
    if venue.max_group_size is not None and req.group_size > venue.max_group_size:
        warnings.append(f"团队{req.group_size}人，超过单批接待上限{venue.max_group_size}人，需分批")
    return warnings


def plan_day(req: PlanRequest, matrix: TravelMatrix | None = None, time_limit: float = 1.5) -> Plan:
    """The best plan for ``req`` (or its own order when ``req.optimize`` is False). Raises PlanError."""
    reasons: list[str] = []
    skipped: list[tuple[Venue, str]] = []
    prepared: list[_Prepared] = []
    for stop in req.stops:
        venue = stop.venue
        reason: str | None
        windows: tuple[Window, ...]
        warnings: list[str]
        if venue.location is None:
            windows, warnings, reason = (), [], f"{venue.name_zh} 没有位置信息，无法安排路线"
        else:
            windows, warnings, reason = day_windows(venue, req.day)
        if reason is not None:
            if stop.must:
                reasons.append(reason)
            else:
                skipped.append((venue, reason))
            continue
        prepared.append(_Prepared(stop, windows, tuple(warnings + _rule_warnings(req, venue))))
    if reasons:
        raise PlanError(reasons)
    if _minutes(req.return_by) <= _minutes(req.start_time):
        raise PlanError(["返回时间必须晚于出发时间"])

    end = req.end or req.start
    points = [(req.start.lat, req.start.lon)]
    points += [(p.stop.venue.location.lat, p.stop.venue.location.lon) for p in prepared]  # type: ignore[union-attr]
    points.append((end.lat, end.lon))
    if matrix is None or len(matrix) != len(points):
        matrix = offline_matrix(points, req.mode)
    lunch = req.lunch
    problem = Problem(
        minutes=matrix.minutes,
        visit=[p.stop.minutes for p in prepared],
        windows=[p.windows for p in prepared],
        must=frozenset(i for i, p in enumerate(prepared) if p.stop.must),
        start_time=_minutes(req.start_time),
        return_by=_minutes(req.return_by),
        lunch=None
        if lunch is None
        else LunchRule(_minutes(lunch.earliest), _minutes(lunch.latest_end), lunch.minutes),
    )
    feasible = True
    if req.optimize:
        solution = solve(problem, time_limit=time_limit)
        if solution is None:
            raise PlanError(_diagnose(req, problem, prepared))
    else:
        solution = best_lunch(problem, list(range(problem.n)))
        if solution is None:
            solution = _lenient(problem)
            feasible = False
    chosen = set(solution.order)
    for i, p in enumerate(prepared):
        if i not in chosen:
            skipped.append((p.stop.venue, "时间不够，未能安排"))
    return _assemble(req, problem, prepared, solution, matrix, skipped, feasible)


def reorder(plan: Plan, venue_ids: Sequence[str]) -> Plan:
    """The same request in a hand-made order (e.g. after dragging a row): times recomputed, rule breaks
    shown as warnings instead of refused."""
    by_id = {s.venue.id: s for s in plan.request.stops}
    stops = tuple(by_id[v] for v in venue_ids if v in by_id)
    req = replace(plan.request, stops=stops, optimize=False)
    return plan_day(req)


def _lenient(p: Problem) -> Solution:
    """Times for the given order even when a rule breaks (arrive late → visit anyway), for manual edits."""
    m, clock, node, travel = p.minutes, p.start_time, 0, 0
    visits = []
    lunch_start = None
    for venue in range(p.n):
        arrive = clock + m[node][venue + 1]
        start = earliest_start(p.windows[venue], p.visit[venue], arrive)
        start = arrive if start is None else start
        travel += m[node][venue + 1]
        clock = start + p.visit[venue]
        visits.append(Visit(venue, arrive, start, clock))
        node = venue + 1
    if p.lunch_required and p.lunch is not None:
        lunch_start = max(clock, p.lunch.earliest)
        clock = lunch_start + p.lunch.minutes
    travel += m[node][p.n + 1]
    back = clock + m[node][p.n + 1]
    return Solution(
        tuple(range(p.n)),
        p.n if lunch_start is not None else None,
        travel,
        back,
        tuple(visits),
        False,
        lunch_start,
    )


def _assemble(
    req: PlanRequest,
    problem: Problem,
    prepared: list[_Prepared],
    sol: Solution,
    matrix: TravelMatrix,
    skipped: list[tuple[Venue, str]],
    feasible: bool,
) -> Plan:
    stops = []
    prev = 0
    for v in sol.visits:
        p = prepared[v.venue]
        node = v.venue + 1
        warnings = list(p.warnings)
        window = next((w for w in p.windows if w[0] <= v.start <= w[1]), None)
        if window is None or v.start + p.stop.minutes > window[2]:
            warnings.append("到达时间不在开放时段内")
        if v.start > v.arrive:
            warnings.append(f"需等候开馆 {v.start - v.arrive} 分钟")
        stops.append(
            PlannedStop(
                venue=p.stop.venue,
                must=p.stop.must,
                arrive=_clock(v.arrive),
                start=_clock(v.start),
                depart=_clock(v.depart),
                visit_min=p.stop.minutes,
                travel_min=matrix.minutes[prev][node],
                distance_km=matrix.km[prev][node],
                window=window,
                warnings=tuple(warnings),
            )
        )
        prev = node
    end_node = problem.n + 1
    plan_warnings = []
    if sol.back > problem.return_by:
        plan_warnings.append(f"预计 {_hm(_clock(sol.back))} 返回，晚于要求的 {_hm(req.return_by)}")
    if problem.lunch_required and sol.lunch_start is None:
        plan_warnings.append("行程中没有安排午餐")
    if matrix.source == "offline":
        plan_warnings.append(f"交通时间按离线模型（{MODE_ZH[req.mode]}）估算")
    for venue, reason in skipped:
        plan_warnings.append(f"未安排：{venue.name_zh}（{reason}）")
    lunch = None
    if sol.lunch_start is not None and problem.lunch is not None:
        lunch = (_clock(sol.lunch_start), _clock(sol.lunch_start + problem.lunch.minutes))
    points: list[dict[str, Any]] = [{"kind": "start", **_place_json(req.start)}]
    for p in prepared:
        loc = p.stop.venue.location
        first = p.windows[0] if p.windows else None
        points.append(
            {
                "kind": "venue",
                "venue_id": p.stop.venue.id,
                "name_zh": p.stop.venue.name_zh,
                "lat": loc.lat if loc else None,
                "lon": loc.lon if loc else None,
                "visit_min": p.stop.minutes,
                "open": _hm(_clock(first[0])) if first else None,
                "last_entry": _hm(_clock(p.windows[-1][1])) if first else None,
                "close": _hm(_clock(p.windows[-1][2])) if first else None,
                "periods": [[_hm(_clock(a)), _hm(_clock(b)), _hm(_clock(c))] for a, b, c in p.windows],
            }
        )
    points.append({"kind": "end", **_place_json(req.end or req.start)})
    last = sol.visits[-1].venue + 1 if sol.visits else 0
    return Plan(
        request=req,
        stops=tuple(stops),
        back=_clock(sol.back),
        final_travel_min=matrix.minutes[last][end_node],
        final_distance_km=matrix.km[last][end_node],
        lunch=lunch,
        lunch_after=sol.lunch_after if lunch else None,
        warnings=tuple(plan_warnings),
        optimal=sol.optimal,
        skipped=tuple(skipped),
        matrix=matrix,
        points=tuple(points),
        feasible=feasible,
    )


def _diagnose(req: PlanRequest, p: Problem, prepared: list[_Prepared]) -> list[str]:
    """Name the rule that makes the must-visit venues impossible."""
    reasons = []
    for i in sorted(p.must):
        venue = prepared[i].stop.venue
        alone = Problem(p.minutes, p.visit, p.windows, frozenset({i}), p.start_time, p.return_by, p.lunch)
        if best_lunch(alone, [i]) is not None:
            continue
        arrive = p.start_time + p.minutes[0][i + 1]
        w = p.windows[i]
        if earliest_start(w, p.visit[i], arrive) is None:
            hours = "、".join(f"{_hm(_clock(a))}–{_hm(_clock(c))}" for a, _b, c in w)
            reasons.append(
                f"{venue.name_zh} 开放 {hours}，最晚 {_hm(_clock(w[-1][1]))} 入馆，"
                f"从出发地最早 {_hm(_clock(arrive))} 到达，来不及参观{p.visit[i]}分钟"
            )
        elif simulate(
            Problem(p.minutes, p.visit, p.windows, frozenset({i}), p.start_time, 24 * 60, None), [i], None
        ):
            reasons.append(f"参观{venue.name_zh}后无法在 {_hm(req.return_by)} 前返回（含午餐）")
        else:
            reasons.append(f"{venue.name_zh} 无法安排")
    if not reasons:
        names = "、".join(prepared[i].stop.venue.name_zh for i in sorted(p.must))
        relaxed = solve(
            Problem(p.minutes, p.visit, p.windows, frozenset(), p.start_time, p.return_by, p.lunch)
        )
        fits = ""
        if relaxed is not None and relaxed.order:
            fits = "（最多能安排 {} 个：{}）".format(
                len(relaxed.order), "、".join(prepared[i].stop.venue.name_zh for i in relaxed.order)
            )
        reasons.append(
            f"{len(p.must)} 个必去场馆（{names}）无法在 {_hm(req.start_time)}–{_hm(req.return_by)} 内全部安排{fits}，"
            "请减少场馆、缩短参观时间或放宽返回时间"
        )
    return reasons


def period_text(window: Window | None) -> str:
    if window is None:
        return ""
    from redtour.core.catalogue import Period

    return format_period(Period(frozenset(), _clock(window[0]), _clock(window[2]), _clock(window[1])))


def request_to_dict(req: PlanRequest) -> dict[str, Any]:
    """A plain, JSON-safe form of a request (venues by id), for saving."""
    return {
        "day": req.day.isoformat(),
        "start": _place_json(req.start),
        "end": None if req.end is None else _place_json(req.end),
        "start_time": _hm(req.start_time),
        "return_by": _hm(req.return_by),
        "group_size": req.group_size,
        "mode": str(req.mode),
        "lunch": None
        if req.lunch is None
        else {
            "earliest": _hm(req.lunch.earliest),
            "latest_end": _hm(req.lunch.latest_end),
            "minutes": req.lunch.minutes,
        },
        "stops": [{"venue_id": s.venue.id, "must": s.must, "visit_min": s.visit_min} for s in req.stops],
    }


def _place(data: dict[str, Any]) -> Place:
    return Place(str(data["name"]), float(data["lat"]), float(data["lon"]), data.get("venue_id"))


def request_from_dict(data: dict[str, Any], venues: dict[str, Venue]) -> tuple[PlanRequest, list[str]]:
    """The request back, with the venues as they are now; also the ids of venues no longer known."""
    missing = [s["venue_id"] for s in data["stops"] if s["venue_id"] not in venues]
    lunch = data.get("lunch")
    req = PlanRequest(
        day=date.fromisoformat(data["day"]),
        start=_place(data["start"]),
        end=_place(data["end"]) if data.get("end") else None,
        start_time=time.fromisoformat(data["start_time"]),
        return_by=time.fromisoformat(data["return_by"]),
        group_size=int(data["group_size"]),
        mode=Mode(data["mode"]),
        lunch=None
        if not lunch
        else Lunch(
            time.fromisoformat(lunch["earliest"]),
            time.fromisoformat(lunch["latest_end"]),
            int(lunch["minutes"]),
        ),
        stops=tuple(
            StopRequest(venues[s["venue_id"]], bool(s["must"]), s.get("visit_min"))
            for s in data["stops"]
            if s["venue_id"] in venues
        ),
        optimize=False,
    )
    return req, missing


def plan_request_of(plan: Plan) -> PlanRequest:
    """The request with the plan's stops in the plan's order (venues left out are not kept), for saving."""
    by_id = {s.venue.id: s for s in plan.request.stops}
    return replace(plan.request, stops=tuple(by_id[s.venue.id] for s in plan.stops), optimize=False)

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
from redtour.core.capacity import small_venue_warning
from redtour.core.catalogue import Venue
from redtour.core.clock import clock as _clock
from redtour.core.clock import hm as _hm
from redtour.core.clock import minutes as _minutes
from redtour.core.holidays import HolidayCalendar
from redtour.core.travel import MODE_ZH, Mode, TravelMatrix, offline_matrix
from redtour.core.tsptw import (
    Broken,
    LunchRule,
    Problem,
    Solution,
    Window,
    best_lunch,
    solve,
)
from redtour.i18n import _

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
    #: The holiday schedule in use (None: no year is known, every plan carries the missing-data warning).
    holidays: HolidayCalendar | None = field(default=None, compare=False, repr=False)


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
    broken: tuple[Broken, ...] = ()  # rules a hand-made order breaks here (also said in warnings)

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
    broken: tuple[Broken, ...] = ()  # rules of the whole day it breaks (lunch, return)

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
            "start": place_json(self.request.start),
            "end": place_json(self.end),
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
                    "broken": [str(b) for b in s.broken],
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
            "broken": [str(b) for b in self.broken],
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


def place_json(p: Place) -> dict[str, Any]:
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "venue_id": p.venue_id}


@dataclass(frozen=True)
class _Prepared:
    stop: StopRequest
    windows: tuple[Window, ...]
    warnings: tuple[str, ...]


def day_windows(
    venue: Venue, day: date, holidays: HolidayCalendar | None
) -> tuple[tuple[Window, ...], list[str], str | None]:
    """The visit windows on ``day`` (open, last entry, close in minutes), warnings, and the reason it cannot
    be visited (None if it can). Shared with the campaign scheduler so both apply the same calendar rules."""
    status = day_status(venue, day, holidays)
    warnings: list[str] = [status.warning] if status.warning else []
    if status.state == "closed":
        return (), warnings, status.reason or _("{name} 当日闭馆").format(name=venue.name_zh)
    if status.state == "unknown":
        o, last, c = DEFAULT_WINDOW
        warnings.append(_("开放时间待核实，按 {open}–{close} 估算").format(open=_hm(o), close=_hm(c)))
        return ((_minutes(o), _minutes(last), _minutes(c)),), warnings, None
    windows = tuple(
        (_minutes(p.open), _minutes(p.last_entry or p.close), _minutes(p.close)) for p in status.periods
    )
    if status.holiday:
        warnings.append(_("当日为{holiday}，请确认开放安排").format(holiday=status.holiday))
    return windows, warnings, None


def _rule_warnings(req: PlanRequest, venue: Venue) -> list[str]:
    warnings = []
    res = venue.reservation
    today = req.today or date.today()
    if res is not None and res.required:
        lead = res.lead_days
        if lead is not None and (req.day - today).days < lead:
            left = max(0, (req.day - today).days)
            warnings.append(_("需提前{lead}天预约，距参观日只剩{left}天").format(lead=lead, left=left))
        else:
            warnings.append(_("需预约（{how}）").format(how=res.how) if res.how else _("需预约"))
    elif res is None or res.required is None:
        warnings.append(_("是否需要预约待核实"))
    if venue.max_group_size is not None and req.group_size > venue.max_group_size:
        warnings.append(
            _("团队{size}人，超过单批接待上限{limit}人，需分批").format(
                size=req.group_size, limit=venue.max_group_size
            )
        )
    elif small := small_venue_warning(venue.capacity, req.group_size):
        warnings.append(small)  # a rule of thumb where no source gives a limit (see core/capacity.py)
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
            windows, warnings, reason = (
                (),
                [],
                _("{name} 没有位置信息，无法安排路线").format(name=venue.name_zh),
            )
        else:
            windows, warnings, reason = day_windows(venue, req.day, req.holidays)
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
        raise PlanError([_("返回时间必须晚于出发时间")])

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
            from redtour.core.diagnose import diagnose  # only when no plan exists

            names = [p.stop.venue.name_zh for p in prepared]
            raise PlanError(diagnose(problem, names, req.start_time, req.return_by))
    else:  # a hand-made order: times anyway, with every rule it breaks flagged
        solution = best_lunch(problem, list(range(problem.n)), lenient=True)
        assert solution is not None  # the lenient mode always gives a schedule
        feasible = solution.feasible
    chosen = set(solution.order)
    for i, p in enumerate(prepared):
        if i not in chosen:
            skipped.append((p.stop.venue, _("时间不够，未能安排")))
    return _assemble(req, problem, prepared, solution, matrix, skipped, feasible)


def reorder(plan: Plan, venue_ids: Sequence[str]) -> Plan:
    """The same request in a hand-made order (e.g. after dragging a row): times recomputed, rule breaks
    shown as warnings instead of refused."""
    by_id = {s.venue.id: s for s in plan.request.stops}
    stops = tuple(by_id[v] for v in venue_ids if v in by_id)
    req = replace(plan.request, stops=stops, optimize=False)
    return plan_day(req)


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
        final = p.windows[-1] if p.windows else (0, 0, 0)
        for rule in v.broken:
            arrive, depart = _hm(_clock(v.arrive)), _hm(_clock(v.depart))
            if rule is Broken.CLOSED:
                text = _("{arrive} 到达，已过闭馆时间 {close}").format(
                    arrive=arrive, close=_hm(_clock(final[2]))
                )
            elif rule is Broken.LAST_ENTRY:
                text = _("{arrive} 到达，已过最晚入馆时间 {last}").format(
                    arrive=arrive, last=_hm(_clock(final[1]))
                )
            else:
                close = _hm(_clock(window[2] if window else final[2]))
                text = _("参观到 {depart}，晚于闭馆时间 {close}").format(depart=depart, close=close)
            warnings.append(text)
        if v.start > v.arrive:
            warnings.append(_("需等候开馆 {minutes} 分钟").format(minutes=v.start - v.arrive))
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
                broken=v.broken,
            )
        )
        prev = node
    end_node = problem.n + 1
    plan_warnings = []
    if Broken.RETURN in sol.broken:
        plan_warnings.append(
            _("预计 {back} 返回，晚于要求的 {return_by}").format(
                back=_hm(_clock(sol.back)), return_by=_hm(req.return_by)
            )
        )
    if Broken.LUNCH in sol.broken and sol.lunch_start is not None and problem.lunch is not None:
        plan_warnings.append(
            _("午餐 {start}–{end} 超出午餐时段 {earliest}–{latest}").format(
                start=_hm(_clock(sol.lunch_start)),
                end=_hm(_clock(sol.lunch_start + problem.lunch.minutes)),
                earliest=_hm(_clock(problem.lunch.earliest)),
                latest=_hm(_clock(problem.lunch.latest_end)),
            )
        )
    if Broken.NO_LUNCH in sol.broken:
        plan_warnings.append(_("行程中没有安排午餐"))
    if matrix.source == "offline":
        plan_warnings.append(_("交通时间按离线模型（{mode}）估算").format(mode=_(MODE_ZH[req.mode])))
    for venue, reason in skipped:
        plan_warnings.append(_("未安排：{name}（{reason}）").format(name=venue.name_zh, reason=reason))
    lunch = None
    if sol.lunch_start is not None and problem.lunch is not None:
        lunch = (_clock(sol.lunch_start), _clock(sol.lunch_start + problem.lunch.minutes))
    points: list[dict[str, Any]] = [{"kind": "start", **place_json(req.start)}]
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
    points.append({"kind": "end", **place_json(req.end or req.start)})
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
        broken=sol.broken,
    )


def period_text(window: Window | None) -> str:
    if window is None:
        return ""
    from redtour.core.catalogue import Period

    return format_period(Period(frozenset(), _clock(window[0]), _clock(window[2]), _clock(window[1])))


def plan_request_of(plan: Plan) -> PlanRequest:
    """The request with the plan's stops in the plan's order (venues left out are not kept), for saving."""
    by_id = {s.venue.id: s for s in plan.request.stops}
    return replace(plan.request, stops=tuple(by_id[s.venue.id] for s in plan.stops), optimize=False)

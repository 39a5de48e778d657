"""Plan a group's visit day: the request's stops become windows, the solver orders them, assembly times them.

A must-visit venue that cannot be visited makes the plan fail with the reason (e.g. "顾正红纪念馆 周一闭馆");
when no order keeps the rules, core/diagnose.py says which rule makes the must-visit venues impossible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from redtour.core.catalogue import Venue
from redtour.core.clock import minutes as _minutes
from redtour.core.planner.assembly import assemble
from redtour.core.planner.model import Plan, PlanError, PlanRequest
from redtour.core.planner.windows import Prepared, day_windows, rule_warnings
from redtour.core.travel import TravelMatrix, offline_matrix
from redtour.core.tsptw import LunchRule, Problem, Window, best_lunch, solve
from redtour.i18n import _


def plan_day(req: PlanRequest, matrix: TravelMatrix | None = None, time_limit: float = 1.5) -> Plan:
    """The best plan for ``req`` (or its own order when ``req.optimize`` is False). Raises PlanError."""
    reasons: list[str] = []
    skipped: list[tuple[Venue, str]] = []
    prepared: list[Prepared] = []
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
        prepared.append(Prepared(stop, windows, tuple(warnings + rule_warnings(req, venue))))
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
    return assemble(req, problem, prepared, solution, matrix, skipped, feasible)


def reorder(plan: Plan, venue_ids: Sequence[str]) -> Plan:
    """The same request in a hand-made order (e.g. after dragging a row): times recomputed, rule breaks
    shown as warnings instead of refused."""
    by_id = {s.venue.id: s for s in plan.request.stops}
    stops = tuple(by_id[v] for v in venue_ids if v in by_id)
    req = replace(plan.request, stops=stops, optimize=False)
    return plan_day(req)


def plan_request_of(plan: Plan) -> PlanRequest:
    """The request with the plan's stops in the plan's order (venues left out are not kept), for saving."""
    by_id = {s.venue.id: s for s in plan.request.stops}
    return replace(plan.request, stops=tuple(by_id[s.venue.id] for s in plan.stops), optimize=False)

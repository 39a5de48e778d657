"""A solver's solution turned into a Plan: clock times, the warnings for every broken rule, the map's points."""

from __future__ import annotations

from typing import Any

from redtour.core.catalogue import Venue
from redtour.core.clock import clock as _clock
from redtour.core.clock import hm as _hm
from redtour.core.planner.model import Plan, PlannedStop, PlanRequest
from redtour.core.planner.serial import place_json
from redtour.core.planner.windows import Prepared
from redtour.core.travel import MODE_ZH, TravelMatrix
from redtour.core.tsptw import Broken, Problem, Solution
from redtour.i18n import _


def assemble(
    req: PlanRequest,
    problem: Problem,
    prepared: list[Prepared],
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

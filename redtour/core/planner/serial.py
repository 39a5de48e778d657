"""A plan as plain JSON types: what `redtour plan --format json` prints and the map draws.

(Saved plans keep the request instead, in core/saved_request.py.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from redtour.core.clock import hm as _hm

if TYPE_CHECKING:
    from redtour.core.planner.model import Place, Plan


def place_json(p: Place) -> dict[str, Any]:
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "venue_id": p.venue_id}


def plan_to_json(plan: Plan) -> dict[str, Any]:
    return {
        "date": plan.request.day.isoformat(),
        "mode": str(plan.request.mode),
        "start": place_json(plan.request.start),
        "end": place_json(plan.end),
        "start_time": _hm(plan.request.start_time),
        "return_by": _hm(plan.request.return_by),
        "group_size": plan.request.group_size,
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
            for s in plan.stops
        ],
        "lunch": None
        if plan.lunch is None
        else {"start": _hm(plan.lunch[0]), "end": _hm(plan.lunch[1]), "after_stop": plan.lunch_after},
        "back": _hm(plan.back),
        "final_travel_min": plan.final_travel_min,
        "total_travel_min": plan.total_travel_min,
        "total_distance_km": plan.total_distance_km,
        "warnings": list(plan.warnings),
        "skipped": [{"venue_id": v.id, "name_zh": v.name_zh, "reason": r} for v, r in plan.skipped],
        "optimal": plan.optimal,
        "feasible": plan.feasible,
        "broken": [str(b) for b in plan.broken],
        "travel_model": plan.matrix.source,
        "matrix": matrix_json(plan),
    }


def matrix_json(plan: Plan) -> dict[str, Any]:
    """Every point used, with the minutes between them; the end is left out when it is the start."""
    points, minutes = list(plan.points), [list(r) for r in plan.matrix.minutes]
    start, end = points[0], points[-1]
    if (start["lat"], start["lon"]) == (end["lat"], end["lon"]):
        points.pop()
        minutes = [row[:-1] for row in minutes[:-1]]
    return {"points": points, "minutes": minutes, "km": [list(r) for r in plan.matrix.km][: len(points)]}

"""A plan as the map's route overlay (Qt-free)."""

from __future__ import annotations

from redtour.core.planner import Plan
from redtour.core.travel import MODE_ZH
from redtour.mapping.protocol import Route, RouteStop


def route_of_plan(plan: Plan, title: str | None = None) -> Route:
    stops = tuple(
        RouteStop(
            k + 1,
            s.venue.name_zh,
            s.venue.location.lat,
            s.venue.location.lon,
            f"{s.arrive:%H:%M}–{s.depart:%H:%M}",
        )
        for k, s in enumerate(plan.stops)
        if s.venue.location is not None
    )
    start, end = plan.request.start, plan.end
    legend = (
        f"{plan.request.day:%Y-%m-%d} {MODE_ZH[plan.request.mode]}",
        f"出发 {plan.request.start_time:%H:%M} · 返回 {plan.back:%H:%M}",
        f"交通共 {plan.total_travel_min} 分钟 · {plan.total_distance_km:.1f} 公里",
    )
    return Route(
        title or "参观路线",
        stops,
        start=(start.lat, start.lon),
        end=(end.lat, end.lon),
        legend=legend,
    )

"""A plan as the map's route overlay (Qt-free)."""

from __future__ import annotations

from collections.abc import Sequence

from redtour.core.catalogue import Venue
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


def route_of_visits(
    title: str,
    day_text: str,
    start: tuple[float, float],
    visits: Sequence[tuple[Venue, str]],
) -> Route:
    """A scheduled group's day (campaign): its venues in order with their booked times, from and back to its start."""
    stops = tuple(
        RouteStop(k + 1, v.name_zh, v.location.lat, v.location.lon, times)
        for k, (v, times) in enumerate(visits)
        if v.location is not None
    )
    return Route(title, stops, start=start, end=start, legend=(day_text,))

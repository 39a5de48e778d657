"""A plan as the map's route overlay (Qt-free), its legend in the installed language."""

from __future__ import annotations

from collections.abc import Sequence

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.core.travel import MODE_ZH
from redtour.i18n import _
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
        f"{plan.request.day:%Y-%m-%d} {_(MODE_ZH[plan.request.mode])}",
        _("出发 {start} · 返回 {back}").format(
            start=f"{plan.request.start_time:%H:%M}", back=f"{plan.back:%H:%M}"
        ),
        _("交通共 {minutes} 分钟 · {km} 公里").format(
            minutes=plan.total_travel_min, km=f"{plan.total_distance_km:.1f}"
        ),
    )
    return Route(
        title or _("参观路线"),
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

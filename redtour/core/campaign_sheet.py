"""A scheduled group's day as a planner ``Plan`` with the booked times, for the route sheet.

The venues, their order, legs and notes come from the day planner (its own order, not re-optimised); the arrival
and departure at each venue are the booked ones, never recomputed, because those are what the venues agreed to.
Lunch goes in the first gap between two visits that fits it within the lunch window, else it is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import time

from redtour.core.catalogue import Venue
from redtour.core.planner import Lunch, Plan, PlanRequest, StopRequest, plan_day


def _m(t: time) -> int:
    return t.hour * 60 + t.minute


def _t(minutes: int) -> time:
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return time(minutes // 60, minutes % 60)


def booked_plan(req: PlanRequest, booked: Sequence[tuple[Venue, time, time]]) -> Plan:
    """``req`` with its stops replaced by ``booked`` (venue, arrive, depart) in time order."""
    booked = sorted(booked, key=lambda b: b[1])
    stops = tuple(StopRequest(v, True, max(1, _m(d) - _m(a))) for v, a, d in booked)
    plan = plan_day(replace(req, stops=stops, optimize=False, lunch=None))
    by_venue = {v.id: (a, d) for v, a, d in booked}
    planned = tuple(
        replace(s, arrive=by_venue[s.venue.id][0], start=by_venue[s.venue.id][0], depart=by_venue[s.venue.id][1],
                visit_min=_m(by_venue[s.venue.id][1]) - _m(by_venue[s.venue.id][0]))
        for s in plan.stops
    )  # fmt: skip
    lunch, after = None, None
    rule = req.lunch or Lunch()
    for i in range(len(planned) - 1):
        free_from = _m(planned[i].depart)
        free_to = _m(planned[i + 1].arrive) - planned[i + 1].travel_min
        start = max(free_from, _m(rule.earliest))
        if start + rule.minutes <= min(free_to, _m(rule.latest_end)):
            lunch, after = (_t(start), _t(start + rule.minutes)), i + 1
            break
    back = _t(_m(planned[-1].depart) + plan.final_travel_min) if planned else req.start_time
    return replace(plan, stops=planned, lunch=lunch, lunch_after=after, back=back)

"""Venue-day rules as integers: allowed tour starts, travel legs, and a route shape with its earliest timing.

Shared by the candidate routes, the greedy pass and the CP-SAT model; the calendar comes from the day planner
(``planner.day_windows``) and the travel minutes from its offline model (``travel.py``).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from redtour.core.campaign.model import VenueCapacity
from redtour.core.catalogue import Venue
from redtour.core.geo import geodesic_km
from redtour.core.holidays import HolidayCalendar
from redtour.core.planner import DEFAULT_VISIT_MIN, Lunch
from redtour.core.planner import day_windows as _day_windows
from redtour.core.travel import MODELS, Mode
from redtour.core.tsptw import LunchRule

GRID = 5  # visits start on 5-minute marks unless the venue books by slot
LUNCH = Lunch()


@dataclass(frozen=True)
class StopSpec:
    venue_id: str
    tour: int
    early: int
    starts: tuple[int, ...]  # allowed tour starts (minutes since midnight), sorted
    windows: tuple[tuple[int, int, int], ...] = ()  # the day's (open, last entry, close)


@dataclass(frozen=True)
class Variant:
    day: date
    stops: tuple[StopSpec, ...]
    legs: tuple[int, ...]  # start→first, …, last→start (len(stops) + 1)
    lunch_after: int | None  # lunch after this many stops (None: no lunch that day)
    start_time: int
    return_by: int
    missing_must: tuple[str, ...] = ()
    optional: int = 0  # optional venues visited
    preferred: bool = False

    @property
    def travel(self) -> int:
        return sum(self.legs)

    @property
    def weekend(self) -> bool:
        return self.day.isoweekday() >= 6


@functools.lru_cache(maxsize=65536)
def day_windows(
    venue: Venue, day: date, holidays: HolidayCalendar | None
) -> tuple[tuple[tuple[int, int, int], ...], list[str], str | None]:
    """The day planner's windows, cached: every group asks about the same venues and days."""
    return _day_windows(venue, day, holidays)


@functools.lru_cache(maxsize=65536)
def stop_spec(
    venue: Venue, cap: VenueCapacity, day: date, holidays: HolidayCalendar | None
) -> StopSpec | None:
    """The venue's allowed tour starts on ``day`` (None: closed, or no start fits)."""
    windows, _warnings, closed = day_windows(venue, day, holidays)
    if closed is not None or day in cap.closed_days:
        return None
    tour = tour_minutes(venue, cap)
    starts = start_values(windows, tour, cap)
    return StopSpec(venue.id, tour, cap.arrive_early, starts, windows) if starts else None


@functools.lru_cache(maxsize=65536)
def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return geodesic_km(*a, *b)


def leg_minutes(a: tuple[float, float], b: tuple[float, float], mode: Mode) -> int:
    """The day planner's offline travel model (travel.offline_matrix), with distances cached."""
    if a == b:
        return 0
    return math.ceil(MODELS[mode].minutes(_km(min(a, b), max(a, b))) - 1e-9)


def md(d: date) -> str:
    return f"{d.month}月{d.day}日"


def runs(days: Sequence[date]) -> str:
    """12月9日至12月13日、12月16日 — consecutive days joined."""
    days = sorted(set(days))
    out: list[str] = []
    i = 0
    while i < len(days):
        j = i
        while j + 1 < len(days) and days[j + 1] - days[j] == timedelta(days=1):
            j += 1
        out.append(md(days[i]) if i == j else f"{md(days[i])}至{md(days[j])}")
        i = j + 1
    return "、".join(out)


def capacity_of(venue: Venue, capacities: Mapping[str, VenueCapacity]) -> VenueCapacity:
    return capacities.get(venue.id) or VenueCapacity.cautious(venue)


def tour_minutes(venue: Venue, cap: VenueCapacity) -> int:
    return cap.tour_minutes or venue.visit_minutes or DEFAULT_VISIT_MIN


def start_values(windows: Sequence[tuple[int, int, int]], tour: int, cap: VenueCapacity) -> tuple[int, ...]:
    step = cap.slot_minutes or GRID
    values: list[int] = []
    for opening, last, close in windows:
        first = opening if cap.slot_minutes else -(-opening // GRID) * GRID
        values.extend(x for x in range(first, min(last, close - tour) + 1, step))
    return tuple(sorted(set(values)))


def walk_times(
    v: Variant, lunch: LunchRule, pick: Callable[[int, StopSpec, int], int | None]
) -> tuple[list[int], int | None] | None:
    """The day's one timing walk: travel, lunch and return rules. ``pick(k, stop, need)`` chooses stop k's tour
    start at or after ``need`` (or None: the walk fails). Returns the starts and the lunch start, or None."""
    starts: list[int] = []
    ready, lunch_start = v.start_time, None
    for k in range(len(v.stops) + 1):
        if v.lunch_after == k:
            lunch_start = max(ready, lunch.earliest)
            ready = lunch_start + lunch.minutes
            if ready > lunch.latest_end:
                return None
        if k == len(v.stops):
            break
        s = v.stops[k]
        x = pick(k, s, ready + v.legs[k] + s.early)
        if x is None:
            return None
        starts.append(x)
        ready = x + s.tour
    if ready + v.legs[-1] > v.return_by:
        return None
    return starts, lunch_start


def earliest_times(
    v: Variant, lunch: LunchRule, fits: Callable[[StopSpec, int], bool] | None = None
) -> tuple[list[int], int | None] | None:
    """The earliest tour starts (and lunch start) keeping every rule, or None. Capacity only through ``fits``
    (the greedy's occupancy); left-shifting is exact: waiting is allowed, so an earlier finish never hurts."""
    return walk_times(
        v,
        lunch,
        lambda _k, s, need: next((x for x in s.starts if x >= need and (fits is None or fits(s, x))), None),
    )

"""What a plan is: the request (venues, places, times, lunch) and the timed plan with its warnings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from redtour.core.catalogue import Venue
from redtour.core.clock import minutes as _minutes
from redtour.core.holidays import HolidayCalendar
from redtour.core.travel import Mode, TravelMatrix
from redtour.core.tsptw import Broken, Window

DEFAULT_VISIT_MIN = 60


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

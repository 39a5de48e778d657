"""The campaign scheduler's data: what a group asks for, what a venue can take, and the schedule that results.

Interface (Qt-free; the storage/CLI/UI layers call it), on a ``CampaignProblem`` (its fields say what each is):

    schedule(problem, *, time_limit=10.0, previous=None, progress=None, stop=None) -> ScheduleResult
                                                                 # redtour.core.campaign.solver
    greedy_schedule(problem) -> ScheduleResult                   # redtour.core.campaign.greedy

- ``previous``: the last schedule; the new one moves as few of its groups as possible and
  ``ScheduleResult.moved`` names those that moved.
- ``progress`` is called from the solver thread with a ``ProgressInfo`` per improving solution (the greedy
  start first); setting ``stop`` ends the search and returns the best schedule found so far.
- ``improved=False`` (benchmark only) builds the plain CP-SAT model without the precompute, hint and cuts.
- Raises ``ValueError`` (Chinese message) only when confirmed bookings contradict each other or the rules.
- A split group has one ``Assignment`` per sub-group (``part``/``parts``); pins name the sub-group by ``part``.

Times are Shanghai local time; a stop occupies its venue from ``arrive`` (booked arrival, the arrive-early
margin before the tour) to ``depart`` (end of the tour). docs/campaign-scheduler.md describes the rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.core.planner import Place
from redtour.core.travel import Mode

UNKNOWN_ZH = "待核实"


@dataclass(frozen=True)
class VenueCapacity:
    """How many groups a venue takes. Unknown figures are None; ``known`` False means nobody checked and the
    cautious defaults apply (shown 待核实)."""

    venue_id: str
    max_group: int | None = None  # people per group (None: no limit known)
    concurrent: int = 1  # groups inside at the same time (1: cautious default)
    per_day: int | None = None  # groups per day
    lead_days: int = 0  # book at least this many days ahead of the visit
    tour_minutes: int | None = (
        None  # visit length; None: the catalogue's visit_minutes, else the planner's 60
    )
    slot_minutes: int | None = None  # visits start on this grid from each opening period's start
    slots_per_day: int | None = None
    arrive_early: int = 0  # minutes before the tour the group must be there (counted as occupying the venue)
    known: bool = True
    closed_days: frozenset[date] = frozenset()  # days the venue cancelled for this campaign: closed

    @classmethod
    def cautious(cls, venue: Venue) -> VenueCapacity:
        """One group at a time, the catalogue's group size and lead days when it has them."""
        lead = venue.reservation.lead_days if venue.reservation and venue.reservation.lead_days else 0
        return cls(venue.id, max_group=venue.max_group_size, lead_days=lead, known=False)

    @property
    def daily_cap(self) -> int | None:
        caps = [c for c in (self.per_day, self.slots_per_day) if c is not None]
        return min(caps) if caps else None


@dataclass(frozen=True)
class GroupRequest:
    group_id: str
    union: str
    name: str
    people: int
    earliest: date
    latest: date
    must: tuple[str, ...]  # venue ids
    start: Place
    optional: tuple[str, ...] = ()
    excluded_weekdays: frozenset[int] = frozenset()  # ISO 1–7
    mode: Mode = Mode.COACH
    start_time: time = time(8, 30)
    return_by: time = time(17, 30)
    preferred: tuple[date, ...] = ()
    splittable: bool = True


@dataclass(frozen=True)
class StopTime:
    venue_id: str
    arrive: time
    depart: time


@dataclass(frozen=True)
class Pin:
    """A confirmed booking: the group (or one of its sub-groups) goes on ``day`` with exactly these stops."""

    group_id: str
    day: date
    stops: tuple[StopTime, ...]
    part: int = 0


@dataclass(frozen=True)
class CampaignProblem:
    """What the scheduler is asked: one input for the solver, the greedy baseline and the precompute."""

    requests: Sequence[GroupRequest]
    """One ``GroupRequest`` per group (ids unique)."""
    venues: Mapping[str, Venue]
    """Catalogue ``Venue`` by id: hours, closures, location, visit length."""
    capacities: Mapping[str, VenueCapacity]
    """By venue id; a venue without one is scheduled with ``VenueCapacity.cautious`` (shown 待核实)."""
    start: date
    """The campaign's first day (inclusive)."""
    end: date
    """The campaign's last day (inclusive)."""
    today: date
    """The day the schedule is made: booking lead days count from it."""
    pins: Sequence[Pin] = ()
    """Confirmed bookings, kept exactly."""
    holidays: HolidayCalendar | None = None
    """The official holiday schedule (holidays, make-up working days); None: no year's holidays are known."""


@dataclass(frozen=True)
class Assignment:
    group_id: str
    part: int  # sub-group index (0 when not split)
    parts: int  # how many sub-groups the group was split into (1: not split)
    people: int  # in this sub-group
    day: date
    stops: tuple[StopTime, ...]
    travel_min: int = 0
    lunch: tuple[time, time] | None = None
    missing_must: tuple[
        str, ...
    ] = ()  # must-visit venues this route leaves out (the objective's second rank)
    pinned: bool = False


@dataclass(frozen=True)
class Unscheduled:
    group_id: str
    name: str
    reasons: tuple[str, ...]  # Chinese sentences


@dataclass(frozen=True)
class ProgressInfo:
    """One report: ``solutions`` 0 is the greedy first-fit start (objective and bound NaN); from 1 on, CP-SAT's
    improving solutions (stage 1, then stage 2 with its own objective)."""

    elapsed: float  # seconds since ``schedule`` was called
    solutions: int
    objective: float
    bound: float
    scheduled_people: int | None = None


@dataclass(frozen=True)
class ScheduleResult:
    optimal: bool
    gap: float | None  # relative gap of the objective, None when proven optimal or unknown
    bound: float | None
    objective: float | None
    assignments: tuple[Assignment, ...]
    unscheduled: tuple[Unscheduled, ...]
    moved: tuple[str, ...] = ()  # group ids placed differently from ``previous``
    notes: tuple[str, ...] = ()  # e.g. 团队X 45人超过湖州会馆每团30人上限，拆分为2个小组
    stats: Mapping[str, Any] = field(default_factory=dict)
    requests: Mapping[str, GroupRequest] = field(default_factory=dict, compare=False)
    venue_names: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def scheduled_groups(self) -> int:
        return len({a.group_id for a in self.assignments})

    @property
    def scheduled_people(self) -> int:
        return sum(a.people for a in self.assignments)

    def to_json(self) -> dict[str, Any]:
        """The issue's JSON shape (extra keys: part, parts, travel_min, lunch, missing_must, moved, notes…)."""
        out_assignments = []
        for a in sorted(self.assignments, key=lambda a: (a.day, a.group_id, a.part)):
            req = self.requests.get(a.group_id)
            out_assignments.append(
                {
                    "group_id": a.group_id,
                    "union": req.union if req else "",
                    "name": req.name if req else "",
                    "people": a.people,
                    "date": a.day.isoformat(),
                    "part": a.part,
                    "parts": a.parts,
                    "stops": [
                        {
                            "venue_id": s.venue_id,
                            "name_zh": self.venue_names.get(s.venue_id, s.venue_id),
                            "arrive": f"{s.arrive:%H:%M}",
                            "depart": f"{s.depart:%H:%M}",
                        }
                        for s in a.stops
                    ],
                    "travel_min": a.travel_min,
                    "lunch": None if a.lunch is None else [f"{a.lunch[0]:%H:%M}", f"{a.lunch[1]:%H:%M}"],
                    "missing_must": list(a.missing_must),
                    "pinned": a.pinned,
                }
            )
        return {
            "optimal": self.optimal,
            "gap": self.gap,
            "bound": self.bound,
            "objective": self.objective,
            "scheduled_groups": self.scheduled_groups,
            "scheduled_people": self.scheduled_people,
            "assignments": out_assignments,
            "unscheduled": [
                {"group_id": u.group_id, "name": u.name, "reasons": list(u.reasons)} for u in self.unscheduled
            ],
            "moved": list(self.moved),
            "notes": list(self.notes),
            "stats": dict(self.stats),
        }

"""A plan request in the plain, JSON-safe form saved plans keep (venues by id), and back.

The form is typed (``SavedRequest``): a reader that asks for a key the writer never wrote is a type error, not a
silent empty result (a key mismatch once broke 按行程建团). ``saved_request`` checks a stored value on reading.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any, TypedDict, cast

from redtour.core.catalogue import Venue
from redtour.core.clock import hm
from redtour.core.holidays import HolidayCalendar
from redtour.core.planner import Lunch, Place, PlanRequest, StopRequest
from redtour.core.travel import Mode


class SavedPlace(TypedDict):
    name: str
    lat: float
    lon: float
    venue_id: str | None


class SavedLunch(TypedDict):
    earliest: str  # "HH:MM"
    latest_end: str
    minutes: int


class SavedStop(TypedDict):
    venue_id: str
    must: bool
    visit_min: int | None


class SavedRequest(TypedDict):
    day: str  # ISO date
    start: SavedPlace
    end: SavedPlace | None
    start_time: str  # "HH:MM"
    return_by: str
    group_size: int
    mode: str
    lunch: SavedLunch | None
    stops: list[SavedStop]


_KEYS = frozenset(SavedRequest.__annotations__)


def saved_request(value: Any) -> SavedRequest:
    """A stored request (the JSON column) as a ``SavedRequest``; ValueError when it is not one. A missing end or
    lunch reads as none (the form's optional parts); anything else missing is a damaged record."""
    if isinstance(value, dict):
        value = {"end": None, "lunch": None, **value}
    if not isinstance(value, dict) or not value.keys() >= _KEYS:
        missing = sorted(_KEYS - set(value)) if isinstance(value, dict) else ["(not an object)"]
        raise ValueError(f"saved plan request lacks {', '.join(missing)}")
    if not isinstance(value["stops"], list) or not all(
        isinstance(s, dict) and isinstance(s.get("venue_id"), str) for s in value["stops"]
    ):
        raise ValueError("saved plan request has malformed stops")
    return cast(SavedRequest, dict(value))


def _place_out(p: Place) -> SavedPlace:
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "venue_id": p.venue_id}


def request_to_dict(req: PlanRequest) -> SavedRequest:
    """A plain, JSON-safe form of a request (venues by id), for saving."""
    return {
        "day": req.day.isoformat(),
        "start": _place_out(req.start),
        "end": None if req.end is None else _place_out(req.end),
        "start_time": hm(req.start_time),
        "return_by": hm(req.return_by),
        "group_size": req.group_size,
        "mode": str(req.mode),
        "lunch": None
        if req.lunch is None
        else {
            "earliest": hm(req.lunch.earliest),
            "latest_end": hm(req.lunch.latest_end),
            "minutes": req.lunch.minutes,
        },
        "stops": [{"venue_id": s.venue.id, "must": s.must, "visit_min": s.visit_min} for s in req.stops],
    }


def saved_venue_ids(data: SavedRequest) -> tuple[str, ...]:
    """The venue ids of a request saved by ``request_to_dict``, in the plan's order."""
    return tuple(s["venue_id"] for s in data["stops"])


def _place(data: SavedPlace) -> Place:
    return Place(str(data["name"]), float(data["lat"]), float(data["lon"]), data.get("venue_id"))


def request_from_dict(
    data: SavedRequest, venues: dict[str, Venue], holidays: HolidayCalendar | None = None
) -> tuple[PlanRequest, list[str]]:
    """The request back, with the venues as they are now; also the ids of venues no longer known."""
    missing = [v for v in saved_venue_ids(data) if v not in venues]
    lunch = data["lunch"]
    req = PlanRequest(
        day=date.fromisoformat(data["day"]),
        start=_place(data["start"]),
        end=_place(data["end"]) if data["end"] else None,
        start_time=time.fromisoformat(data["start_time"]),
        return_by=time.fromisoformat(data["return_by"]),
        group_size=int(data["group_size"]),
        mode=Mode(data["mode"]),
        lunch=None
        if not lunch
        else Lunch(
            time.fromisoformat(lunch["earliest"]),
            time.fromisoformat(lunch["latest_end"]),
            int(lunch["minutes"]),
        ),
        stops=tuple(
            StopRequest(venues[s["venue_id"]], bool(s["must"]), s.get("visit_min"))
            for s in data["stops"]
            if s["venue_id"] in venues
        ),
        optimize=False,
        holidays=holidays,
    )
    return req, missing

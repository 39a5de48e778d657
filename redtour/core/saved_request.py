"""A plan request in the plain, JSON-safe form saved plans keep (venues by id), and back."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from redtour.core.catalogue import Venue
from redtour.core.clock import hm
from redtour.core.holidays import HolidayCalendar
from redtour.core.planner import Lunch, Place, PlanRequest, StopRequest, place_json
from redtour.core.travel import Mode


def request_to_dict(req: PlanRequest) -> dict[str, Any]:
    """A plain, JSON-safe form of a request (venues by id), for saving."""
    return {
        "day": req.day.isoformat(),
        "start": place_json(req.start),
        "end": None if req.end is None else place_json(req.end),
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


def saved_venue_ids(data: dict[str, Any]) -> tuple[str, ...]:
    """The venue ids of a request saved by ``request_to_dict``, in the plan's order."""
    return tuple(str(s["venue_id"]) for s in data.get("stops", []) if s.get("venue_id"))


def _place(data: dict[str, Any]) -> Place:
    return Place(str(data["name"]), float(data["lat"]), float(data["lon"]), data.get("venue_id"))


def request_from_dict(
    data: dict[str, Any], venues: dict[str, Venue], holidays: HolidayCalendar | None = None
) -> tuple[PlanRequest, list[str]]:
    """The request back, with the venues as they are now; also the ids of venues no longer known."""
    missing = [v for v in saved_venue_ids(data) if v not in venues]
    lunch = data.get("lunch")
    req = PlanRequest(
        day=date.fromisoformat(data["day"]),
        start=_place(data["start"]),
        end=_place(data["end"]) if data.get("end") else None,
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

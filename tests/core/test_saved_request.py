"""Saved plans keep a typed request (core/saved_request.py): written and read back, checked when read."""

from __future__ import annotations

import pytest

from redtour.core.planner import StopRequest, plan_day, plan_request_of
from redtour.core.saved_request import request_from_dict, request_to_dict, saved_request, saved_venue_ids
from tests.core.test_planner import GZH, SJB, SSH, WEDNESDAY, request


def solved_plan():
    return plan_day(request(WEDNESDAY, StopRequest(GZH), StopRequest(SJB), StopRequest(SSH, visit_min=30)))


def stored() -> dict:
    return dict(request_to_dict(plan_request_of(solved_plan())))


def test_a_request_survives_the_round_trip_through_its_stored_form():
    original = plan_request_of(solved_plan())
    data = saved_request(stored())
    assert saved_venue_ids(data) == tuple(s.venue.id for s in original.stops)
    again, missing = request_from_dict(data, {v.id: v for v in (GZH, SJB, SSH)})
    assert missing == []
    assert (again.day, again.start, again.end, again.lunch, again.mode) == (
        original.day, original.start, original.end, original.lunch, original.mode
    )  # fmt: skip
    assert [(s.venue.id, s.must, s.visit_min) for s in again.stops] == [
        (s.venue.id, s.must, s.visit_min) for s in original.stops
    ]


def test_a_damaged_stored_request_is_refused_by_name():
    data = stored()
    del data["stops"]
    with pytest.raises(ValueError, match="stops"):
        saved_request(data)
    with pytest.raises(ValueError, match="malformed stops"):
        saved_request({**stored(), "stops": [{"id": "x"}]})
    with pytest.raises(ValueError):
        saved_request(["not", "an", "object"])


def test_an_absent_end_or_lunch_reads_as_none():
    data = stored()
    del data["end"], data["lunch"]
    read = saved_request(data)
    assert read["end"] is None and read["lunch"] is None

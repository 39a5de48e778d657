"""Greedy first-fit baseline (work in progress)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from redtour.core.campaign.model import GroupRequest, Pin, ScheduleResult, VenueCapacity
from redtour.core.catalogue import Venue


def greedy_schedule(
    requests: Sequence[GroupRequest],
    venues: Mapping[str, Venue],
    capacities: Mapping[str, VenueCapacity],
    start: date,
    end: date,
    today: date,
    *,
    pins: Sequence[Pin] = (),
) -> ScheduleResult:
    """Each group in turn on its first day and earliest times that still fit."""
    raise NotImplementedError

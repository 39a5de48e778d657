"""The CP-SAT campaign scheduler (work in progress: the interface is fixed, the model follows)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from redtour.core.campaign.model import (
    Assignment,
    GroupRequest,
    Pin,
    ProgressInfo,
    ScheduleResult,
    VenueCapacity,
)
from redtour.core.catalogue import Venue


def schedule(
    requests: Sequence[GroupRequest],
    venues: Mapping[str, Venue],
    capacities: Mapping[str, VenueCapacity],
    start: date,
    end: date,
    today: date,
    *,
    time_limit: float = 10.0,
    pins: Sequence[Pin] = (),
    previous: Sequence[Assignment] | None = None,
    progress: Callable[[ProgressInfo], None] | None = None,
    stop: threading.Event | None = None,
) -> ScheduleResult:
    """Give every request a date and a timed route (see model.py)."""
    raise NotImplementedError

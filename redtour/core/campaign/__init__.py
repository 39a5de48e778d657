"""Campaign scheduling: many groups through small venues over weeks (see model.py for the interface)."""

from redtour.core.campaign.greedy import greedy_schedule
from redtour.core.campaign.model import (
    Assignment,
    CampaignProblem,
    GroupRequest,
    Pin,
    ProgressInfo,
    ScheduleResult,
    StopTime,
    Unscheduled,
    VenueCapacity,
)
from redtour.core.campaign.solver import schedule

__all__ = [
    "Assignment",
    "CampaignProblem",
    "GroupRequest",
    "Pin",
    "ProgressInfo",
    "ScheduleResult",
    "StopTime",
    "Unscheduled",
    "VenueCapacity",
    "greedy_schedule",
    "schedule",
]

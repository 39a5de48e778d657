"""Plan a group's visit day: from venues, places and times to an ordered, timed itinerary with warnings.

By concern: model (request and plan types), windows (a venue's calendar on the day as time windows, and the
warnings on its stop), day (plan_day: windows → solver → plan), assembly (a solution as clock times and
warnings), serial (a plan as JSON). Why no plan exists is core/diagnose.py. Import from this package.
"""

from redtour.core.planner.day import plan_day, plan_request_of, reorder
from redtour.core.planner.model import (
    DEFAULT_VISIT_MIN,
    Lunch,
    Place,
    Plan,
    PlanError,
    PlannedStop,
    PlanRequest,
    StopRequest,
)
from redtour.core.planner.serial import place_json, plan_to_json
from redtour.core.planner.windows import DEFAULT_WINDOW, day_windows, period_text

__all__ = [
    "DEFAULT_VISIT_MIN",
    "DEFAULT_WINDOW",
    "Lunch",
    "Place",
    "Plan",
    "PlanError",
    "PlanRequest",
    "PlannedStop",
    "StopRequest",
    "day_windows",
    "period_text",
    "place_json",
    "plan_day",
    "plan_request_of",
    "plan_to_json",
    "reorder",
]

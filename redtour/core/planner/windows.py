"""The calendar rules of one venue on one day as time windows for ``tsptw``, and the warnings on its stop.

Opening hours, last entry, weekly closing days, statutory holidays and unknown hours become windows (minutes
since midnight); reservation lead time and group size become warnings. Shared with the campaign scheduler so
both apply the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from redtour.core.calendar import day_status, format_period
from redtour.core.capacity import small_venue_warning
from redtour.core.catalogue import Venue
from redtour.core.clock import clock as _clock
from redtour.core.clock import hm as _hm
from redtour.core.clock import minutes as _minutes
from redtour.core.holidays import HolidayCalendar
from redtour.core.planner.model import PlanRequest, StopRequest
from redtour.core.tsptw import Window
from redtour.i18n import _

#: Plan a venue whose hours are unknown with this window, and say so on the stop.
DEFAULT_WINDOW = (time(9, 0), time(16, 0), time(16, 30))


@dataclass(frozen=True)
class Prepared:
    """A stop that can be visited on the day: its windows and the warnings it carries."""

    stop: StopRequest
    windows: tuple[Window, ...]
    warnings: tuple[str, ...]


def day_windows(
    venue: Venue, day: date, holidays: HolidayCalendar | None
) -> tuple[tuple[Window, ...], list[str], str | None]:
    """The visit windows on ``day`` (open, last entry, close in minutes), warnings, and the reason it cannot
    be visited (None if it can). Shared with the campaign scheduler so both apply the same calendar rules."""
    status = day_status(venue, day, holidays)
    warnings: list[str] = [status.warning] if status.warning else []
    if status.state == "closed":
        return (), warnings, status.reason or _("{name} 当日闭馆").format(name=venue.name_zh)
    if status.state == "unknown":
        o, last, c = DEFAULT_WINDOW
        warnings.append(_("开放时间待核实，按 {open}–{close} 估算").format(open=_hm(o), close=_hm(c)))
        return ((_minutes(o), _minutes(last), _minutes(c)),), warnings, None
    windows = tuple(
        (_minutes(p.open), _minutes(p.last_entry or p.close), _minutes(p.close)) for p in status.periods
    )
    if status.holiday:
        warnings.append(_("当日为{holiday}，请确认开放安排").format(holiday=status.holiday))
    return windows, warnings, None


def rule_warnings(req: PlanRequest, venue: Venue) -> list[str]:
    warnings = []
    res = venue.reservation
    today = req.today or date.today()
    if res is not None and res.required:
        lead = res.lead_days
        if lead is not None and (req.day - today).days < lead:
            left = max(0, (req.day - today).days)
            warnings.append(_("需提前{lead}天预约，距参观日只剩{left}天").format(lead=lead, left=left))
        else:
            warnings.append(_("需预约（{how}）").format(how=res.how) if res.how else _("需预约"))
    elif res is None or res.required is None:
        warnings.append(_("是否需要预约待核实"))
    if venue.max_group_size is not None and req.group_size > venue.max_group_size:
        warnings.append(
            _("团队{size}人，超过单批接待上限{limit}人，需分批").format(
                size=req.group_size, limit=venue.max_group_size
            )
        )
    elif small := small_venue_warning(venue.capacity, req.group_size):
        warnings.append(small)  # a rule of thumb where no source gives a limit (see core/capacity.py)
    return warnings


def period_text(window: Window | None) -> str:
    if window is None:
        return ""
    from redtour.core.catalogue import Period

    return format_period(Period(frozenset(), _clock(window[0]), _clock(window[2]), _clock(window[1])))

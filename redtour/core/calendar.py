"""Is a venue open on a given date? Weekly rules, the venue's holiday closures and China's official holidays.

The holiday schedule is a ``HolidayCalendar`` (core.holidays) that callers pass in: the bundled official years
plus the years staff entered. For a year it does not know, the weekly rules alone apply and
``DayStatus.holiday_data_missing`` / ``DayStatus.warning`` say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Literal

from redtour.core.catalogue import OpeningHours, Period, Venue
from redtour.core.holidays import HolidayCalendar, HolidayInfo, missing_warning
from redtour.i18n import N_

State = Literal["open", "closed", "unknown"]

# N_: the UI shows them through gettext (English "Mon"…); in Chinese sentences they stay as they are.
WEEKDAY_ZH = {1: N_("周一"), 2: N_("周二"), 3: N_("周三"), 4: N_("周四"), 5: N_("周五"), 6: N_("周六"), 7: N_("周日")}

_NO_DATA = HolidayCalendar()


def holiday_info(day: date, calendar: HolidayCalendar | None) -> HolidayInfo:
    """The day's holiday facts; with no calendar every year is unknown (nothing is guessed)."""
    return (calendar or _NO_DATA).info(day)


@dataclass(frozen=True)
class DayStatus:
    state: State
    periods: tuple[Period, ...] = ()
    reason: str = ""  # Chinese sentence: why closed / why unknown
    holiday: str | None = None  # the statutory holiday's name, if any
    holiday_data_missing: bool = False
    year: int = 0

    @property
    def warning(self) -> str | None:
        """The missing-holiday-data sentence, or None when the year's schedule is known."""
        return missing_warning(self.year) if self.holiday_data_missing else None

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    @property
    def first_open(self) -> time | None:
        return min((p.open for p in self.periods), default=None)

    @property
    def last_close(self) -> time | None:
        return max((p.close for p in self.periods), default=None)

    def hours_text(self) -> str:
        return "、".join(format_period(p) for p in self.periods)


def format_period(p: Period) -> str:
    text = f"{p.open:%H:%M}–{p.close:%H:%M}"
    if p.last_entry:
        text += f"（{p.last_entry:%H:%M}停止入馆）"
    return text


def periods_on(hours: OpeningHours, weekday: int) -> tuple[Period, ...]:
    return tuple(sorted((p for p in hours.periods if weekday in p.weekdays), key=lambda p: p.open))


def day_status(venue: Venue, day: date, holidays: HolidayCalendar | HolidayInfo | None) -> DayStatus:
    """The venue's status on ``day`` by its weekly rules, its holiday closures and the holiday calendar."""
    info = holidays if isinstance(holidays, HolidayInfo) else holiday_info(day, holidays)

    def status(state: State, periods: tuple[Period, ...] = (), reason: str = "") -> DayStatus:
        return DayStatus(state, periods, reason, info.name, not info.known, day.year)

    hours = venue.hours
    if hours is None:
        return status("unknown", reason=N_("开放时间待核实"))
    if hours.all_day:
        return status("open", (Period(frozenset(range(1, 8)), time(0), time(23, 59)),))
    if info.name and info.name in hours.closed_holidays:
        return status("closed", reason=f"{venue.name_zh} {info.name}假期闭馆")
    weekday = day.isoweekday()
    if weekday in hours.closed_weekdays:
        if not (hours.open_on_public_holidays and info.is_holiday):
            return status("closed", reason=f"{venue.name_zh} {WEEKDAY_ZH[weekday]}闭馆")
        # Open on a holiday that falls on the closing day: use the hours of a regular open day.
        periods = next((periods_on(hours, d) for d in range(1, 8) if periods_on(hours, d)), ())
    else:
        periods = periods_on(hours, weekday)
    if not periods:
        if not hours.periods:
            return status("unknown", reason=N_("开放时段待核实"))
        return status("closed", reason=f"{venue.name_zh} {WEEKDAY_ZH[weekday]}不开放")
    return status("open", periods)


def weekly_summary(hours: OpeningHours | None) -> str:
    """A one-line Chinese summary such as 周二至周日 09:00–16:30（16:00停止入馆）；周一闭馆."""
    if hours is None:
        return "待核实"
    if hours.all_day:
        return "全天开放"
    groups: dict[str, list[int]] = {}  # the day's hours text → weekdays with exactly those hours
    for wd in range(1, 8):
        periods = periods_on(hours, wd)
        if periods:
            groups.setdefault("、".join(format_period(p) for p in periods), []).append(wd)
    parts = [f"{_days_text(days)} {text}" for text, days in groups.items()]
    if hours.closed_weekdays:
        closed = "、".join(WEEKDAY_ZH[d] for d in sorted(hours.closed_weekdays)) + "闭馆"
        if hours.open_on_public_holidays:
            closed += "（法定节假日除外）"
        parts.append(closed)
    if hours.closed_holidays:
        parts.append("、".join(hours.closed_holidays) + "假期闭馆")
    return "；".join(parts) if parts else "开放时段待核实"


def _days_text(days: list[int]) -> str:
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"{WEEKDAY_ZH[days[0]]}至{WEEKDAY_ZH[days[-1]]}"
    return "、".join(WEEKDAY_ZH[d] for d in days)

"""Load of each venue on each day of a campaign, against its capacity: the calendar grid's cells. No I/O."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time

from redtour.core.calendar import day_status
from redtour.core.campaign_capacity import VenueCapacityInfo
from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.i18n import _


@dataclass(frozen=True)
class Visit:
    venue_id: str
    day: date
    arrive: time
    depart: time
    label: str  # "工会 团队 25人"


@dataclass(frozen=True)
class Cell:
    groups: int
    peak: int  # most groups inside at the same moment
    per_day: int | None
    concurrent: int
    closed: bool
    visits: tuple[Visit, ...]

    @property
    def level(self) -> str:
        """closed | empty | ok | full | over — the colour of the cell. Full only against a known daily cap."""
        if self.closed and not self.groups:
            return "closed"
        if not self.groups:
            return "empty"
        if (
            self.closed
            or self.peak > self.concurrent
            or (self.per_day is not None and self.groups > self.per_day)
        ):
            return "over"
        return "full" if self.per_day is not None and self.groups == self.per_day else "ok"

    def text(self) -> str:
        if not self.groups:
            return _("闭馆") if self.closed else ""
        cap = f"/{self.per_day}" if self.per_day is not None else ""
        return f"{self.groups}{cap}"

    def tooltip(self) -> str:
        lines = [f"{v.arrive:%H:%M}–{v.depart:%H:%M} {v.label}" for v in self.visits]
        lines.append(_("同时在馆最多 {0} 个团队（上限 {1}）").format(self.peak, self.concurrent))
        return "\n".join(lines)


def peak_overlap(visits: Iterable[Visit]) -> int:
    events = sorted(
        [(v.arrive, 1) for v in visits] + [(v.depart, -1) for v in visits], key=lambda e: (e[0], e[1])
    )
    now = best = 0
    for _t, step in events:  # a departure at 10:00 frees the venue for an arrival at 10:00
        now += step
        best = max(best, now)
    return best


def load_grid(
    visits: Iterable[Visit],
    venues: Mapping[str, Venue],
    capacities: Mapping[str, VenueCapacityInfo],
    days: list[date],
    cancelled: Mapping[str, frozenset[date]] | None = None,  # venue-days cancelled for the campaign
    holidays: HolidayCalendar | None = None,
) -> dict[tuple[str, date], Cell]:
    by_cell: dict[tuple[str, date], list[Visit]] = defaultdict(list)
    for v in visits:
        by_cell[(v.venue_id, v.day)].append(v)
    out = {}
    for vid, cap in capacities.items():
        venue = venues.get(vid)
        for d in days:
            vs = sorted(by_cell.get((vid, d), []), key=lambda v: v.arrive)
            closed = d in (cancelled or {}).get(vid, ()) or (
                venue is not None and day_status(venue, d, holidays).state == "closed"
            )
            out[(vid, d)] = Cell(len(vs), peak_overlap(vs), cap.value("per_day"), cap.value("concurrent") or 1,
                                 closed, tuple(vs))  # fmt: skip
    return out

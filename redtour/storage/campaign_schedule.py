"""Run inputs for the campaign scheduler, saving its result, and the bookings it creates.

Saving keeps every pinned assignment (a booking the venue accepted) exactly as it is, replaces the others,
and creates a 待预约 booking per stop with its lead-time deadline. Each scheduled request gets a tour group
(participation tables), so the check-ins recorded on that group are its attendance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from redtour.core.campaign.model import (
    Assignment,
    CampaignProblem,
    GroupRequest,
    Pin,
    ScheduleResult,
    StopTime,
    VenueCapacity,
)
from redtour.core.campaign_capacity import VenueCapacityInfo
from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.storage import audit
from redtour.storage.campaign_closures import closed_days
from redtour.storage.campaign_rows import (
    BookingRow,
    CampaignAssignmentRow,
    CampaignRequestRow,
    CampaignScheduleRow,
)
from redtour.storage.campaigns import Campaign, CampaignRepository, CampaignRequest, requests_in
from redtour.storage.database import Database
from redtour.storage.holidays import load_calendar
from redtour.storage.models import TourGroupRow
from redtour.storage.participation import new_uuid
from redtour.storage.venues import VenueRepository

ACTIVE = ("已预约", "已确认")  # the venue accepted: the assignment is pinned


@dataclass(frozen=True)
class RunInputs:
    requests: tuple[GroupRequest, ...]
    venues: dict[str, Venue]
    capacities: dict[str, VenueCapacity]
    pins: tuple[Pin, ...]
    previous: tuple[Assignment, ...]
    names: dict[str, str]  # group id → "union 团队名"
    holidays: HolidayCalendar | None = None  # the official schedule plus years staff entered

    def problem(self, start: date, end: date, today: date) -> CampaignProblem:
        """The scheduler's input for the campaign's dates: these requests, venues, capacities, pins, holidays."""
        return CampaignProblem(
            self.requests, self.venues, self.capacities, start, end, today, self.pins, self.holidays
        )


def group_request(r: CampaignRequest) -> GroupRequest:
    return GroupRequest(
        str(r.id), r.union, r.name, r.people, r.earliest, r.latest, r.must, r.start, r.optional,
        frozenset(r.no_weekdays), r.mode, r.start_time, r.return_by, splittable=r.split_ok,
    )  # fmt: skip


def venue_capacity(info: VenueCapacityInfo) -> VenueCapacity:
    return VenueCapacity(
        info.venue_id,
        max_group=info.value("max_group"),
        concurrent=info.value("concurrent") or 1,
        per_day=info.value("per_day"),
        lead_days=info.value("lead_days") or 0,
        tour_minutes=info.value("tour_minutes") if info.facts["tour_minutes"].origin != "default" else None,
        slot_minutes=info.value("slot_minutes"),
        arrive_early=info.value("arrive_early") or 0,
        known=not info.facts["concurrent"].unverified,
    )


def _stops(data: list[dict[str, str]]) -> tuple[StopTime, ...]:
    return tuple(
        StopTime(s["venue_id"], time.fromisoformat(s["arrive"]), time.fromisoformat(s["depart"]))
        for s in data
    )


def run_inputs(db: Database, campaign: Campaign) -> RunInputs:
    venues = {v.id: v for v in VenueRepository(db).list_venues(include_retired=True)}
    caps = CampaignRepository(db).capacities()
    with db.reading() as s:
        reqs = requests_in(s, campaign.id)
        rows = s.scalars(
            select(CampaignAssignmentRow).where(CampaignAssignmentRow.request_id.in_([r.id for r in reqs]))
        ).all()
    by_request: dict[int, int] = {}
    for a in rows:
        by_request[a.request_id] = by_request.get(a.request_id, 0) + 1
    previous = tuple(
        Assignment(
            str(a.request_id),
            a.part,
            by_request[a.request_id],
            a.people,
            a.day,
            _stops(a.stops),
            pinned=a.pinned,
        )
        for a in rows
    )
    pins = tuple(Pin(a.group_id, a.day, a.stops, a.part) for a in previous if a.pinned)
    used = {v for r in reqs for v in (*r.must, *r.optional)}
    closed = closed_days(db, campaign.id)
    return RunInputs(
        tuple(group_request(r) for r in reqs),
        venues,
        {
            vid: replace(venue_capacity(caps[vid]), closed_days=closed.get(vid, frozenset()))
            for vid in used
            if vid in caps
        },
        pins,
        previous,
        {str(r.id): f"{r.union} {r.name}" for r in reqs},
        load_calendar(db),
    )


def _stops_json(stops: Sequence[StopTime]) -> list[dict[str, str]]:
    return [
        {"venue_id": s.venue_id, "arrive": f"{s.arrive:%H:%M}", "depart": f"{s.depart:%H:%M}"} for s in stops
    ]


def save_schedule(db: Database, campaign: Campaign, result: ScheduleResult, today: date) -> list[str]:
    """Store the result; returns the names of groups whose date or route changed from the saved schedule."""
    caps = CampaignRepository(db).capacities()
    with db.writing() as s:
        reqs = {str(r.id): r for r in requests_in(s, campaign.id)}
        old = s.scalars(
            select(CampaignAssignmentRow).where(CampaignAssignmentRow.request_id.in_([int(k) for k in reqs]))
        ).all()
        pinned = {(a.request_id, a.part) for a in old if a.pinned}
        pinned_requests = {rid for rid, _ in pinned}
        before = {(a.request_id, a.part): (a.day, a.stops) for a in old}
        moved: list[str] = []
        for row in old:
            if row.request_id not in pinned_requests:
                s.delete(row)
        s.execute(
            delete(BookingRow).where(
                BookingRow.request_id.in_([int(k) for k in reqs]),
                BookingRow.request_id.not_in(list(pinned_requests)),
                BookingRow.state.in_(("待预约", "已取消")),  # cancelled ones stay in the audit log
            )
        )
        s.flush()
        placed: set[int] = set()
        for a in result.assignments:
            rid = int(a.group_id)
            if rid not in {int(k) for k in reqs} or rid in pinned_requests:
                continue
            stops = _stops_json(a.stops)
            prev = before.get((rid, a.part))
            if prev is not None and (prev[0] != a.day or prev[1] != stops) and rid not in placed:
                moved.append(f"{reqs[a.group_id].union} {reqs[a.group_id].name}")
            placed.add(rid)
            s.add(CampaignAssignmentRow(request_id=rid, part=a.part, people=a.people, day=a.day, stops=stops,
                                        pinned=False))  # fmt: skip
            for st in a.stops:
                lead = caps[st.venue_id].value("lead_days") if st.venue_id in caps else None
                s.add(
                    BookingRow(
                        request_id=rid,
                        part=a.part,
                        venue_id=st.venue_id,
                        day=a.day,
                        arrive=st.arrive,
                        depart=st.depart,
                        people=a.people,
                        state="待预约",
                        updated_at=datetime.now(),
                        deadline=a.day - timedelta(days=lead) if lead is not None else None,
                    )
                )
        for rid, _part in before:
            if rid not in placed and rid not in pinned_requests:
                name = f"{reqs[str(rid)].union} {reqs[str(rid)].name}"
                if name not in moved:
                    moved.append(name)
        s.flush()
        _sync_tour_groups(s, campaign.id)
        s.add(
            CampaignScheduleRow(
                campaign_id=campaign.id,
                today=today,
                optimal=result.optimal,
                gap=result.gap,
                result=result.to_json(),
                created=datetime.now(),
            )
        )
        audit.record(
            s,
            "campaign.schedule",
            {"campaign": campaign.uuid, "groups": result.scheduled_groups, "moved": len(moved)},
        )
    return moved


def _sync_tour_groups(s: Session, campaign_id: int) -> None:
    """One tour group per scheduled request (its first day, all its venues): check-ins land on it."""
    rows = s.scalars(select(CampaignRequestRow).where(CampaignRequestRow.campaign_id == campaign_id)).all()
    for r in rows:
        parts = s.scalars(
            select(CampaignAssignmentRow)
            .where(CampaignAssignmentRow.request_id == r.id)
            .order_by(CampaignAssignmentRow.day, CampaignAssignmentRow.part)
        ).all()
        if not parts:
            continue
        venue_ids = list(dict.fromkeys(st["venue_id"] for p in parts for st in p.stops))
        group = s.get(TourGroupRow, r.tour_group_id) if r.tour_group_id else None
        if group is None:
            group = TourGroupRow(uuid=new_uuid(), union_id=r.union_id, name=r.name, leader=r.leader,
                                 day=parts[0].day, venue_ids=venue_ids, created=datetime.now())  # fmt: skip
            s.add(group)
            s.flush()
            r.tour_group_id = group.id
        else:
            group.day, group.venue_ids = parts[0].day, venue_ids


def latest_result(db: Database, campaign_id: int) -> dict[str, object] | None:
    with db.reading() as s:
        row = s.scalars(
            select(CampaignScheduleRow)
            .where(CampaignScheduleRow.campaign_id == campaign_id)
            .order_by(CampaignScheduleRow.id.desc())
            .limit(1)
        ).first()
        return dict(row.result) if row else None

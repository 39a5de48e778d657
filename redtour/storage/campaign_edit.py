"""Edits made in the app or the CLI: one group request added, changed or withdrawn; a campaign's name, dates
and target. Each is checked like an import row (core.campaign_requests) and written in one transaction.
Also a scheduled group's day with its booked times, for its route sheet.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select

from redtour.core.campaign_requests import check_request
from redtour.core.campaign_sheet import booked_plan
from redtour.core.people import InvalidValue
from redtour.core.places import Geocoder
from redtour.core.planner import Plan, PlanRequest
from redtour.storage import audit
from redtour.storage.campaign_bookings import bookings
from redtour.storage.campaign_rows import (
    BookingRow,
    CampaignAssignmentRow,
    CampaignRequestRow,
    CampaignRow,
)
from redtour.storage.campaigns import (
    Campaign,
    CampaignError,
    CampaignRepository,
    CampaignRequest,
    enlist_union,
    fill_request_row,
    requests_in,
)
from redtour.storage.database import Database
from redtour.storage.holidays import load_calendar
from redtour.storage.participation import new_uuid
from redtour.storage.venues import VenueRepository


def save_request(
    db: Database, campaign: Campaign, values: dict[str, object], request_id: int | None = None,
    geocoder: Geocoder | None = None,
) -> CampaignRequest:  # fmt: skip
    """Add (``request_id`` None) or change one request. Bad values raise CampaignError; nothing is written."""
    venues = VenueRepository(db).list_venues()
    try:
        draft = check_request(values, venues, (campaign.start, campaign.end), geocoder, load_calendar(db))
    except InvalidValue as exc:
        raise CampaignError(str(exc)) from None
    with db.writing() as s:
        union = enlist_union(s, campaign.id, draft.union)
        clash = s.scalar(
            select(CampaignRequestRow.id).where(
                CampaignRequestRow.campaign_id == campaign.id,
                CampaignRequestRow.union_id == union.id,
                CampaignRequestRow.name == draft.name,
            )
        )
        if clash is not None and clash != request_id:
            raise CampaignError(f"活动中已有{draft.union}的团队“{draft.name}”")
        if request_id is None:
            row = CampaignRequestRow(uuid=new_uuid(), campaign_id=campaign.id, created=datetime.now())
            s.add(row)
        else:
            found = s.get(CampaignRequestRow, request_id)
            if found is None or found.campaign_id != campaign.id:
                raise LookupError(f"活动中没有编号为 {request_id} 的团队")
            row = found
        fill_request_row(row, draft, union.id)
        s.flush()
        audit.record(
            s, "campaign.request.add" if request_id is None else "campaign.request.edit",
            {"campaign": campaign.uuid, "request": row.uuid},
        )  # fmt: skip
        return requests_in(s, campaign.id, [row.id])[0]


def withdraw_request(db: Database, campaign: Campaign, request_id: int) -> int:
    """The group drops out: its request, schedule and bookings go (one transaction). Returns bookings removed."""
    with db.writing() as s:
        row = s.get(CampaignRequestRow, request_id)
        if row is None or row.campaign_id != campaign.id:
            raise LookupError(f"活动中没有编号为 {request_id} 的团队")
        gone = len(s.scalars(select(BookingRow.id).where(BookingRow.request_id == request_id)).all())
        s.execute(delete(BookingRow).where(BookingRow.request_id == request_id))
        s.execute(delete(CampaignAssignmentRow).where(CampaignAssignmentRow.request_id == request_id))
        audit.record(s, "campaign.request.withdraw", {"campaign": campaign.uuid, "request": row.uuid})
        s.delete(row)
        return gone


def update_campaign(
    db: Database, campaign_id: int, *, name: str | None = None, start: date | None = None,
    end: date | None = None, target: int | None = None, clear_target: bool = False,
) -> Campaign:  # fmt: skip
    """Change what is given; requests outside the new dates are named and nothing changes."""
    with db.writing() as s:
        row = s.get(CampaignRow, campaign_id)
        if row is None:
            raise LookupError(f"没有编号为 {campaign_id} 的活动")
        if name is not None:
            name = " ".join(name.split())
            if not name:
                raise CampaignError("活动名称不能为空")
            other = s.scalar(select(CampaignRow.id).where(CampaignRow.name == name))
            if other is not None and other != campaign_id:
                raise CampaignError(f"已有名为“{name}”的活动")
            row.name = name
        new_start, new_end = start or row.start, end or row.end
        if new_end < new_start:
            raise CampaignError(f"结束日期 {new_end} 早于开始日期 {new_start}")
        if target is not None and target <= 0:
            raise CampaignError("目标人数应大于 0")
        outside = [
            r.name for r in requests_in(s, campaign_id) if r.earliest < new_start or r.latest > new_end
        ]
        if outside:
            raise CampaignError(
                f"{len(outside)} 个团队的日期超出新的活动日期（如“{outside[0]}”），请先修改这些团队"
            )
        row.start, row.end = new_start, new_end
        if target is not None or clear_target:
            row.target = target
        audit.record(s, "campaign.update", {"campaign": row.uuid})
        return Campaign(row.id, row.uuid, row.name, row.start, row.end, row.target)


def group_day(db: Database, campaign: Campaign, group: str) -> tuple[CampaignRequest, Plan]:
    """The request named or numbered ``group`` and its first scheduled day as a plan with the booked times."""
    reqs = CampaignRepository(db).requests(campaign.id)
    found = [r for r in reqs if str(r.id) == group.strip() or r.name == group.strip()]
    if len(found) != 1:
        raise LookupError(f"活动中没有团队“{group}”" if not found else f"有多个名为“{group}”的团队，请用编号")
    r = found[0]
    mine = [
        b for b in bookings(db, campaign.id) if b.request_id == r.id and b.state != "已取消" and b.part == 0
    ]
    if not mine:
        raise CampaignError(f"团队“{r.name}”还没有排定，请先排程")
    day = min(b.day for b in mine)
    venues = {v.id: v for v in VenueRepository(db).list_venues(include_retired=True)}
    req = PlanRequest(day, r.start, (), start_time=r.start_time, return_by=r.return_by, group_size=r.people,
                      mode=r.mode, holidays=load_calendar(db))  # fmt: skip
    return r, booked_plan(req, [(venues[b.venue_id], b.arrive, b.depart) for b in mine if b.day == day])

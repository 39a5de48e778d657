"""Venue-days cancelled for a campaign (场馆当天闭馆): recorded by staff, used by the scheduler as closed days.

Recording one cancels that day's bookings at the venue and unpins those groups (one transaction), so the next
re-schedule moves them and keeps every other accepted booking where it is.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import select

from redtour.storage import audit
from redtour.storage.campaign_bookings import _repin
from redtour.storage.campaign_rows import BookingRow, CampaignClosureRow, CampaignRequestRow
from redtour.storage.campaigns import Campaign, CampaignError
from redtour.storage.database import Database
from redtour.storage.models import TradeUnionRow, VenueRow


def close_venue_day(db: Database, campaign: Campaign, venue_id: str, day: date, note: str = "") -> list[str]:
    """Record the closure; returns the groups (``union 团队``) whose visit that day was cancelled."""
    if not campaign.start <= day <= campaign.end:
        raise CampaignError(f"{day} 不在活动日期 {campaign.start}—{campaign.end} 内")
    with db.writing() as s:
        venue = s.get(VenueRow, venue_id)
        if venue is None:
            raise LookupError(f"没有编号为 {venue_id} 的场馆")
        known = s.scalar(
            select(CampaignClosureRow.id).where(
                CampaignClosureRow.campaign_id == campaign.id,
                CampaignClosureRow.venue_id == venue_id,
                CampaignClosureRow.day == day,
            )
        )
        if known is not None:
            raise CampaignError(f"已记录 {venue.name_zh} {day} 闭馆")
        s.add(CampaignClosureRow(campaign_id=campaign.id, venue_id=venue_id, day=day, note=note.strip(),
                                 created=datetime.now()))  # fmt: skip
        hit = s.execute(
            select(BookingRow, CampaignRequestRow.name, TradeUnionRow.name)
            .join(CampaignRequestRow, CampaignRequestRow.id == BookingRow.request_id)
            .join(TradeUnionRow, TradeUnionRow.id == CampaignRequestRow.union_id)
            .where(
                CampaignRequestRow.campaign_id == campaign.id,
                BookingRow.venue_id == venue_id,
                BookingRow.day == day,
                BookingRow.state != "已取消",
            )
        ).all()
        groups: list[str] = []
        for booking, name, union in hit:
            booking.state, booking.updated_at = "已取消", datetime.now()
            s.flush()
            _repin(s, booking.request_id, booking.part)
            groups.append(f"{union} {name}")
        audit.record(s, "campaign.closure", {"campaign": campaign.uuid, "venue": venue_id, "day": day.isoformat(),
                                             "cancelled": len(hit)})  # fmt: skip
        return list(dict.fromkeys(groups))


def closed_days(db: Database, campaign_id: int) -> dict[str, frozenset[date]]:
    out: dict[str, set[date]] = defaultdict(set)
    with db.reading() as s:
        for vid, day in s.execute(
            select(CampaignClosureRow.venue_id, CampaignClosureRow.day).where(
                CampaignClosureRow.campaign_id == campaign_id
            )
        ):
            out[vid].add(day)
    return {v: frozenset(d) for v, d in out.items()}

"""Campaigns, their unions and quotas, group requests and venue capacity facts. One transaction per write."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import KW_ONLY, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redtour.core.campaign_capacity import StaffFact, VenueCapacityInfo, capacity_of, check_value
from redtour.core.campaign_requests import RequestFields
from redtour.core.errors import RedtourError
from redtour.core.planner import Place
from redtour.core.travel import Mode
from redtour.storage import audit
from redtour.storage.campaign_rows import (
    CampaignRequestRow,
    CampaignRow,
    CampaignUnionRow,
    VenueCapacityRow,
)
from redtour.storage.database import Database
from redtour.storage.models import TradeUnionRow
from redtour.storage.participation import ensure_union, new_uuid
from redtour.storage.venues import VenueRepository, venue_fact_rows


class CampaignError(RedtourError):
    pass


@dataclass(frozen=True)
class Campaign:
    id: int
    uuid: str
    name: str
    start: date
    end: date
    target: int | None


@dataclass(frozen=True)
class CampaignUnion:
    union_id: int
    name: str
    quota: int | None


@dataclass(frozen=True)
class CampaignRequest(RequestFields):
    """A stored request: what the group asks, with its row, campaign, union and (once scheduled) tour group."""

    _: KW_ONLY
    id: int
    campaign_id: int
    union_id: int
    tour_group_id: int | None


def _campaign(row: CampaignRow) -> Campaign:
    return Campaign(row.id, row.uuid, row.name, row.start, row.end, row.target)


def place_to_dict(p: Place) -> dict[str, Any]:
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "venue_id": p.venue_id}


def request_from_row(r: CampaignRequestRow, union: str) -> CampaignRequest:
    sp = r.start_place
    return CampaignRequest(
        union, r.name, r.people, r.earliest, r.latest,
        tuple(r.no_weekdays), tuple(r.must_venues), tuple(r.optional_venues),
        Place(sp["name"], sp["lat"], sp["lon"], sp.get("venue_id")), Mode(r.mode), r.start_time,
        r.return_by, r.leader, r.phone, r.split_ok,
        id=r.id, campaign_id=r.campaign_id, union_id=r.union_id, tour_group_id=r.tour_group_id,
    )  # fmt: skip


def fill_request_row(row: CampaignRequestRow, d: RequestFields, union_id: int) -> None:
    """Store a request's fields in its row (new or edited): the inverse of ``request_from_row``."""
    row.union_id, row.name, row.people = union_id, d.name, d.people
    row.earliest, row.latest, row.no_weekdays = d.earliest, d.latest, list(d.no_weekdays)
    row.must_venues, row.optional_venues = list(d.must), list(d.optional)
    row.start_place, row.mode = place_to_dict(d.start), d.mode.value
    row.start_time, row.return_by = d.start_time, d.return_by
    row.leader, row.phone, row.split_ok = d.leader, d.phone, d.split_ok


def enlist_union(s: Session, campaign_id: int, union_name: str) -> TradeUnionRow:
    """The union by name (created if new), taking part in the campaign from now on (no quota yet)."""
    union = ensure_union(s, union_name)
    if s.get(CampaignUnionRow, (campaign_id, union.id)) is None:
        s.add(CampaignUnionRow(campaign_id=campaign_id, union_id=union.id, quota=None))
        s.flush()
    return union


class CampaignRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- campaigns ---------------------------------------------------------------------------------
    def create(self, name: str, start: date, end: date, target: int | None = None) -> Campaign:
        name = " ".join(name.split())
        if not name:
            raise CampaignError("活动名称不能为空")
        if end < start:
            raise CampaignError(f"结束日期 {end} 早于开始日期 {start}")
        if target is not None and target <= 0:
            raise CampaignError("目标人数应大于 0")
        with self.db.writing() as s:
            if s.scalar(select(CampaignRow.id).where(CampaignRow.name == name)) is not None:
                raise CampaignError(f"已有名为“{name}”的活动")
            row = CampaignRow(
                uuid=new_uuid(), name=name, start=start, end=end, target=target, created=datetime.now()
            )
            s.add(row)
            s.flush()
            audit.record(s, "campaign.create", {"campaign": row.uuid, "name": name})
            return _campaign(row)

    def campaigns(self) -> list[Campaign]:
        with self.db.reading() as s:
            return [_campaign(r) for r in s.scalars(select(CampaignRow).order_by(CampaignRow.start))]

    def find(self, text: str) -> Campaign:
        text = " ".join(text.split())
        for c in self.campaigns():
            if c.name == text or (text.isdigit() and c.id == int(text)):
                return c
        raise LookupError(f"没有名为“{text}”的活动")

    def update(self, campaign_id: int, *, target: int | None, start: date, end: date) -> Campaign:
        if end < start:
            raise CampaignError(f"结束日期 {end} 早于开始日期 {start}")
        with self.db.writing() as s:
            row = s.get(CampaignRow, campaign_id)
            if row is None:
                raise LookupError(f"没有编号为 {campaign_id} 的活动")
            row.target, row.start, row.end = target, start, end
            return _campaign(row)

    # --- unions and quotas -------------------------------------------------------------------------
    def set_quota(self, campaign_id: int, union_name: str, quota: int | None) -> None:
        if quota is not None and quota < 0:
            raise CampaignError("名额不能为负数")
        with self.db.writing() as s:
            union = ensure_union(s, union_name)
            row = s.get(CampaignUnionRow, (campaign_id, union.id))
            if row is None:
                s.add(CampaignUnionRow(campaign_id=campaign_id, union_id=union.id, quota=quota))
            else:
                row.quota = quota

    def unions(self, campaign_id: int) -> list[CampaignUnion]:
        with self.db.reading() as s:
            stmt = (
                select(CampaignUnionRow.union_id, TradeUnionRow.name, CampaignUnionRow.quota)
                .join(TradeUnionRow, TradeUnionRow.id == CampaignUnionRow.union_id)
                .where(CampaignUnionRow.campaign_id == campaign_id)
                .order_by(TradeUnionRow.name)
            )
            return [CampaignUnion(*r) for r in s.execute(stmt)]

    # --- requests ------------------------------------------------------------------------------------
    def requests(self, campaign_id: int) -> list[CampaignRequest]:
        with self.db.reading() as s:
            return requests_in(s, campaign_id)

    def count_requests(self, campaign_id: int) -> int:
        with self.db.reading() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(CampaignRequestRow)
                    .where(CampaignRequestRow.campaign_id == campaign_id)
                )
                or 0
            )

    # --- venue capacity ---------------------------------------------------------------------------
    def staff_capacity(self, s: Session) -> dict[str, list[StaffFact]]:
        out: dict[str, list[StaffFact]] = defaultdict(list)
        for r in s.scalars(select(VenueCapacityRow)):
            out[r.venue_id].append(StaffFact(r.fact, r.value, r.checked, r.said_by, r.note))
        return out

    def capacities(self, venue_ids: Iterable[str] | None = None) -> dict[str, VenueCapacityInfo]:
        venues = VenueRepository(self.db).list_venues(include_retired=True)
        wanted = set(venue_ids) if venue_ids is not None else None
        with self.db.reading() as s:
            staff = self.staff_capacity(s)
        return {v.id: capacity_of(v, staff.get(v.id, ())) for v in venues if wanted is None or v.id in wanted}

    def set_capacity(
        self, venue_id: str, values: dict[str, int], checked: date | None, said_by: str = "", note: str = ""
    ) -> VenueCapacityInfo:
        """Record what staff confirmed (all given facts in one transaction, each with date and source)."""
        for fact, value in values.items():
            check_value(fact, value)
        with self.db.writing() as s:
            existing = venue_fact_rows(s, VenueCapacityRow, venue_id)
            for fact, value in values.items():
                row = existing.get(fact) or VenueCapacityRow(venue_id=venue_id, fact=fact)
                row.value, row.checked, row.said_by, row.note = value, checked, said_by, note
                row.updated_at = datetime.now()
                s.add(row)
            audit.record(s, "venue.capacity", {"venue": venue_id, **values})
        return self.capacities([venue_id])[venue_id]


def requests_in(s: Session, campaign_id: int, ids: Sequence[int] | None = None) -> list[CampaignRequest]:
    stmt = (
        select(CampaignRequestRow, TradeUnionRow.name)
        .join(TradeUnionRow, TradeUnionRow.id == CampaignRequestRow.union_id)
        .where(CampaignRequestRow.campaign_id == campaign_id)
        .order_by(CampaignRequestRow.id)
    )
    if ids is not None:
        stmt = stmt.where(CampaignRequestRow.id.in_(list(ids)))
    return [request_from_row(r, u) for r, u in s.execute(stmt)]

"""Bookings of a campaign: the list to make per venue and day, state changes, deadlines and attendance.

States: 待预约 → 已预约 (reference number, who confirmed) → 已确认 / 已取消. A booking the venue accepted pins
its group's assignment; cancelling one unpins it, so the next schedule run may move the group.
After the day, attendance is the people checked in on the request's tour group at that venue that day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redtour.core.campaign_capacity import VenueCapacityInfo
from redtour.core.errors import RedtourError
from redtour.core.people import mask_mobile
from redtour.storage import audit
from redtour.storage.campaign_rows import BookingRow, CampaignAssignmentRow, CampaignRequestRow
from redtour.storage.database import Database
from redtour.storage.models import GroupMemberRow, ParticipantRow, TradeUnionRow, VenueRow, VisitRow

STATES = ("待预约", "已预约", "已确认", "已取消")
ACTIVE = ("已预约", "已确认")
ALLOWED = {
    "待预约": {"已预约", "已取消"},
    "已预约": {"已确认", "已取消", "待预约"},
    "已确认": {"已取消"},
    "已取消": {"待预约"},
}
DEADLINE_WARN_DAYS = 2  # warn this many days before a booking's last day
SHORT_SHARE = 0.6  # venues warn teams arriving with under 60 % of the booking (docs/campaign-capacity.md)


class BookingError(RedtourError):
    pass


@dataclass(frozen=True)
class Booking:
    id: int
    request_id: int
    part: int
    union: str
    group: str
    venue_id: str
    venue: str
    day: date
    arrive: time
    depart: time
    people: int
    leader: str
    phone_masked: str
    state: str
    reference: str
    confirmed_by: str
    deadline: date | None
    tour_group_id: int | None
    attended: int | None = None  # after the day: people checked in
    names: tuple[str, ...] = ()  # real-name list when the venue requires it

    def deadline_warning(self, today: date) -> str:
        if self.state != "待预约" or self.deadline is None:
            return ""
        left = (self.deadline - today).days
        if left < 0:
            return f"预约截止日 {self.deadline:%m-%d} 已过"
        if left <= DEADLINE_WARN_DAYS:
            return f"预约截止日 {self.deadline:%m-%d}，还剩 {left} 天"
        return ""

    def attendance_flag(self, today: date) -> str:
        if self.day >= today or self.state not in ACTIVE or self.attended is None:
            return ""
        if self.attended == 0:
            return "未到（无签到）"
        if self.attended < self.people:
            low = "，低于60%" if self.attended < SHORT_SHARE * self.people else ""
            return f"到 {self.attended}/{self.people} 人{low}"
        return ""


def bookings(
    db: Database,
    campaign_id: int,
    capacities: dict[str, VenueCapacityInfo] | None = None,
    *,
    with_id_number: bool = False,
) -> list[Booking]:
    """Every booking of the campaign, by day, venue and arrival; attendance and real-name lists filled in.
    ID numbers go into the lists only with ``with_id_number`` (the ID setting, like roster import)."""
    with db.reading() as s:
        stmt = (
            select(BookingRow, CampaignRequestRow, TradeUnionRow.name, VenueRow.name_zh)
            .join(CampaignRequestRow, CampaignRequestRow.id == BookingRow.request_id)
            .join(TradeUnionRow, TradeUnionRow.id == CampaignRequestRow.union_id)
            .join(VenueRow, VenueRow.id == BookingRow.venue_id)
            .where(CampaignRequestRow.campaign_id == campaign_id)
            .order_by(BookingRow.day, VenueRow.name_zh, BookingRow.arrive, BookingRow.id)
        )
        rows = s.execute(stmt).all()
        groups = {r.tour_group_id for _b, r, _u, _v in rows if r.tour_group_id}
        attended: dict[tuple[int | None, str, date], int] = {}
        if groups:
            q = (
                select(
                    VisitRow.group_id,
                    VisitRow.venue_id,
                    VisitRow.day,
                    func.count(func.distinct(VisitRow.participant_id)),
                )
                .where(VisitRow.group_id.in_(groups))
                .group_by(VisitRow.group_id, VisitRow.venue_id, VisitRow.day)
            )
            attended = {(g, v, d): n for g, v, d, n in s.execute(q)}
        names: dict[int, list[str]] = defaultdict(list)
        needs_names = {vid for vid, c in (capacities or {}).items() if c.value("real_name")}
        if groups and needs_names:
            q2 = (
                select(GroupMemberRow.group_id, ParticipantRow.name, ParticipantRow.id_number)
                .join(ParticipantRow, ParticipantRow.id == GroupMemberRow.participant_id)
                .where(GroupMemberRow.group_id.in_(groups))
                .order_by(ParticipantRow.name)
            )
            for g, n, id_number in s.execute(q2):
                names[g].append(f"{n} {id_number}" if with_id_number and id_number else n)
    out = []
    for b, r, union, venue in rows:
        key = (r.tour_group_id, b.venue_id, b.day)
        out.append(
            Booking(
                b.id,
                r.id,
                b.part,
                union,
                r.name,
                b.venue_id,
                venue,
                b.day,
                b.arrive,
                b.depart,
                b.people,
                r.leader,
                mask_mobile(r.phone) if r.phone else "",
                b.state,
                b.reference,
                b.confirmed_by,
                b.deadline,
                r.tour_group_id,
                attended.get(key, 0) if r.tour_group_id else None,
                tuple(names.get(r.tour_group_id or 0, ())) if b.venue_id in needs_names else (),
            )
        )
    return out


def set_state(db: Database, booking_id: int, state: str, *, reference: str = "", by: str = "") -> str:
    """Change a booking's state; returns the previous state. 已预约 needs the reference and who confirmed."""
    if state not in STATES:
        raise BookingError(f"状态应为 {'、'.join(STATES)} 之一，而不是“{state}”")
    with db.writing() as s:
        row = s.get(BookingRow, booking_id)
        if row is None:
            raise LookupError(f"没有编号为 {booking_id} 的预约")
        old = row.state
        if state == old:
            raise BookingError(f"预约 {booking_id} 已是“{state}”")
        if state not in ALLOWED[old]:
            raise BookingError(f"预约 {booking_id} 不能从“{old}”改为“{state}”")
        if state == "已预约" and not (reference.strip() and by.strip()):
            raise BookingError("改为“已预约”需要填写预约号（--ref）和确认人（--by）")
        row.state = state
        if reference.strip():
            row.reference = reference.strip()[:100]
        if by.strip():
            row.confirmed_by = by.strip()[:100]
        row.updated_at = datetime.now()
        s.flush()
        _repin(s, row.request_id, row.part)
        audit.record(s, "campaign.booking", {"booking": booking_id, "from": old, "to": state})
        return old


def _repin(s: Session, request_id: int, part: int) -> None:
    """Pinned while some booking of the sub-group's day is accepted and none of that day is cancelled."""
    row = s.scalars(
        select(CampaignAssignmentRow).where(
            CampaignAssignmentRow.request_id == request_id, CampaignAssignmentRow.part == part
        )
    ).first()
    if row is None:
        return
    states = set(
        s.scalars(
            select(BookingRow.state).where(
                BookingRow.request_id == request_id, BookingRow.part == part, BookingRow.day == row.day
            )
        )
    )
    row.pinned = bool(states & set(ACTIVE)) and "已取消" not in states

"""Typed ORM rows of a campaign (活动): unions and quotas, group requests, venue capacity, schedule, bookings.

Kept apart from models.py so the campaign tables read as one unit; they share its ``Base`` (migration 0007).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from redtour.storage.models import Base


class CampaignRow(Base):
    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    target: Mapped[int | None] = mapped_column(Integer)
    created: Mapped[datetime] = mapped_column(DateTime)


class CampaignUnionRow(Base):
    """A union taking part, with an optional quota of people."""

    __tablename__ = "campaign_union"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True)
    union_id: Mapped[int] = mapped_column(ForeignKey("trade_union.id", ondelete="RESTRICT"), primary_key=True)
    quota: Mapped[int | None] = mapped_column(Integer)


class CampaignRequestRow(Base):
    """One group's request: who, how many, when it can go, where it must and may go, from where, how."""

    __tablename__ = "campaign_request"
    __table_args__ = (UniqueConstraint("campaign_id", "union_id", "name", name="uq_campaign_request_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    union_id: Mapped[int] = mapped_column(ForeignKey("trade_union.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(200))
    people: Mapped[int] = mapped_column(Integer)
    earliest: Mapped[date] = mapped_column(Date)
    latest: Mapped[date] = mapped_column(Date)
    no_weekdays: Mapped[list[Any]] = mapped_column(JSON, default=list)  # ISO weekdays 1–7
    must_venues: Mapped[list[Any]] = mapped_column(JSON, default=list)  # venue ids
    optional_venues: Mapped[list[Any]] = mapped_column(JSON, default=list)
    start_place: Mapped[dict[str, Any]] = mapped_column(JSON)  # {name, lat, lon, venue_id}
    mode: Mapped[str] = mapped_column(String(16))
    start_time: Mapped[time] = mapped_column(Time)
    return_by: Mapped[time] = mapped_column(Time)
    leader: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    split_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    #: The tour group the schedule made for it: check-ins on that group are its attendance.
    tour_group_id: Mapped[int | None] = mapped_column(ForeignKey("tour_group.id", ondelete="SET NULL"))
    created: Mapped[datetime] = mapped_column(DateTime)


class VenueCapacityRow(Base):
    """One capacity fact of a venue as staff confirmed it (like venue_correction: date checked, who said so)."""

    __tablename__ = "venue_capacity"
    __table_args__ = (UniqueConstraint("venue_id", "fact", name="uq_venue_capacity_fact"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    fact: Mapped[str] = mapped_column(String(32))
    value: Mapped[int] = mapped_column(Integer)
    checked: Mapped[date | None] = mapped_column(Date)
    said_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CampaignScheduleRow(Base):
    """A saved scheduler run: its summary (optimal, gap) and the full JSON it printed."""

    __tablename__ = "campaign_schedule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    today: Mapped[date] = mapped_column(Date)
    optimal: Mapped[bool] = mapped_column(Boolean)
    gap: Mapped[float | None] = mapped_column(Float)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created: Mapped[datetime] = mapped_column(DateTime)


class CampaignAssignmentRow(Base):
    """The current date and timed route of one request (``part`` > 0 for the sub-groups of a split group)."""

    __tablename__ = "campaign_assignment"
    __table_args__ = (UniqueConstraint("request_id", "part", name="uq_campaign_assignment_part"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("campaign_request.id", ondelete="CASCADE"), index=True)
    part: Mapped[int] = mapped_column(Integer, default=0)
    people: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date, index=True)
    stops: Mapped[list[Any]] = mapped_column(JSON)  # [{venue_id, arrive "HH:MM", depart "HH:MM"}]
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)


class BookingRow(Base):
    """A visit to book with a venue: 待预约 → 已预约 (reference, who confirmed) → 已确认 / 已取消."""

    __tablename__ = "campaign_booking"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("campaign_request.id", ondelete="CASCADE"), index=True)
    part: Mapped[int] = mapped_column(Integer, default=0)
    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id", ondelete="RESTRICT"))
    day: Mapped[date] = mapped_column(Date, index=True)
    arrive: Mapped[time] = mapped_column(Time)
    depart: Mapped[time] = mapped_column(Time)
    people: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(8))
    reference: Mapped[str] = mapped_column(String(100), default="")
    confirmed_by: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[date | None] = mapped_column(Date)  # last day to book (lead days before the visit)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CampaignClosureRow(Base):
    """A day a venue cancelled for this campaign (staff recorded it): the scheduler treats it as closed."""

    __tablename__ = "campaign_closure"
    __table_args__ = (UniqueConstraint("campaign_id", "venue_id", "day", name="uq_campaign_closure_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(DateTime)

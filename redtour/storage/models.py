"""SQLAlchemy 2 typed ORM rows. Repositories turn them into core dataclasses; the UI never sees them."""

from __future__ import annotations

from datetime import date, datetime
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
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012 - SQLAlchemy reads it


class VenueRow(Base):
    """A venue. ``origin`` is "catalogue" (merged from the bundled sites.db) or "local" (added by staff)."""

    __tablename__ = "venue"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    district: Mapped[str | None] = mapped_column(String(20), index=True)
    address: Mapped[str | None] = mapped_column(String(400))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    location: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    hours: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reservation: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    max_group_size: Mapped[int | None] = mapped_column(Integer)
    phone: Mapped[str | None] = mapped_column(String(100))
    fee: Mapped[str | None] = mapped_column(String(200))
    visit_minutes: Mapped[int | None] = mapped_column(Integer)
    history: Mapped[str | None] = mapped_column(Text)
    status_note: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[Any]] = mapped_column(default=list)
    in_notice: Mapped[bool] = mapped_column(Boolean, default=False)
    checked: Mapped[date | None] = mapped_column(Date)
    sources: Mapped[list[Any]] = mapped_column(default=list)
    origin: Mapped[str] = mapped_column(String(16), default="catalogue")
    #: A catalogue venue that a newer bundled catalogue no longer lists; kept because plans may refer to it.
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class VenueCorrectionRow(Base):
    """A fact staff corrected locally; survives catalogue updates."""

    __tablename__ = "venue_correction"
    __table_args__ = (UniqueConstraint("venue_id", "fact", name="uq_venue_correction_fact"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    fact: Mapped[str] = mapped_column(String(40))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    checked: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class MetaRow(Base):
    """Key/value facts about the database itself (catalogue digest, …)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PlanRow(Base):
    """A saved visit plan: the request (venues, times, mode, lunch) in the order last chosen."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    day: Mapped[date] = mapped_column(Date, index=True)
    request: Mapped[dict[str, Any]] = mapped_column(JSON)
    created: Mapped[datetime] = mapped_column(DateTime)
    updated: Mapped[datetime] = mapped_column(DateTime)

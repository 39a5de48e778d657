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
    #: The day the catalogue record was compiled (not a check of any fact).
    compiled: Mapped[date | None] = mapped_column(Date)
    sources: Mapped[list[Any]] = mapped_column(default=list)
    #: Per-fact provenance {fact: {sources, as_of, confidence, inferred, note}} (redtour.core.facts).
    facts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    capacity: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(String(16), default="catalogue")
    #: A catalogue venue that a newer bundled catalogue no longer lists; kept because plans may refer to it.
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class VenueCorrectionRow(Base):
    """A fact staff checked (核对) and maybe corrected locally; survives catalogue updates.

    ``changed`` false: staff confirmed the catalogue's value (``value`` unused)."""

    __tablename__ = "venue_correction"
    __table_args__ = (UniqueConstraint("venue_id", "fact", name="uq_venue_correction_fact"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    fact: Mapped[str] = mapped_column(String(40))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    checked: Mapped[date | None] = mapped_column(Date)
    checked_by: Mapped[str] = mapped_column(String(100), default="")
    checked_how: Mapped[str] = mapped_column(String(100), default="")
    changed: Mapped[bool] = mapped_column(Boolean, default=True)
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


class SavedPlaceRow(Base):
    """A union's 常用地点 (district union office, a factory gate, a metro exit): a named WGS-84 point."""

    __tablename__ = "saved_place"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    updated: Mapped[datetime] = mapped_column(DateTime)


class TradeUnionRow(Base):
    """A district or industry union, or a grassroots union under one (``parent_id``)."""

    __tablename__ = "trade_union"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # district | industry | grassroots
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("trade_union.id", ondelete="RESTRICT"))
    created: Mapped[datetime] = mapped_column(DateTime)


class ParticipantRow(Base):
    """A union member who may join visits. ``mobile`` is None only for records imported masked."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    union_id: Mapped[int] = mapped_column(ForeignKey("trade_union.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    mobile: Mapped[str | None] = mapped_column(String(11), index=True)
    work_unit: Mapped[str] = mapped_column(String(200), default="")
    employee_no: Mapped[str] = mapped_column(String(40), default="")
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    created: Mapped[datetime] = mapped_column(DateTime)
    updated: Mapped[datetime] = mapped_column(DateTime)


class TourGroupRow(Base):
    """One group's visit day: its union, leader, date, the venues it visits and optionally its plan."""

    __tablename__ = "tour_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    union_id: Mapped[int] = mapped_column(ForeignKey("trade_union.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    leader: Mapped[str] = mapped_column(String(60), default="")
    day: Mapped[date] = mapped_column(Date, index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    venue_ids: Mapped[list[Any]] = mapped_column(default=list)
    created: Mapped[datetime] = mapped_column(DateTime)


class GroupMemberRow(Base):
    __tablename__ = "group_member"

    group_id: Mapped[int] = mapped_column(ForeignKey("tour_group.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class VisitRow(Base):
    """One participant at one venue on one day (一人次). ``union_id``/``month`` are copied for statistics."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="RESTRICT"))
    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id", ondelete="RESTRICT"))
    day: Mapped[date] = mapped_column(Date)
    month: Mapped[int] = mapped_column(Integer)  # yyyymm
    union_id: Mapped[int] = mapped_column(ForeignKey("trade_union.id", ondelete="RESTRICT"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("tour_group.id", ondelete="SET NULL"), index=True)
    source: Mapped[str] = mapped_column(String(16))  # checkin | file | import
    recorded: Mapped[datetime] = mapped_column(DateTime)


class ImportBatchRow(Base):
    """Each applied import: which file (SHA-256), what it did. A repeat of the same file is warned about."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # roster | signin | log
    file_name: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    added: Mapped[int] = mapped_column(Integer)
    merged: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)


class AuditRow(Base):
    """Append-only (triggers refuse UPDATE/DELETE) and hash-chained: tampering is detectable."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class HolidayYearRow(Base):
    """A year's holiday schedule entered by staff from the State Council's notice (设置 ▸ 节假日)."""

    __tablename__ = "holiday_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    #: The schedule in the plain shape of core.holidays.year_to_dict (holidays, workdays, notice fields).
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    notice_no: Mapped[str] = mapped_column(String(100), default="")
    notice_url: Mapped[str] = mapped_column(String(500), default="")
    entered_by: Mapped[str] = mapped_column(String(100))
    entered_at: Mapped[datetime] = mapped_column(DateTime)

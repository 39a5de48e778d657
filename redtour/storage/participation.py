"""Unions, tour groups, rosters and check-ins. Every write is one transaction with its audit row."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from redtour.core.errors import RedtourError
from redtour.core.participation import StatsFilter, month_of
from redtour.core.people import InvalidValue, mask_mobile
from redtour.core.roster import check_text
from redtour.storage import audit
from redtour.storage.batching import chunks
from redtour.storage.database import Database
from redtour.storage.models import (
    GroupMemberRow,
    ParticipantRow,
    TourGroupRow,
    TradeUnionRow,
    VenueRow,
    VisitRow,
)
from redtour.storage.visits_query import AnySelect, participant_search, visits_query
from redtour.storage.visits_query import union_and_children as union_and_children  # re-exported
from redtour.storage.visits_query import visit_filter as visit_filter  # re-exported


class ParticipationError(RedtourError):
    pass


@dataclass(frozen=True)
class Union:
    id: int
    uuid: str
    name: str
    kind: str
    parent_id: int | None


@dataclass(frozen=True)
class Group:
    id: int
    uuid: str
    union_id: int
    union_name: str
    name: str
    leader: str
    day: date
    plan_id: int | None
    venue_ids: tuple[str, ...]
    member_count: int


@dataclass(frozen=True)
class RosterEntry:
    """A group member as the check-in list shows them (mobile masked)."""

    participant_id: int
    name: str
    mobile_masked: str
    work_unit: str
    visited: frozenset[str]  # venue ids already checked in on the group's day


def new_uuid() -> str:
    return str(uuid.uuid4())


def union_kind(name: str) -> str:
    return "district" if "区" in name and "总工会" in name else "industry"


def insert_ignoring_duplicates(session: Session, table: Any) -> Any:
    """INSERT … ON CONFLICT DO NOTHING for the session's backend (SQLite or PostgreSQL)."""
    from sqlalchemy.dialects import postgresql, sqlite  # postgresql's pulls in asyncio: only when writing

    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing()


def ensure_union(session: Session, name: str, *, parent: TradeUnionRow | None = None) -> TradeUnionRow:
    try:
        name = check_text(name, "工会名称", 200)
    except InvalidValue as exc:
        raise ParticipationError(str(exc)) from None
    if not name:
        raise ParticipationError("工会名称不能为空")
    row = session.scalar(select(TradeUnionRow).where(TradeUnionRow.name == name))
    if row is None:
        row = TradeUnionRow(
            uuid=new_uuid(),
            name=name,
            kind="grassroots" if parent is not None else union_kind(name),
            parent_id=parent.id if parent is not None else None,
            created=datetime.now(),
        )
        session.add(row)
        session.flush()
    return row


def _group(row: TourGroupRow, union_name: str, members: int) -> Group:
    return Group(
        row.id,
        row.uuid,
        row.union_id,
        union_name,
        row.name,
        row.leader,
        row.day,
        row.plan_id,
        tuple(row.venue_ids or ()),
        members,
    )


class ParticipationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- unions -------------------------------------------------------------------------------
    def unions(self) -> list[Union]:
        with self.db.reading() as s:
            rows = s.scalars(
                select(TradeUnionRow).order_by(TradeUnionRow.parent_id.is_not(None), TradeUnionRow.name)
            )
            return [Union(r.id, r.uuid, r.name, r.kind, r.parent_id) for r in rows]

    def find_union(self, text: str) -> Union:
        name = " ".join(text.split())
        for u in self.unions():
            if u.name == name or (name.isdigit() and u.id == int(name)):
                return u
        raise LookupError(f"没有名为“{text}”的工会")

    # --- groups ----------------------------------------------------------------------------------
    def create_group(
        self,
        union_name: str,
        name: str,
        day: date,
        venue_ids: Sequence[str],
        *,
        leader: str = "",
        plan_id: int | None = None,
    ) -> Group:
        if not name.strip():
            raise ParticipationError("团队名称不能为空")
        if not venue_ids:
            raise ParticipationError("请至少选择一个场馆")
        with self.db.writing() as s:
            known = set(s.scalars(select(VenueRow.id).where(VenueRow.id.in_(list(venue_ids)))))
            unknown = [v for v in venue_ids if v not in known]
            if unknown:
                raise ParticipationError(f"场馆编号不存在：{'、'.join(unknown)}")
            union = ensure_union(s, union_name)
            row = TourGroupRow(
                uuid=new_uuid(),
                union_id=union.id,
                name=name.strip(),
                leader=leader.strip(),
                day=day,
                plan_id=plan_id,
                venue_ids=list(dict.fromkeys(venue_ids)),
                created=datetime.now(),
            )
            s.add(row)
            s.flush()
            audit.record(s, "group.create", {"group": row.uuid, "name": row.name, "day": day.isoformat()})
            return _group(row, union.name, 0)

    def groups(self) -> list[Group]:
        with self.db.reading() as s:
            counts = dict(
                s.execute(
                    select(GroupMemberRow.group_id, func.count()).group_by(GroupMemberRow.group_id)
                ).all()
            )
            stmt = (
                select(TourGroupRow, TradeUnionRow.name)
                .join(TradeUnionRow, TradeUnionRow.id == TourGroupRow.union_id)
                .order_by(TourGroupRow.day.desc(), TourGroupRow.name)
            )
            return [_group(g, un, counts.get(g.id, 0)) for g, un in s.execute(stmt)]

    def get_group(self, group_id: int) -> Group:
        for g in self.groups():
            if g.id == group_id:
                return g
        raise LookupError(f"没有编号为 {group_id} 的团队")

    def find_group(self, text: str) -> Group:
        text = text.strip()
        matches = [g for g in self.groups() if str(g.id) == text or g.uuid == text or g.name == text]
        if len(matches) != 1:
            raise LookupError(f"没有团队“{text}”" if not matches else f"有多个名为“{text}”的团队，请用编号")
        return matches[0]

    def add_members(self, group_id: int, participant_ids: Iterable[int]) -> int:
        ids = list(dict.fromkeys(participant_ids))
        with self.db.writing() as s:
            return add_members(s, group_id, ids)

    def roster(self, group_id: int) -> list[RosterEntry]:
        """The group's members, or, for a group without a roster, every member of its union."""
        with self.db.reading() as s:
            group = s.get(TourGroupRow, group_id)
            if group is None:
                raise LookupError(f"没有编号为 {group_id} 的团队")
            member_ids = select(GroupMemberRow.participant_id).where(GroupMemberRow.group_id == group_id)
            if s.scalar(select(func.count()).select_from(member_ids.subquery())):
                people = select(ParticipantRow).where(ParticipantRow.id.in_(member_ids))
            else:
                people = select(ParticipantRow).where(
                    ParticipantRow.union_id.in_(union_and_children(s, group.union_id))
                )
            visited: dict[int, set[str]] = {}
            for pid, vid in s.execute(
                select(VisitRow.participant_id, VisitRow.venue_id).where(VisitRow.day == group.day)
            ):
                visited.setdefault(pid, set()).add(vid)
            return [
                RosterEntry(
                    p.id, p.name, mask_mobile(p.mobile), p.work_unit, frozenset(visited.get(p.id, ()))
                )
                for p in s.scalars(people.order_by(ParticipantRow.name))
            ]

    # --- check-in --------------------------------------------------------------------------------
    def checkin(
        self,
        group_id: int,
        participant_ids: Sequence[int],
        venue_ids: Sequence[str] | None = None,
        *,
        source: str = "checkin",
    ) -> list[int]:
        """Mark the people present at the group's venues (all of them unless ``venue_ids``).

        Returns the ids of the visits created; a visit already recorded (same person, venue and day,
        perhaps by another office PC at the same moment) is left alone, never duplicated.
        """
        with self.db.writing() as s:
            created = checkin_in_session(s, group_id, participant_ids, venue_ids, source=source)
            audit.record(
                s, "checkin", {"group": group_id, "people": len(set(participant_ids)), "visits": len(created)}
            )
            return created

    def undo_checkin(self, visit_ids: Sequence[int]) -> int:
        with self.db.writing() as s:
            n = 0
            for chunk in chunks(list(visit_ids), 500):
                n += s.connection().execute(delete(VisitRow).where(VisitRow.id.in_(chunk))).rowcount or 0
            audit.record(s, "checkin.undo", {"visits": n})
            return n

    # --- lazy tables -----------------------------------------------------------------------------
    def count_participants(self, search: str = "") -> int:
        with self.db.reading() as s:
            return int(s.scalar(_participant_query(select(func.count(ParticipantRow.id)), search)) or 0)

    def participants_page(self, offset: int, limit: int, search: str = "") -> list[tuple[Any, ...]]:
        """(id, name, masked mobile, work unit, union, employee no) rows, by id."""
        stmt = (
            select(
                ParticipantRow.id,
                ParticipantRow.name,
                ParticipantRow.mobile,
                ParticipantRow.work_unit,
                TradeUnionRow.name,
                ParticipantRow.employee_no,
            )
            .join(TradeUnionRow, TradeUnionRow.id == ParticipantRow.union_id)
            .order_by(ParticipantRow.id)
            .offset(offset)
            .limit(limit)
        )
        with self.db.reading() as s:
            return [
                (i, n, mask_mobile(m), w, u, e)
                for i, n, m, w, u, e in s.execute(_participant_query(stmt, search))
            ]

    def count_visits(self, flt: StatsFilter) -> int:
        with self.db.reading() as s:
            return int(s.scalar(visit_filter(s, select(func.count(VisitRow.id)), flt)) or 0)

    def visits_page(self, flt: StatsFilter, offset: int, limit: int) -> list[tuple[Any, ...]]:
        """(visit id, day, venue name, person, masked mobile, union, group) rows, newest first."""
        with self.db.reading() as s:
            # Page over the ids alone (an index scan), then join only the page's rows.
            ids = (
                visit_filter(s, select(VisitRow.id), flt)
                .order_by(VisitRow.id.desc())
                .offset(offset)
                .limit(limit)
            )
            stmt = (
                visits_query(
                    s,
                    flt,
                    VisitRow.id,
                    VisitRow.day,
                    VenueRow.name_zh,
                    ParticipantRow.name,
                    ParticipantRow.mobile,
                    TradeUnionRow.name,
                    TourGroupRow.name,
                )
                .where(VisitRow.id.in_(ids.scalar_subquery()))
                .order_by(VisitRow.id.desc())
            )
            return [(i, d, v, n, mask_mobile(m), u, g or "") for i, d, v, n, m, u, g in s.execute(stmt)]


def _participant_query(stmt: AnySelect, search: str) -> AnySelect:
    cond = participant_search(search)
    return stmt if cond is None else stmt.where(cond)


def add_members(s: Session, group_id: int, participant_ids: Sequence[int]) -> int:
    """Put people on a group's roster; returns how many were new there (rowcount is -1 on PostgreSQL)."""
    if s.get(TourGroupRow, group_id) is None:
        raise LookupError(f"没有编号为 {group_id} 的团队")
    members = select(func.count()).select_from(GroupMemberRow).where(GroupMemberRow.group_id == group_id)
    before = s.scalar(members) or 0
    rows = [{"group_id": group_id, "participant_id": p} for p in participant_ids]
    for chunk in chunks(rows, 2000):
        s.execute(insert_ignoring_duplicates(s, GroupMemberRow), chunk)
    return (s.scalar(members) or 0) - before


def checkin_in_session(
    s: Session,
    group_id: int,
    participant_ids: Sequence[int],
    venue_ids: Sequence[str] | None,
    *,
    source: str,
) -> list[int]:
    group = s.get(TourGroupRow, group_id)
    if group is None:
        raise LookupError(f"没有编号为 {group_id} 的团队")
    venues = list(venue_ids) if venue_ids else list(group.venue_ids or ())
    stray = [v for v in venues if v not in (group.venue_ids or ())]
    if stray:
        raise ParticipationError(f"场馆 {'、'.join(stray)} 不在团队“{group.name}”的行程中")
    people = dict(
        s.execute(
            select(ParticipantRow.id, ParticipantRow.union_id).where(
                ParticipantRow.id.in_(list(dict.fromkeys(participant_ids)))
            )
        ).all()
    )
    missing = [p for p in participant_ids if p not in people]
    if missing:
        raise ParticipationError(f"人员编号不存在：{missing[:5]}")
    now = datetime.now()
    rows = [
        {
            "uuid": new_uuid(),
            "participant_id": pid,
            "venue_id": vid,
            "day": group.day,
            "month": month_of(group.day),
            "union_id": people[pid],
            "group_id": group.id,
            "source": source,
            "recorded": now,
        }
        for pid in people
        for vid in venues
    ]
    created: list[int] = []
    for chunk in chunks(rows, 1000):
        s.execute(insert_ignoring_duplicates(s, VisitRow), chunk)
        uuids = [r["uuid"] for r in chunk]
        created += s.scalars(select(VisitRow.id).where(VisitRow.uuid.in_(uuids)))
    return created
